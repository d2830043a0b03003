import Foundation
import TumenProtocol

/// Words that tell what a figure measures, grouped into concepts (`Resources/measures.json`).
///
/// ## File format
/// ```json
/// {
///   "groups": { "benefit": ["benefit", "gain", "compensation"], "trade": ["trade", "exports"] },
///   "relational": ["trade"],
///   "owners": { "russia": "russia", "russian": "russia", "china": "china" },
///   "specific": ["troop"],
///   "generic": ["number", "total"]
/// }
/// ```
/// Words are matched whole and without regard to case. `owners` maps the words that name a party to one key
/// ("Russian" and "Russia" are the same party). A relational concept (trade between parties, a share of a whole)
/// is only the same measure when both sides name the same parties. A `specific` concept (counts of people and
/// things) is only the same measure when both texts share a word beyond the concept's own and the `generic` ones.
public struct MeasureLexicon: Sendable, Equatable {
    /// Concept of each word.
    public private(set) var concepts: [String: String]
    /// Concepts whose parties must match.
    public private(set) var relational: Set<String>
    /// Party key of each word that names one.
    public private(set) var owners: [String: String]
    /// Concepts too broad on their own: their measures must share a word of detail.
    public private(set) var specific: Set<String>
    /// Words that are no detail: `number`, `total`, articles and prepositions.
    public private(set) var generic: Set<String>

    private struct File: Codable {
        var groups: [String: [String]]
        var relational: [String]
        var owners: [String: String]
        var specific: [String]?
        var generic: [String]?
    }

    public init(
        groups: [String: [String]], relational: [String] = [], owners: [String: String], specific: [String] = [],
        generic: [String] = []
    ) {
        var concepts: [String: String] = [:]
        for (concept, words) in groups.sorted(by: { $0.key < $1.key }) {
            for word in words where concepts[word.lowercased()] == nil { concepts[word.lowercased()] = concept }
        }
        self.concepts = concepts
        self.relational = Set(relational)
        self.owners = Dictionary(
            owners.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.specific = Set(specific)
        self.generic = Set(generic.map { $0.lowercased() })
    }

    /// The lexicon shipped with Tumen.
    public static let bundled: MeasureLexicon =
        loadBundled("measures") { try load(contentsOf: $0) } ?? MeasureLexicon(groups: [:], owners: [:])

    /// Reads a measure lexicon file.
    public static func load(contentsOf url: URL) throws(AnalysisResourceError) -> MeasureLexicon {
        let file = try decodeResource(File.self, at: url)
        return MeasureLexicon(
            groups: file.groups, relational: file.relational, owners: file.owners, specific: file.specific ?? [],
            generic: file.generic ?? [])
    }

    /// The head concept of a measure, the owners named before it, and every party it names.
    func profile(of measure: String?) -> MeasureProfile? {
        guard let measure else { return nil }
        var head: String?
        var owners: Set<String> = []
        var parties: Set<String> = []
        let words = Self.words(of: measure)
        for word in words {
            if head == nil, let concept = concepts[word] { head = concept }
            if let party = self.owners[word] {
                parties.insert(party)
                if head == nil { owners.insert(party) }
            }
        }
        guard let head else { return nil }
        let detail = Set(words.filter { !$0.isEmpty && concepts[$0] != head && !generic.contains($0) })
        return MeasureProfile(
            concept: head, isRelational: relational.contains(head), isSpecific: specific.contains(head),
            owners: owners, parties: parties, detail: detail)
    }

    /// Lower-case words, split at anything but letters, dots and hyphens.
    static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0 == "." || $0 == "-") }.map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        }
    }
}

/// What a measure is about: its head concept, whose it is, which parties it names, and its other words.
struct MeasureProfile: Equatable {
    var concept: String
    var isRelational: Bool
    var isSpecific: Bool
    var owners: Set<String>
    var parties: Set<String>
    /// The measure's words other than its concept's and generic ones: `deployed`, `kursk` in `troops deployed to
    /// Kursk`.
    var detail: Set<String>

    /// Same concept; for a relational one the same named parties, otherwise no different owner named on both sides;
    /// for a specific one (a count of people or things) also a shared word of detail.
    func isSameMeasure(as other: MeasureProfile) -> Bool {
        guard concept == other.concept else { return false }
        if isSpecific, detail.isDisjoint(with: other.detail) { return false }
        if isRelational { return !parties.isEmpty && parties == other.parties }
        return owners.isEmpty || other.owners.isEmpty || owners == other.owners
    }
}

/// Compares one document's claims with other documents' claims: finds contradictions and grades credibility.
///
/// The rule, so that an analyst can check it:
/// - Two claims are about **the same thing** when they have the same unit (ratios and durations are not compared),
///   the head concepts of their measures match (``MeasureLexicon``: "benefits" ≈ "compensation", "share" ≈
///   "portion") with no different owner named ("Chinese imports" are not "Russian imports"; for trade and shares
///   both must name the same parties: "Russia's share of North Korea's trade" is neither "China's share" nor a
///   "bilateral trade" whose parties are not named; counts of people and things must share a word of detail:
///   "troops deployed to Kursk" ≈ "soldiers deployed to Kursk", but not "people killed" and "people displaced",
///   nor a bare "troops"), and their periods overlap (a claim without a period overlaps any).
/// - Each claim's value becomes an interval from its qualifier: exact ±0.5 % (rounding), about/around ±5 %,
///   over/at least [v, ∞), up to/under [0, v], nearly [0.9 v, v], a range [low, high].
/// - Claims about the same thing **agree** when their intervals overlap, and **disagree** otherwise. Only claims from
///   **independent** sources count: claims whose origin source is the same (after the `independence` mapping, e.g.
///   an outlet relaying NIS counts as NIS) neither confirm nor contradict each other.
/// - **Credibility** (NATO Admiralty): 1 confirmed by ≥ 2 independent sources and contradicted by none; 2 confirmed
///   by more sources than contradict it; 3 neither confirmed nor contradicted; 4 contradicted by one source at
///   least as often as confirmed; 5 contradicted by ≥ 2 independent sources and confirmed by fewer; 6 no source named.
public struct Crosscheck: Sendable {
    private let lexicon: MeasureLexicon
    private let independence: @Sendable (String) -> String

    /// Units whose figures are not compared: ratios, repetitions and durations say little on their own.
    public static let uncomparedUnits: Set<String> = [
        "ratio", "time", "day", "hour", "minute", "week", "month", "year", "mm",
    ]

    /// - Parameter independence: maps a source name to the key of its independence group (by default, the name in
    ///   lower case); two sources with the same key are one source.
    public init(
        lexicon: MeasureLexicon = .bundled,
        independence: @escaping @Sendable (String) -> String = { $0.lowercased() }
    ) {
        self.lexicon = lexicon
        self.independence = independence
    }

    /// Contradictions of the subject's claims, and assessments of the subject's claims and of the candidates they
    /// touch.
    public func run(_ set: ClaimSet) -> CrosscheckResult {
        let subject = set.subject.map(prepare)
        let candidates = set.candidates.filter { $0.documentId != set.documentId }.map(prepare)
        // Only claims with the same unit and head concept can be about the same measure, so claims are compared
        // within those groups only, and at most `maxPerGroup` of each side per group (linear time on any input).
        var subjectGroups: [String: [Int]] = [:]
        for index in subject.indices {
            guard let key = subject[index].groupKey, subjectGroups[key, default: []].count < Self.maxPerGroup else {
                continue
            }
            subjectGroups[key, default: []].append(index)
        }
        var candidateGroups: [String: [Int]] = [:]
        for index in candidates.indices {
            guard let key = candidates[index].groupKey, subjectGroups[key] != nil,
                candidateGroups[key, default: []].count < Self.maxPerGroup
            else { continue }
            candidateGroups[key, default: []].append(index)
        }
        var contradictions: [Contradiction] = []
        var touched: [Int] = []
        var isTouched = Set<Int>()
        var assessments: [ClaimAssessment] = []
        for (position, claim) in subject.enumerated() {
            let key = claim.groupKey ?? ""
            // Claims of the same document from other sources count too; each such pair is reported once.
            let siblings = (subjectGroups[key] ?? []).filter { $0 != position && isComparable(claim, subject[$0]) }
            for index in siblings where index > position && disagree(claim, subject[index]) {
                contradictions.append(contradiction(claim, subject[index]))
            }
            let related = (candidateGroups[key] ?? []).filter { isComparable(claim, candidates[$0]) }
            for index in related {
                if disagree(claim, candidates[index]) { contradictions.append(contradiction(claim, candidates[index])) }
                if isTouched.insert(index).inserted { touched.append(index) }
            }
            assessments.append(assess(claim, among: siblings.map { subject[$0] } + related.map { candidates[$0] }))
        }
        for index in touched {
            let claim = candidates[index]
            let key = claim.groupKey ?? ""
            let group =
                (subjectGroups[key] ?? []).map { subject[$0] } + (candidateGroups[key] ?? []).map { candidates[$0] }
            assessments.append(assess(claim, among: group.filter { $0 != claim && isComparable(claim, $0) }))
        }
        return CrosscheckResult(documentId: set.documentId, contradictions: contradictions, assessments: assessments)
    }

    /// How many claims of one side are compared per unit and concept; a document with more figures about one
    /// measure than this has the rest assessed on their own.
    public static let maxPerGroup = 1_000

    /// Two comparable claims from different, named sources whose values cannot both hold.
    private func disagree(_ a: PreparedClaim, _ b: PreparedClaim) -> Bool {
        !a.interval.overlaps(b.interval) && a.origin != nil && b.origin != nil && a.origin != b.origin
    }

    private func contradiction(_ claim: PreparedClaim, _ other: PreparedClaim) -> Contradiction {
        Contradiction(claim: claim.reference, other: other.reference, explanation: explain(claim, other))
    }

    /// A claim with what the comparison needs.
    struct PreparedClaim: Equatable {
        var reference: ClaimReference
        var profile: MeasureProfile?
        var interval: ValueInterval
        var period: PeriodInterval?
        var origin: String?

        /// Unit and head concept: only claims with the same key can be compared.
        var groupKey: String? {
            guard let unit = reference.unit, !Crosscheck.uncomparedUnits.contains(unit), let profile else { return nil }
            return unit + "\u{1F}" + profile.concept
        }
    }

    private func prepare(_ reference: ClaimReference) -> PreparedClaim {
        PreparedClaim(
            reference: reference, profile: lexicon.profile(of: reference.measure),
            interval: ValueInterval(reference), period: reference.period.flatMap(PeriodInterval.init),
            origin: reference.source.map(independence))
    }

    private func isComparable(_ a: PreparedClaim, _ b: PreparedClaim) -> Bool {
        guard a.reference.documentId != b.reference.documentId || a.reference.span != b.reference.span,
            let unit = a.reference.unit, unit == b.reference.unit, !Self.uncomparedUnits.contains(unit),
            let profileA = a.profile, let profileB = b.profile, profileA.isSameMeasure(as: profileB),
            a.interval.isBounded || b.interval.isBounded
        else { return false }
        if let periodA = a.period, let periodB = b.period { return periodA.overlaps(periodB) }
        return true
    }

    private func assess(_ claim: PreparedClaim, among related: [PreparedClaim]) -> ClaimAssessment {
        var confirming: Set<String> = []
        var contradicting: Set<String> = []
        for other in related {
            guard let origin = other.origin, origin != claim.origin else { continue }
            if claim.interval.overlaps(other.interval) {
                confirming.insert(origin)
            } else {
                contradicting.insert(origin)
            }
        }
        contradicting.subtract(confirming)
        let credibility: Int
        switch (claim.origin, confirming.count, contradicting.count) {
        case (nil, _, _): credibility = 6
        case (_, let yes, 0) where yes >= 2: credibility = 1
        case (_, let yes, let no) where yes > no: credibility = 2
        case (_, 0, 0): credibility = 3
        case (_, let yes, let no) where no >= 2 && yes < no: credibility = 5
        default: credibility = 4
        }
        return ClaimAssessment(
            documentId: claim.reference.documentId, span: claim.reference.span, credibility: credibility,
            confirmations: confirming.count, contradictions: contradicting.count)
    }

    private func explain(_ claim: PreparedClaim, _ other: PreparedClaim) -> String {
        let concept = claim.profile?.concept ?? "measure"
        var text = "both give \(concept) in \(claim.reference.unit ?? "the same unit")"
        switch (claim.reference.period, other.reference.period) {
        case (let a?, let b?): text += " for overlapping periods (\(a) and \(b))"
        case (let a?, nil), (nil, let a?): text += " (one for \(a), the other without a period)"
        case (nil, nil): text += " (neither states a period)"
        }
        text += "; \(claim.reference.source ?? "one source") says \(claim.reference.text), "
        text += "\(other.reference.source ?? "another") says \(other.reference.text)"
        if let ratio = claim.interval.ratio(to: other.interval) {
            text +=
                ratio >= 1.5
                ? String(format: " — %.1f× apart", ratio) : String(format: " — %.0f %% apart", (ratio - 1) * 100)
        }
        return text + ", beyond what their qualifiers allow"
    }
}

/// The values a claim allows, from its value or range and its qualifier.
struct ValueInterval: Equatable {
    var low: Double
    var high: Double

    init(_ claim: ClaimReference) {
        let low = claim.low ?? claim.value ?? 0
        let high = claim.high ?? claim.value ?? 0
        switch claim.qualifier {
        case "over", "more than", "at least", "above": (self.low, self.high) = (low, .infinity)
        case "under", "less than", "up to", "at most", "below": (self.low, self.high) = (0, high)
        case "nearly", "almost": (self.low, self.high) = (low * 0.9, high)
        case "exact": (self.low, self.high) = (low * 0.995, high * 1.005)
        default: (self.low, self.high) = (low * 0.95, high * 1.05)
        }
    }

    var isBounded: Bool { high.isFinite && low > 0 }

    func overlaps(_ other: ValueInterval) -> Bool { low <= other.high && other.low <= high }

    /// How many times larger the larger midpoint is, when both are bounded and positive.
    func ratio(to other: ValueInterval) -> Double? {
        guard isBounded, other.isBounded else { return nil }
        let a = (low + high) / 2
        let b = (other.low + other.high) / 2
        return max(a, b) / min(a, b)
    }
}

/// The days a period covers: `2023`, `2024-06`, `2024-06-19`, `2017-01/2025-03`, `2010/..`.
struct PeriodInterval: Equatable {
    var start: Int64
    var end: Int64

    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), let first = Self.bounds(parts[0]) else { return nil }
        start = first.start
        if parts.count == 2 {
            guard parts[1] == ".." || !parts[1].isEmpty else { return nil }
            end = parts[1] == ".." ? Int64.max : (Self.bounds(parts[1])?.end ?? first.end)
        } else {
            end = first.end
        }
    }

    func overlaps(_ other: PeriodInterval) -> Bool { start <= other.end && other.start <= end }

    /// First and last day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    private static func bounds(_ text: String) -> (start: Int64, end: Int64)? {
        let fields = text.split(separator: "-").map { Int64($0) }
        guard let year = fields.first ?? nil, fields.allSatisfy({ $0 != nil }) else { return nil }
        switch fields.count {
        case 1:
            return (
                Timestamp.daysFromCivil(year: year, month: 1, day: 1),
                Timestamp.daysFromCivil(year: year, month: 12, day: 31)
            )
        case 2:
            let month = fields[1]!
            let next = month == 12 ? (year + 1, Int64(1)) : (year, month + 1)
            return (
                Timestamp.daysFromCivil(year: year, month: month, day: 1),
                Timestamp.daysFromCivil(year: next.0, month: next.1, day: 1) - 1
            )
        case 3:
            let day = Timestamp.daysFromCivil(year: year, month: fields[1]!, day: fields[2]!)
            return (day, day)
        default:
            return nil
        }
    }
}
