import Foundation
import TumenProtocol

/// The phrases of estimative language and the ICD 203 probability bands they express: the data behind
/// `AnalysisResult.estimates`.
///
/// The bundled table lives in `Resources/estimative.json`; a user file of the same format merges over it.
///
/// ## File format
/// ```json
/// {
///   "bands": [ { "band": "likely", "low": 55, "high": 80, "negated": "unlikely" } ],
///   "phrases": [
///     { "text": "highly likely", "band": "very likely" },
///     { "text": "hard to expect", "band": "unlikely", "negated": true },
///     { "text": "rule out", "band": "almost no chance", "whenNegated": "unlikely" },
///     { "text": "is judged to", "band": "likely", "frame": true },
///     { "text": "low {likelihood}", "band": "unlikely" },
///     { "text": "circular error probable" }
///   ],
///   "likelihoodNouns": ["possibility", "chance"],
///   "degrees": [ { "text": "even lower", "band": "very unlikely" } ],
///   "copulas": ["is", "remains"],
///   "negators": ["not", "never", "cannot"],
///   "negationFillers": ["be", "very", "completely"],
///   "firstPerson": ["i", "we"],
///   "cognitionVerbs": ["think", "believe", "assess"],
///   "agents": ["authorities", "officials"]
/// }
/// ```
/// - `bands`: each band's range in percent, and the band its negation reads as (`not likely` → `unlikely`,
///   `not unlikely` → `roughly even chance`).
/// - `phrases`: words as written (see ``WordPhrases``), matched without regard to case, longest first, left to right.
///   `{likelihood}` stands for each of `likelihoodNouns`. `negated: true` marks a phrase that is itself a turned-round
///   form (`hard to expect`); `whenNegated` overrides the band's negation for this phrase. A `frame` is a judgement
///   verb without a degree of its own (`we assess`, `is expected to`): it reads `likely` unless an explicit phrase
///   follows it within ``frameReach`` tokens, which then carries the judgement. A phrase without `band` is not
///   estimative and only stops its words from matching (`circular error probable`).
/// - A negator (`not`, `never`, `cannot`, `n't`) before a phrase, separated from it only by `negationFillers`, turns
///   the phrase round. Negation after the phrase is content, not judgement: `is unlikely to deepen` stays `unlikely`.
/// - `degrees`: after a likelihood noun, a copula and a degree judge the noun's clause:
///   `the possibility of … is even lower` → `very unlikely`.
/// - `firstPerson`, `cognitionVerbs` and `agents` tell who judges (see ``EstimateExtractor``).
///
/// Modal verbs (`may`, `might`, `could`) are hedges, not estimates: ICD 203 has no band for them, and they are as
/// often about ability or permission as about probability, so they yield nothing on their own. Explicit statements
/// of possibility (`there is a possibility`, `it is possible that`, `possibly`) read `roughly even chance`, the band of
/// the analysts' "realistic possibility". `cannot rule out` reads `unlikely`: the writer concedes a chance while
/// leaning against it.
public struct EstimativeLexicon: Codable, Sendable, Equatable {
    /// One ICD 203 band.
    public struct Band: Codable, Sendable, Equatable {
        public var band: String
        public var low: Int
        public var high: Int
        /// The band that the negation of this band reads as.
        public var negated: String?

        public init(band: String, low: Int, high: Int, negated: String? = nil) {
            self.band = band
            self.low = low
            self.high = high
            self.negated = negated
        }
    }

    /// One estimative phrase.
    public struct Phrase: Codable, Sendable, Equatable {
        public var text: String
        /// The band; nil for a phrase that is not estimative and only blocks shorter matches.
        public var band: String?
        /// The phrase is itself a negated or hedged form (`hard to expect`).
        public var negated: Bool?
        /// The band when a negator precedes the phrase, instead of the band's own negation.
        public var whenNegated: String?
        /// A judgement verb without a degree of its own (`we assess`, `is expected to`).
        public var frame: Bool?

        public init(
            text: String, band: String?, negated: Bool? = nil, whenNegated: String? = nil, frame: Bool? = nil
        ) {
            self.text = text
            self.band = band
            self.negated = negated
            self.whenNegated = whenNegated
            self.frame = frame
        }
    }

    /// A degree word after a likelihood noun and a copula (`is even lower`).
    public struct Degree: Codable, Sendable, Equatable {
        public var text: String
        public var band: String

        public init(text: String, band: String) {
            self.text = text
            self.band = band
        }
    }

    public var bands: [Band]
    public var phrases: [Phrase]
    public var likelihoodNouns: [String]
    public var degrees: [Degree]
    public var copulas: [String]
    public var negators: [String]
    public var negationFillers: [String]
    public var firstPerson: [String]
    public var cognitionVerbs: [String]
    public var agents: [String]

    public init(
        bands: [Band], phrases: [Phrase], likelihoodNouns: [String] = [], degrees: [Degree] = [],
        copulas: [String] = [], negators: [String] = [], negationFillers: [String] = [], firstPerson: [String] = [],
        cognitionVerbs: [String] = [], agents: [String] = []
    ) {
        self.bands = bands
        self.phrases = phrases
        self.likelihoodNouns = likelihoodNouns
        self.degrees = degrees
        self.copulas = copulas
        self.negators = negators
        self.negationFillers = negationFillers
        self.firstPerson = firstPerson
        self.cognitionVerbs = cognitionVerbs
        self.agents = agents
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        bands = try container.decodeIfPresent([Band].self, forKey: .bands) ?? []
        phrases = try container.decodeIfPresent([Phrase].self, forKey: .phrases) ?? []
        likelihoodNouns = try container.decodeIfPresent([String].self, forKey: .likelihoodNouns) ?? []
        degrees = try container.decodeIfPresent([Degree].self, forKey: .degrees) ?? []
        copulas = try container.decodeIfPresent([String].self, forKey: .copulas) ?? []
        negators = try container.decodeIfPresent([String].self, forKey: .negators) ?? []
        negationFillers = try container.decodeIfPresent([String].self, forKey: .negationFillers) ?? []
        firstPerson = try container.decodeIfPresent([String].self, forKey: .firstPerson) ?? []
        cognitionVerbs = try container.decodeIfPresent([String].self, forKey: .cognitionVerbs) ?? []
        agents = try container.decodeIfPresent([String].self, forKey: .agents) ?? []
    }

    /// The table shipped with Tumen (`Resources/estimative.json`).
    public static let bundled: EstimativeLexicon =
        loadBundled("estimative") { try load(contentsOf: $0) } ?? EstimativeLexicon(bands: [], phrases: [])

    /// Reads an estimative-language file (see the type's documentation for the format), checking that every band a
    /// phrase names is defined.
    public static func load(contentsOf url: URL) throws(AnalysisResourceError) -> EstimativeLexicon {
        let lexicon = try decodeResource(EstimativeLexicon.self, at: url)
        let known = Set(lexicon.bands.map(\.band))
        let named =
            lexicon.phrases.flatMap { [$0.band, $0.whenNegated].compactMap(\.self) } + lexicon.degrees.map(\.band)
            + lexicon.bands.compactMap(\.negated)
        if let unknown = named.first(where: { !known.contains($0) }) {
            throw AnalysisResourceError(
                code: .malformed, url: url, message: "the band '\(unknown)' is used but not listed under \"bands\"")
        }
        return lexicon
    }

    /// This table with `other`'s entries added; `other`'s bands and phrases replace those of the same name.
    public func merging(_ other: EstimativeLexicon) -> EstimativeLexicon {
        func merge<T>(_ base: [T], _ new: [T], key: (T) -> String) -> [T] {
            let replaced = Set(new.map(key))
            return base.filter { !replaced.contains(key($0)) } + new
        }
        func union(_ base: [String], _ new: [String]) -> [String] { base + new.filter { !base.contains($0) } }
        return EstimativeLexicon(
            bands: merge(bands, other.bands, key: \.band), phrases: merge(phrases, other.phrases, key: \.text),
            likelihoodNouns: union(likelihoodNouns, other.likelihoodNouns),
            degrees: merge(degrees, other.degrees, key: \.text), copulas: union(copulas, other.copulas),
            negators: union(negators, other.negators), negationFillers: union(negationFillers, other.negationFillers),
            firstPerson: union(firstPerson, other.firstPerson),
            cognitionVerbs: union(cognitionVerbs, other.cognitionVerbs), agents: union(agents, other.agents))
    }
}

/// Finds estimative statements in sentences, with their band, phrase and judge.
///
/// One left-to-right pass per sentence: at each token the longest phrase of the lexicon is tried; a likelihood noun
/// also looks ahead, within its clause, for a copula and a degree. Every lookup is by word key, so the pass is linear
/// in the sentence and allocates only for the findings.
///
/// Who judges (`source`): see ``judge(in:of:mentions:)``.
struct EstimateExtractor: Sendable {
    private struct Entry: Sendable {
        var band: Int?
        var negatedBand: Int?
        var isNegatedForm: Bool
        var isFrame: Bool
    }

    /// How many tokens after a frame an explicit phrase may start and still carry the frame's judgement.
    static let frameReach = 12
    /// How many tokens after a likelihood noun its copula may come.
    static let degreeReach = 24

    private let bands: [EstimativeLexicon.Band]
    private let phrases: WordPhrases<Entry>
    private let degrees: WordPhrases<Int>
    private let likelihoodNouns: Set<UInt64>
    private let copulas: Set<UInt64>
    private let negators: Set<UInt64>
    private let fillers: Set<UInt64>
    private let firstPerson: Set<UInt64>
    private let cognitionVerbs: Set<UInt64>
    private let agents: Set<UInt64>
    private static let apostropheT = WordKey.of("t")
    private static let possessives = Lexicon.keys(["our", "their", "its", "the", "his", "her", "my", "your"])
    private static let according = WordKey.of("according")
    private static let adverbs = Lexicon.keys([
        "also", "further", "still", "now", "previously", "recently", "reportedly", "firmly", "strongly", "clearly",
        "generally", "personally", "however", "therefore", "thus", "further",
    ])
    /// Capitalised words that open sentences without naming anyone: `This shows`, `It says`.
    private static let sentenceOpeners = Lexicon.keys([
        "this", "that", "these", "those", "it", "he", "she", "they", "there", "some", "many", "most", "others",
        "one", "such", "which", "who", "what", "experts", "analysts", "observers", "critics",
    ])

    init(_ lexicon: EstimativeLexicon) {
        bands = lexicon.bands
        var index: [String: Int] = [:]
        for (position, band) in lexicon.bands.enumerated() { index[band.band] = position }
        var entries: [(String, Entry)] = []
        for phrase in lexicon.phrases {
            let band = phrase.band.flatMap { index[$0] }
            let negated = (phrase.whenNegated ?? band.flatMap { lexicon.bands[$0].negated }).flatMap { index[$0] }
            let entry = Entry(
                band: band, negatedBand: negated, isNegatedForm: phrase.negated ?? false,
                isFrame: phrase.frame ?? false)
            if phrase.text.contains("{likelihood}") {
                for noun in lexicon.likelihoodNouns {
                    entries.append((phrase.text.replacingOccurrences(of: "{likelihood}", with: noun), entry))
                }
            } else {
                entries.append((phrase.text, entry))
            }
        }
        phrases = WordPhrases(entries)
        degrees = WordPhrases(lexicon.degrees.compactMap { degree in index[degree.band].map { (degree.text, $0) } })
        likelihoodNouns = Lexicon.keys(lexicon.likelihoodNouns)
        copulas = Lexicon.keys(lexicon.copulas)
        negators = Lexicon.keys(lexicon.negators)
        fillers = Lexicon.keys(lexicon.negationFillers)
        firstPerson = Lexicon.keys(lexicon.firstPerson)
        cognitionVerbs = Lexicon.keys(lexicon.cognitionVerbs)
        agents = Lexicon.keys(lexicon.agents)
    }

    /// The estimates of one sentence, in order. `judge` and `sentenceText` are asked only when there is one.
    func estimates(
        in sentence: Sentence, of text: ScannedText, sentenceText: () -> String, judge: () -> String?
    ) -> [Estimate] {
        let tokens = text.tokens
        var found: [(first: Int, end: Int, band: Int, negated: Bool, isFrame: Bool)] = []
        var index = sentence.firstToken
        while index < sentence.endToken {
            let token = tokens[index]
            guard token.kind == .word else {
                index += 1
                continue
            }
            if let (entry, end) = phrases.match(tokens, at: index, limit: sentence.endToken) {
                if let band = entry.band {
                    if let negator = negatorPosition(tokens, before: index, floor: sentence.firstToken),
                        let turned = entry.negatedBand
                    {
                        found.append((negator, end, turned, true, false))
                    } else {
                        found.append((index, end, band, entry.isNegatedForm, entry.isFrame))
                    }
                }
                index = end
                continue
            }
            if likelihoodNouns.contains(token.key),
                let degree = degree(tokens, after: index, limit: sentence.endToken)
            {
                found.append((degree.first, degree.end, degree.band, false, false))
                index = degree.end
                continue
            }
            index += 1
        }
        guard !found.isEmpty else { return [] }

        // A frame (`we assess`) gives way to an explicit phrase that follows it closely.
        var kept: [(first: Int, end: Int, band: Int, negated: Bool, isFrame: Bool)] = []
        for (position, finding) in found.enumerated() {
            if finding.isFrame, position + 1 < found.count, !found[position + 1].isFrame,
                found[position + 1].first - finding.end <= Self.frameReach
            {
                continue
            }
            kept.append(finding)
        }
        let source = judge()
        let span = TextSpan(start: sentence.start, end: sentence.end)
        let sentenceString = sentenceText()
        return kept.map { finding in
            let band = bands[finding.band]
            let start = tokens[finding.first].start
            let end = tokens[finding.end - 1].end
            return Estimate(
                span: TextSpan(start: start, end: end), phrase: text.string(start, end), band: band.band,
                low: band.low, high: band.high, negated: finding.negated, source: source, sentence: span,
                sentenceText: sentenceString)
        }
    }

    /// The first token of the negator before `index` (`isn` of `isn't`), skipping fillers; nil when there is none.
    private func negatorPosition(_ tokens: [Token], before index: Int, floor: Int) -> Int? {
        var position = index - 1
        var skipped = 0
        while position >= floor, skipped <= 3 {
            let token = tokens[position]
            guard token.kind == .word else { return nil }
            if negators.contains(token.key) { return position }
            // `n't`: `isn't` is `isn`, `'`, `t`.
            if token.key == Self.apostropheT, position >= floor + 2, !token.hasSpaceBefore,
                WordPhrases<Int>.key(of: tokens[position - 1]) == 0x27
            {
                return position - 2
            }
            guard fillers.contains(token.key) else { return nil }
            position -= 1
            skipped += 1
        }
        return nil
    }

    /// `possibility … is even lower`: a copula within reach of the noun (same clause), then a degree.
    private func degree(_ tokens: [Token], after noun: Int, limit: Int) -> (first: Int, end: Int, band: Int)? {
        var position = noun + 1
        let reach = min(limit, noun + 1 + Self.degreeReach)
        while position < reach {
            let token = tokens[position]
            if token.kind == .symbol {
                let key = WordPhrases<Int>.key(of: token)
                if key == 0x3B || key == 0x3A || key == 0x2E || key == 0x3F || key == 0x21 { return nil }
            } else if copulas.contains(token.key) {
                var next = position + 1
                while next < limit, next - position <= 3 {
                    if let (band, end) = degrees.match(tokens, at: next, limit: limit) {
                        return (position, end, band)
                    }
                    next += 1
                }
                return nil
            }
            position += 1
        }
        return nil
    }

    /// Who judges or asserts what the sentence says: `according to X`; else the subject of the first verb of saying
    /// or thinking — the writer (`the author`) for `I`/`we`, a gazetteer entity, a capitalised name (`Chair Park`), or
    /// an agent noun phrase (`intelligence authorities`). Third-person pronouns name no one.
    func judge(
        in sentence: Sentence, of text: ScannedText,
        mentions: ArraySlice<(mention: EntityMention, firstToken: Int, endToken: Int)>
    ) -> String? {
        let tokens = text.tokens
        var index = sentence.firstToken
        while index + 1 < sentence.endToken {
            defer { index += 1 }
            guard tokens[index].kind == .word else { continue }
            if tokens[index].key == Self.according, tokens[index + 1].key == Lexicon.to {
                if let mention = mentions.first(where: { $0.firstToken == index + 2 }) { return mention.mention.name }
                if let name = capitalisedRun(tokens, from: index + 2, limit: sentence.endToken) {
                    return text.string(tokens: name.lowerBound, name.upperBound - 1)
                }
                continue
            }
            guard index > sentence.firstToken, tokens[index].isLowercase, cognitionVerbs.contains(tokens[index].key)
            else { continue }
            var subjectEnd = index - 1
            while subjectEnd > sentence.firstToken, Self.adverbs.contains(tokens[subjectEnd].key) { subjectEnd -= 1 }
            let subject = tokens[subjectEnd]
            guard subject.kind == .word else { continue }
            if firstPerson.contains(subject.key) { return "the author" }
            if let mention = mentions.first(where: { $0.endToken - 1 == subjectEnd }) { return mention.mention.name }
            if subject.isCapitalized, subjectEnd > sentence.firstToken || !Self.sentenceOpeners.contains(subject.key) {
                var first = subjectEnd
                while first - 1 >= sentence.firstToken, subjectEnd - first < 3, tokens[first - 1].kind == .word,
                    tokens[first - 1].isCapitalized
                {
                    first -= 1
                }
                if first == subjectEnd, Self.sentenceOpeners.contains(subject.key) { continue }
                return text.string(tokens: first, subjectEnd)
            }
            guard agents.contains(subject.key) else { continue }
            var first = subjectEnd
            while first - 1 >= sentence.firstToken, subjectEnd - first < 2, tokens[first - 1].kind == .word,
                tokens[first - 1].isLowercase, !Self.possessives.contains(tokens[first - 1].key),
                !Lexicon.stopWords.contains(tokens[first - 1].key)
            {
                first -= 1
            }
            return text.string(tokens: first, subjectEnd)
        }
        return nil
    }

    /// Capitalised words from `start`, skipping a leading `the`; nil when there are none.
    private func capitalisedRun(_ tokens: [Token], from start: Int, limit: Int) -> Range<Int>? {
        var first = start
        if first < limit, tokens[first].key == Lexicon.the { first += 1 }
        var end = first
        while end < limit, end - first < 6, tokens[end].kind == .word, tokens[end].isCapitalized { end += 1 }
        return end > first ? first..<end : nil
    }
}
