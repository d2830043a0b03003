/// A date, month, year or range written in a sentence, resolved to the calendar.
///
/// Relative expressions (`last June`, `on Wednesday`, `two years later`) are resolved against the reference date
/// (the document's date, or the date of the chronology entry they sit in) or against the anchor (the last date the
/// text mentioned before them). An expression whose date cannot be told is not reported.
struct DateExpression {
    /// What the date does in its sentence.
    enum Role {
        /// Dates what the sentence tells: a candidate event or a figure's period.
        case plain
        /// A source citation such as `(Yonhap 04/30/2025)`: when a claim was published.
        case citation
        /// `as of June 2024`: when a figure was true.
        case asOf
        /// A publication or access date, a metadata line, or an item of a reference list.
        case publication
        /// The date of a statement: `stated in 2023`, `released in April 2025`.
        case statement
        /// A year used as an adjective: `the 2016 level`, `their 2000 treaty`.
        case attributive
    }

    /// First token and one past the last.
    var firstToken: Int
    var endToken: Int
    var begin: CalendarDate
    /// The last date of a range (`2014` in `between 2014 and 2016`), nil for a single date.
    var finish: CalendarDate?
    /// An open range: `since 2010`.
    var isOpen = false
    /// Resolved against the reference date or the anchor rather than written in full.
    var isRelative = false
    /// Too vague to date an event (`the 1990s`), though fine as a figure's period.
    var isVague = false
    var role: Role = .plain

    /// `day`, `month`, `year` or `range`.
    var precision: String { isOpen || finish != nil ? "range" : begin.precision }

    /// ISO 8601: `2023`, `2024-06`, `2024-06-19`, `2017-01/2025-03`, or `2010/..` for an open range.
    var period: String {
        if isOpen { return begin.iso + "/.." }
        if let finish { return begin.iso + "/" + finish.iso }
        return begin.iso
    }
}

/// The dates of one sentence and the structure they reveal.
struct SentenceDates {
    var expressions: [DateExpression] = []
    /// The sentence opens a chronology entry (`March 28, 2024 - Russia vetoed …`); its first expression is the
    /// entry's date.
    var opensEntry = false
    /// The sentence that opens the chronology entry this sentence belongs to, if any.
    var entry: Int?
    /// A metadata line (`DATE: …`), an item of a reference list, or a sentence holding an address: its dates never
    /// date events.
    var isApparatus = false
    /// The first token after a wire dateline that opens the sentence (`MOSCOW, March 4 (TASS) – …`).
    var bodyStart: Int?
}

/// Finds and resolves the date expressions of a document, sentence by sentence, in one linear pass over tokens.
///
/// What is recognised (month names in full or abbreviated, capitalised):
/// - full dates: `January 4, 2024`, `4 January 2024`, `2024-01-04`, `Jan. 4`, `June 19th`; numeric `04/30/2025`
///   only when unambiguous (a part above 12) or in a citation `(Yonhap 04/30/2025)`, read month first;
/// - months and years: `June 2024`, `June of 2024`, `in 2014`, `2023`; a four-digit number is a year unless it
///   counts things (`2000 troops`) or follows a reference word (`Resolution 2270`);
/// - parts of years: `early/mid/late 2023`, `mid-2023`, `the end of 2023`, `the first half of 2025`,
///   `the third quarter of 2024`, `Q3 2024`, `spring 2024`, `the winter of 2023`; decades `the 1990s` (vague);
///   `the first quarter` and `the second half` without a year: the latest such period begun by the reference date;
/// - ranges: `between 2014 and 2016`, `from March to May 2024`, `2021-2022`, `2021–22`, `Jan 2017 – Mar 2025`,
///   `June 19-20, 2024`, `November 19 to 25`; open ranges `since 2010`;
/// - relative to the reference date: `yesterday`, `tomorrow`, `last/this/next year|month`, `earlier this month`,
///   `last June`, `(on) Wednesday`, `last Wednesday`, `last week`, `September 11 this year`, `two years ago`;
/// - relative to the anchor: `two years later`, `three months earlier`, `the following month`, `the next day`,
///   `the previous year`, `the year before`, `later that year`; a month or day without a year takes the year of a
///   date in the same or the previous sentence of its paragraph, else the year that puts its month at or before
///   the reference date's month — or at or after it in a clause about the future (`will`, `is due to`, `expects …
///   to`), where a bare weekday also counts forward.
///
/// Not dates: `today` (unless next to a verb in the past: `has today signed`) and `now` (rhetorical more often than
/// not), a count of weeks (`for three weeks`), `recently`, `in recent years`. `last week`, `next week` and `the
/// following week` are dated by the month the week falls in.
struct DateFinder {
    let text: ScannedText
    let documentDate: CalendarDate?

    init(text: ScannedText, documentDate: String?) {
        self.text = text
        self.documentDate = documentDate.flatMap(CalendarDate.init(iso:))
    }

    func find(in sentences: [Sentence]) -> [SentenceDates] {
        let tokens = text.tokens
        let header = headerLines()
        var result: [SentenceDates] = []
        result.reserveCapacity(sentences.count)
        var anchor: CalendarDate?
        // The sentence that set the anchor, and the first sentence of the current paragraph.
        var anchorSentence = -2
        var paragraphStart = 0
        var entry: (sentence: Int, date: CalendarDate)?
        var inReferences = false
        for (index, sentence) in sentences.enumerated() {
            let first = sentence.firstToken
            let startsLine = first == 0 || tokens[first].flags.contains(.lineBefore)
            if startsLine {
                entry = nil
                paragraphStart = index
                if inReferences, isMetadata(sentence, startsLine: true) || isHeading(sentence) { inReferences = false }
                if isReferencesHeading(sentence) { inReferences = true }
            }
            var dates = SentenceDates()
            dates.isApparatus = inReferences || isMetadata(sentence, startsLine: startsLine) || hasAddress(sentence)
            var parser = DateParser(
                text: text, limit: sentence.endToken, floor: first, reference: entry?.date ?? documentDate,
                anchor: anchor,
                anchorIsLocal: anchorSentence >= paragraphStart && index - anchorSentence <= 1)
            let future = futureClauses(sentence)
            var position = first
            while position < sentence.endToken {
                parser.future = future.contains { $0.contains(position) }
                guard var expression = parser.expression(at: position) else {
                    position += 1
                    continue
                }
                position = expression.endToken
                expression.role =
                    dates.isApparatus || isHeaderDate(expression, in: sentence, header: header)
                    ? .publication : role(of: expression, in: sentence)
                if expression.role == .publication, dates.expressions.isEmpty {
                    dates.bodyStart = wireDatelineEnd(expression, in: sentence)
                }
                if startsLine, dates.expressions.isEmpty, expression.firstToken == first, expression.begin.day > 0,
                    !expression.isRelative, expression.finish == nil, isEntrySeparator(expression.endToken, sentence)
                {
                    dates.opensEntry = true
                    entry = (index, expression.begin)
                    parser.reference = expression.begin
                }
                let isComparison = text.isWord(expression.firstToken - 1, in: DateWords.comparisonLeads)
                switch expression.role {
                case .plain, .statement:
                    guard !isComparison else { break }
                    anchor = expression.finish ?? expression.begin
                    anchorSentence = index
                    parser.anchor = anchor
                    parser.anchorIsLocal = true
                case .citation, .asOf, .publication, .attributive:
                    break
                }
                dates.expressions.append(expression)
            }
            dates.entry = entry?.sentence
            result.append(dates)
        }
        demoteDateline(&result)
        return result
    }

    /// The clauses of the sentence (between `,` `;` `:` and dashes) that speak of the future: `will`, `would`,
    /// `is due to`, `scheduled`, `expects … to`.
    private func futureClauses(_ sentence: Sentence) -> [Range<Int>] {
        let tokens = text.tokens
        var result: [Range<Int>] = []
        var previous: Range<Int>?
        var start = sentence.firstToken
        var isFuture = false
        for index in sentence.firstToken...sentence.endToken {
            let atBreak =
                index == sentence.endToken || tokens[index].isSymbol(",") || tokens[index].isSymbol(";")
                || tokens[index].isSymbol(":") || tokens[index].isSymbol("—") || tokens[index].isSymbol("–")
            if atBreak {
                if isFuture {
                    // `the elections on October 26, when voters will choose …`: the clause says when the date is.
                    if let previous, text.isWord(start, DateWords.when), result.last != previous {
                        result.append(previous)
                    }
                    result.append(start..<index)
                }
                previous = start..<index
                start = index + 1
                isFuture = false
            } else if tokens[index].kind == .word, DateWords.futureCues.contains(tokens[index].key) {
                isFuture = true
            }
        }
        return result
    }

    /// A document with a single line `Month D, YYYY - …` has a dateline, not a chronology: its date is when the
    /// document was published.
    private func demoteDateline(_ result: inout [SentenceDates]) {
        let leads = result.indices.filter { result[$0].opensEntry }
        guard leads.count == 1, let lead = leads.first else { return }
        result[lead].opensEntry = false
        result[lead].expressions[0].role = .publication
        for index in lead..<result.count where result[index].entry == lead { result[index].entry = nil }
    }

    // MARK: Context

    /// `Month D, YYYY - headline`: a dash or colon right after a date that opens a line.
    private func isEntrySeparator(_ index: Int, _ sentence: Sentence) -> Bool {
        guard index < sentence.endToken else { return false }
        let token = text.tokens[index]
        return token.isSymbol("-") || token.isSymbol("–") || token.isSymbol("—") || token.isSymbol(":")
            || token.isSymbol("|")
    }

    private func isReferencesHeading(_ sentence: Sentence) -> Bool {
        let tokens = text.tokens
        var words = 0
        var isHeading = false
        for index in sentence.firstToken..<sentence.endToken {
            let token = tokens[index]
            if token.kind == .word {
                words += 1
                if words > 2 { return false }
                if DateWords.referenceHeadings.contains(token.key) { isHeading = true }
            } else if token.kind == .number {
                return false
            }
        }
        return isHeading
    }

    /// A short line of its own without a final period: a heading, which ends a reference list.
    private func isHeading(_ sentence: Sentence) -> Bool {
        let tokens = text.tokens
        let last = sentence.endToken - 1
        guard sentence.endToken - sentence.firstToken <= 10, !tokens[last].isSymbol("."),
            sentence.endToken == tokens.count || tokens[sentence.endToken].flags.contains(.lineBefore)
        else { return false }
        return tokens[sentence.firstToken].isCapitalized || tokens[sentence.firstToken].kind == .number
    }

    /// The title line and the short lines under it, before the first line of body text: where a document says what
    /// it is and when it was issued. Empty when no line of body text follows within the first lines.
    private func headerLines() -> (title: Range<Int>, header: Range<Int>) {
        let tokens = text.tokens
        var start = 0
        var index = 1
        var lines = 0
        while lines < Self.headerLineCount {
            while index < tokens.count, !tokens[index].flags.contains(.lineBefore) { index += 1 }
            if index - start > Self.headerLineTokens {
                guard start > 0 else { return (0..<0, 0..<0) }
                var titleEnd = 1
                while titleEnd < start, !tokens[titleEnd].flags.contains(.lineBefore) { titleEnd += 1 }
                return (0..<titleEnd, 0..<start)
            }
            guard index < tokens.count else { break }
            start = index
            index += 1
            lines += 1
        }
        return (0..<0, 0..<0)
    }

    private static let headerLineCount = 4
    private static let headerLineTokens = 24

    /// A date in the header that is the document's own date (`Released … Friday, June 6, 2025`), or a month or year
    /// in the title (`Labour Force Survey, May 2025`): when the document was issued or what period it covers.
    private func isHeaderDate(
        _ expression: DateExpression, in sentence: Sentence, header: (title: Range<Int>, header: Range<Int>)
    ) -> Bool {
        guard header.header.contains(expression.firstToken) else { return false }
        if let documentDate, expression.begin == documentDate, expression.finish == nil { return true }
        // `Labour Force Survey, May 2025`, not `Russia invaded Ukraine in February 2022: explained`.
        return header.title.contains(expression.firstToken) && expression.begin.day == 0
            && !text.isWord(expression.firstToken - 1, in: DateWords.datePrepositions)
    }

    /// A header line `DATE: …`, `Published: …`, `Source: …`.
    private func isMetadata(_ sentence: Sentence, startsLine: Bool) -> Bool {
        guard startsLine, sentence.firstToken + 1 < sentence.endToken else { return false }
        let tokens = text.tokens
        return tokens[sentence.firstToken].kind == .word
            && DateWords.metadataKeys.contains(tokens[sentence.firstToken].key)
            && tokens[sentence.firstToken + 1].isSymbol(":")
    }

    private func hasAddress(_ sentence: Sentence) -> Bool {
        let tokens = text.tokens
        for index in sentence.firstToken..<sentence.endToken where tokens[index].flags.contains(.opaque) {
            return true
        }
        return false
    }

    private func role(of expression: DateExpression, in sentence: Sentence) -> DateExpression.Role {
        let tokens = text.tokens
        let first = expression.firstToken
        let floor = sentence.firstToken
        if isCitation(expression, in: sentence) { return .citation }
        func word(_ index: Int) -> UInt64? {
            index >= floor && tokens[index].kind == .word ? tokens[index].key : nil
        }
        if word(first - 2) == DateWords.asWord, word(first - 1) == DateWords.of || word(first - 1) == DateWords.at {
            return .asOf
        }
        // `published on`, `updated:`, `date is`, `accessed May 13, 2025`.
        var back = first - 1
        var steps = 0
        while back >= floor, steps < 3 {
            let token = tokens[back]
            if token.kind == .word {
                if DateWords.publicationWords.contains(token.key) { return .publication }
                if !DateWords.linkWords.contains(token.key) { break }
            } else if !(token.isSymbol(":") || token.isSymbol("(") || token.isSymbol(",")) {
                break
            }
            back -= 1
            steps += 1
        }
        if isDateline(expression, in: sentence) { return .publication }
        // `stated in 2023`, `said on Monday`, `released in April 2025`.
        var verb = first - 1
        if let key = word(verb), DateWords.datePrepositions.contains(key) { verb -= 1 }
        if let key = word(verb), DateWords.statementVerbs.contains(key) { return .statement }
        // `Fiscal Year 2026`, `fiscal 2024`: a label, not a date of the sentence.
        if word(first - 1) == DateWords.fiscal
            || (word(first - 1) == DateWords.year && word(first - 2) == DateWords.fiscal)
        {
            return .attributive
        }
        // `the 2016 level`, `their 2000 treaty`, `Russia's 2024 budget`.
        if expression.finish == nil, !expression.isOpen, expression.begin.month == 0, !expression.isRelative,
            expression.endToken == first + 1, expression.endToken < sentence.endToken,
            tokens[expression.endToken].kind == .word
        {
            if let key = word(first - 1), DateWords.determiners.contains(key) { return .attributive }
            if first - 2 >= floor, tokens[first - 1].kind == .word, tokens[first - 1].key == DateWords.s,
                tokens[first - 2].isSymbol("'") || tokens[first - 2].isSymbol("’")
            {
                return .attributive
            }
        }
        return .plain
    }

    /// Inside brackets holding only names and the date: `(Yonhap 04/30/2025)`, `(Reuters, March 3, 2024)`.
    private func isCitation(_ expression: DateExpression, in sentence: Sentence) -> Bool {
        let tokens = text.tokens
        var open = expression.firstToken - 1
        var names = 0
        while open >= sentence.firstToken, expression.firstToken - open <= 8 {
            let token = tokens[open]
            if token.isSymbol("(") || token.isSymbol("[") { break }
            if token.kind == .word {
                guard !token.isLowercase || DateWords.linkWords.contains(token.key) else { return false }
                names += 1
            } else if !(token.isSymbol(",") || token.isSymbol(".") || token.isSymbol("-") || token.isSymbol("&")) {
                return false
            }
            open -= 1
        }
        guard open >= sentence.firstToken, names > 0, tokens[open].isSymbol("(") || tokens[open].isSymbol("[")
        else { return false }
        var close = expression.endToken
        while close < sentence.endToken, close - expression.endToken < 3 {
            if tokens[close].isSymbol(")") || tokens[close].isSymbol("]") { return true }
            guard tokens[close].kind == .symbol else { return false }
            close += 1
        }
        return false
    }

    /// A dateline: the date alone in its part of a line — with a weekday, a clock time, a time zone or a word such
    /// as `Updated` (`4 March 2025 12:31 GMT`, `By Jane Doe | Tue 4 Mar 2025`) — or a wire dateline opening a line
    /// (`MOSCOW, March 4, 2025 (TASS) –`, `SEOUL, March 4 (Yonhap) --`, `MOSCOW, April 9. /TASS/.`).
    private func isDateline(_ expression: DateExpression, in sentence: Sentence) -> Bool {
        wireDatelineEnd(expression, in: sentence) != nil || isAloneInSegment(expression, in: sentence)
            || isPlaceDateLine(expression, in: sentence)
    }

    /// `Seoul, Oct. 24, 2024`: a short line of its own, with a full date and no lower-case word.
    private func isPlaceDateLine(_ expression: DateExpression, in sentence: Sentence) -> Bool {
        let tokens = text.tokens
        let first = sentence.firstToken
        guard first == 0 || tokens[first].flags.contains(.lineBefore), sentence.endToken - first <= 10,
            expression.begin.day > 0,
            sentence.endToken == tokens.count || tokens[sentence.endToken].flags.contains(.lineBefore)
        else { return false }
        return !(first..<sentence.endToken).contains { tokens[$0].kind == .word && tokens[$0].isLowercase }
    }

    private func isAloneInSegment(_ expression: DateExpression, in sentence: Sentence) -> Bool {
        let tokens = text.tokens
        func breaks(_ index: Int) -> Bool {
            DateWords.segmentBreaks.contains(where: tokens[index].isSymbol)
        }
        var lower = expression.firstToken
        while lower > sentence.firstToken, !breaks(lower - 1), !tokens[lower].flags.contains(.lineBefore) {
            lower -= 1
        }
        var upper = expression.endToken
        while upper < sentence.endToken, !breaks(upper), !tokens[upper].flags.contains(.lineBefore) { upper += 1 }
        for index in lower..<upper where index < expression.firstToken || index >= expression.endToken {
            let token = tokens[index]
            switch token.kind {
            case .word:
                if case .weekday = DateWords.table[token.key] { continue }
                guard DateWords.datelineWords.contains(token.key) || DateWords.metadataKeys.contains(token.key)
                else { return false }
            case .number:
                // Only a clock time: `12:31`, `09.00 GMT`, `9 a.m.`.
                let next = index + 1 < upper ? tokens[index + 1] : nil
                let previous = index > lower ? tokens[index - 1] : nil
                guard
                    next?.isSymbol(":") == true || previous?.isSymbol(":") == true
                        || (next.map { $0.kind == .word && DateWords.datelineWords.contains($0.key) } ?? false)
                else { return false }
            case .symbol:
                continue
            }
        }
        return true
    }

    /// The token after the dash of a wire dateline, when the expression is the date of one.
    private func wireDatelineEnd(_ expression: DateExpression, in sentence: Sentence) -> Int? {
        let tokens = text.tokens
        let first = sentence.firstToken
        guard first == 0 || tokens[first].flags.contains(.lineBefore) else { return nil }
        var index = first
        // `MOSCOW`, `NEW DELHI`, `BRUSSELS/NEW DELHI`.
        while index < expression.firstToken,
            text.isCapitals(index) || (index > first && tokens[index].isSymbol("/"))
        {
            index += 1
        }
        guard index > first, index + 1 == expression.firstToken, tokens[index].isSymbol(",") else { return nil }
        var after = expression.endToken
        // `MOSCOW, April 9. /TASS/.`: the dateline is a sentence of its own, with at most the agency after the date.
        if sentence.endToken - after <= 6, !(after..<sentence.endToken).contains(where: { tokens[$0].isLowercase }) {
            return sentence.endToken
        }
        if after < sentence.endToken, tokens[after].isSymbol(",") { after += 1 }
        if after < sentence.endToken, tokens[after].isSymbol("(") {
            let limit = min(sentence.endToken, after + 6)
            while after < limit, !tokens[after].isSymbol(")") { after += 1 }
            after += 1
        }
        var dash = after
        while dash < sentence.endToken, dash < after + 2,
            tokens[dash].isSymbol("-") || tokens[dash].isSymbol("–") || tokens[dash].isSymbol("—")
        {
            dash += 1
        }
        return dash > after ? dash : nil
    }

}

/// The words that make up date expressions, keyed for allocation-free lookup.
enum DateWords {
    enum Word {
        case month(Int)
        case weekday(Int)
        /// `yesterday` (-1), `tomorrow` (+1).
        case dayShift(Int)
        /// `last` (-1), `this` (0), `next` / `coming` (+1).
        case deictic(Int)
        /// `year(s)`, `month(s)`, `week(s)`, `day(s)`: 365, 30, 7, 1.
        case unit(Int)
        /// `later` (+1), `earlier` (-1), `ago` (0: counted back from the reference date).
        case direction(Int)
        /// `early` (1…4), `mid` (5…8), `late` (9…12): months of a year.
        case part(Int, Int)
        /// `spring` (3…5), `summer` (6…8), `autumn`/`fall` (9…11), `winter` (12…14, into the next year).
        case season(Int, Int)
        /// `one` … `twelve`, `a`, `an`.
        case count(Int)
        /// `first` … `fourth`.
        case ordinal(Int)
        case since, between, from, the, that, q
    }

    static let table: [UInt64: Word] = {
        var table: [UInt64: Word] = [:]
        let months = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        for (index, month) in months.enumerated() { table[WordKey.of(month)] = .month(index + 1) }
        for (abbreviation, month) in [
            ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9),
            ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ] {
            table[WordKey.of(abbreviation)] = .month(month)
        }
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for (index, day) in weekdays.enumerated() { table[WordKey.of(day)] = .weekday(index + 1) }
        table[WordKey.of("yesterday")] = .dayShift(-1)
        table[WordKey.of("today")] = .dayShift(0)
        table[WordKey.of("tomorrow")] = .dayShift(1)
        for (word, shift) in [("last", -1), ("this", 0), ("next", 1), ("coming", 1)] {
            table[WordKey.of(word)] = .deictic(shift)
        }
        for (word, days) in [
            ("year", 365), ("years", 365), ("month", 30), ("months", 30), ("week", 7), ("weeks", 7), ("day", 1),
            ("days", 1),
        ] {
            table[WordKey.of(word)] = .unit(days)
        }
        table[WordKey.of("later")] = .direction(1)
        table[WordKey.of("earlier")] = .direction(-1)
        table[WordKey.of("ago")] = .direction(0)
        table[WordKey.of("early")] = .part(1, 4)
        table[WordKey.of("mid")] = .part(5, 8)
        table[WordKey.of("late")] = .part(9, 12)
        table[WordKey.of("spring")] = .season(3, 5)
        table[WordKey.of("summer")] = .season(6, 8)
        table[WordKey.of("autumn")] = .season(9, 11)
        table[WordKey.of("fall")] = .season(9, 11)
        table[WordKey.of("winter")] = .season(12, 14)
        let counts = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        ]
        for (index, word) in counts.enumerated() { table[WordKey.of(word)] = .count(index + 1) }
        table[WordKey.of("a")] = .count(1)
        table[WordKey.of("an")] = .count(1)
        for (index, word) in ["first", "second", "third", "fourth"].enumerated() {
            table[WordKey.of(word)] = .ordinal(index + 1)
        }
        table[WordKey.of("since")] = .since
        table[WordKey.of("between")] = .between
        table[WordKey.of("from")] = .from
        table[WordKey.of("the")] = .the
        table[WordKey.of("that")] = .that
        table[WordKey.of("q")] = .q
        return table
    }()

    static let s = WordKey.of("s")
    static let the = WordKey.of("the")
    static let of = WordKey.of("of")
    static let asWord = WordKey.of("as")
    static let at = WordKey.of("at")
    static let and = WordKey.of("and")
    static let fiscal = WordKey.of("fiscal")
    static let year = WordKey.of("year")
    static let half = WordKey.of("half")
    static let quarter = WordKey.of("quarter")
    static let rangeWords = Set(["to", "through", "until", "till", "thru"].map(WordKey.of))
    static let ordinalSuffixes = Set(["st", "nd", "rd", "th"].map(WordKey.of))
    /// `the following year`, `the previous month`: shift from the anchor.
    static let sequenceWords: [UInt64: Int] = [
        WordKey.of("following"): 1, WordKey.of("next"): 1, WordKey.of("subsequent"): 1,
        WordKey.of("previous"): -1, WordKey.of("preceding"): -1, WordKey.of("prior"): -1, WordKey.of("same"): 0,
    ]
    /// `the year before`, `the month after`.
    static let afterWords: [UInt64: Int] = [
        WordKey.of("before"): -1, WordKey.of("earlier"): -1, WordKey.of("after"): 1, WordKey.of("later"): 1,
    ]
    /// `the end of 2023`, `the beginning of 2024`: months of the year.
    static let boundaryWords: [UInt64: (Int, Int)] = [
        WordKey.of("end"): (10, 12), WordKey.of("close"): (10, 12), WordKey.of("beginning"): (1, 3),
        WordKey.of("start"): (1, 3), WordKey.of("middle"): (5, 8), WordKey.of("turn"): (1, 1),
    ]
    /// Words before a date that make it a comparison base (`compared with 12 months earlier`, `up 0.8 points from May
    /// 2024`, `than a year ago`): what the text compares with, not where its story is, so not an anchor.
    static let comparisonLeads = Set(["than", "with", "versus", "vs", "from"].map(WordKey.of))
    /// Words after which a bare month or a four-digit number is a date.
    static let datePrepositions = Set(
        [
            "in", "on", "since", "from", "until", "till", "through", "by", "during", "before", "after", "of", "to",
            "between", "and", "or", "early", "late", "mid", "last", "this", "next", "around", "circa", "throughout",
            "at", "as", "for", "into", "than", "til",
        ].map(WordKey.of))
    /// Words that make a four-digit number a reference, not a year: `Resolution 2270`, `Flight 2024`.
    static let referenceWords = Set(
        [
            "resolution", "resolutions", "no", "nos", "number", "article", "page", "pages", "p", "pp", "figure",
            "table", "flight", "route", "hwasong", "model", "room", "code", "unit", "decree", "order", "law", "act",
            "bill", "case", "vol", "volume", "issue", "item", "line", "version", "id", "ref", "doc", "report",
            "annex", "paragraph", "para", "section", "chapter", "exhibit", "plate", "serial",
        ].map(WordKey.of))
    /// Words after a four-digit number that still leave it a year: `2023 and 2024`, `2014 when`.
    static let yearFollowers = Set(
        [
            "and", "or", "to", "through", "until", "when", "as", "after", "before", "while", "was", "is", "were",
            "has", "had", "saw", "marked", "onward", "onwards", "alone", "levels", "figures", "standards", "prices",
            "data", "statistics", "numbers", "terms", "dollars",
        ].map(WordKey.of))
    static let determiners = Set(
        ["the", "their", "its", "his", "her", "our", "a", "this", "that", "whose", "my", "your"].map(WordKey.of))
    /// Words that tie a date to its publication rather than to what the text tells.
    static let publicationWords = Set(
        [
            "published", "updated", "posted", "dated", "accessed", "retrieved", "date", "modified", "revised",
            "copyright", "uploaded", "archived",
        ].map(WordKey.of))
    /// Little words allowed between a publication word and its date: `date is`, `published on`.
    static let linkWords = Set(["is", "was", "on", "at", "in", "of", "last", "the", "and", "de"].map(WordKey.of))
    /// Verbs of saying and publishing whose date is when a claim was made.
    static let statementVerbs = Set(
        [
            "said", "says", "stated", "states", "told", "announced", "reported", "reports", "published",
            "released", "estimated", "noted", "claimed", "revealed", "disclosed", "wrote", "testified", "briefed",
            "assessed", "indicated", "explained", "added", "declared",
        ].map(WordKey.of))
    static let referenceHeadings = Set(
        ["references", "bibliography", "sources", "notes", "endnotes", "footnotes", "citations", "cited"].map(
            WordKey.of))
    /// Past forms that do not end in `-ed`, for `met today`, `today said`.
    static let irregularPasts = Set(
        [
            "met", "said", "told", "held", "began", "gave", "made", "sent", "took", "won", "led", "spoke", "struck",
            "hit", "set", "put", "cut", "paid", "sold", "bought", "left", "brought", "became", "came", "went", "saw",
            "chose", "wrote", "drew", "fell", "rose", "grew", "shot", "froze", "bid", "dealt", "meant", "sought",
        ].map(WordKey.of))
    /// Words that put a clause in the future, so that `on Thursday` and `in December` count forward.
    static let futureCues = Set(
        [
            "will", "ll", "shall", "would", "due", "scheduled", "expected", "expects", "expect", "plans", "plan",
            "planned", "aims", "intends", "upcoming", "forthcoming", "forecast", "forecasts", "projected",
        ].map(WordKey.of))
    static let when = WordKey.of("when")
    /// Separators of the parts of a header line: `By Jane Doe | 4 March 2025`.
    static let segmentBreaks: [Unicode.Scalar] = ["|", "·", "•"]
    /// Words a dateline may hold besides its date: weekday abbreviations, clock and time-zone words.
    static let datelineWords = Set(
        [
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "am", "pm", "a", "p", "m",
            "gmt", "utc", "bst", "cet", "cest", "eet", "msk", "kst", "jst", "ist", "et", "est", "edt", "ct", "cst",
            "pt", "pst", "pdt", "hrs", "local", "time", "last", "first",
        ].map(WordKey.of))
    static let metadataKeys = Set(
        [
            "date", "dated", "published", "updated", "posted", "source", "sources", "license", "licence", "note",
            "notes", "author", "authors", "byline", "title", "url", "accessed", "retrieved", "copyright", "tags",
            "category", "filed", "modified", "created",
        ].map(WordKey.of))
}

/// Reads one date expression at a token position of a sentence.
///
/// Every method looks at a bounded number of tokens from its position, so scanning a sentence is linear.
struct DateParser {
    let text: ScannedText
    /// One past the last token the expression may use, and the first token of the sentence.
    let limit: Int
    let floor: Int
    /// The date deictic words count from (`yesterday`, `last June`): the document's or the chronology entry's.
    var reference: CalendarDate?
    /// The last date the text mentioned: what `two years later` counts from.
    var anchor: CalendarDate?
    /// Whether the anchor was mentioned in this sentence or the one before, in the same paragraph: a year-less
    /// `June 5` then takes the anchor's year, else the year that puts its month at or before the reference date's.
    var anchorIsLocal: Bool
    /// Whether the clause speaks of the future: `Thursday` and a year-less `June 5` then count forward from the
    /// reference date.
    var future = false

    private struct Point {
        var end: Int
        /// Year 0: not written, to be taken from the anchor or the reference date.
        var date: CalendarDate
        var finish: CalendarDate?
        var isRelative = false
        var isVague = false
    }

    /// The date expression that starts at token `index`, if one does.
    func expression(at index: Int) -> DateExpression? {
        let token = text.tokens[index]
        // The middle or end of a written number or date (`05/06/2025` read from `06`) starts nothing.
        if token.kind == .number, index > floor, !token.hasSpaceBefore {
            let previous = text.tokens[index - 1]
            if previous.kind == .number || previous.isSymbol("/") || previous.isSymbol(".") || previous.isSymbol("-")
                || previous.isSymbol(":")
            {
                return nil
            }
        }
        var open = false
        var found: Point?
        if token.kind == .word, let word = DateWords.table[token.key] {
            switch word {
            case .since:
                found = range(at: index + 1, between: false)
                open = found?.finish == nil
            case .between:
                found = range(at: index + 1, between: true)
                if found?.finish == nil { return nil }
            case .from:
                found = range(at: index + 1, between: false)
                if found?.finish == nil { return nil }
            default:
                found = range(at: index, between: false)
            }
        } else if token.kind == .number {
            found = range(at: index, between: false)
        }
        guard var point = found else { return nil }
        // `in February and March 2023`: the year written after the second month is the first one's too.
        if point.date.year == 0, point.finish == nil,
            isWord(point.end, DateWords.and) || isWord(point.end, Lexicon.or),
            month(at: point.end + 1) != nil
        {
            if let year = year(at: point.end + 2) {
                point.date.year = year
            } else if dayNumber(point.end + 2) != nil, let year = year(at: point.end + 3) {
                point.date.year = year
            }
        }
        if point.date.year == 0 {
            if anchorIsLocal, let anchor {
                point.date.year = anchor.year
                // `in January, … than in December`: not a month after the reference date in a clause about the past.
                if !future, let reference, reference.month > 0, point.date.month > reference.month,
                    point.date.year == reference.year
                {
                    point.date.year -= 1
                }
            } else if let reference, reference.month > 0 {
                // The latest such month up to the reference date, or the next one in a clause about the future.
                point.date.year = reference.year
                let month = point.date.month
                if future && month < reference.month { point.date.year += 1 }
                if !future && month > reference.month { point.date.year -= 1 }
            } else if let year = reference?.year ?? anchor?.year {
                point.date.year = year
            } else {
                return nil
            }
            point.isRelative = true
        }
        if var finish = point.finish, finish.year == 0 {
            finish.year = point.date.year
            if finish < point.date { finish.year += 1 }
            point.finish = finish
        }
        guard CalendarDate.isValid(year: point.date.year, month: point.date.month, day: point.date.day) else {
            return nil
        }
        if let finish = point.finish {
            guard CalendarDate.isValid(year: finish.year, month: finish.month, day: finish.day) else { return nil }
        }
        var expression = DateExpression(
            firstToken: index, endToken: point.end, begin: point.date, finish: point.finish)
        expression.isOpen = open
        expression.isRelative = point.isRelative
        expression.isVague = point.isVague
        return expression
    }

    // MARK: Ranges

    private func range(at index: Int, between: Bool) -> Point? {
        guard index < limit, var first = point(at: index) else { return nil }
        guard first.finish == nil, !first.isRelative, first.end + 1 < limit else { return first }
        // `in 2016 and 2017`: consecutive years read as one span.
        if !between, first.date.month == 0, isWord(first.end, DateWords.and), let second = year(at: first.end + 1),
            second == first.date.year + 1, isYear(at: first.end + 1)
        {
            first.finish = CalendarDate(year: second)
            first.end += 2
            return first
        }
        guard isConnector(first.end, between: between) else { return first }
        let next = first.end + 1
        // `June 19-20, 2024`, `November 19 to 25`.
        if first.date.day > 0, let day = dayNumber(next), month(at: next + 1) == nil {
            var finish = first.date
            finish.day = day
            var end = next + 1
            if let (year, yearEnd) = trailingYear(at: end) {
                first.date.year = year
                finish.year = year
                end = yearEnd
            }
            guard day > first.date.day else { return first }
            first.finish = finish
            first.end = end
            return first
        }
        guard let second = point(at: next), second.finish == nil, !second.isRelative, !second.isVague else {
            return first
        }
        if first.date.year == 0 {
            first.date.year = second.date.year
            if second.date.year != 0, first.date > second.date { first.date.year -= 1 }
        }
        guard first.date.year == 0 || first.date <= second.date else { return first }
        first.finish = second.date
        first.end = second.end
        return first
    }

    private func isConnector(_ index: Int, between: Bool) -> Bool {
        guard index < limit else { return false }
        let token = text.tokens[index]
        switch token.kind {
        case .symbol: return token.isSymbol("-") || token.isSymbol("–") || token.isSymbol("—")
        case .word: return DateWords.rangeWords.contains(token.key) || (between && token.key == DateWords.and)
        case .number: return false
        }
    }

    // MARK: Single dates

    private func point(at index: Int) -> Point? {
        guard index < limit else { return nil }
        let token = text.tokens[index]
        switch token.kind {
        case .number:
            return numericPoint(at: index)
        case .symbol:
            return nil
        case .word:
            guard let word = DateWords.table[token.key] else { return nil }
            switch word {
            case .month(let month): return monthPoint(month, at: index)
            case .weekday(let weekday): return weekdayPoint(weekday, at: index, shift: nil)
            case .dayShift(let shift):
                guard let reference, reference.day > 0, shift != 0 || isNewsToday(at: index) else { return nil }
                return Point(end: index + 1, date: reference.adding(days: shift), isRelative: true)
            case .deictic(let shift):
                guard !isWord(index - 1, DateWords.the) else { return nil }
                return deicticPoint(shift, at: index + 1)
            case .direction(let direction):
                // `earlier this month`, `later this year`, `later that year`.
                guard direction != 0, index + 1 < limit, let next = DateWords.table[text.tokens[index + 1].key]
                else { return nil }
                if case .deictic(let shift) = next { return deicticPoint(shift, at: index + 2) }
                if case .that = next { return anchoredPoint(shift: 0, unitAt: index + 2) }
                return nil
            case .part(let low, let high): return partPoint(low, high, at: index + 1)
            case .season(let low, let high): return seasonPoint(low, high, at: index + 1)
            case .count(let count): return countPoint(count, at: index)
            case .ordinal(let ordinal): return ordinalPoint(ordinal, at: index + 1)
            case .the: return thePoint(at: index + 1)
            case .that: return anchoredPoint(shift: 0, unitAt: index + 1)
            case .q: return quarterPoint(at: index + 1)
            case .since, .between, .from, .unit: return nil
            }
        }
    }

    /// `June 19`, `June 19th, 2024`, `June 2024`, `June of 2024`, `September 11 this year`, `in June`.
    private func monthPoint(_ named: Int, at index: Int) -> Point? {
        guard text.tokens[index].isCapitalized else { return nil }
        var next = index + 1
        if isSymbol(next, "."), !text.tokens[next].hasSpaceBefore { next += 1 }
        if let day = dayNumber(next) {
            var end = next + 1
            if isOrdinalSuffix(end) { end += 1 }
            if let (year, yearEnd) = trailingYear(at: end) {
                return Point(end: yearEnd, date: CalendarDate(year: year, month: named, day: day))
            }
            if let year = deicticYear(at: end) {
                return Point(end: end + 2, date: CalendarDate(year: year, month: named, day: day), isRelative: true)
            }
            return Point(end: end, date: CalendarDate(year: 0, month: named, day: day))
        }
        if isWord(next, DateWords.of), let year = year(at: next + 1) {
            return Point(end: next + 2, date: CalendarDate(year: year, month: named))
        }
        if isWord(next, DateWords.of), let year = deicticYear(at: next + 1) {
            return Point(end: next + 3, date: CalendarDate(year: year, month: named), isRelative: true)
        }
        if let year = year(at: next) { return Point(end: next + 1, date: CalendarDate(year: year, month: named)) }
        if let year = deicticYear(at: next) {
            return Point(end: next + 2, date: CalendarDate(year: year, month: named), isRelative: true)
        }
        // A bare month is a date only where a date is expected: `in June`, `from February to March 2024`.
        let introduced =
            index - 1 >= floor && text.tokens[index - 1].kind == .word
            && DateWords.datePrepositions.contains(text.tokens[index - 1].key)
        if introduced || (isConnector(next, between: false) && month(at: next + 1) != nil) {
            return Point(end: next, date: CalendarDate(year: 0, month: named))
        }
        return nil
    }

    /// `today` next to a verb in the past (`has today signed`, `today announced`, `met today`): the day of a press
    /// release. Elsewhere `today` is rhetorical (`the world today`).
    private func isNewsToday(at index: Int) -> Bool {
        func isPast(_ position: Int) -> Bool {
            guard position >= floor, position < limit, text.tokens[position].kind == .word,
                text.tokens[position].isLowercase
            else { return false }
            let token = text.tokens[position]
            let endsInEd =
                token.end - token.start > 3 && text.scalars[token.end - 2] == 0x65
                && text.scalars[token.end - 1] == 0x64
            return endsInEd || DateWords.irregularPasts.contains(token.key)
        }
        return isPast(index + 1) || isPast(index - 1)
    }

    /// `Wednesday` (the last one up to the reference day), `Wednesday, June 5`, `Thursday 21 November 2024`.
    private func weekdayPoint(_ weekday: Int, at index: Int, shift: Int?) -> Point? {
        guard text.tokens[index].isCapitalized else { return nil }
        if shift == nil, isSymbol(index + 1, ","), let month = month(at: index + 2),
            let dated = monthPoint(month, at: index + 2), dated.date.day > 0
        {
            return dated
        }
        // `Thursday 21 November 2024`, `Monday, 17 February 2025`.
        let day = isSymbol(index + 1, ",") ? index + 2 : index + 1
        if shift == nil, day < limit, text.tokens[day].kind == .number, let dated = point(at: day), dated.date.day > 0 {
            return dated
        }
        guard let reference, reference.day > 0 else { return nil }
        let back = (reference.weekday - weekday + 7) % 7
        let forward = (weekday - reference.weekday + 7) % 7
        let days: Int
        switch shift {
        case nil: days = future ? forward : -back
        case .some(-1): days = back == 0 ? -7 : -back
        case .some(1): days = forward == 0 ? 7 : forward
        default: days = forward
        }
        return Point(end: index + 1, date: reference.adding(days: days), isRelative: true)
    }

    /// After `last`, `this`, `next`: `year`, `month`, `week` (its month), a month name, a weekday, a season.
    private func deicticPoint(_ shift: Int, at index: Int) -> Point? {
        guard index < limit, let reference, let word = DateWords.table[text.tokens[index].key] else { return nil }
        switch word {
        case .unit(365):
            return Point(end: index + 1, date: CalendarDate(year: reference.year + shift), isRelative: true)
        case .unit(30):
            guard reference.month > 0 else { return nil }
            return Point(end: index + 1, date: reference.monthOnly.adding(months: shift), isRelative: true)
        case .unit(7):
            // `last week`, `next week`: the month that week falls in.
            guard reference.day > 0 else { return nil }
            return Point(end: index + 1, date: reference.adding(days: 7 * shift).monthOnly, isRelative: true)
        case .month(let month):
            guard text.tokens[index].isCapitalized, reference.month > 0 else { return nil }
            var year = reference.year
            if shift < 0, month >= reference.month { year -= 1 }
            if shift > 0, month <= reference.month { year += 1 }
            return Point(end: index + 1, date: CalendarDate(year: year, month: month), isRelative: true)
        case .weekday(let weekday):
            return weekdayPoint(weekday, at: index, shift: shift)
        case .season(let low, let high):
            var point = seasonRange(reference.year + shift, low, high, end: index + 1)
            point.isRelative = true
            return point
        default:
            return nil
        }
    }

    /// `this year`, `last year`, `next year` at `index`, as a year.
    private func deicticYear(at index: Int) -> Int? {
        guard index + 1 < limit, let reference, let word = DateWords.table[text.tokens[index].key],
            case .deictic(let shift) = word, text.tokens[index + 1].key == DateWords.year
        else { return nil }
        return reference.year + shift
    }

    /// After `early`, `mid`, `late`: `2023`, `-2023`, `of 2023`, `June 2024`, `last year`.
    private func partPoint(_ low: Int, _ high: Int, at index: Int) -> Point? {
        var next = index
        if isSymbol(next, "-") || isSymbol(next, "‐") { next += 1 }
        if isWord(next, DateWords.of) { next += 1 }
        if let year = year(at: next) {
            return Point(
                end: next + 1, date: CalendarDate(year: year, month: low), finish: CalendarDate(year: year, month: high)
            )
        }
        if let year = deicticYear(at: next) {
            return Point(
                end: next + 2, date: CalendarDate(year: year, month: low),
                finish: CalendarDate(year: year, month: high),
                isRelative: true)
        }
        if let month = month(at: next), let point = monthPoint(month, at: next), point.date.day == 0 {
            return point
        }
        return nil
    }

    /// After a season: `2024`, `of 2024`.
    private func seasonPoint(_ low: Int, _ high: Int, at index: Int) -> Point? {
        var next = index
        if isWord(next, DateWords.of) { next += 1 }
        guard let year = year(at: next) else { return nil }
        return seasonRange(year, low, high, end: next + 1)
    }

    private func seasonRange(_ year: Int, _ low: Int, _ high: Int, end: Int) -> Point {
        let finish = high > 12 ? CalendarDate(year: year + 1, month: high - 12) : CalendarDate(year: year, month: high)
        return Point(end: end, date: CalendarDate(year: year, month: low), finish: finish)
    }

    /// `first half of 2025`, `third quarter of this year`; without a year (`in the first quarter`), the latest such
    /// period that began by the reference date.
    private func ordinalPoint(_ ordinal: Int, at index: Int) -> Point? {
        guard index < limit else { return nil }
        let low: Int
        let high: Int
        if isWord(index, DateWords.half), ordinal <= 2 {
            (low, high) = (ordinal * 6 - 5, ordinal * 6)
        } else if isWord(index, DateWords.quarter), ordinal <= 4 {
            (low, high) = (ordinal * 3 - 2, ordinal * 3)
        } else {
            return nil
        }
        if index + 1 < limit, isWord(index + 1, DateWords.of) { return yearSpan(low, high, at: index + 2) }
        guard let reference, reference.month > 0 else { return nil }
        let year = low <= reference.month ? reference.year : reference.year - 1
        return Point(
            end: index + 1, date: CalendarDate(year: year, month: low), finish: CalendarDate(year: year, month: high),
            isRelative: true)
    }

    /// `Q3 2024`, `Q3 of 2024`.
    private func quarterPoint(at index: Int) -> Point? {
        guard index < limit, text.tokens[index - 1].isCapitalized, !text.tokens[index].hasSpaceBefore,
            let (quarter, digits) = plainNumber(index), digits == 1, (1...4).contains(quarter)
        else { return nil }
        var next = index + 1
        if isWord(next, DateWords.of) { next += 1 }
        return yearSpan(quarter * 3 - 2, quarter * 3, at: next)
    }

    /// Months `low…high` of the year written at `index` (`2024`, `this year`).
    private func yearSpan(_ low: Int, _ high: Int, at index: Int) -> Point? {
        if let year = year(at: index) {
            return Point(
                end: index + 1, date: CalendarDate(year: year, month: low),
                finish: CalendarDate(year: year, month: high))
        }
        if let year = deicticYear(at: index) {
            return Point(
                end: index + 2, date: CalendarDate(year: year, month: low),
                finish: CalendarDate(year: year, month: high),
                isRelative: true)
        }
        return nil
    }

    /// After `the`: `the following month`, `the year before`, `the end of 2023`, `the first half of 2025`,
    /// `the winter of 2023`, `the 1990s`.
    private func thePoint(at index: Int) -> Point? {
        guard index < limit else { return nil }
        let token = text.tokens[index]
        if token.kind == .number {
            guard let point = numericPoint(at: index), point.isVague else { return nil }
            return point
        }
        guard token.kind == .word else { return nil }
        if let shift = DateWords.sequenceWords[token.key] { return anchoredPoint(shift: shift, unitAt: index + 1) }
        if let (low, high) = DateWords.boundaryWords[token.key], isWord(index + 1, DateWords.of) {
            if let month = month(at: index + 2), let point = monthPoint(month, at: index + 2), point.date.day == 0 {
                return point
            }
            return yearSpan(low, high, at: index + 2)
        }
        if let word = DateWords.table[token.key] {
            switch word {
            case .ordinal(let ordinal): return ordinalPoint(ordinal, at: index + 1)
            case .season(let low, let high): return seasonPoint(low, high, at: index + 1)
            case .unit:
                guard index + 1 < limit, let shift = DateWords.afterWords[text.tokens[index + 1].key] else {
                    return nil
                }
                guard var point = anchoredPoint(shift: shift, unitAt: index) else { return nil }
                point.end = index + 2
                return point
            default: return nil
            }
        }
        return nil
    }

    /// The anchor shifted by one `year`, `month`, `week` (its month) or `day` (the unit written at `index`).
    private func anchoredPoint(shift: Int, unitAt index: Int) -> Point? {
        guard index < limit, let anchor, let word = DateWords.table[text.tokens[index].key], case .unit(let days) = word
        else { return nil }
        switch days {
        case 365: return Point(end: index + 1, date: CalendarDate(year: anchor.year + shift), isRelative: true)
        case 30:
            guard anchor.month > 0 else { return nil }
            return Point(end: index + 1, date: anchor.monthOnly.adding(months: shift), isRelative: true)
        case 7:
            guard anchor.day > 0 else { return nil }
            return Point(end: index + 1, date: anchor.adding(days: 7 * shift).monthOnly, isRelative: true)
        case 1:
            guard anchor.day > 0 else { return nil }
            return Point(end: index + 1, date: anchor.adding(days: shift), isRelative: true)
        default:
            return nil
        }
    }

    /// `two years later`, `a month earlier`, `3 days ago`.
    private func countPoint(_ count: Int, at index: Int) -> Point? {
        guard index + 2 < limit, let unit = DateWords.table[text.tokens[index + 1].key], case .unit(let days) = unit,
            let way = DateWords.table[text.tokens[index + 2].key], case .direction(let direction) = way
        else { return nil }
        guard let base = direction == 0 ? reference : anchor else { return nil }
        let shift = direction == 0 ? -count : direction * count
        let date: CalendarDate
        switch days {
        case 365:
            date = CalendarDate(year: base.year + shift)
        case 30:
            guard base.month > 0 else { return nil }
            date = base.monthOnly.adding(months: shift)
        default:
            guard base.day > 0 else { return nil }
            date = base.adding(days: shift * days)
        }
        return Point(end: index + 3, date: date, isRelative: true)
    }

    /// Dates that start with a number: `4 January 2024`, `2024-01-04`, `04/30/2025`, `1990s`, `2023`,
    /// `2021-22`, and counts such as `3 days ago`.
    private func numericPoint(at index: Int) -> Point? {
        guard let (value, digits) = plainNumber(index) else { return nil }
        if let day = dayNumber(index) {
            var next = index + 1
            if isOrdinalSuffix(next) { next += 1 }
            if isWord(next, DateWords.of), month(at: next + 1) != nil { next += 1 }
            if let month = month(at: next) {
                var end = next + 1
                if isSymbol(end, "."), !text.tokens[end].hasSpaceBefore { end += 1 }
                if let (year, yearEnd) = trailingYear(at: end) {
                    return Point(end: yearEnd, date: CalendarDate(year: year, month: month, day: day))
                }
                if let year = deicticYear(at: end) {
                    return Point(
                        end: end + 2, date: CalendarDate(year: year, month: month, day: day), isRelative: true)
                }
                return Point(end: end, date: CalendarDate(year: 0, month: month, day: day))
            }
        }
        if digits <= 3, let point = countPoint(value, at: index) { return point }
        if let point = numericDate(at: index, value: value, digits: digits) { return point }
        guard digits == 4 else { return nil }
        if value % 10 == 0, (1800...2090).contains(value), index + 1 < limit, !text.tokens[index + 1].hasSpaceBefore,
            isWord(index + 1, DateWords.s)
        {
            return Point(
                end: index + 2, date: CalendarDate(year: value), finish: CalendarDate(year: value + 9), isVague: true)
        }
        guard isYear(at: index) else { return nil }
        // `2021-22`: the second year written with two digits.
        if index + 2 < limit, isSymbol(index + 1, "-") || isSymbol(index + 1, "–"),
            !text.tokens[index + 1].hasSpaceBefore, !text.tokens[index + 2].hasSpaceBefore,
            let (short, shortDigits) = plainNumber(index + 2), shortDigits == 2
        {
            let second = value / 100 * 100 + short
            if second > value, second - value <= 10, !isSymbol(index + 3, "-") {
                return Point(end: index + 3, date: CalendarDate(year: value), finish: CalendarDate(year: second))
            }
        }
        return Point(end: index + 1, date: CalendarDate(year: value))
    }

    /// `2024-01-04`, `2024-06`, `2024/01/04`, `04/30/2025`, `30/04/2025`, `06/2024`.
    private func numericDate(at index: Int, value: Int, digits: Int) -> Point? {
        guard index + 2 < limit, !text.tokens[index + 1].hasSpaceBefore, !text.tokens[index + 2].hasSpaceBefore,
            let separator = text.tokens[index + 1].kind == .symbol ? text.tokens[index + 1].key : nil,
            separator == 0x2D || separator == 0x2F, let (second, secondDigits) = plainNumber(index + 2)
        else { return nil }
        let third: (value: Int, digits: Int)? =
            index + 4 < limit && text.tokens[index + 3].key == separator && text.tokens[index + 3].kind == .symbol
                && !text.tokens[index + 3].hasSpaceBefore && !text.tokens[index + 4].hasSpaceBefore
            ? plainNumber(index + 4) : nil
        if digits == 4 {
            guard (1800...2100).contains(value), secondDigits == 2, (1...12).contains(second) else { return nil }
            if let third, third.digits == 2 {
                return Point(end: index + 5, date: CalendarDate(year: value, month: second, day: third.value))
            }
            // `2024-06` only with its leading zero; `2010-11` is a pair of years.
            guard separator == 0x2D, text.scalars[text.tokens[index + 2].start] == 0x30 else { return nil }
            return Point(end: index + 3, date: CalendarDate(year: value, month: second))
        }
        guard separator == 0x2F, digits <= 2 else { return nil }
        guard let third else {
            // `06/2024`
            guard secondDigits == 4, (1...12).contains(value), (1800...2100).contains(second) else { return nil }
            return Point(end: index + 3, date: CalendarDate(year: second, month: value))
        }
        guard third.digits == 4, (1800...2100).contains(third.value), secondDigits <= 2 else { return nil }
        let month: Int
        let day: Int
        if isInsideBrackets(index) || value == second {
            (month, day) = (value, second)
        } else if value > 12, second <= 12 {
            (month, day) = (second, value)
        } else if second > 12, value <= 12 {
            (month, day) = (value, second)
        } else {
            return nil
        }
        return Point(end: index + 5, date: CalendarDate(year: third.value, month: month, day: day))
    }

    // MARK: Tokens

    /// Whether a four-digit number reads as a year where it stands.
    private func isYear(at index: Int) -> Bool {
        guard let (value, digits) = plainNumber(index), digits == 4, (1800...2100).contains(value) else {
            return false
        }
        let tokens = text.tokens
        let previous = index - 1
        if previous >= floor {
            let p = tokens[previous]
            if !tokens[index].hasSpaceBefore {
                if p.kind == .word { return false }
                if p.isSymbol("$") || p.isSymbol("€") || p.isSymbol("£") || p.isSymbol("₩") || p.isSymbol("#") {
                    return false
                }
                if p.isSymbol("-"), previous - 1 >= floor, tokens[previous - 1].kind == .word,
                    !p.hasSpaceBefore
                {
                    return false
                }
            }
            if p.kind == .word, DateWords.referenceWords.contains(p.key) { return false }
            if p.isSymbol("."), previous - 1 >= floor, DateWords.referenceWords.contains(tokens[previous - 1].key) {
                return false
            }
        }
        let next = index + 1
        if next < limit {
            let n = tokens[next]
            if !n.hasSpaceBefore {
                if n.kind == .word { return false }
                if n.isSymbol("%") || n.isSymbol(":") { return false }
            }
            // `2000 troops`: a count, unless a date word introduces it (`in 2023 tourists …`).
            if n.kind == .word, n.isLowercase, !DateWords.yearFollowers.contains(n.key),
                text.scalars[n.end - 1] == 0x73
            {
                let introduced =
                    previous >= floor && tokens[previous].kind == .word
                    && (DateWords.datePrepositions.contains(tokens[previous].key)
                        || DateWords.determiners.contains(tokens[previous].key))
                if !introduced { return false }
            }
        }
        return true
    }

    /// A written year at `index`, for use right after a month or a part of a year.
    private func year(at index: Int) -> Int? {
        guard index < limit, let (value, digits) = plainNumber(index), digits == 4, (1800...2100).contains(value),
            index + 1 >= limit || text.tokens[index + 1].hasSpaceBefore || text.tokens[index + 1].kind == .symbol
        else { return nil }
        return value
    }

    /// `, 2024` or ` 2024` after a day.
    private func trailingYear(at index: Int) -> (Int, Int)? {
        var next = index
        if isSymbol(next, ",") { next += 1 }
        guard let year = year(at: next) else { return nil }
        return (year, next + 1)
    }

    /// A day of the month: one or two digits, 1…31, not part of a clock time or a larger number.
    private func dayNumber(_ index: Int) -> Int? {
        guard let (value, digits) = plainNumber(index), digits <= 2, (1...31).contains(value) else { return nil }
        if index + 1 < limit, !text.tokens[index + 1].hasSpaceBefore,
            isSymbol(index + 1, ":") || isSymbol(index + 1, "/") || isSymbol(index + 1, "%")
        {
            return nil
        }
        return value
    }

    /// The month named at `index` (capitalised, abbreviations included).
    private func month(at index: Int) -> Int? {
        guard index < limit, text.tokens[index].isCapitalized, let word = DateWords.table[text.tokens[index].key],
            case .month(let month) = word
        else { return nil }
        return month
    }

    /// The value and digit count of a number token written without separators.
    private func plainNumber(_ index: Int) -> (Int, Int)? {
        guard index < limit else { return nil }
        let token = text.tokens[index]
        guard token.kind == .number, token.end - token.start <= 4 else { return nil }
        var value = 0
        for position in token.start..<token.end {
            let scalar = text.scalars[position]
            guard Scalars.isDigit(scalar) else { return nil }
            value = value * 10 + Int(scalar - 0x30)
        }
        return (value, token.end - token.start)
    }

    private func isInsideBrackets(_ index: Int) -> Bool {
        var back = index - 1
        while back >= floor, index - back <= 8 {
            let token = text.tokens[back]
            if token.isSymbol("(") || token.isSymbol("[") { return true }
            if token.isSymbol(")") || token.isSymbol("]") { return false }
            back -= 1
        }
        return false
    }

    private func isOrdinalSuffix(_ index: Int) -> Bool {
        index < limit && text.tokens[index].kind == .word && !text.tokens[index].hasSpaceBefore
            && DateWords.ordinalSuffixes.contains(text.tokens[index].key)
    }

    private func isWord(_ index: Int, _ key: UInt64) -> Bool {
        index >= floor && index < limit && text.tokens[index].kind == .word && text.tokens[index].key == key
    }

    private func isSymbol(_ index: Int, _ scalar: Unicode.Scalar) -> Bool {
        index >= floor && index < limit && text.tokens[index].isSymbol(scalar)
    }
}
