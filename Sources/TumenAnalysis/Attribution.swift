import TumenProtocol

/// Says what a figure counts (`measure`) and who asserts it (`source`), from the words of its sentence.
///
/// Measure, in order: the counted noun phrase with a passive participle clause after it (`North Korean personnel
/// killed or injured`); the `of` phrase after a unit of measure (`tons of rice` → `rice`, `1.2% of North Korea's
/// foreign trade`); the subject of a linking verb before the figure (`bilateral trade with North Korea had reached
/// USD 34.4 million`).
///
/// Source: `according to X`; `X said/stated/estimated/reported…` (not in the passive, skipping adverbs and an
/// appositive: `Yury Ushakov, an aide to President Putin, stated`); and a citation in brackets after the figure
/// (`(Yonhap 04/30/2025)`). A named asserter and a different citation read `NIS via Yonhap`. Known entities are
/// reported by their canonical name.
struct Attributor {
    let text: ScannedText
    /// Entity mentions with their token ranges, in order.
    let mentions: [(mention: EntityMention, firstToken: Int, endToken: Int)]

    private var tokens: [Token] { text.tokens }

    private static let attributionVerbs = Lexicon.keys([
        "said", "says", "say", "stated", "states", "estimated", "estimates", "reported", "reports", "noted", "notes",
        "claimed", "claims", "told", "announced", "announces", "assessed", "assesses", "believes", "believed",
        "calculates", "projected", "projects", "found", "finds", "showed", "shows", "cited", "cites",
        "predicted", "predicts", "warned", "warns", "added", "adds", "confirmed", "confirms", "revealed", "reveals",
        "disclosed", "discloses", "argued", "argues", "wrote", "writes", "indicated", "indicates", "suggested",
        "suggests", "acknowledged", "explained", "insisted", "observed",
        "concluded", "forecast", "forecasts", "informed", "briefed", "testified",
    ])
    /// Verbs that attribute only when an organisation or person does them: `the report found`, not
    /// `North Korea recorded`.
    private static let weakAttributionVerbs = Lexicon.keys([
        "recorded", "found", "finds", "showed", "shows", "counted", "tallied", "put", "puts", "calculated",
    ])
    private static let passiveMarkers = Lexicon.keys([
        "is", "are", "was", "were", "be", "been", "being", "it", "which", "that",
    ])
    private static let adverbs = Lexicon.keys([
        "further", "also", "then", "previously", "recently", "earlier", "had", "has", "have", "reportedly",
        "separately", "first", "later", "publicly", "once", "again", "subsequently", "initially", "officially",
    ])
    private static let pronouns = Lexicon.keys([
        "he", "she", "they", "it", "we", "i", "you", "this", "that", "some", "others", "many", "experts", "analysts",
        "officials", "sources", "who", "which",
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
            ("were estimated at", true), ("are estimated to be", true),
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
        if isWord(candidate.end, Lexicon.of), candidate.end + 1 < limit,
            let phrase = nounPhrase(from: candidate.end + 1, limit: limit)
        {
            return trimmed(phrase)
        }
        if let subject = linkedSubject(before: candidate.first, floor: sentence.firstToken) {
            return trimmed(subject)
        }
        if let phrase = candidate.nounPhrase { return text.string(tokens: phrase.lowerBound, phrase.upperBound - 1) }
        return nil
    }

    private static let perfectAuxiliaries = Lexicon.keys([
        "had", "has", "have", "been", "already", "reportedly", "still", "also", "even", "only", "just", "now",
        "is", "are", "was", "were", "consistently", "steadily", "reportedly", "since", "then",
    ])
    private static let beForms = Lexicon.keys(["are", "is", "was", "were", "be", "been", "being"])
    private static let leadingConjunctions = Lexicon.keys(["and", "but", "or", "so", "yet", "then", "while"])
    private static let clauseOpeners = Lexicon.keys(["that", "which", "while", "whereas"])
    private static let `for` = WordKey.of("for")
    private static let s = WordKey.of("s")
    private static let according = WordKey.of("according")

    private func endsInLy(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.isLowercase, token.end - token.start > 3 else { return false }
        return text.scalars[token.end - 2] == 0x6C && text.scalars[token.end - 1] == 0x79
    }

    private func isWord(_ index: Int, _ key: UInt64) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .word && tokens[index].key == key
    }

    private func isClauseBreak(_ token: Token) -> Bool {
        guard token.kind == .symbol else { return false }
        let k = token.key
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
        return text.string(tokens: first, last)
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
    private func linkedSubject(before first: Int, floor: Int) -> String? {
        guard first - 1 >= floor,
            let (_, verbStart) = Self.linkingVerbs.match(in: tokens, endingAt: first - 1, floor: floor)
        else { return nil }
        var verb = verbStart
        // `had reached`, `has been`
        while verb - 1 >= floor, tokens[verb - 1].kind == .word,
            Self.perfectAuxiliaries.contains(tokens[verb - 1].key) || endsInLy(verb - 1)
        {
            verb -= 1
        }
        let end = verb - 1
        guard end >= floor else { return nil }
        var start = end
        while start - 1 >= floor, end - start < 16 {
            let previous = tokens[start - 1]
            if isClauseBreak(previous) { break }
            if previous.kind == .word, Self.clauseOpeners.contains(previous.key) {
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
        if Self.beForms.contains(tokens[start].key) || isWord(end, Lexicon.to) { return nil }
        var subject = text.string(tokens: start, end)
        for prefix in ["the number of ", "The number of "] where subject.hasPrefix(prefix) {
            subject.removeFirst(prefix.count)
        }
        return subject
    }

    private func trimmed(_ phrase: String) -> String? {
        var result = phrase
        for article in ["the ", "The ", "a ", "A ", "an ", "An "] where result.hasPrefix(article) {
            result.removeFirst(article.count)
        }
        return result.isEmpty ? nil : result
    }

    // MARK: Source

    /// Who the sentence says asserts its figures: `according to X`, else `X said`; computed once per sentence.
    func asserter(in sentence: Sentence, mentionRange: Range<Int>) -> String? {
        accordingTo(in: sentence, mentionRange: mentionRange) ?? speaker(in: sentence, mentionRange: mentionRange)
    }

    /// Who asserts the figure at `candidate`: the sentence's asserter, and a citation after the figure.
    func source(
        of candidate: QuantityCandidate, asserter primary: String?, in sentence: Sentence, mentionRange: Range<Int>
    ) -> String? {
        let citation = self.citation(after: candidate.end, in: sentence, mentionRange: mentionRange)
        switch (primary, citation) {
        case (let p?, let c?) where p != c: return "\(p) via \(c)"
        case (let p?, _): return p
        case (nil, let c?): return c
        default: return nil
        }
    }

    private func mention(endingAt token: Int, in range: Range<Int>) -> EntityMention? {
        for index in range where mentions[index].endToken - 1 == token { return mentions[index].mention }
        return nil
    }

    /// `according to X`: the first organisation or person named in the clause after it, else the first entity,
    /// else the clause's words.
    private func accordingTo(in sentence: Sentence, mentionRange: Range<Int>) -> String? {
        var index = sentence.firstToken
        while index + 1 < sentence.endToken {
            if isWord(index, Self.according), isWord(index + 1, Lexicon.to) { break }
            index += 1
        }
        guard index + 1 < sentence.endToken else { return nil }
        let start = index + 2
        var end = start
        while end < sentence.endToken,
            !(tokens[end].isSymbol(",") || tokens[end].isSymbol(";")
                || tokens[end].isSymbol(".") && end + 1 == sentence.endToken)
        {
            end += 1
        }
        let inClause = mentionRange.filter { mentions[$0].firstToken >= start && mentions[$0].endToken <= end }
        if let named = inClause.first(where: { ["organisation", "person"].contains(mentions[$0].mention.kind) }) {
            return mentions[named].mention.name
        }
        if let any = inClause.first { return mentions[any].mention.name }
        guard end > start else { return nil }
        if let name = (start..<end).lazy.compactMap({ self.capitalisedRun(from: $0, limit: end) }).first {
            return name
        }
        return trimmed(text.string(tokens: start, min(end, start + 6) - 1))
    }

    /// `X said/estimated/reported …` in the active voice: X.
    private func speaker(in sentence: Sentence, mentionRange: Range<Int>) -> String? {
        for verb in sentence.firstToken..<sentence.endToken where tokens[verb].kind == .word && tokens[verb].isLowercase
        {
            let isWeak = Self.weakAttributionVerbs.contains(tokens[verb].key)
            guard isWeak || Self.attributionVerbs.contains(tokens[verb].key) else { continue }
            var position = verb - 1
            while position >= sentence.firstToken, tokens[position].kind == .word,
                Self.adverbs.contains(tokens[position].key) || endsInLy(position)
            {
                position -= 1
            }
            guard position >= sentence.firstToken else { continue }
            if tokens[position].kind == .word, Self.passiveMarkers.contains(tokens[position].key) { continue }
            if tokens[position].isSymbol(",") {
                // An appositive: `Yury Ushakov, an aide to President Putin, stated`.
                var comma = position - 1
                while comma >= sentence.firstToken, position - comma < 16, !tokens[comma].isSymbol(",") { comma -= 1 }
                guard comma >= sentence.firstToken, tokens[comma].isSymbol(",") else { continue }
                position = comma - 1
                guard position >= sentence.firstToken else { continue }
            }
            if let named = mention(endingAt: position, in: mentionRange) {
                if isWeak && named.kind != "organisation" && named.kind != "person" { continue }
                return named.name
            }
            if tokens[position].kind == .word, Self.pronouns.contains(tokens[position].key) { continue }
            if isWeak { continue }
            if let phrase = capitalisedName(endingAt: position, floor: sentence.firstToken) { return phrase }
        }
        return nil
    }

    /// A run of capitalised words (with `of`, `for`, `the` and possessives inside) ending at `end`.
    private func capitalisedName(endingAt end: Int, floor: Int) -> String? {
        guard tokens[end].kind == .word, tokens[end].isCapitalized else { return nil }
        var start = end
        while start - 1 >= floor, end - start < 8 {
            let previous = tokens[start - 1]
            if previous.kind == .word, previous.isCapitalized {
                start -= 1
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
        if tokens[start].kind == .word, tokens[start].key == Lexicon.the, start < end { start += 1 }
        return text.string(tokens: start, end)
    }

    /// A run of capitalised words starting at `start` (`Open Source Centre`, `Royal United Services Institute`).
    private func capitalisedRun(from start: Int, limit: Int) -> String? {
        guard tokens[start].kind == .word, tokens[start].isCapitalized, tokens[start].key != Lexicon.the,
            !Lexicon.articles.contains(tokens[start].key)
        else { return nil }
        var last = start
        while last + 1 < limit {
            let next = tokens[last + 1]
            if next.kind == .word, next.isCapitalized {
                last += 1
            } else if next.kind == .word, next.key == Lexicon.of || next.key == Self.for || next.key == Lexicon.and,
                last + 2 < limit, tokens[last + 2].isCapitalized
            {
                last += 2
            } else {
                break
            }
        }
        return text.string(tokens: start, last)
    }

    /// A bracketed citation after the figure, in the same sentence: `(Yonhap 04/30/2025)`, `(RFA, June 2024)`.
    private func citation(after index: Int, in sentence: Sentence, mentionRange: Range<Int>) -> String? {
        var open = index
        while open < sentence.endToken {
            if tokens[open].isSymbol("(") {
                if let name = citationName(open: open, in: sentence, mentionRange: mentionRange) { return name }
            }
            open += 1
        }
        return nil
    }

    private func citationName(open: Int, in sentence: Sentence, mentionRange: Range<Int>) -> String? {
        let first = open + 1
        guard first < sentence.endToken, tokens[first].kind == .word, tokens[first].isCapitalized,
            !Lexicon.months.contains(tokens[first].key)
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
}
