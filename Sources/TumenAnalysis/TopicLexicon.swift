import Foundation
import TumenProtocol

/// Keywords that signal each subject topic: the data behind `AnalysisResult.topics` and
/// `AnalysisResult.sentenceTopics`.
///
/// The bundled topics: `economic` (economy and trade), `military`, `diplomatic`, `labour`, `sanctions`,
/// `technology` (including technology transfer), and the narrower `munitions`, `troops`, `logistics` and `tourism`,
/// whose words also count for their broader topic (`shells` is `munitions` and `military`).
///
/// The bundled lexicon lives in `Resources/topics.json`; a user file of the same format merges over it.
///
/// ## File format
/// ```json
/// { "topics": { "sanctions": ["sanction*", "embargo", "blacklist"] } }
/// ```
/// Keywords are single words, matched whole and without regard to case; a trailing `*` matches any word that starts
/// with the rest (`sanction*` matches `sanctions`, `sanctioned`).
///
/// ## Prominence
/// A topic's score is the number of keyword occurrences in the document. Topics are reported most prominent first
/// (ties in the order of `topicOrder`), keeping those that score at least `minimumShare` of the top score and at
/// least `minimumHits` (or the top score, when the document is too short to reach it).
///
/// ## Sentences
/// Every sentence with at least one keyword gets its topics, most hits first (ties in the order of `topicOrder`);
/// no threshold applies.
public struct TopicLexicon: Sendable, Equatable {
    /// Keywords per topic, as written in the file.
    public private(set) var keywords: [String: [String]]
    /// A topic needs at least this share of the most prominent topic's score.
    public var minimumShare: Double = 0.25
    /// A topic needs at least this many keyword hits (unless no topic reaches it).
    public var minimumHits: Int = 2

    private struct File: Codable {
        var topics: [String: [String]]
    }

    public init(keywords: [String: [String]]) {
        self.keywords = keywords
    }

    /// The lexicon shipped with Tumen (`Resources/topics.json`).
    public static let bundled: TopicLexicon =
        loadBundled("topics") { try load(contentsOf: $0) } ?? TopicLexicon(keywords: [:])

    /// Reads a topic lexicon file (see the type's documentation for the format).
    public static func load(contentsOf url: URL) throws(AnalysisResourceError) -> TopicLexicon {
        TopicLexicon(keywords: try decodeResource(File.self, at: url).topics)
    }

    /// This lexicon with `other`'s keywords added, topic by topic.
    public func merging(_ other: TopicLexicon) -> TopicLexicon {
        var result = self
        for (topic, words) in other.keywords {
            var list = result.keywords[topic] ?? []
            for word in words where !list.contains(word) { list.append(word) }
            result.keywords[topic] = list
        }
        return result
    }

    /// The topics in a stable order: the protocol's subjects first, then any others alphabetically.
    var topicOrder: [String] {
        let known = Topics.subjects.filter { keywords[$0] != nil }
        return known + keywords.keys.filter { !known.contains($0) }.sorted()
    }
}

/// A topic lexicon compiled into word-key tables.
struct TopicMatcher: Sendable {
    private let topics: [String]
    private var exact: [UInt64: [Int]] = [:]
    private var prefixes: [UInt64: [Int]] = [:]
    private var prefixLengths: [Int] = []
    private let minimumShare: Double
    private let minimumHits: Int

    init(_ lexicon: TopicLexicon) {
        topics = lexicon.topicOrder
        minimumShare = lexicon.minimumShare
        minimumHits = lexicon.minimumHits
        var lengths = Set<Int>()
        for (index, topic) in topics.enumerated() {
            for keyword in lexicon.keywords[topic] ?? [] {
                let word = keyword.lowercased()
                if word.hasSuffix("*") {
                    let stem = word.dropLast()
                    guard !stem.isEmpty else { continue }
                    let key = WordKey.of(stem)
                    if !(prefixes[key]?.contains(index) ?? false) { prefixes[key, default: []].append(index) }
                    lengths.insert(stem.unicodeScalars.count)
                } else {
                    let key = WordKey.of(word)
                    if !(exact[key]?.contains(index) ?? false) { exact[key, default: []].append(index) }
                }
            }
        }
        prefixLengths = lengths.sorted()
    }

    /// The document's topics, most prominent first, and the topics of each sentence that has any (most keyword hits
    /// first, ties in lexicon order). One pass over the words.
    func topics(in text: ScannedText, sentences: [Sentence]) -> (document: [String], sentences: [SentenceTopics]) {
        guard !topics.isEmpty else { return ([], []) }
        var scores = [Int](repeating: 0, count: topics.count)
        var sentenceScores = scores
        var perSentence: [SentenceTopics] = []
        var next = 0
        for sentence in sentences {
            // Words between sentences (stripped bullets) count for the document only.
            if next < sentence.firstToken { addHits(text, next..<sentence.firstToken, into: &scores) }
            for index in sentenceScores.indices { sentenceScores[index] = 0 }
            addHits(text, sentence.firstToken..<sentence.endToken, into: &sentenceScores)
            var hit: [Int] = []
            for index in sentenceScores.indices where sentenceScores[index] > 0 {
                scores[index] += sentenceScores[index]
                hit.append(index)
            }
            if !hit.isEmpty {
                hit.sort {
                    sentenceScores[$0] != sentenceScores[$1] ? sentenceScores[$0] > sentenceScores[$1] : $0 < $1
                }
                perSentence.append(
                    SentenceTopics(
                        sentence: TextSpan(start: sentence.start, end: sentence.end), topics: hit.map { topics[$0] }))
            }
            next = sentence.endToken
        }
        if next < text.tokens.count { addHits(text, next..<text.tokens.count, into: &scores) }
        let top = scores.max() ?? 0
        guard top > 0 else { return ([], perSentence) }
        let floor = max(min(minimumHits, top), Int((Double(top) * minimumShare).rounded(.up)))
        let document = scores.indices
            .filter { scores[$0] >= floor }
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .map { topics[$0] }
        return (document, perSentence)
    }

    /// Adds one to a topic's score for every keyword of it among the words of `range`.
    private func addHits(_ text: ScannedText, _ range: Range<Int>, into scores: inout [Int]) {
        let s = text.scalars
        for token in text.tokens[range] where token.kind == .word {
            let exactHits = exact[token.key]
            if let exactHits {
                for index in exactHits { scores[index] += 1 }
            }
            guard !prefixLengths.isEmpty else { continue }
            var key = WordKey()
            var length = 0
            var next = 0
            var position = token.start
            while position < token.end, next < prefixLengths.count {
                key.add(s[position])
                position += 1
                length += 1
                if length == prefixLengths[next] {
                    next += 1
                    if let indices = prefixes[key.value] {
                        // A word listed exactly and as a stem of the same topic counts once.
                        for index in indices where !(exactHits?.contains(index) ?? false) { scores[index] += 1 }
                        break
                    }
                }
            }
        }
    }
}
