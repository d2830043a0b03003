import TumenProtocol

/// An entity mention with the tokens it covers.
typealias MentionSpan = (mention: EntityMention, firstToken: Int, endToken: Int)

/// Says who asserts each figure, as a chain from the origin of the claim to the author of the document.
///
/// Fed every sentence of a document in order (``read(_:mentionRange:)``), it keeps what a reader keeps in mind: the
/// source the paragraph is talking about, the last person named, the author. The rules, in order of precedence:
///
/// 1. **The sentence names its asserter.** A headline `X: '…'`; `according to X` (every organisation or person in
///    that clause, in order: `according to the NIS to the National Assembly` → NIS → National Assembly);
///    `X said/estimated/reported/told Y/…` in the active voice, with appositives (`X, an aide to Y, stated`),
///    `citing Z` (Z becomes the origin) and the passive `is estimated by X`; `X's report`, `a report by X`,
///    `a report published by X`, `X released a study`; `X raised its forecast to`. A subject headed by an
///    institution noun counts when a name qualifies it (`Ukraine's air force said`, `Russian officials said`, not
///    `officials said`). Modal verbs (`X can argue`) assert nothing.
/// 2. **Pronouns.** `he`/`she` is the last person named in the paragraph; `it`, `they`, `the report`,
///    `the study` are the source the paragraph is describing.
/// 3. **Direct quotes.** When the asserter speaks in a quotation (`He said, "…"`, `"…," she said`), only the figures
///    inside the quotation are theirs.
/// 4. **Carry-over**, within one paragraph, for a sentence that names no asserter:
///    - after a *document* is introduced (`a report by X`, `according to a study by X`), the following sentences
///      describe its content and inherit X;
///    - after a *speaker* (`X said …`), only a sentence that signals reported speech inherits X: `is said to`,
///      `is estimated at`, `it is judged that`, `reportedly`;
///    - a sentence in the author's own voice (`I`, `we`, `our` outside quotes; opening `Of course`, `In other
///      words`, …) inherits nothing but does not end the carry-over;
///    - a sentence that names another known source without quoting it (a comparison) inherits nothing and ends it;
///    - a new paragraph or a new asserter ends it;
///    - a quotation that runs on into the next sentence keeps its speaker (`Kim added: "We generated ₩212 billion.
///      We will return 25%."`).
///
///    A document without an author (no byline, no issuer) reports what others say: a paragraph that names nobody
///    goes on with the source the last attributing sentence named.
/// 5. **Relays.** A bracketed citation after the figure (`(Yonhap 04/30/2025)`, or `[1]` naming the numbered
///    reference-list entry `[1] U.S. Geological Survey, …`) and the publisher of a reference-list entry (`Yonhap
///    News. 2024. "…"`) relay the claim; the author of the document (byline, opening
///    `Name, title, analyzes …`, or closing `Name is …` biography) ends every chain, and is the source when nobody
///    else is named.
///
/// Speakers may also be named after the verb (`"…," said Chief Executive Officer Park Jae-won`), before a bracketed
/// acronym (`the UN's humanitarian office (OCHA) said`), or by a definite description of a body named before (`the
/// agency said` after the National Intelligence Service; `the source said` after `citing a source in X`). A second
/// speaker in the sentence relays the first (`…, the agency estimated, Park said`; `X told lawmakers …, according
/// to Y`; `Dr. Lee said a report by GAO found …` puts GAO first).
///
/// Names are reported canonically: the gazetteer's name for a known entity, the registry's name for a known
/// source, an earlier full name for a later short one (`the Ministry of Defense` after `Ministry of National
/// Defense (South Korea)`), a person's full name for a later surname (`Whitfield` after `Rear Admiral Dana
/// Whitfield`), without titles (`Rep.`, `Chief Executive Officer`).
struct SourceTracker {
    /// What one sentence says about the sources of its figures.
    struct SentenceSources {
        /// The sentence's own asserter, origin first; empty when it names none.
        var chain: [String] = []
        /// The tokens of the quotation the asserter speaks, when it speaks one.
        var quote: Range<Int>?
        /// The asserter carried over from an earlier sentence of the paragraph.
        var carried: [String] = []
        /// The publisher relaying every claim of the paragraph.
        var publisher: String?
        /// Who speaks in this turn of a transcript or an interview.
        var speaker: String?
        /// In a document without an author, the source an earlier paragraph named, when this paragraph names none.
        var lastSource: String?
    }

    /// The source of one figure.
    struct Claim {
        var chain: [String]
        var reliability: String?
        var source: String? { chain.first }
    }

    private let text: ScannedText
    private let mentions: [MentionSpan]
    private let registry: SourceRegistry
    /// The author of the document, when its first or last lines say.
    let author: String?

    private var carried: (chain: [String], isDocument: Bool)?
    private var lastPerson: String?
    /// People named in the document in full — with a title anywhere, or as a speaker so far — by the family name a
    /// later mention may use alone (`Whitfield said`).
    private var people: [String: String] = [:]
    /// The speaker of a quotation still open at the end of the previous sentence of the paragraph; empty when the
    /// quotation's speaker is not known yet.
    private var openQuote: [String]?
    /// The kind of every entity the gazetteer found in the document, by name.
    private let entityKinds: [String: String]
    /// The last organisation the gazetteer does not know that opened a sentence as its subject, anywhere before in
    /// the document (`Kitamori Semiconductor will invest …`): what `the company said` and `it said` refer to when
    /// their paragraph names no known organisation.
    private var lastCompany: String?
    /// The speaker of each turn of a transcript or an interview, by the first token of its line.
    private let turns: [Int: String?]
    /// Who speaks in the current turn.
    private var turn: String?
    /// The origin of the last claim a sentence attributed, in an earlier paragraph: who a document without an author
    /// goes on reporting in a paragraph that names nobody.
    private var lastSource: String?
    /// Whether a sentence of the current paragraph named its asserter.
    private var paragraphNamesSource = false
    /// The index of the first mention of the current paragraph.
    private var paragraphMentions = 0
    private var publisher: String?
    /// Canonical names of the sources named so far in the document with their words, for short later mentions.
    private var named: [(name: String, words: Set<Substring>)] = []

    private var tokens: [Token] { text.tokens }

    init(text: ScannedText, mentions: [MentionSpan], registry: SourceRegistry) {
        self.text = text
        self.mentions = mentions
        self.registry = registry
        author = AuthorFinder(text: text, mentions: mentions).author()
        entityKinds = Dictionary(mentions.map { ($0.mention.name, $0.mention.kind) }, uniquingKeysWith: { a, _ in a })
        let titled = Self.titledPeople(text)
        for person in titled {
            for surname in Self.surnames(of: person) where people[surname] == nil { people[surname] = person }
        }
        turns = SpeakerTurns(text: text, mentions: mentions, people: titled, author: author).turns()
        footnotes = Self.footnotes(text, mentions)
    }

    /// Names of two or three words after a title anywhere in the text (`Rear Admiral Dana Whitfield`, `Dr. Marcus
    /// Lee`): the people a surname alone may mean later.
    private static func titledPeople(_ text: ScannedText) -> [String] {
        let tokens = text.tokens
        var result: [String] = []
        var seen: Set<String> = []
        var index = 0
        while index < tokens.count {
            guard text.isWord(index, in: Lexicon.personTitles), tokens[index].isCapitalized else {
                index += 1
                continue
            }
            let limit = min(tokens.count, index + 12)
            let first = text.titlesEnd(from: index, limit: limit)
            guard first > index, text.isNameWord(first) else {
                index += 1
                continue
            }
            var end = first
            var words = 0
            while end < limit, words < 3, text.isNameWord(end),
                !Lexicon.organisationWords.contains(tokens[end].key), !Lexicon.personTitles.contains(tokens[end].key)
            {
                end = text.nameWordEnd(from: end, limit: limit)
                words += 1
            }
            if words >= 2 {
                let name = text.string(tokens: first, end - 1)
                if seen.insert(name).inserted { result.append(name) }
            }
            index = max(end, index + 1)
        }
        return result
    }

    /// Numbered reference-list entries, `[1] U.S. Geological Survey, …`: the name each number cites.
    private let footnotes: [Int: String]

    private static func footnotes(_ text: ScannedText, _ mentions: [MentionSpan]) -> [Int: String] {
        let tokens = text.tokens
        var result: [Int: String] = [:]
        var mentionAt: [Int: String]?
        for index in tokens.indices
        where (index == 0 || tokens[index].flags.contains(.lineBefore)) && tokens[index].isSymbol("[")
            && index + 3 < tokens.count && tokens[index + 1].kind == .number && tokens[index + 2].isSymbol("]")
        {
            guard let number = Int(text.string(tokens: index + 1, index + 1)) else { continue }
            let start = index + 3
            if mentionAt == nil {
                mentionAt = Dictionary(
                    mentions.map { ($0.firstToken, $0.mention.name) }, uniquingKeysWith: { a, _ in a })
            }
            if let known = mentionAt?[start] {
                result[number] = known
                continue
            }
            // Capitalised words, with `of`/`for`/`the` inside and initials (`U.S. Geological Survey`).
            var end = start
            var last = -1
            while end < tokens.count, end - start < 12, !tokens[end].flags.contains(.lineBefore) || end == start {
                let token = tokens[end]
                let isInitialDot = token.isSymbol(".") && end > start && text.length(end - 1) == 1
                let isConnector = token.kind == .word && (token.key == Lexicon.of || token.key == Lexicon.the)
                if token.kind == .word, token.isCapitalized {
                    last = end
                } else if !isInitialDot && !isConnector {
                    break
                }
                end += 1
            }
            // `[5] Author's calculations`: the author, who ends every chain anyway.
            if last >= start, !text.isWord(start, in: Self.authorWords) {
                result[number] = text.string(tokens: start, last)
            }
        }
        return result
    }

    // MARK: Word lists

    private static let authorWords = Lexicon.keys(["author", "authors"])
    private static let statesWord = WordKey.of("states")
    private static let thatWord = WordKey.of("that")
    private static let statesQualifiers = Lexicon.keys(["member", "nation", "island", "gulf", "frontline", "other"])

    private static let attributionVerbs = Lexicon.keys([
        "said", "says", "say", "stated", "states", "estimated", "estimates", "reported", "reports", "noted", "notes",
        "claimed", "claims", "told", "announced", "announces", "assessed", "assesses", "believes", "believed",
        "calculates", "calculated", "projected", "projects", "found", "finds", "showed", "shows", "cited", "cites",
        "predicted", "predicts", "warned", "warns", "added", "adds", "confirmed", "confirms", "revealed", "reveals",
        "disclosed", "discloses", "argued", "argues", "wrote", "writes", "indicated", "indicates", "suggested",
        "suggests", "acknowledged", "explained", "insisted", "observed", "concluded", "forecast", "forecasts",
        "informed", "briefed", "testified", "put", "puts", "counted", "tallied", "recorded", "expect", "expects",
        "expected", "signalled", "signaled", "signals",
    ])
    /// Verbs that attribute only when a known organisation or person does them: `the NIS put the toll at`, not
    /// `North Korea recorded a deficit`.
    private static let weakVerbs = Lexicon.keys([
        "recorded", "found", "finds", "showed", "shows", "counted", "tallied", "put", "puts", "calculated",
    ])
    /// Verbs that can follow what was said and precede who said it: `"…," said Park`.
    private static let invertingVerbs = Lexicon.keys([
        "said", "says", "added", "adds", "wrote", "writes", "stated", "noted", "warned", "explained", "argued",
        "insisted", "concluded", "observed",
    ])
    private static let beForms = Lexicon.keys(["is", "are", "was", "were", "be", "been", "being"])
    private static let passiveMarkers = Lexicon.keys([
        "is", "are", "was", "were", "be", "been", "being", "it", "which", "that",
    ])
    private static let modals = Lexicon.keys([
        "can", "could", "may", "might", "must", "should", "would", "will", "shall",
    ])
    private static let adverbs = Lexicon.keys([
        "further", "also", "then", "previously", "recently", "earlier", "had", "has", "have", "reportedly",
        "separately", "first", "later", "publicly", "once", "again", "subsequently", "initially", "officially",
    ])
    /// Nouns for a document whose author asserts what it contains.
    private static let documentNouns = Lexicon.keys([
        "report", "reports", "study", "studies", "survey", "analysis", "assessment", "estimate", "estimates", "data",
        "statistics", "paper", "findings", "review", "audit", "census", "poll", "briefing", "document", "dataset",
        "database", "tally", "calculation", "calculations", "yearbook", "bulletin", "testimony", "memo", "figures",
        "statement", "forecast", "forecasts", "projection", "projections", "outlook", "decision", "ruling",
        "judgment", "judgement", "verdict", "notice",
    ])
    private static let publishing = Lexicon.keys([
        "published", "released", "issued", "compiled", "prepared", "produced", "commissioned", "conducted",
        "collected", "written", "authored", "presented", "submitted",
    ])
    private static let reportiveParticiples = Lexicon.keys([
        "said", "estimated", "reported", "believed", "thought", "known", "judged", "assessed", "understood",
        "alleged", "projected", "calculated",
    ])
    private static let determiners = Lexicon.keys(["the", "this", "that", "these", "those", "its", "their"])
    private static let personPronouns = Lexicon.keys(["he", "she"])
    private static let thingPronouns = Lexicon.keys(["it", "they", "this"])
    private static let otherPronouns = Lexicon.keys([
        "we", "i", "you", "that", "some", "others", "many", "experts", "analysts", "officials", "sources", "who",
        "which", "one", "economists", "investors", "markets", "traders", "observers", "critics", "people",
    ])
    private static let firstPerson = Lexicon.keys(["we", "our", "ours", "us", "my", "me", "mine"])
    /// Heads of a subject that is a body or its people. Any of them counts when a name, a nationality or a possessive
    /// name qualifies it (`Ukraine's air force said`, `Russian officials said`).
    private static let institutionNouns = Lexicon.keys([
        "force", "forces", "military", "army", "navy", "ministry", "government", "police", "authorities",
        "officials", "official", "spokesman", "spokeswoman", "spokesperson", "office", "agency", "service",
        "services", "committee", "council", "commission", "command", "staff", "administration", "bank", "court",
        "prosecutors", "prosecutor", "guard", "intelligence", "customs", "data", "statistics", "regulator",
        "watchdog", "embassy", "mission", "diplomats", "diplomat", "lawmakers", "lawmaker", "governor", "mayor",
        "operator", "company", "firm", "group", "minister", "commander", "ambassador", "envoy", "chief", "director",
        "head", "economist", "economists", "analyst", "analysts", "researcher", "researchers", "officer", "adviser",
        "advisor", "aide", "secretary", "chairman", "chairwoman", "executive", "source", "sources", "experts",
        "expert", "monitor", "monitors", "observatory", "institute", "centre", "center", "authority", "department",
        "directorate", "inspectorate", "bureau", "parliament", "lender", "carrier", "airline", "manufacturer",
        "maker", "producer", "exporter", "utility", "board", "tribunal", "association", "federation", "chamber",
        "consortium", "foundation", "union", "consultancy", "charity", "secretariat", "fund",
    ])
    /// Heads that name one body or person as soon as an article and a description pick them out: `the finance
    /// minister`, `a Ukrainian commander`, `the country's disaster management agency`, `customs data`.
    private static let describedHeads = Lexicon.keys([
        "ministry", "government", "police", "office", "agency", "service", "committee", "council", "commission",
        "command", "staff", "administration", "bank", "court", "regulator", "watchdog", "embassy", "military",
        "army", "navy", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "prosecutors", "prosecutor",
        "guard", "minister", "commander", "ambassador", "envoy", "chief", "director", "head", "official",
        "economist", "analyst", "researcher", "officer", "adviser", "advisor", "aide", "secretary", "chairman",
        "chairwoman", "executive", "source", "data", "statistics", "customs", "monitor", "observatory", "institute",
        "centre", "center", "authority", "department", "directorate", "inspectorate", "bureau", "force", "forces",
        "authorities", "intelligence", "board", "tribunal", "association", "federation", "chamber", "consortium",
        "foundation", "union", "consultancy", "charity", "secretariat", "fund",
    ])
    /// Bodies that a reader identifies without a description: `police said`, `prosecutors said`.
    private static let specificBodies = Lexicon.keys(["police", "prosecutors", "customs"])
    /// `the company said`: the organisation the paragraph last named.
    private static let companyNouns = Lexicon.keys([
        "company", "firm", "group", "lender", "carrier", "airline", "manufacturer", "maker", "producer", "exporter",
        "operator", "utility",
    ])
    /// Words that end a description walking back from its head: function words and verbs of the clause.
    private static let descriptionStops = Lexicon.keys([
        "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "than", "is", "are",
        "was", "were", "be", "been", "has", "have", "had", "not", "that", "which", "who", "while", "said", "says",
        "told", "when", "after", "before", "because", "if", "so", "then", "also", "this", "these", "those", "their",
        "its", "his", "her", "our", "my", "your", "it", "they", "he", "she", "we", "i", "you", "some", "many",
        "other", "others", "all", "both", "each", "more", "most", "such",
    ])
    /// Lowercase words that qualify an otherwise generic plural (`senior officials`, `Western diplomats` is named).
    private static let institutionModifiers = Lexicon.keys([
        "air", "armed", "central", "defence", "defense", "foreign", "interior", "health", "finance", "economy",
        "spy", "intelligence", "statistics", "statistical", "customs", "military", "border", "general", "national",
        "state", "federal", "local", "regional", "city", "top", "senior", "security", "emergency", "emergencies",
        "trade", "energy", "agriculture", "transport", "presidential", "press", "news", "space", "nuclear",
        "monitoring", "development", "investment", "budget", "navy", "naval", "coast", "election", "electoral",
        "government", "ministry", "police", "army",
    ])
    /// `X raised its forecast to …`, `the central bank held its key rate at …`: the subject owns the figure.
    private static let revisionVerbs = Lexicon.keys([
        "raised", "raises", "lowered", "lowers", "cut", "cuts", "revised", "revises", "kept", "keeps", "maintained",
        "maintains", "set", "sets", "upgraded", "upgrades", "downgraded", "downgrades", "trimmed", "trims", "lifted",
        "lifts", "increased", "increases", "reduced", "reduces", "published", "publishes", "released", "releases",
        "held", "holds", "left", "leaves", "hiked", "hikes",
    ])
    private static let ownedEstimates = Lexicon.keys([
        "forecast", "forecasts", "estimate", "estimates", "projection", "projections", "outlook", "guidance",
        "target", "targets", "figure", "figures", "count", "tally", "rate", "rates", "price", "prices", "tariff",
        "tariffs",
    ])
    private static let possessiveDeterminers = Lexicon.keys(["its", "their", "his", "her"])
    /// Verbs by which a body commits its own resources: `approved`, `pledged`, `will invest`.
    private static let commitmentVerbs = Lexicon.keys([
        "approved", "approves", "allocated", "allocates", "earmarked", "earmarks", "pledged", "pledges", "committed",
        "commits", "budgeted", "plans", "planned", "aims", "intends", "invest", "invests", "invested", "spend",
        "spends", "spent", "signed", "signs", "ordered", "orders", "awarded", "awards", "granted", "grants",
        "designated", "designates", "sanctioned", "blacklisted", "added", "hire", "hired", "bought", "buys", "buy",
        "procure", "procured", "donated", "donates", "disbursed", "set", "fined", "fines", "levied",
    ])
    private static let commitmentAuxiliaries = Lexicon.keys([
        "has", "have", "had", "will", "would", "also", "today", "formally", "officially", "already", "now", "to",
        "is", "was", "plans", "aims", "intends", "expects",
    ])
    private static let datePrepositions = Lexicon.keys(["on", "in"])
    private static let it = WordKey.of("it")
    /// Openings of a sentence in which the author comments in their own voice.
    private static let authorOpenings: PhraseTable<Bool> = PhraseTable([
        ("of course", true), ("in other words", true), ("that is", true), ("naturally", true), ("clearly", true),
        ("in short", true), ("in sum", true), ("to sum up", true), ("in my view", true), ("in our view", true),
        ("frankly", true), ("put simply", true), ("simply put", true),
    ])
    private static let according = WordKey.of("according")
    private static let by = WordKey.of("by")
    private static let told = WordKey.of("told")
    private static let citing = Lexicon.keys(["citing", "quoting"])
    private static let reportedly = WordKey.of("reportedly")
    private static let s = WordKey.of("s")
    private static let `for` = WordKey.of("for")

    // MARK: Reading sentences

    /// Reads the next sentence of the document and says who asserts its figures.
    mutating func read(_ sentence: Sentence, mentionRange: Range<Int>) -> SentenceSources {
        let first = sentence.firstToken
        if first == 0 || tokens[first].flags.contains(.lineBefore) {
            carried = nil
            openQuote = nil
            paragraphNamesSource = false
            if let speaker = turns[first] { turn = speaker }
            paragraphMentions = mentionRange.lowerBound
            publisher = referencePublisher(sentence, mentionRange: mentionRange)
        }
        if let company = openingOrganisation(sentence, mentionRange: mentionRange) { lastCompany = company }
        var result = SentenceSources(publisher: publisher, speaker: turn)
        if let assertion = assertion(sentence, mentionRange: mentionRange) {
            var chain: [String] = []
            for name in assertion.chain {
                let canonical = canonicalName(name)
                if !chain.contains(canonical) { chain.append(canonical) }
                if !named.contains(where: { $0.name == canonical }) {
                    named.append((canonical, Self.contentWords(canonical)))
                }
            }
            result.chain = chain
            result.quote = assertion.quote
            carried = (chain, assertion.isDocument)
            if let person = chain.first(where: isPersonName) { remember(person: person) }
        } else if let speaker = openQuote, !speaker.isEmpty {
            // `"We generated ₩212 billion. We remain committed to 25%."`: the quotation goes on.
            result.chain = speaker
            let close = (first..<sentence.endToken).first { isQuoteMark($0) } ?? sentence.endToken
            result.quote = first..<close
        } else if let current = carried, !isAuthorVoice(sentence) {
            if namesOtherSource(sentence, mentionRange: mentionRange, than: current.chain) {
                carried = nil
            } else if current.isDocument || signalsReportedSpeech(sentence) {
                result.carried = current.chain
            }
        }
        for index in mentionRange.reversed() where mentions[index].mention.kind == "person" {
            remember(person: mentions[index].mention.name)
            break
        }
        openQuote =
            endsInQuotation(sentence, startsInside: openQuote != nil) ? (result.quote == nil ? [] : result.chain) : nil
        if let origin = result.chain.first {
            lastSource = origin
            paragraphNamesSource = true
        }
        result.lastSource = paragraphNamesSource || isAuthorVoice(sentence) ? nil : lastSource
        return result
    }

    /// Whether a quotation is still open at the end of the sentence.
    private func endsInQuotation(_ sentence: Sentence, startsInside: Bool) -> Bool {
        var open = startsInside
        for index in sentence.firstToken..<sentence.endToken where tokens[index].kind == .symbol {
            if tokens[index].isSymbol("\"") {
                open.toggle()
            } else if tokens[index].isSymbol("“") {
                open = true
            } else if tokens[index].isSymbol("”") {
                open = false
            }
        }
        return open
    }

    private mutating func remember(person: String) {
        lastPerson = person
        for surname in Self.surnames(of: person) { people[surname] = person }
    }

    /// Whether a source's name is a person's: two to four capitalised words, none of them a body's (`Cornwall
    /// Insight`, `Bank of England`), and not an entity of another kind.
    private func isPersonName(_ name: String) -> Bool {
        if let kind = entityKinds[name] { return kind == "person" }
        let words = name.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.unicodeScalars.first, Scalars.isUpper(first.value) else { return false }
            let key = WordKey.of(String(word.prefix { $0.isLetter }))
            return !Lexicon.organisationWords.contains(key) && !Self.institutionNouns.contains(key)
                && !Lexicon.companyForms.contains(key)
        }
    }

    /// The source of the figure at `candidate` in a sentence already read.
    func claim(
        of candidate: QuantityCandidate, in sources: SentenceSources, sentence: Sentence, mentionRange: Range<Int>
    ) -> Claim {
        var chain = sources.carried
        if !sources.chain.isEmpty, sources.quote.map({ $0.contains(candidate.first) }) ?? true {
            chain = sources.chain
        }
        if let cited = citation(after: candidate.end, in: sentence, mentionRange: mentionRange) {
            let name = registry.entry(for: cited)?.name ?? cited
            if !chain.contains(name) { chain.append(name) }
        }
        if let speaker = sources.speaker, !chain.contains(speaker) { chain.append(speaker) }
        if chain.isEmpty, author == nil, sources.publisher == nil, let lastSource = sources.lastSource {
            chain = [lastSource]
        }
        if let publisher = sources.publisher, !chain.contains(publisher) { chain.append(publisher) }
        if let author, !chain.contains(author) { chain.append(author) }
        return Claim(chain: chain, reliability: chain.first.map { registry.reliability(for: $0) })
    }

    // MARK: Names

    /// The registry's name, else an earlier source whose name holds every word of this one, else the name itself.
    private func canonicalName(_ name: String) -> String {
        if let entry = registry.entry(for: name) { return entry.name }
        if !name.contains(" "), let person = people[name] { return person }
        let words = Self.contentWords(name)
        guard words.count >= 2 else { return name }
        for earlier in named.suffix(Self.namedLookBack).reversed() where words.isSubset(of: earlier.words) {
            return earlier.name
        }
        return name
    }

    /// The family names of a person: the last word, and the first when a hyphenated given name follows (`Lee` of
    /// `Lee Ji-hoon`).
    private static func surnames(of person: String) -> [String] {
        let parts = person.split(separator: " ")
        guard parts.count >= 2, let first = parts.first, let last = parts.last else { return [] }
        return last.contains("-") ? [String(last), String(first)] : [String(last)]
    }

    private static func contentWords(_ name: String) -> Set<Substring> {
        let lowered = name.lowercased()
        return Set(
            lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter {
                $0 != "of" && $0 != "the" && $0 != "and" && $0 != "for" && $0 != "s"
            })
    }

    private func mention(endingAt token: Int, in range: Range<Int>) -> EntityMention? {
        mentionSpan(endingAt: token, in: range)?.mention
    }

    /// The mention that ends at `token`, and its first token.
    private func mentionSpan(endingAt token: Int, in range: Range<Int>) -> (mention: EntityMention, first: Int)? {
        for index in range where mentions[index].endToken - 1 == token {
            return (mentions[index].mention, mentions[index].firstToken)
        }
        return nil
    }

    /// One past the end of the clause from `start`: the next comma or semicolon, or the sentence's closing period.
    private func clauseEnd(from start: Int, in sentence: Sentence) -> Int {
        var end = start
        while end < sentence.endToken,
            !(tokens[end].isSymbol(",") || tokens[end].isSymbol(";")
                || tokens[end].isSymbol(".") && end + 1 == sentence.endToken)
        {
            end += 1
        }
        return end
    }

    private func mention(startingAt token: Int, in range: Range<Int>) -> (EntityMention, end: Int)? {
        for index in range where mentions[index].firstToken == token {
            return (mentions[index].mention, mentions[index].endToken)
        }
        return nil
    }

    private static func isSource(_ mention: EntityMention) -> Bool {
        mention.kind == "organisation" || mention.kind == "person"
    }

    /// A name starting at `start` (after an optional `the`): a known entity, else a run of capitalised words.
    private func name(from start: Int, in sentence: Sentence, mentionRange: Range<Int>) -> String? {
        var position = start
        if text.isWord(position, Lexicon.the) { position += 1 }
        guard position < sentence.endToken else { return nil }
        if let (found, _) = mention(startingAt: position, in: mentionRange) { return found.name }
        return capitalisedRun(from: position, limit: sentence.endToken)
    }

    // MARK: Patterns

    private struct Assertion {
        var chain: [String]
        var quote: Range<Int>?
        var isDocument = false
        /// The token that attributes: the verb, or `according`.
        var position = 0
        /// The first token of who attributes.
        var subjectStart = 0
    }

    /// Who the sentence itself says asserts its figures, origin first.
    private func assertion(_ sentence: Sentence, mentionRange: Range<Int>) -> Assertion? {
        if let found = headline(sentence, mentionRange: mentionRange) { return found }
        let all = sentence.firstToken..<sentence.endToken
        if var found = accordingTo(sentence, mentionRange: mentionRange) {
            // `The NIS told lawmakers that …, according to Rep. Park`: the speaker is the origin and the person
            // relays; `…, the ministry said, according to customs data`: the document is the origin.
            if let earlier = speaker(
                sentence, mentionRange: mentionRange, verbs: sentence.firstToken..<found.position)
            {
                found.chain = found.isDocument ? found.chain + earlier.chain : earlier.chain + found.chain
            }
            return found
        }
        if var found = speaker(sentence, mentionRange: mentionRange, verbs: all) {
            guard found.quote == nil, found.position + 1 < sentence.endToken,
                let other = speaker(
                    sentence, mentionRange: mentionRange, verbs: found.position + 1..<sentence.endToken),
                other.subjectStart > found.position
            else { return found }
            if isClosing(other, in: sentence) {
                // `…, the spy agency estimated, Park said.`: a closing speaker relays.
                found.chain += other.chain.filter { !found.chain.contains($0) }
            } else if other.quote == nil, other.subjectStart - found.position <= 6,
                (found.position + 1..<other.subjectStart).allSatisfy({ tokens[$0].kind == .word })
            {
                // `Dr. Lee said a report by GAO found that …`: the speaker relays what another found.
                found.chain = other.chain + found.chain.filter { !other.chain.contains($0) }
            }
            return found
        }
        return ownedEstimate(sentence, mentionRange: mentionRange)
            ?? documentSource(sentence, mentionRange: mentionRange)
            ?? commitment(sentence, mentionRange: mentionRange)
    }

    /// Whether a speaker closes the sentence: `, Park said.`, `, Park said on Monday.`
    private func isClosing(_ relay: Assertion, in sentence: Sentence) -> Bool {
        guard relay.quote == nil, relay.subjectStart > sentence.firstToken,
            tokens[relay.subjectStart - 1].isSymbol(",")
        else { return false }
        var rest = relay.position + 1
        while rest < sentence.endToken,
            tokens[rest].kind == .symbol || tokens[rest].kind == .word && DateWords.table[tokens[rest].key] != nil
                || text.isWord(rest, in: Self.datePrepositions)
        {
            rest += 1
        }
        return rest == sentence.endToken
    }

    /// `Ministry of Defense: 'Approximately 20,000 …'`: a source, a colon and a quotation opening the sentence.
    private func headline(_ sentence: Sentence, mentionRange: Range<Int>) -> Assertion? {
        var start = sentence.firstToken
        if start < sentence.endToken, isQuote(tokens[start]) { start += 1 }
        guard start < sentence.endToken, tokens[start].kind == .word, tokens[start].isCapitalized else { return nil }
        var colon = start
        while colon < sentence.endToken, colon - start < 8, !tokens[colon].isSymbol(":") { colon += 1 }
        guard colon < sentence.endToken, tokens[colon].isSymbol(":"), colon + 1 < sentence.endToken,
            isQuote(tokens[colon + 1])
        else { return nil }
        if let (found, end) = mention(startingAt: start, in: mentionRange), end == colon, Self.isSource(found) {
            return Assertion(chain: [found.name], quote: colon + 1..<sentence.endToken)
        }
        guard let run = capitalisedRun(from: start, limit: colon), capitalisedRunEnd(from: start, limit: colon) == colon
        else { return nil }
        return Assertion(chain: [run], quote: colon + 1..<sentence.endToken)
    }

    /// `according to X`: the sources the clause names, in order (see ``names(in:mentionRange:)``), else its first
    /// entity, else a short description (`according to local sources`); `the report` and `it` are the source the
    /// paragraph is describing.
    private func accordingTo(_ sentence: Sentence, mentionRange: Range<Int>) -> Assertion? {
        var index = sentence.firstToken
        while index + 1 < sentence.endToken {
            if text.isWord(index, Self.according), text.isWord(index + 1, Lexicon.to) { break }
            index += 1
        }
        guard index + 1 < sentence.endToken else { return nil }
        guard var found = accordingClause(from: index + 2, in: sentence, mentionRange: mentionRange) else {
            return nil
        }
        found.position = index
        return found
    }

    /// The sources named by the clause after `according to` that starts at `start`.
    private func accordingClause(from start: Int, in sentence: Sentence, mentionRange: Range<Int>) -> Assertion? {
        let end = clauseEnd(from: start, in: sentence)
        guard end > start else { return nil }
        let isDocument = (start..<end).contains { text.isWord($0, in: Self.documentNouns) }
        let sources = names(in: start..<end, mentionRange: mentionRange)
        if !sources.isEmpty { return Assertion(chain: sources, isDocument: isDocument) }
        if let any = mentionRange.first(where: { mentions[$0].firstToken >= start && mentions[$0].endToken <= end }) {
            return Assertion(chain: [mentions[any].mention.name], isDocument: isDocument)
        }
        if let current = carried, text.isWord(start, in: Self.determiners) || text.isWord(start, in: Self.thingPronouns)
        {
            return Assertion(chain: current.chain, isDocument: current.isDocument)
        }
        guard end - start <= 4 else { return nil }
        var first = start
        if text.isWord(first, in: Lexicon.articles) || text.isWord(first, Lexicon.the) { first += 1 }
        guard first < end else { return nil }
        return Assertion(chain: [text.string(tokens: first, end - 1)], isDocument: isDocument)
    }

    /// The sources a clause names, in order: known organisations and people, runs of capitalised words (`Rep. Park
    /// Ji-hoon`, `ENTSOG`), bodies a description picks out (`Japan's finance ministry`). Countries only qualify.
    private func names(in clause: Range<Int>, mentionRange: Range<Int>) -> [String] {
        var result: [String] = []
        var index = clause.lowerBound
        var mention = mentionRange.lowerBound
        while index < clause.upperBound {
            if let (description, end) = description(startingAt: index, limit: clause.upperBound, mentionRange) {
                result.append(description)
                index = end
                continue
            }
            while mention < mentionRange.upperBound, mentions[mention].firstToken < index { mention += 1 }
            if mention < mentionRange.upperBound, mentions[mention].firstToken == index {
                let found = mentions[mention]
                if Self.isSource(found.mention), found.endToken <= clause.upperBound {
                    result.append(found.mention.name)
                }
                index = found.endToken
                continue
            }
            if text.isNameWord(index), index > clause.lowerBound || !text.isWord(index, Lexicon.the) {
                let end = capitalisedRunEnd(from: index, limit: clause.upperBound)
                if end > index, let run = capitalisedRun(from: index, limit: clause.upperBound) {
                    result.append(run)
                    index = end
                    continue
                }
            }
            index += 1
        }
        return result
    }

    /// A body described from `start` (`Chinese customs data`, `South Korea's trade ministry`, `customs figures`),
    /// running on over the nouns after its head, and one past its end.
    private func description(startingAt start: Int, limit: Int, _ mentionRange: Range<Int>) -> (String, Int)? {
        var head = start
        while head < min(limit, start + 6), !text.isWord(head, in: Self.institutionNouns) {
            guard tokens[head].kind == .word || tokens[head].isSymbol("'") || tokens[head].isSymbol("’") else {
                return nil
            }
            head += 1
        }
        guard head < limit, text.isWord(head, in: Self.institutionNouns),
            institutionStart(endingAt: head, floor: start) == start
        else { return nil }
        while head + 1 < limit,
            text.isWord(head + 1, in: Self.institutionNouns) || text.isWord(head + 1, in: Self.documentNouns)
        {
            head += 1
        }
        return (describedBody(start, head: head, mentionRange: mentionRange), head + 1)
    }

    /// `X said/estimated/reported …` in the active voice, `is estimated by X`, `X told Y`, `X said, citing Z`.
    private func speaker(_ sentence: Sentence, mentionRange: Range<Int>, verbs: Range<Int>) -> Assertion? {
        let floor = sentence.firstToken
        for verb in verbs where tokens[verb].kind == .word && tokens[verb].isLowercase {
            let key = tokens[verb].key
            guard Self.attributionVerbs.contains(key) else { continue }
            // `the Baltic states pay`, `member states`: a noun after a name or a noun that qualifies it.
            if key == Self.statesWord, !text.isWord(verb + 1, Self.thatWord),
                tokens[verb - 1].isCapitalized || text.isWord(verb - 1, in: Self.statesQualifiers)
            {
                continue
            }
            if var inverted = invertedSpeaker(verb: verb, in: sentence, mentionRange: mentionRange) {
                inverted.position = verb
                inverted.subjectStart = verb + 1
                return inverted
            }
            let isWeak = Self.weakVerbs.contains(key)
            var position = verb - 1
            while position >= floor, tokens[position].kind == .word,
                Self.adverbs.contains(tokens[position].key) || text.endsInLy(position)
            {
                position -= 1
            }
            // `Eurostat figures released on Tuesday showed`
            if position - 2 >= floor, tokens[position].kind == .word, DateWords.table[tokens[position].key] != nil,
                text.isWord(position - 1, in: Self.datePrepositions), text.isWord(position - 2, in: Self.publishing)
            {
                position -= 3
            }
            guard position >= floor else { continue }
            if tokens[position].kind == .word, Self.modals.contains(tokens[position].key) { continue }
            if tokens[position].kind == .word, Self.beForms.contains(tokens[position].key) {
                // The passive with its agent: `was estimated by the Bank of Korea`.
                guard text.isWord(verb + 1, Self.by), !isWeak,
                    let agent = name(from: verb + 2, in: sentence, mentionRange: mentionRange)
                else { continue }
                return Assertion(chain: [agent], position: verb, subjectStart: verb + 2)
            }
            if tokens[position].kind == .word, Self.passiveMarkers.contains(tokens[position].key),
                !Self.thingPronouns.contains(tokens[position].key)
            {
                continue
            }
            if tokens[position].isSymbol(",") {
                // An appositive: `Yury Ushakov, an aide to President Putin, stated`.
                var comma = position - 1
                while comma >= floor, position - comma < 16, !tokens[comma].isSymbol(",") { comma -= 1 }
                guard comma >= floor, tokens[comma].isSymbol(",") else { continue }
                position = comma - 1
                guard position >= floor else { continue }
            }
            guard
                let (found, subjectStart) = subject(
                    endingAt: position, weak: isWeak, in: sentence, mentionRange: mentionRange)
            else { continue }
            var chain = found
            let listener = text.isWord(verb + 1, Lexicon.the) ? verb + 2 : verb + 1
            if key == Self.told, let (heard, _) = mention(startingAt: listener, in: mentionRange), Self.isSource(heard)
            {
                chain.chain.append(heard.name)
            }
            var scan = verb + 1
            while scan + 1 < sentence.endToken, !text.isWord(scan, in: Self.citing) { scan += 1 }
            if scan + 1 < sentence.endToken {
                // `Interfax reported, citing a source in the Energy Ministry`: the origin comes first.
                let origins = names(in: scan + 1..<clauseEnd(from: scan + 1, in: sentence), mentionRange: mentionRange)
                chain.chain.insert(contentsOf: origins.filter { !chain.chain.contains($0) }, at: 0)
            }
            chain.quote = quotation(after: verb, before: subjectStart, in: sentence)
            chain.position = verb
            chain.subjectStart = subjectStart
            return chain
        }
        return nil
    }

    /// `"…," said Chief Executive Officer Park Jae-won`, `…, said the finance ministry`: the speaker after the verb,
    /// a source that closes its clause (not `Ushakov, an aide to Putin, said Russia lost …`).
    private func invertedSpeaker(verb: Int, in sentence: Sentence, mentionRange: Range<Int>) -> Assertion? {
        guard verb - 1 >= sentence.firstToken, Self.invertingVerbs.contains(tokens[verb].key),
            tokens[verb - 1].isSymbol(",") || isQuote(tokens[verb - 1])
        else { return nil }
        var position = verb + 1
        if text.isWord(position, Lexicon.the) { position += 1 }
        guard position < sentence.endToken else { return nil }
        let speaker: String
        let end: Int
        if let (found, foundEnd) = mention(startingAt: position, in: mentionRange) {
            guard Self.isSource(found) else { return nil }
            (speaker, end) = (found.name, foundEnd)
        } else if let (described, describedEnd) = description(
            startingAt: position, limit: sentence.endToken, mentionRange)
        {
            (speaker, end) = (described, describedEnd)
        } else {
            let runEnd = capitalisedRunEnd(from: position, limit: sentence.endToken)
            guard runEnd > position, let run = capitalisedRun(from: position, limit: sentence.endToken) else {
                return nil
            }
            (speaker, end) = (run, runEnd)
        }
        guard end >= sentence.endToken || tokens[end].kind == .symbol || text.isWord(end, in: Self.datePrepositions)
        else { return nil }
        return Assertion(chain: [speaker], quote: quotation(after: verb, before: verb, in: sentence))
    }

    /// Who the subject ending at `position` is, and the subject's first token.
    private func subject(endingAt position: Int, weak: Bool, in sentence: Sentence, mentionRange: Range<Int>)
        -> (Assertion, start: Int)?
    {
        let token = tokens[position]
        if token.isSymbol(")"),
            let open = (max(sentence.firstToken, position - 8)..<position).last(where: { tokens[$0].isSymbol("(") }),
            open > sentence.firstToken
        {
            // `the UN's humanitarian office (OCHA) said`: the known name inside the bracket, else the name before it
            // (`The Joint Chiefs of Staff (JCS) said`).
            if let inside = mention(endingAt: position - 1, in: mentionRange), Self.isSource(inside) {
                let before = subject(endingAt: open - 1, weak: weak, in: sentence, mentionRange: mentionRange)
                return (Assertion(chain: [inside.name]), before?.start ?? open)
            }
            return subject(endingAt: open - 1, weak: weak, in: sentence, mentionRange: mentionRange)
        }
        if let (named, first) = mentionSpan(endingAt: position, in: mentionRange) {
            if weak && !Self.isSource(named) { return nil }
            return (Assertion(chain: [named.name]), first)
        }
        guard token.kind == .word else { return nil }
        if Self.personPronouns.contains(token.key) {
            let before = mentionRange.last {
                mentions[$0].endToken <= position && mentions[$0].mention.kind == "person"
            }
            guard let person = before.map({ mentions[$0].mention.name }) ?? lastPerson else { return nil }
            return (Assertion(chain: [person]), position)
        }
        if Self.thingPronouns.contains(token.key) || Self.documentNouns.contains(token.key) {
            // `It estimated`, `the report said`: the source the paragraph is describing; `KIDA's report said`.
            if Self.documentNouns.contains(token.key),
                let (owner, start) = documentOwner(noun: position, in: sentence, mentionRange: mentionRange)
            {
                return (Assertion(chain: [owner], isDocument: true), start)
            }
            let determined =
                Self.thingPronouns.contains(token.key) || text.isWord(position - 1, in: Self.determiners)
            if determined, let current = carried {
                return (Assertion(chain: current.chain, isDocument: current.isDocument), position)
            }
            // `…, it said`: with no source in hand, the organisation the text is about.
            if text.isWord(position, Self.it), position == sentence.firstToken || tokens[position - 1].isSymbol(","),
                let organisation = lastOrganisation(before: position, mentionRange: mentionRange)
            {
                return (Assertion(chain: [organisation]), position)
            }
            // `Its decision found`: the organisation's own document.
            if Self.documentNouns.contains(token.key), text.isWord(position - 1, in: Self.possessiveDeterminers),
                let organisation = lastOrganisation(before: position - 1, mentionRange: mentionRange)
            {
                return (Assertion(chain: [organisation], isDocument: true), position - 1)
            }
            // `customs data showed`: a body's data.
            guard Self.institutionNouns.contains(token.key) else { return nil }
        }
        if Self.institutionNouns.contains(token.key),
            let start = institutionStart(endingAt: position, floor: sentence.firstToken)
        {
            return (Assertion(chain: [describedBody(start, head: position, mentionRange: mentionRange)]), start)
        }
        if text.isWord(position - 1, Lexicon.the),
            let known = definiteReference(head: position, mentionRange: mentionRange)
        {
            return (Assertion(chain: [known]), position - 1)  // `the agency said`, `the Bank said`
        }
        if Self.companyNouns.contains(token.key), text.isWord(position - 1, Lexicon.the),
            let company = lastOrganisation(before: position - 1, mentionRange: mentionRange)
        {
            return (Assertion(chain: [company]), position - 1)
        }
        if Self.otherPronouns.contains(token.key) || weak { return nil }
        guard let name = capitalisedName(endingAt: position, floor: sentence.firstToken) else { return nil }
        return (Assertion(chain: [name]), position)
    }

    /// The owner of the document noun at `noun`, and where the owner starts: `KIDA's report`, `the EU statistics
    /// office's flash estimate`, `the company's statement`, `separate Eurostat figures`.
    private func documentOwner(noun: Int, in sentence: Sentence, mentionRange: Range<Int>) -> (String, Int)? {
        let floor = sentence.firstToken
        var owner = noun - 1
        while owner > floor, noun - owner <= 2, tokens[owner].kind == .word, tokens[owner].isLowercase,
            !text.isWord(owner, Self.s)
        {
            owner -= 1
        }
        if owner - 2 >= floor, text.isWord(owner, Self.s),
            tokens[owner - 1].isSymbol("'") || tokens[owner - 1].isSymbol("’")
        {
            let end = owner - 2
            if let (found, first) = mentionSpan(endingAt: end, in: mentionRange), Self.isSource(found) {
                return (found.name, first)
            }
            if let found = capitalisedName(endingAt: end, floor: floor) { return (found, end) }
            if text.isWord(end, in: Self.institutionNouns), let start = institutionStart(endingAt: end, floor: floor) {
                return (describedBody(start, head: end, mentionRange: mentionRange), start)
            }
            if text.isWord(end - 1, Lexicon.the) {
                if text.isWord(end, in: Self.companyNouns),
                    let company = lastOrganisation(before: end - 1, mentionRange: mentionRange)
                {
                    return (company, end - 1)
                }
                if let known = definiteReference(head: end, mentionRange: mentionRange) { return (known, end - 1) }
            }
            return nil
        }
        // `Eurostat figures`, `INE data`: a name written before the noun.
        let end = noun - 1
        guard end >= floor, end > floor || !text.isWord(end, Lexicon.the) else { return nil }
        if let found = mention(endingAt: end, in: mentionRange), Self.isSource(found) { return (found.name, end) }
        guard end > floor || text.isCapitals(end), text.isNameWord(end), !text.isWord(end, in: Self.otherPronouns),
            !text.isWord(end, in: Self.firstPerson), let found = capitalisedName(endingAt: end, floor: floor)
        else { return nil }
        return (found, end)
    }

    /// The name of a body a description picks out (`the finance ministry`, `the spy agency`): the body named earlier
    /// that it refers back to, else the description itself.
    private func describedBody(_ start: Int, head: Int, mentionRange: Range<Int>) -> String {
        let description = text.string(tokens: start, head)
        guard text.isWord(start - 1, Lexicon.the), !tokens[start].isCapitalized || start == head,
            let known = definiteReference(head: head, mentionRange: mentionRange)
        else { return description }
        return known
    }

    /// `the agency`, `the Bank`, `the ministry`, `the source`: the source named earlier whose name has this head word
    /// (or a word it stands for: `agency` for a `Service`), nearest first — the paragraph's source, the sources named
    /// so far, the author, the bodies the gazetteer found earlier in the document.
    private func definiteReference(head: Int, mentionRange: Range<Int>) -> String? {
        guard tokens[head].kind == .word else { return nil }
        if tokens[head].key == Self.sourceWord {
            // `…, citing a source in the Energy Ministry. … the source said`: the origin a relay cited.
            guard let chain = carried?.chain, chain.count > 1 else { return nil }
            return chain.first
        }
        guard let heads = Self.referenceHeads[tokens[head].key] else { return nil }
        func matches(_ name: String) -> Bool {
            name.lowercased().split(whereSeparator: { !$0.isLetter }).contains { word in
                heads.contains { word == $0 || word.count > $0.count + 2 && word.hasSuffix($0) }
            }
        }
        if let current = carried?.chain.first, matches(current) { return current }
        if let earlier = named.suffix(Self.namedLookBack).last(where: { matches($0.name) }) { return earlier.name }
        if let author, matches(author) { return author }
        var index = mentionRange.lowerBound - 1
        while index >= 0, mentionRange.lowerBound - index <= Self.organisationLookBack {
            let found = mentions[index]
            if found.mention.kind == "organisation",
                matches(found.mention.name) || matches(text.string(tokens: found.firstToken, found.endToken - 1))
            {
                return found.mention.name
            }
            index -= 1
        }
        return nil
    }

    private static let sourceWord = WordKey.of("source")
    /// The head words a definite description may use for a body named earlier.
    private static let referenceHeads: [UInt64: [Substring]] = {
        let table: [(String, [Substring])] = [
            ("agency", ["agency", "service", "office", "bureau", "administration"]),
            ("service", ["service", "agency"]), ("office", ["office", "bureau", "agency"]),
            ("bureau", ["bureau", "office", "agency"]), ("bank", ["bank", "reserve"]), ("lender", ["bank"]),
            ("ministry", ["ministry", "department"]), ("department", ["department", "ministry"]),
            ("fund", ["fund"]), ("committee", ["committee"]), ("commission", ["commission"]),
            ("council", ["council"]), ("court", ["court", "tribunal"]), ("institute", ["institute"]),
            ("centre", ["centre", "center"]), ("center", ["center", "centre"]), ("authority", ["authority"]),
            ("administration", ["administration"]), ("directorate", ["directorate"]),
            ("organisation", ["organisation", "organization"]), ("organization", ["organization", "organisation"]),
            ("programme", ["programme", "program"]), ("consortium", ["consortium"]), ("foundation", ["foundation"]),
            ("group", ["group"]), ("union", ["union"]), ("alliance", ["alliance"]), ("forum", ["forum"]),
            ("board", ["board"]), ("tribunal", ["tribunal", "court"]), ("association", ["association"]),
            ("federation", ["federation"]), ("chamber", ["chamber"]), ("charity", ["charity", "foundation"]),
            ("consultancy", ["consultancy"]), ("regulator", ["regulator", "authority", "commission"]),
            ("watchdog", ["watchdog", "authority", "commission", "office"]),
        ]
        return Dictionary(uniqueKeysWithValues: table.map { (WordKey.of($0.0), $0.1) })
    }()

    /// `the company said`: the last organisation named before `token` in its paragraph.
    private func lastOrganisation(before token: Int, mentionRange: Range<Int>) -> String? {
        // The paragraph's mentions up to this sentence's, the nearest first; a bounded look back.
        var index = mentionRange.upperBound - 1
        while index >= paragraphMentions, mentionRange.upperBound - index <= Self.organisationLookBack {
            let mention = mentions[index]
            if mention.endToken <= token, mention.mention.kind == "organisation" { return mention.mention.name }
            index -= 1
        }
        return lastCompany
    }

    /// How many of the sources named before a short name or a description looks back through.
    private static let namedLookBack = 64

    /// How many mentions `the company said` looks back through for the organisation it means.
    private static let organisationLookBack = 200

    /// The organisation a sentence opens with as its subject, when the gazetteer does not know it: two or more
    /// capitalised words (no country, place or person among them) followed by a lower-case word — `Kitamori
    /// Semiconductor will invest`.
    private func openingOrganisation(_ sentence: Sentence, mentionRange: Range<Int>) -> String? {
        var start = text.afterDateline(from: sentence.firstToken, limit: sentence.endToken)
        if text.isWord(start, Lexicon.the) { start += 1 }
        // Known bodies are found by the gazetteer in their paragraph; this remembers the others (companies).
        if mention(startingAt: start, in: mentionRange) != nil { return nil }
        var end = start
        while end < sentence.endToken, end - start < 6, text.isNameWord(end),
            !Lexicon.companyForms.contains(tokens[end].key)
        {
            end += 1
        }
        var after = end
        // `Daehan Precision Aerospace Co., Ltd.,`
        while after < sentence.endToken,
            tokens[after].kind == .symbol || Lexicon.companyForms.contains(tokens[after].key),
            after - end < 6
        {
            after += 1
        }
        guard end - start >= 2, after < sentence.endToken, tokens[after].kind == .word, tokens[after].isLowercase,
            !mentionRange.contains(where: { mentions[$0].firstToken < end && mentions[$0].endToken > start })
        else { return nil }
        return text.string(tokens: start, end - 1)
    }

    /// The first token of a subject headed by an institution noun at `head`, or nil when nothing picks out which
    /// body or person it is (`officials said`, `the ministry said`):
    /// - a name, a nationality or a possessive name qualifies it (`Ukraine's air force`, `Russian officials`);
    /// - an article or a possessive and a description single out a body or a person (`the finance minister`,
    ///   `a defence ministry spokesperson`, `the country's disaster management agency`, `customs data`);
    /// - a plural of people needs a qualifying word (`senior officials`);
    /// - `police`, `prosecutors` and `customs` need nothing.
    private func institutionStart(endingAt head: Int, floor: Int) -> Int? {
        var start = head
        var isNamed = false
        var modifiers = 0
        var qualifiers = 0
        while start - 1 >= floor, head - start < 7 {
            let previous = start - 1
            if text.isWord(previous, Self.s), previous - 2 >= floor,
                tokens[previous - 1].isSymbol("'") || tokens[previous - 1].isSymbol("’"),
                tokens[previous - 2].kind == .word
            {
                // `Ukraine's air force`, `the country's agency`.
                start = previous - 2
                if tokens[previous - 2].isCapitalized { isNamed = true } else { modifiers += 1 }
                continue
            }
            guard tokens[previous].kind == .word, !Self.descriptionStops.contains(tokens[previous].key) else { break }
            if Lexicon.articles.contains(tokens[previous].key) || text.isWord(previous, Lexicon.the) { break }
            if tokens[previous].isCapitalized {
                isNamed = true
            } else {
                modifiers += 1
                if Self.institutionModifiers.contains(tokens[previous].key) { qualifiers += 1 }
            }
            start = previous
        }
        if isNamed { return start }
        let key = tokens[head].key
        if Self.specificBodies.contains(key) { return start }
        let determined =
            start - 1 >= floor
            && (text.isWord(start - 1, Lexicon.the) || Lexicon.articles.contains(tokens[start - 1].key))
        if Self.describedHeads.contains(key), modifiers > 0, determined || qualifiers > 0 || modifiers > 1 {
            return start
        }
        return qualifiers > 0 && !Self.companyNouns.contains(key) ? start : nil
    }

    /// `The IMF raised its forecast to 3.2 percent`: the subject of a verb of revision whose object is its own
    /// forecast or estimate.
    private func ownedEstimate(_ sentence: Sentence, mentionRange: Range<Int>) -> Assertion? {
        let floor = sentence.firstToken
        for verb in floor..<sentence.endToken
        where tokens[verb].kind == .word && tokens[verb].isLowercase && Self.revisionVerbs.contains(tokens[verb].key) {
            var object = verb + 1
            let isOwn = text.isWord(object, in: Self.possessiveDeterminers)
            if isOwn || text.isWord(object, Lexicon.the) { object += 1 }
            // `raised its U.S. growth forecast`; after `the`, only lower-case words (`cut the key rate`).
            while object < sentence.endToken, object - verb <= 6,
                isOwn
                    ? tokens[object].kind != .symbol || tokens[object].isSymbol(".")
                    : tokens[object].kind == .number || tokens[object].isLowercase,
                !Self.ownedEstimates.contains(tokens[object].key)
            {
                object += 1
            }
            guard object < sentence.endToken, text.isWord(object, in: Self.ownedEstimates), verb - 1 >= floor,
                let (found, _) = subject(endingAt: verb - 1, weak: false, in: sentence, mentionRange: mentionRange),
                let name = found.chain.first
            else { continue }
            // `The Bank cut interest rates`: without `its`, only a body known to set them.
            guard isOwn || entityKinds[name] == "organisation" || registry.entry(for: name) != nil else { continue }
            return found
        }
        return nil
    }

    /// `METI on Monday approved up to 480 billion yen`, `The Netherlands pledged 300 million euros`: a body that
    /// commits its own money, goods or people is the authority on that commitment.
    private func commitment(_ sentence: Sentence, mentionRange: Range<Int>) -> Assertion? {
        let floor = sentence.firstToken
        for verb in floor..<sentence.endToken
        where tokens[verb].kind == .word && tokens[verb].isLowercase && Self.commitmentVerbs.contains(tokens[verb].key)
        {
            var position = verb - 1
            while position > floor {
                if tokens[position].kind == .word, Self.commitmentAuxiliaries.contains(tokens[position].key) {
                    position -= 1
                } else if position - 1 > floor, text.isWord(position - 1, in: Self.datePrepositions),
                    DateWords.table[tokens[position].key] != nil
                {
                    position -= 2  // `on Monday`, `in March`
                } else {
                    break
                }
            }
            guard position >= floor else { continue }
            if tokens[position].isSymbol(")"), let found = mention(endingAt: position - 1, in: mentionRange),
                found.kind == "organisation"
            {
                return Assertion(chain: [found.name])  // `… Industry (METI) approved`
            }
            if let found = mention(endingAt: position, in: mentionRange) {
                guard found.kind == "organisation" || found.kind == "country" else { continue }
                return Assertion(chain: [found.name])
            }
            if let company = lastCompany, text.string(tokens: max(floor, position - 5), position).hasSuffix(company) {
                return Assertion(chain: [company])
            }
        }
        return nil
    }

    /// The quotation the speaker speaks: right after the verb (`said, "…"`) or right before the subject
    /// (`"…," he said`).
    private func quotation(after verb: Int, before subjectStart: Int, in sentence: Sentence) -> Range<Int>? {
        var open = verb + 1
        if open < sentence.endToken, tokens[open].isSymbol(",") || tokens[open].isSymbol(":") { open += 1 }
        if open < sentence.endToken, isOpeningQuote(tokens[open]) {
            var close = open + 1
            while close < sentence.endToken,
                !(isClosingQuote(tokens[close], opening: tokens[open]) && isQuoteMark(close))
            {
                close += 1
            }
            return open..<close
        }
        let close = subjectStart - 1
        guard close > sentence.firstToken, isQuote(tokens[close]),
            tokens[close - 1].isSymbol(",") || tokens[close - 1].isSymbol("?") || tokens[close - 1].isSymbol("!")
        else { return nil }
        var start = close - 1
        while start >= sentence.firstToken, !isQuoteMark(start) { start -= 1 }
        return max(start, sentence.firstToken)..<close
    }

    private func isQuote(_ token: Token) -> Bool {
        token.kind == .symbol
            && (token.key == 0x22 || token.key == 0x27 || token.key == 0x201C || token.key == 0x201D
                || token.key == 0x2018 || token.key == 0x2019)
    }

    /// A quotation mark, not the apostrophe inside a word (`Korea's`, `don't`).
    private func isQuoteMark(_ index: Int) -> Bool {
        let token = tokens[index]
        guard isQuote(token) else { return false }
        guard token.isSymbol("'") || token.isSymbol("’"), !token.hasSpaceBefore, index > 0,
            tokens[index - 1].kind == .word, index + 1 < tokens.count, tokens[index + 1].kind == .word,
            !tokens[index + 1].hasSpaceBefore
        else { return true }
        return false
    }

    private func isOpeningQuote(_ token: Token) -> Bool {
        token.kind == .symbol && (token.key == 0x22 || token.key == 0x201C || token.key == 0x2018)
    }

    private func isClosingQuote(_ token: Token, opening: Token) -> Bool {
        switch opening.key {
        case 0x201C: token.isSymbol("”")
        case 0x2018: token.isSymbol("’")
        default: token.isSymbol("\"")
        }
    }

    /// `X's report`, `a report (published) by X`, `data from X`, `X released a study`: a document and its author.
    private func documentSource(_ sentence: Sentence, mentionRange: Range<Int>) -> Assertion? {
        let floor = sentence.firstToken
        for noun in floor..<sentence.endToken
        where tokens[noun].kind == .word && (tokens[noun].isLowercase || noun == floor)
            && Self.documentNouns.contains(tokens[noun].key)
        {
            // `KIDA's latest report`
            if let (owner, _) = documentOwner(noun: noun, in: sentence, mentionRange: mentionRange) {
                return Assertion(chain: [owner], isDocument: true)
            }
            // `a report published by X`, `data from X`, `a survey of 6,000 people by X`
            var after = noun + 1
            if text.isWord(after, Lexicon.of) {
                var by = after + 1
                while by < min(sentence.endToken, after + 6), tokens[by].kind != .symbol, !text.isWord(by, Self.by) {
                    by += 1
                }
                if text.isWord(by, Self.by) { after = by }
            }
            while text.isWord(after, in: Self.beForms) { after += 1 }
            if text.isWord(after, in: Self.publishing) { after += 1 }
            if text.isWord(after, Self.by) || text.isWord(after, Lexicon.from),
                let found = name(from: after + 1, in: sentence, mentionRange: mentionRange)
            {
                return Assertion(chain: [found], isDocument: true)
            }
            // `KIDA released a report`
            var verb = noun - 1
            while verb > floor, noun - verb <= 3, !text.isWord(verb, in: Self.publishing) { verb -= 1 }
            if text.isWord(verb, in: Self.publishing), let found = mention(endingAt: verb - 1, in: mentionRange),
                Self.isSource(found)
            {
                return Assertion(chain: [found.name], isDocument: true)
            }
        }
        return nil
    }

    /// `Yonhap News. 2024. "…"`: a reference-list entry, whose publisher relays every claim in it.
    private func referencePublisher(_ sentence: Sentence, mentionRange: Range<Int>) -> String? {
        guard let (found, end) = mention(startingAt: sentence.firstToken, in: mentionRange), Self.isSource(found)
        else { return nil }
        var next = end
        // `Radio Free Asia (RFA).`
        if next + 2 < sentence.endToken, tokens[next].isSymbol("("), tokens[next + 2].isSymbol(")") { next += 3 }
        guard next + 1 == sentence.endToken, tokens[next].isSymbol("."), next + 1 < tokens.count,
            tokens[next + 1].kind == .number, text.length(next + 1) == 4
        else { return nil }
        return registry.entry(for: found.name)?.name ?? found.name
    }

    /// A bracketed citation after the figure, in the same sentence: `(Yonhap 04/30/2025)`, `(RFA, June 2024)`.
    private func citation(after index: Int, in sentence: Sentence, mentionRange: Range<Int>) -> String? {
        var open = index
        while open < sentence.endToken {
            if tokens[open].isSymbol("("),
                let name = citationName(open: open, in: sentence, mentionRange: mentionRange)
            {
                return name
            }
            // `… of refined germanium supply [1].`
            if tokens[open].isSymbol("["), open + 2 < sentence.endToken, tokens[open + 1].kind == .number,
                tokens[open + 2].isSymbol("]"), let number = Int(text.string(tokens: open + 1, open + 1)),
                let name = footnotes[number]
            {
                return name
            }
            open += 1
        }
        return nil
    }

    private func citationName(open: Int, in sentence: Sentence, mentionRange: Range<Int>) -> String? {
        let first = open + 1
        // `(INE data)`, `(Eurostat figures)`
        if first + 2 < sentence.endToken, tokens[first + 2].isSymbol(")"),
            text.isWord(first + 1, in: Self.documentNouns)
        {
            if let named = mention(endingAt: first, in: mentionRange), Self.isSource(named) { return named.name }
            let word = text.string(tokens: first, first)
            if text.isCapitals(first) || registry.entry(for: word) != nil { return word }
        }
        // Not a month, and not a currency restating an amount: `(CNY 1,800)`, `(US$4.9 billion)`.
        guard first < sentence.endToken, tokens[first].kind == .word, tokens[first].isCapitalized,
            !Lexicon.months.contains(tokens[first].key), Lexicon.currencyCodes[tokens[first].key] == nil,
            !text.isWord(first, Lexicon.us), !text.isWord(first, Lexicon.rs)
        else { return nil }
        var close = first
        var hasDate = false
        var nameEnd = -1
        while close < sentence.endToken, close - first < 12, !tokens[close].isSymbol(")") {
            let token = tokens[close]
            if token.isSymbol(":") { return nil }
            if token.kind == .number
                || (token.kind == .word && token.isCapitalized && Lexicon.months.contains(token.key))
            {
                hasDate = true
                if nameEnd < 0 { nameEnd = close - 1 }
            }
            if token.isSymbol(","), nameEnd < 0 { nameEnd = close - 1 }
            close += 1
        }
        guard hasDate, close < sentence.endToken, nameEnd >= first else { return nil }
        if let named = mention(endingAt: nameEnd, in: mentionRange) { return named.name }
        return text.string(tokens: first, nameEnd)
    }

    // MARK: Carry-over signals

    /// `I`, `we`, `our` outside quotations, or an opening such as `Of course,`: the author speaks.
    private func isAuthorVoice(_ sentence: Sentence) -> Bool {
        var start = sentence.firstToken
        if let (_, end) = Self.authorOpenings.match(in: tokens, at: start, limit: sentence.endToken),
            end < sentence.endToken, tokens[end].isSymbol(",")
        {
            return true
        }
        var inQuote = false
        while start < sentence.endToken {
            let token = tokens[start]
            if token.isSymbol("\"") {
                inQuote.toggle()
            } else if token.isSymbol("“") {
                inQuote = true
            } else if token.isSymbol("”") {
                inQuote = false
            } else if !inQuote, token.kind == .word {
                if text.token(start, spells: "I") { return true }
                if Self.firstPerson.contains(token.key), !text.token(start, spells: "US") { return true }
            }
            start += 1
        }
        return false
    }

    /// `is said to`, `is estimated at`, `it is judged that`, `reportedly`: the sentence reports someone's words.
    private func signalsReportedSpeech(_ sentence: Sentence) -> Bool {
        for index in sentence.firstToken..<sentence.endToken where tokens[index].kind == .word {
            let key = tokens[index].key
            if key == Self.reportedly { return true }
            if Self.reportiveParticiples.contains(key), text.isWord(index - 1, in: Self.beForms),
                text.isWord(index + 1, Lexicon.to) || text.isWord(index + 1, Lexicon.at)
                    || text.isWord(index + 1, in: Self.passiveMarkers)
            {
                return true
            }
        }
        return false
    }

    /// Whether the sentence names a known source (not a country) other than those of `chain`.
    private func namesOtherSource(_ sentence: Sentence, mentionRange: Range<Int>, than chain: [String]) -> Bool {
        for index in mentionRange {
            let found = mentions[index].mention
            guard Self.isSource(found), let entry = registry.entry(for: found.name), entry.kind != "government"
            else { continue }
            if !chain.contains(entry.name) && !chain.contains(found.name) { return true }
        }
        return false
    }

    // MARK: Capitalised names

    /// A run of capitalised words (with `of`, `for`, `the`, possessives and hyphenated parts inside) ending at `end`,
    /// without the titles that open a person's name (`Rear Admiral Dana Whitfield` → `Dana Whitfield`).
    private func capitalisedName(endingAt end: Int, floor: Int) -> String? {
        guard var start = text.nameWordStart(endingAt: end, floor: floor) else { return nil }
        while start - 1 >= floor, end - start < 10 {
            let previous = tokens[start - 1]
            if let word = text.nameWordStart(endingAt: start - 1, floor: floor) {
                start = word
            } else if previous.kind == .word, previous.key == Lexicon.of || previous.key == Self.for,
                start - 2 >= floor, tokens[start - 2].isCapitalized
            {
                start -= 1
            } else if previous.kind == .word, previous.key == Self.s, start - 3 >= floor,
                tokens[start - 2].isSymbol("'") || tokens[start - 2].isSymbol("’"), tokens[start - 3].isCapitalized
            {
                start -= 2
            } else {
                break
            }
        }
        if tokens[start].kind == .word, tokens[start].key == Lexicon.the || Lexicon.articles.contains(tokens[start].key)
        {
            guard start < end else { return nil }  // `The expected cut`: no name
            start += 1
        }
        return text.string(tokens: text.afterTitles(start, end: end + 1), end)
    }

    /// A run of capitalised words starting at `start` (`Open Source Centre`, `Royal United Services Institute`),
    /// after any titles (`Rep. Park Ji-hoon` → `Park Ji-hoon`).
    private func capitalisedRun(from start: Int, limit: Int) -> String? {
        let end = capitalisedRunEnd(from: start, limit: limit)
        guard end > start else { return nil }
        return text.string(tokens: text.afterTitles(start, end: end), end - 1)
    }

    private func capitalisedRunEnd(from start: Int, limit: Int) -> Int {
        guard start < limit, text.isNameWord(start), tokens[start].key != Lexicon.the,
            !Lexicon.articles.contains(tokens[start].key)
        else { return start }
        var last = text.nameWordEnd(from: start, limit: limit) - 1
        while last + 1 < limit {
            let next = tokens[last + 1]
            if text.isNameWord(last + 1) {
                last = text.nameWordEnd(from: last + 1, limit: limit) - 1
            } else if next.isSymbol("."), !next.hasSpaceBefore, Lexicon.personTitles.contains(tokens[last].key),
                last + 2 < limit, text.isNameWord(last + 2)
            {
                last += 1  // `Rep. Park`
            } else if next.kind == .word, next.key == Lexicon.of || next.key == Self.for || next.key == Lexicon.and,
                last + 2 < limit, tokens[last + 2].isCapitalized
            {
                last += 2
            } else {
                break
            }
        }
        return last + 1
    }
}

extension ScannedText {
    /// Whether token `index` exists and is the word with this key.
    func isWord(_ index: Int, _ key: UInt64) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .word && tokens[index].key == key
    }

    /// Whether token `index` exists and is one of these words.
    func isWord(_ index: Int, in keys: Set<UInt64>) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .word && keys.contains(tokens[index].key)
    }

    /// Whether token `index` is a word of two or more letters, all capitals: `SEOUL`, `TASS`.
    func isCapitals(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .word && token.end - token.start >= 2
            && (token.start..<token.end).allSatisfy { Scalars.isUpper(scalars[$0]) }
    }

    /// The first token after a short dateline of words in capitals and a dash (`TOKYO --`, `WASHINGTON —`) at
    /// `start`, or `start` when there is none.
    func afterDateline(from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit, isCapitals(index) { index += 1 }
        guard index > start, index < limit, tokens[index].isSymbol("-") || tokens[index].isSymbol("—") else {
            return start
        }
        while index < limit, tokens[index].kind == .symbol { index += 1 }
        return index
    }

    /// Whether token `index` is a capitalised word that can be part of a name: not a weekday or a month
    /// (`published on Friday`).
    func isNameWord(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word, tokens[index].isCapitalized else {
            return false
        }
        switch DateWords.table[tokens[index].key] {
        case .weekday, .month: return false
        default: return true
        }
    }

    /// One past the last token of the name word at `start`, hyphenated parts included (`Jae-won`).
    func nameWordEnd(from start: Int, limit: Int) -> Int {
        var end = start + 1
        while end + 1 < limit, tokens[end].isSymbol("-"), !tokens[end].hasSpaceBefore, tokens[end + 1].kind == .word,
            !tokens[end + 1].hasSpaceBefore
        {
            end += 2
        }
        return end
    }

    /// The first token of the name word that ends at `end`, hyphenated parts included (`Jae-won`), or nil when
    /// that word is not a name word.
    func nameWordStart(endingAt end: Int, floor: Int) -> Int? {
        var start = end
        while start - 2 >= floor, tokens[start].kind == .word, !tokens[start].hasSpaceBefore,
            tokens[start - 1].isSymbol("-"), !tokens[start - 1].hasSpaceBefore, tokens[start - 2].kind == .word
        {
            start -= 2
        }
        return isNameWord(start) ? start : nil
    }

    /// The first token after the titles that open the name from `start` to `end` (`Rear Admiral Dana Whitfield`,
    /// `Rep. Park Ji-hoon`), or `start` when no name follows them or the rest names a body (`Finance Ministry`,
    /// `General Staff`).
    func afterTitles(_ start: Int, end: Int) -> Int {
        let position = titlesEnd(from: start, limit: end)
        guard position > start, position < end, isNameWord(position),
            (start..<position).contains(where: {
                isWord($0, in: Lexicon.personTitles) && !isWord($0, in: Self.rankWords)
            })
        else { return start }
        for index in position..<end
        where tokens[index].kind == .word && Lexicon.organisationWords.contains(tokens[index].key) {
            return start
        }
        return position
    }

    /// Titles that also begin the names of bodies (`General Atomics`, `Executive Yuan`, `Premier League`): stripped
    /// only with another title (`Chief Executive Officer`, `Major General`).
    private static let rankWords = Lexicon.keys([
        "general", "executive", "premier", "prime", "major", "chief", "senior", "head", "former", "acting", "vice",
        "rear", "deputy", "associate", "assistant", "financial", "operating", "fellow", "marshal", "captain",
    ])

    /// The first token after the titles from `start`, with their abbreviation dots (`Rep.`, `Finance Minister`).
    func titlesEnd(from start: Int, limit: Int) -> Int {
        var position = start
        while position < limit, tokens[position].kind == .word,
            Lexicon.personTitles.contains(tokens[position].key)
                || Lexicon.portfolios.contains(tokens[position].key) && isWord(position + 1, in: Lexicon.personTitles)
        {
            position += 1
            if position < limit, tokens[position].isSymbol(".") { position += 1 }
        }
        return position
    }

    /// The tokens' text with words written in capitals turned to title case: `Won Gon PARK` → `Won Gon Park`.
    func titleCased(_ first: Int, _ last: Int) -> String {
        var result = String.UnicodeScalarView()
        var position = tokens[first].start
        for index in first...last {
            let token = tokens[index]
            while position < token.start {
                if let scalar = Unicode.Scalar(scalars[position]) { result.append(scalar) }
                position += 1
            }
            let isCapitals =
                token.kind == .word && !(token.start..<token.end).contains { Scalars.isLower(scalars[$0]) }
            for offset in token.start..<token.end {
                var v = scalars[offset]
                if isCapitals, offset > token.start, v < 0x80, Scalars.isUpper(v) { v |= 0x20 }
                if let scalar = Unicode.Scalar(v) { result.append(scalar) }
            }
            position = token.end
        }
        return String(result)
    }

    /// Whether the word at `index` ends in `-ly` (an adverb).
    func endsInLy(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isLowercase, token.end - token.start > 3 else { return false }
        return scalars[token.end - 2] == 0x6C && scalars[token.end - 1] == 0x79
    }
}
