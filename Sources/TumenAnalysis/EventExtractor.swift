import TumenProtocol

/// Turns the dates of a document into dated events: what happened, who took part, and what kind of event it was.
///
/// Which dates are events:
/// - A date that dates what its sentence tells (`plain`) or when something was said (`statement`). Not a citation
///   `(Yonhap 04/30/2025)`, an `as of` date, a publication or access date, a dateline, a metadata line
///   (`DATE: …`), a reference list (from a `References`, `Notes`, … heading to the next heading) or a sentence
///   holding an address; not an open range (`since 2010`), a decade, a year used as an adjective (`the 2016
///   level`), a deadline (`by 2027`), a comparison base (`than a year earlier`) or a birth date.
/// - A date of day or month precision is enough; a year or a range dates an event only when its sentence has a verb
///   of action (`signed`, `visited`, …, see `EventCategories.eventVerbs`): `trade reached $15 billion in 2023`
///   states a figure, not an event. A month or a year that is the period of a statistic of its sentence (a share,
///   a sum, a rate or a change: `inflation slowed to 2.3% in February`) is not an event either, unless a decision
///   comes with the sum (`announced a ₩26 trillion package in May`).
/// - Chronologies: a line that opens with a full date and a dash or colon (`March 28, 2024 - Russia vetoed …`) is an
///   entry, and that date is its event. Other dates in the entry (`on June 17`, `in 2017`) are details of the entry:
///   they re-date the entry's own story more often than they mark a new one, so they are not reported as events
///   (they still date the entry's figures). A document with a single such line has a dateline, not a chronology:
///   that date is a publication date.
///
/// The event phrase is the entry's headline, or the sentence with the date and its preposition taken out, cut at
/// the first clause break, at most 16 words. Actors are the gazetteer entities of the sentence (of the whole entry
/// when the headline names none). The category comes from `EventCategories`.
struct EventExtractor {
    typealias Mention = (mention: EntityMention, firstToken: Int, endToken: Int)

    let text: ScannedText
    let categories: EventCategoryMatcher

    init(text: ScannedText, categories: EventCategoryMatcher = .bundled) {
        self.text = text
        self.categories = categories
    }

    private static let maximumWords = 16

    func events(sentences: [Sentence], dates: [SentenceDates], mentions: [Mention], quantities: [Quantity] = [])
        -> [Event]
    {
        var events: [Event] = []
        var figurePeriods: [Int: Set<String>] = [:]
        // `83% full on Monday, compared with 95% a year ago`: a date right after a figure is its base or period.
        let figureEnds = Set(quantities.map(\.span.end))
        // Sums of money and percentages per sentence: signs of an economic event.
        var figureCounts: [Int: Int] = [:]
        for quantity in quantities where quantity.unit.map({ $0 == "percent" || Lexicon.isMoney($0) }) == true {
            figureCounts[quantity.sentence.start, default: 0] += 1
        }
        // Statistics — shares, sums, rates, changes — have periods; a count of actors (`two navies`) does not.
        // A year that a measured amount of the sentence covers: `imported 11.7 million tonnes in 2024` (not a count of
        // things: `18 howitzers are due in 2027`).
        var yearPeriods: [Int: Set<String>] = [:]
        for quantity in quantities {
            if let period = quantity.period, period.count == 4, let unit = quantity.unit,
                Self.measuredUnits.contains(unit) || unit.contains(" per ") || Lexicon.isMoney(unit)
            {
                yearPeriods[quantity.sentence.start, default: []].insert(period)
            }
            guard let period = quantity.period, let unit = quantity.unit,
                unit == "percent" || Lexicon.isMoney(unit) || unit.contains(" per ")
                    || quantity.measure?.hasPrefix("change in ") == true
            else { continue }
            figurePeriods[quantity.sentence.start, default: []].insert(period)
        }
        var index = 0
        while index < sentences.count {
            let sentence = sentences[index]
            let sentenceDates = dates[index]
            if sentenceDates.isApparatus || sentenceDates.expressions.isEmpty {
                index += 1
                continue
            }
            if sentenceDates.opensEntry {
                var last = index
                while last + 1 < sentences.count, dates[last + 1].entry == index { last += 1 }
                let entry = sentence.firstToken..<sentences[last].endToken
                events.append(entryEvent(sentence, sentenceDates.expressions[0], entry: entry, mentions: mentions))
                index = last + 1
                continue
            }
            if sentenceDates.entry != nil {
                index += 1
                continue
            }
            var hasVerb: Bool?
            var shared: (actors: [String], category: String)?
            let body = (sentenceDates.bodyStart ?? sentence.firstToken)..<sentence.endToken
            var seen: [String] = []
            for expression in sentenceDates.expressions {
                guard expression.role == .plain || expression.role == .statement, !expression.isOpen,
                    !expression.isVague, !seen.contains(expression.period),
                    !text.isWord(expression.firstToken - 1, in: Self.nonEventLeads), !isRunningPeriod(expression),
                    !expression.isRelative || !figureEnds.contains(text.tokens[expression.firstToken].start - 1),
                    expression.begin.day > 0
                        || figurePeriods[sentence.start]?.contains(expression.period) != true
                            && (expression.begin.month > 0
                                || yearPeriods[sentence.start]?.contains(expression.period) != true)
                        || body.contains(where: { text.isWord($0, in: Self.decisionVerbs) }),
                    !isStatisticPeriod(expression), !isComparisonBase(expression)
                else { continue }
                if expression.begin.day == 0 && expression.begin.month == 0 || expression.finish != nil
                    || expression.begin.day == 0 && body.contains(where: { text.isWord($0, in: Self.changeVerbs) })
                {
                    // A year or a range needs a verb of action; so does a month whose sentence tells a change
                    // (`Employment rose in four provinces in May`).
                    if hasVerb == nil {
                        hasVerb = categories.hasEventVerb(text, body)
                    }
                    guard hasVerb == true else { continue }
                }
                seen.append(expression.period)
                if shared == nil {
                    shared = (
                        actors(in: body, mentions),
                        categories.category(text, [(body, 1)], figures: figureCounts[sentence.start] ?? 0)
                    )
                }
                events.append(
                    sentenceEvent(
                        sentence, expression, body: body, actors: shared!.actors, category: shared!.category))
            }
            index += 1
        }
        return events
    }

    private func entryEvent(
        _ sentence: Sentence, _ expression: DateExpression, entry: Range<Int>, mentions: [Mention]
    ) -> Event {
        let headline = (expression.endToken + 1)..<sentence.endToken
        var actors = self.actors(in: headline, mentions)
        if actors.isEmpty { actors = self.actors(in: entry, mentions) }
        let rest = sentence.endToken..<entry.upperBound
        return makeEvent(
            sentence, expression, phrase: phrase(headline.lowerBound, headline.upperBound, skipping: 0..<0),
            actors: actors, category: categories.category(text, [(headline, 3), (rest, 1)]))
    }

    private func sentenceEvent(
        _ sentence: Sentence, _ expression: DateExpression, body: Range<Int>, actors: [String], category: String
    ) -> Event {
        var cut = expression.firstToken..<expression.endToken
        if cut.lowerBound > body.lowerBound, text.tokens[cut.lowerBound - 1].kind == .word,
            DateWords.datePrepositions.contains(text.tokens[cut.lowerBound - 1].key)
        {
            cut = (cut.lowerBound - 1)..<cut.upperBound
        }
        if cut.upperBound < body.upperBound, text.tokens[cut.upperBound].isSymbol(",") {
            cut = cut.lowerBound..<(cut.upperBound + 1)
        }
        return makeEvent(
            sentence, expression, phrase: phrase(body.lowerBound, withoutAttribution(body), skipping: cut),
            actors: actors, category: category)
    }

    /// The end of the range without a closing attribution: `Oil rose on Tuesday, traders said.` → `Oil rose`.
    private func withoutAttribution(_ range: Range<Int>) -> Int {
        let tokens = text.tokens
        var comma = range.upperBound - 1
        while comma > range.lowerBound, range.upperBound - comma <= 8, !tokens[comma].isSymbol(",") { comma -= 1 }
        guard comma > range.lowerBound + 2, tokens[comma].isSymbol(","),
            (comma + 1..<range.upperBound).contains(where: { text.isWord($0, in: Lexicon.reportingVerbs) })
        else { return range.upperBound }
        return comma
    }

    private func makeEvent(
        _ sentence: Sentence, _ expression: DateExpression, phrase: String, actors: [String], category: String
    ) -> Event {
        let start = text.tokens[expression.firstToken].start
        let end = text.tokens[expression.endToken - 1].end
        return Event(
            span: TextSpan(start: start, end: end), dateText: text.string(start, end), date: expression.begin.iso,
            precision: expression.precision,
            endDate: expression.isOpen ? nil : expression.finish?.iso, event: phrase, actors: actors,
            category: category, sentence: TextSpan(start: sentence.start, end: sentence.end),
            text: text.string(sentence.start, sentence.end))
    }

    /// The words from `first` to `end`, leaving out `skipping`, without leading connectives or trailing
    /// punctuation, cut at the first clause break after a few words and at `maximumWords`.
    private func phrase(_ first: Int, _ end: Int, skipping: Range<Int>) -> String {
        let tokens = text.tokens
        var result = String.UnicodeScalarView()
        var words = 0
        var previous: Int?
        for index in first..<end where !skipping.contains(index) {
            let token = tokens[index]
            if words == 0 {
                // Leading punctuation and connectives (`, and then …`) belong to the previous clause.
                if token.kind == .symbol || (token.kind == .word && Self.connectives.contains(token.key)) { continue }
            }
            if token.kind == .symbol, words >= 4,
                token.isSymbol(";") || token.isSymbol("(") || token.isSymbol("—") || token.isSymbol(":")
            {
                break
            }
            if token.kind != .symbol {
                if words == Self.maximumWords { break }
                words += 1
            }
            if let previous, token.hasSpaceBefore || (previous != index - 1 && token.kind != .symbol) {
                result.append(" ")
            }
            for position in token.start..<token.end {
                if let scalar = Unicode.Scalar(text.scalars[position]) { result.append(scalar) }
            }
            previous = index
        }
        var phrase = String(result)
        while let last = phrase.unicodeScalars.last, ".,;:-–—".unicodeScalars.contains(last) || last == " " {
            phrase.unicodeScalars.removeLast()
        }
        return phrase
    }

    /// `this year` (the year so far) and `a year earlier`, `a year ago` (a comparison): periods of figures, not dates
    /// of events; `two years ago` dates what was done then.
    private func isRunningPeriod(_ expression: DateExpression) -> Bool {
        guard expression.begin.month == 0, expression.isRelative else { return false }
        return text.isWord(expression.firstToken, Self.this)
            || text.isWord(expression.endToken - 1, in: Self.comparisonEnds)
                && text.isWord(expression.firstToken, in: Lexicon.articles)
    }

    private static let this = WordKey.of("this")
    private static let comparisonEnds = Set(["earlier", "ago"].map(WordKey.of))

    /// Verbs that tell how a measure changed or stood over a period: a statistic, not an event.
    private static let changeVerbs = Set(
        [
            "rose", "rises", "fell", "falls", "increased", "increases", "decreased", "decreases",
            "declined", "declines", "grew", "grows", "dropped", "drops", "climbed", "climbs", "edged", "eased",
            "eases", "slowed", "slows", "accelerated", "jumped", "jumps", "slipped", "plunged", "surged", "soared",
            "tumbled", "averaged", "averages", "totalled", "totaled", "totals", "stood", "stands", "hovered",
            "contracted", "shrank", "widened", "narrowed", "rebounded", "doubled", "halved", "tripled", "peaked",
            "dipped", "slumped", "weakened", "strengthened", "firmed",
        ].map(WordKey.of))

    /// Verbs of a decision that a sum of money accompanies (`announced a ₩26 trillion package in May`): its month
    /// dates the decision, not only the sum.
    private static let decisionVerbs = Set(
        [
            "announced", "approved", "signed", "unveiled", "launched", "awarded", "agreed", "introduced", "imposed",
            "pledged", "adopted", "passed", "enacted", "allocated", "committed", "granted",
        ].map(WordKey.of))

    /// Words before a date that make it a deadline, a comparison base, the end of a reporting period or a birth
    /// date: `by 2027`, `until 2040`, `than a year earlier`, `compared with 2023`, `up 0.8 points from May 2024`, `the
    /// quarter ended September 30`, `born 14 March 1976`.
    /// (`from` only after a change: see ``isComparisonBase(_:)``.)
    private static let nonEventLeads = DateWords.comparisonLeads.subtracting([Lexicon.from]).union(
        ["by", "born", "ended", "ending", "until", "till"].map(WordKey.of))

    /// `up 0.8 points from May 2024`, `down from 71.4% in 2021`: `from` after a change is a comparison base; `from 1
    /// August` is when something starts.
    private func isComparisonBase(_ expression: DateExpression) -> Bool {
        let from = expression.firstToken - 1
        guard text.isWord(from, Lexicon.from), from > 0 else { return false }
        let before = text.tokens[from - 1]
        return before.kind == .number || before.isSymbol("%") || text.isWord(from - 1, in: Self.changeAdverbs)
            || text.isWord(from - 1, in: Self.unitWords)
    }

    private static let changeAdverbs = Set(["up", "down", "higher", "lower", "earlier"].map(WordKey.of))
    private static let unitWords = Set(["points", "percent", "pct", "cent"].map(WordKey.of))
    /// Units of measured amounts (as opposed to counted things), whose year is the period of a statistic.
    private static let measuredUnits: Set<String> = [
        "percent", "tonne", "barrel", "bcm", "km", "m", "kg", "hectare", "mile", "TEU", "litre", "megawatt",
        "gigawatt", "gigawatt hour", "megawatt hour", "terawatt hour", "cubic metre", "square kilometre",
    ]

    /// `data for June`, `the estimates for May`: the period a document's figures cover.
    private func isStatisticPeriod(_ expression: DateExpression) -> Bool {
        text.isWord(expression.firstToken - 1, Self.forWord)
            && text.isWord(expression.firstToken - 2, in: Self.statisticNouns)
    }

    private static let forWord = WordKey.of("for")
    private static let statisticNouns = Set(
        [
            "data", "figures", "estimates", "estimate", "statistics", "results", "numbers", "survey", "report",
            "forecast", "forecasts", "projections", "index", "reading", "readings", "release",
        ].map(WordKey.of))

    private static let connectives = Set(
        ["and", "but", "then", "however", "meanwhile", "also", "so", "thus", "later", "earlier"].map(WordKey.of))

    /// Canonical names of the entities mentioned in the token range, first mention first, each once.
    private func actors(in range: Range<Int>, _ mentions: [Mention]) -> [String] {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].firstToken < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var names: [String] = []
        var index = low
        while index < mentions.count, mentions[index].firstToken < range.upperBound {
            let name = mentions[index].mention.name
            if !names.contains(name) { names.append(name) }
            index += 1
        }
        return names
    }
}
