import Foundation

/// The kinds of dated events (`military`, `intelligence`, `technology`, `economic`, `diplomatic`) and the keywords
/// that signal each, plus the verbs of action that let a year date an event.
///
/// The bundled lexicon lives in `Resources/event_categories.json`.
///
/// ## File format
/// ```json
/// {
///   "fallback": "economic",
///   "categories": [
///     { "name": "military", "compare": "military", "terms": ["troop*", "missile*", "air defense"] }
///   ],
///   "eventVerbs": ["signed", "visited", "launched"],
///   "figures": "economic"
/// }
/// ```
/// - `terms`: words matched whole and without regard to case; a trailing `*` matches any word that starts with the
///   rest; several words (separated by spaces or hyphens) form a phrase matched on consecutive words.
/// - `compare`: the category this one counts as when compared with a gold standard that has fewer categories.
/// - An event's category is the one with most hits in its sentence (a chronology entry's headline counts three times,
///   the rest of the entry once); each sum of money or percentage in the sentence is one hit for `figures`; ties go
///   to the category listed first; `fallback` when nothing matches.
public struct EventCategories: Sendable, Equatable {
    /// One category and its keywords.
    public struct Category: Codable, Sendable, Equatable {
        public var name: String
        public var compare: String?
        public var terms: [String]

        public init(name: String, compare: String? = nil, terms: [String]) {
            self.name = name
            self.compare = compare
            self.terms = terms
        }
    }

    private struct File: Codable {
        var fallback: String
        var categories: [Category]
        var eventVerbs: [String]
        var figures: String?
    }

    public var fallback: String
    public var categories: [Category]
    public var eventVerbs: [String]
    /// The category that each sum of money or percentage in an event's sentence counts for, as one keyword would.
    public var figures: String?

    public init(fallback: String, categories: [Category], eventVerbs: [String], figures: String? = nil) {
        self.fallback = fallback
        self.categories = categories
        self.eventVerbs = eventVerbs
        self.figures = figures
    }

    /// The lexicon shipped with Tumen (`Resources/event_categories.json`).
    public static let bundled: EventCategories =
        loadBundled("event_categories") { try load(contentsOf: $0) }
        ?? EventCategories(fallback: "other", categories: [], eventVerbs: [])

    /// Reads an event category file (see the type's documentation for the format).
    public static func load(contentsOf url: URL) throws(AnalysisResourceError) -> EventCategories {
        let file = try decodeResource(File.self, at: url)
        return EventCategories(
            fallback: file.fallback, categories: file.categories, eventVerbs: file.eventVerbs, figures: file.figures)
    }
}

/// An event category lexicon compiled into word-key tables.
struct EventCategoryMatcher: Sendable {
    private struct Word: Sendable {
        let key: UInt64
        /// Match any word that starts with these scalars (for `stem*`); empty for a whole word.
        let prefix: [UInt32]
    }

    private struct Term: Sendable {
        let category: Int
        let words: [Word]
    }

    static let bundled = EventCategoryMatcher(.bundled)

    private let names: [String]
    private let fallback: String
    private let figures: Int?
    /// Terms by the key of their first word, or of their first word's stem (for `stem*`).
    private var byFirstKey: [UInt64: [Term]] = [:]
    private var byFirstStem: [UInt64: [Term]] = [:]
    /// The lengths of the first words' stems, shortest first.
    private var stemLengths: [Int] = []
    private let eventVerbs: Set<UInt64>

    init(_ lexicon: EventCategories) {
        let names = lexicon.categories.map(\.name)
        self.names = names
        fallback = lexicon.fallback
        figures = lexicon.figures.flatMap { names.firstIndex(of: $0) }
        eventVerbs = Set(lexicon.eventVerbs.map(WordKey.of))
        for (index, category) in lexicon.categories.enumerated() {
            for term in category.terms {
                let parts = term.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "*") }
                guard !parts.isEmpty else { continue }
                let words = parts.map { part -> Word in
                    if part.hasSuffix("*") {
                        return Word(key: 0, prefix: part.dropLast().unicodeScalars.map(\.value))
                    }
                    return Word(key: WordKey.of(part), prefix: [])
                }
                let compiled = Term(category: index, words: words)
                if words[0].prefix.isEmpty {
                    byFirstKey[words[0].key, default: []].append(compiled)
                } else {
                    var key = WordKey()
                    for scalar in words[0].prefix { key.add(scalar) }
                    byFirstStem[key.value, default: []].append(compiled)
                    if !stemLengths.contains(words[0].prefix.count) { stemLengths.append(words[0].prefix.count) }
                }
            }
        }
        stemLengths.sort()
    }

    /// Whether any word of the range is a verb of action.
    func hasEventVerb(_ text: ScannedText, _ range: Range<Int>) -> Bool {
        range.contains { text.tokens[$0].kind == .word && eventVerbs.contains(text.tokens[$0].key) }
    }

    /// The category with most hits over the ranges, each counted `weight` times, with `figures` sums of money and
    /// percentages.
    func category(_ text: ScannedText, _ ranges: [(range: Range<Int>, weight: Int)], figures count: Int = 0) -> String {
        guard !names.isEmpty else { return fallback }
        var scores = [Int](repeating: 0, count: names.count)
        if let figures { scores[figures] += count }
        for (range, weight) in ranges {
            let words = range.filter { text.tokens[$0].kind == .word }
            for position in words.indices {
                for term in byFirstKey[text.tokens[words[position]].key] ?? []
                where matches(term, text, words, position) {
                    scores[term.category] += weight
                }
                // Stems: hash the word's first scalars once, looking up each stem length on the way.
                let token = text.tokens[words[position]]
                var key = WordKey()
                var length = 0
                for stemLength in stemLengths where stemLength <= token.end - token.start {
                    while length < stemLength {
                        key.add(text.scalars[token.start + length])
                        length += 1
                    }
                    for term in byFirstStem[key.value] ?? [] where matches(term, text, words, position) {
                        scores[term.category] += weight
                    }
                }
            }
        }
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }),
            scores[best] > 0
        else { return fallback }
        return names[best]
    }

    private func matches(_ term: Term, _ text: ScannedText, _ words: [Int], _ position: Int) -> Bool {
        guard position + term.words.count <= words.count else { return false }
        for (offset, word) in term.words.enumerated() {
            let token = text.tokens[words[position + offset]]
            if word.prefix.isEmpty {
                guard token.key == word.key else { return false }
            } else {
                guard token.end - token.start >= word.prefix.count else { return false }
                for (index, scalar) in word.prefix.enumerated()
                where Scalars.fold(text.scalars[token.start + index]) != scalar {
                    return false
                }
            }
        }
        return true
    }
}
