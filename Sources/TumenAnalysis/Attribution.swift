import TumenProtocol

/// Says what a figure counts (`measure`), from the words of its sentence; who asserts it is `SourceTracker`'s job.
///
/// Measure, in order: the counted noun phrase with a passive participle clause after it (`North Korean personnel
/// killed or injured`); the `of` phrase after a unit of measure (`tons of rice` → `rice`, `1.2% of North Korea's
/// foreign trade`); the subject of a linking verb before the figure (`bilateral trade with North Korea had reached
/// USD 34.4 million`).
struct Attributor {
    let text: ScannedText
    /// Entity mentions with their token ranges, in order.
    let mentions: [(mention: EntityMention, firstToken: Int, endToken: Int)]

    private var tokens: [Token] { text.tokens }

    private static let pronouns = Lexicon.keys([
        "he", "she", "they", "it", "we", "i", "you", "this", "that", "some", "others", "many", "experts", "analysts",
        "officials", "sources", "who", "which", "there",
    ])
    private static let auxiliaries = Lexicon.keys([
        "are", "is", "was", "were", "be", "been", "being", "have", "has", "had", "estimated", "believed", "thought",
        "said", "reported", "known", "reportedly", "to", "who", "that", "which", "allegedly", "already",
    ])
    private static let participleStops = Lexicon.keys([
        "while", "when", "if", "noting", "but", "although", "though", "because", "since", "as", "whereas", "and",
        "which", "who", "that", "according", "after", "before", "during",
    ])
    private static let irregularParticiples = Lexicon.keys([
        "sent", "built", "shot", "made", "held", "taken", "given", "brought", "lost", "hit", "seen", "done",
        "put", "spent", "sold", "bought", "left", "kept", "dispatched", "deployed", "shipped", "killed",
        "wounded", "injured", "captured", "transferred", "exported", "imported", "delivered", "provided",
        "supplied", "produced", "launched", "fired", "stationed", "trained", "paid", "received",
    ])
    /// Verbs linking a subject to the figure that follows: `trade had reached USD 34.4 million`.
    private static let linkingVerbs: PhraseTable<Bool> = PhraseTable(
        [
            ("is", true), ("was", true), ("are", true), ("were", true), ("reached", true), ("reach", true),
            ("reaches", true), ("totaled", true), ("totalled", true), ("totals", true), ("amounted to", true),
            ("amounts to", true), ("stood at", true), ("stands at", true), ("is worth", true), ("was worth", true),
            ("are worth", true), ("worth", true), ("estimated at", true), ("valued at", true), ("accounts for", true),
            ("accounted for", true), ("account for", true), ("rose to", true), ("fell to", true),
            ("increased to", true), ("grew to", true), ("dropped to", true), ("declined to", true),
            ("hit", true), ("exceeded", true), ("remained at", true), ("remains at", true), ("remained", true),
            ("is said to be", true), ("was said to be", true), ("is estimated to be", true),
            ("are estimated to be", true), ("came to", true), ("comes to", true), ("is only", true),
            ("was only", true), ("is just", true), ("was just", true), ("cost", true), ("costs", true),
            ("stood", true), ("is estimated at", true), ("are estimated at", true), ("was estimated at", true),
            ("were estimated at", true), ("are estimated to be", true), ("eased to", true), ("climbed to", true),
            ("jumped to", true), ("slipped to", true), ("surged to", true), ("slowed to", true),
            ("accelerated to", true), ("rebounded to", true), ("edged up to", true), ("edged down to", true),
            ("dipped to", true), ("plunged to", true), ("soared to", true), ("slumped to", true),
            ("recovered to", true), ("held at", true), ("holds at", true), ("settled at", true),
            ("averaged", true), ("averages", true), ("peaked at", true), ("topped", true), ("fell back to", true),
            ("was put at", true), ("is put at", true), ("came in at", true), ("reached a record", true),
        ], reversed: true)

    // MARK: Measure

    func measure(of candidate: QuantityCandidate, in sentence: Sentence) -> String? {
        let limit = sentence.endToken
        if let phrase = candidate.nounPhrase, candidate.countsThings {
            var result = text.string(tokens: phrase.lowerBound, phrase.upperBound - 1)
            if phrase.upperBound <= candidate.first {
                // `the number of Russian tourists … was only 880`
                return result
            }
            if let clause = participleClause(after: candidate.end, limit: limit) { result += " " + clause }
            return trimmed(result)
        }
        if text.isWord(candidate.end, Lexicon.of), candidate.end + 1 < limit,
            let phrase = nounPhrase(from: candidate.end + 1, limit: limit)
        {
            if candidate.unit == "percent", let owner = shareOwner(before: candidate.first, floor: sentence.firstToken)
            {
                return "\(owner)'s share of \(trimmed(phrase) ?? phrase)"
            }
            return trimmed(phrase)
        }
        if let subject = linkedSubject(before: candidate.first, floor: sentence.firstToken, verbs: Self.linkingVerbs) {
            guard let measure = trimmed(subject) else { return nil }
            return valueBasis(after: candidate.end, limit: limit).map { "\(measure) (\($0))" } ?? measure
        }
        if let unit = candidate.unit, unit == "percent" || Lexicon.isMoney(unit),
            let subject = linkedSubject(before: candidate.first, floor: sentence.firstToken, verbs: Self.changeVerbs)
                .flatMap(trimmed)
        {
            return "change in \(subject)"
        }
        if let phrase = candidate.nounPhrase { return text.string(tokens: phrase.lowerBound, phrase.upperBound - 1) }
        return nil
    }

    /// Verbs whose figure is a change of their subject, not its level: `Russia's economy grew 3.6%`, `exports rose
    /// by 12 per cent` (`rose to` gives a level, above).
    private static let changeVerbs: PhraseTable<Bool> = PhraseTable(
        [
            "grew", "grows", "rose", "rises", "fell", "falls", "shrank", "shrinks", "declined", "declines", "dropped",
            "drops", "increased", "increases", "decreased", "decreases", "climbed", "climbs", "jumped", "jumps",
            "slipped", "slips", "slumped", "slumps", "surged", "surges", "soared", "soars", "plunged", "plunges",
            "expanded", "expands", "contracted", "contracts", "gained", "gains", "lost", "loses", "eased", "eases",
            "dipped", "dips", "edged", "tumbled", "rebounded", "advanced", "slid", "widened", "narrowed",
        ].flatMap { [($0, true), ("\($0) by", true)] }, reversed: true)
    private static let perfectAuxiliaries = Lexicon.keys([
        "had", "has", "have", "been", "already", "reportedly", "still", "also", "even", "only", "just", "now",
        "is", "are", "was", "were", "consistently", "steadily", "reportedly", "since", "then",
    ])
    private static let beForms = Lexicon.keys(["are", "is", "was", "were", "be", "been", "being"])
    private static let focusAdverbs = Lexicon.keys(["only", "just", "still", "even", "merely", "already"])
    private static let circumstance = Lexicon.keys(["while", "when", "after", "whilst"])
    private static let valueWords = Lexicon.keys(["value", "terms", "prices"])
    private static let `in` = WordKey.of("in")
    /// Verbs saying that a percentage is someone's share: `Russia accounted for 1.2% of the trade`.
    private static let shareVerbs: PhraseTable<Bool> = PhraseTable(
        [
            ("accounted for", true), ("accounts for", true), ("account for", true), ("made up", true),
            ("makes up", true), ("make up", true), ("represented", true), ("represents", true),
            ("held", true), ("holds", true), ("took", true), ("takes", true),
        ], reversed: true)
    private static let leadingConjunctions = Lexicon.keys(["and", "but", "or", "so", "yet", "then", "while"])
    private static let clauseOpeners = Lexicon.keys(["that", "which", "while", "whereas"])
    private static let relativePronouns = Lexicon.keys(["which", "who"])

    private func isClauseBreak(_ token: Token) -> Bool {
        guard token.kind == .symbol else { return false }
        let k = token.key
        if k == 0x2D, token.hasSpaceBefore { return true }  // ` - `: a dash typed as a hyphen
        return k == 0x2C || k == 0x3B || k == 0x3A || k == 0x28 || k == 0x29 || k == 0x2014 || k == 0x2013
            || k == 0x2E || k == 0x21 || k == 0x3F || k == 0x22 || k == 0x201C || k == 0x201D
    }

    /// `are estimated to have been killed or injured while …` → `killed or injured`.
    private func participleClause(after start: Int, limit: Int) -> String? {
        var position = start
        var isPassive = false
        while position < limit, tokens[position].kind == .word, Self.auxiliaries.contains(tokens[position].key) {
            if Self.beForms.contains(tokens[position].key) { isPassive = true }
            position += 1
        }
        guard isPassive, position < limit, isParticiple(position) else { return nil }
        let first = position
        var last = position
        while last + 1 < limit, last + 1 - first < 10 {
            let next = tokens[last + 1]
            if isClauseBreak(next) || next.kind == .number { break }
            if next.kind == .word, Self.participleStops.contains(next.key),
                !(next.key == Lexicon.and && last + 2 < limit && isParticiple(last + 2))
            {
                break
            }
            if next.kind == .word, next.key == Lexicon.or || next.key == Lexicon.and, last + 2 < limit,
                !isParticiple(last + 2) && !(tokens[last + 2].kind == .word)
            {
                break
            }
            last += 1
        }
        var clause = text.string(tokens: first, last)
        // `killed or injured while supporting Russia in the war` → `killed or injured supporting Russia`.
        if text.isWord(last + 1, in: Self.circumstance), last + 2 < limit, isGerund(last + 2) {
            var end = last + 2
            while end + 1 < limit, end - last < 5, tokens[end + 1].kind == .word,
                !Lexicon.stopWords.contains(tokens[end + 1].key)
            {
                end += 1
            }
            clause += " " + text.string(tokens: last + 2, end)
        }
        return clause
    }

    private func isGerund(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.isLowercase, token.end - token.start > 4 else { return false }
        let s = text.scalars
        return s[token.end - 3] == 0x69 && s[token.end - 2] == 0x6E && s[token.end - 1] == 0x67  // -ing
    }

    private func isParticiple(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.isLowercase else { return false }
        if Self.irregularParticiples.contains(token.key) { return true }
        let s = text.scalars
        guard token.end - token.start > 3 else { return false }
        return s[token.end - 2] == 0x65 && (s[token.end - 1] == 0x64 || s[token.end - 1] == 0x6E)  // -ed, -en
    }

    /// A noun phrase of up to eight tokens, possessives and capitalised names included, up to a clause break.
    private func nounPhrase(from start: Int, limit: Int) -> String? {
        var last = start - 1
        var position = start
        while position < limit, position - start < 8 {
            let token = tokens[position]
            if isClauseBreak(token) { break }
            if token.kind == .word, position > start, Lexicon.stopWords.contains(token.key),
                token.key != Lexicon.of && token.key != Lexicon.the
            {
                break
            }
            if token.kind == .number { break }
            last = position
            position += 1
        }
        while last >= start, tokens[last].kind == .word,
            tokens[last].key == Lexicon.of || tokens[last].key == Lexicon.the
        {
            last -= 1
        }
        guard last >= start else { return nil }
        return text.string(tokens: start, last)
    }

    /// `<subject> had reached <figure>`: the subject, back to the clause start.
    private func linkedSubject(before first: Int, floor: Int, verbs: PhraseTable<Bool>) -> String? {
        var last = first - 1
        // `is said to be only about …`
        while last > floor, text.isWord(last, in: Self.focusAdverbs) { last -= 1 }
        guard last >= floor,
            let (_, verbStart) = verbs.match(in: tokens, endingAt: last, floor: floor)
        else { return nil }
        var verb = verbStart
        // `had reached`, `has been`
        while verb - 1 >= floor, tokens[verb - 1].kind == .word,
            Self.perfectAuxiliaries.contains(tokens[verb - 1].key) || text.endsInLy(verb - 1)
        {
            verb -= 1
        }
        var end = verb - 1
        // `Core inflation, which excludes food and energy, dipped to 2.6%`: the subject is before the relative clause.
        if end > floor, tokens[end].isSymbol(",") {
            var opener = end - 1
            while opener > floor, end - opener < 30, !isRelativeOpener(opener) { opener -= 1 }
            if opener > floor, isRelativeOpener(opener) { end = opener - 2 }
        }
        // `… does not reach that extent and remains at`: a second verb of the clause, not a subject.
        guard end >= floor, !text.isWord(end, in: Self.leadingConjunctions) else { return nil }
        var start = end
        while start - 1 >= floor, end - start < 16 {
            let previous = tokens[start - 1]
            if isClauseBreak(previous) { break }
            if previous.kind == .word,
                Self.clauseOpeners.contains(previous.key) || Lexicon.reportingVerbs.contains(previous.key)
            {
                break
            }
            start -= 1
        }
        guard tokens[end].kind != .symbol || tokens[end].isSymbol("%") else { return nil }
        while start < end, tokens[start].kind == .word, Self.leadingConjunctions.contains(tokens[start].key) {
            start += 1
        }
        // A subject cut in the middle of a possessive, or only a pronoun, says nothing.
        if tokens[start].kind == .symbol
            || (tokens[start].kind == .word && text.length(start) == 1 && start > floor
                && tokens[start - 1].kind == .symbol)
        {
            return nil
        }
        if start == end, tokens[start].kind == .word, Self.pronouns.contains(tokens[start].key) { return nil }
        // `is expected to cost …`: no subject in this clause.
        if Self.beForms.contains(tokens[start].key) || text.isWord(end, Lexicon.to) { return nil }
        var subject = text.string(tokens: start, end)
        for prefix in ["the number of ", "The number of "] where subject.hasPrefix(prefix) {
            subject.removeFirst(prefix.count)
        }
        return subject
    }

    /// `, which` or `, who` opening a relative clause.
    private func isRelativeOpener(_ index: Int) -> Bool {
        text.isWord(index, in: Self.relativePronouns) && index - 1 >= 0 && tokens[index - 1].isSymbol(",")
    }

    /// `Russia accounted for only about 1.2% of …`: the named entity whose share the percentage is.
    private func shareOwner(before first: Int, floor: Int) -> String? {
        var last = first - 1
        while last > floor, text.isWord(last, in: Self.focusAdverbs) { last -= 1 }
        guard let (_, verb) = Self.shareVerbs.match(in: tokens, endingAt: last, floor: floor) else { return nil }
        for entry in mentions where entry.endToken == verb { return entry.mention.name }
        return nil
    }

    /// `in market value`, `in real terms`: the basis of a money figure, e.g. `market value`.
    private func valueBasis(after end: Int, limit: Int) -> String? {
        guard text.isWord(end, Self.in), end + 2 < limit else { return nil }
        for last in end + 2...min(end + 3, limit - 1) where text.isWord(last, in: Self.valueWords) {
            guard (end + 1...last).allSatisfy({ tokens[$0].kind == .word }) else { return nil }
            return text.string(tokens: end + 1, last)
        }
        return nil
    }

    /// Without a leading article, and without a trailing date that belongs to the period (`in 2023`,
    /// `since 2010`, `in June 2024`).
    private func trimmed(_ phrase: String) -> String? {
        var result = phrase
        for article in ["the ", "The ", "a ", "A ", "an ", "An "] where result.hasPrefix(article) {
            result.removeFirst(article.count)
        }
        let words = result.split(separator: " ")
        if words.count > 2, let year = words.last, year.count == 4, year.allSatisfy(\.isNumber) {
            var cut = words.count - 1
            if cut > 1, Lexicon.months.contains(WordKey.of(words[cut - 1])) { cut -= 1 }
            if cut > 1, ["in", "since", "from", "during", "by", "until"].contains(words[cut - 1]) {
                result = words[..<(cut - 1)].joined(separator: " ")
            }
        }
        return result.isEmpty ? nil : result
    }
}
