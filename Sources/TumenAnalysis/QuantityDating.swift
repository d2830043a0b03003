import TumenProtocol

/// Fills each quantity's `asOf` (when the figure was stated) and `period` (the time it refers to) from the dates of
/// its sentence.
///
/// - `asOf`: a citation in the sentence, or a citation standing alone right after it (`… rounds. (Yonhap
///   10/23/2024)`); else an `as of` date; else the date of a statement (`stated in 2023`, `released in April
///   2025`); else the date of the chronology entry the sentence belongs to; else the document date.
/// - `period`: the nearest date of the same clause (not across `;` or `, but`) that dates what the sentence tells
///   (`in 2014`, `since 2010`, `the 2016 level`, `Jan 2017 – Mar 2025`); a comparison base (`than the previous
///   year`) is not the period of the figures before it; failing that, the date of the statement. None otherwise:
///   `annually` is a frequency, not a period.
enum QuantityDating {
    static func date(
        _ quantities: inout [Quantity], text: ScannedText, sentences: [Sentence], dates: [SentenceDates],
        documentDate: String?
    ) {
        guard !quantities.isEmpty else { return }
        var breaks: (sentence: Int, tokens: [Int]) = (-1, [])
        for index in quantities.indices {
            let quantity = quantities[index]
            let position = firstIndex(in: sentences.count) { sentences[$0].start >= quantity.sentence.start }
            guard position < sentences.count, sentences[position].start == quantity.sentence.start else { continue }
            let first = firstIndex(in: text.tokens.count) { text.tokens[$0].start >= quantity.span.start }
            let end = firstIndex(in: text.tokens.count) { text.tokens[$0].start >= quantity.span.end }
            let sentence = sentences[position]
            let expressions = dates[position].expressions
            if breaks.sentence != position {
                breaks = (position, (sentence.firstToken..<sentence.endToken).filter { isClauseBreak($0, text) })
            }
            quantities[index].asOf =
                asOf(
                    expressions, following: position + 1 < sentences.count ? dates[position + 1] : nil,
                    followingSentence: position + 1 < sentences.count ? sentences[position + 1] : nil, text: text)
                ?? dates[position].entry.flatMap { dates[$0].expressions.first?.begin.iso } ?? documentDate
            quantities[index].period = period(
                expressions, quantity: first..<end, sentence: sentence, text: text, breaks: breaks.tokens,
                skipping: dates[position].opensEntry ? 1 : 0)
        }
    }

    private static func asOf(
        _ expressions: [DateExpression], following: SentenceDates?, followingSentence: Sentence?, text: ScannedText
    ) -> String? {
        if let citation = expressions.first(where: { $0.role == .citation }) { return citation.begin.iso }
        if let following, let followingSentence, text.tokens[followingSentence.firstToken].isSymbol("("),
            let citation = following.expressions.first(where: { $0.role == .citation })
        {
            return citation.begin.iso
        }
        if let asOf = expressions.first(where: { $0.role == .asOf }) { return asOf.period }
        if let statement = expressions.first(where: { $0.role == .statement }) { return statement.period }
        return nil
    }

    private static func period(
        _ expressions: [DateExpression], quantity: Range<Int>, sentence: Sentence, text: ScannedText,
        breaks: [Int], skipping: Int
    ) -> String? {
        let candidates = expressions.dropFirst(skipping)
        let split = firstIndex(in: candidates.count) {
            candidates[candidates.startIndex + $0].endToken > quantity.lowerBound
        }
        // The nearest usable date before the figure and after it, within the clause.
        var before: DateExpression?
        for expression in candidates[..<(candidates.startIndex + split)].reversed() {
            if hasBreak(breaks, expression.endToken..<quantity.lowerBound) { break }
            if expression.role == .plain || expression.role == .attributive {
                before = expression
                break
            }
        }
        var after: DateExpression?
        for expression in candidates[(candidates.startIndex + split)...]
        where expression.firstToken >= quantity.upperBound {
            if hasBreak(breaks, quantity.upperBound..<expression.firstToken) { break }
            if expression.role == .plain || expression.role == .attributive,
                !isComparisonBase(expression, text: text, floor: sentence.firstToken)
            {
                after = expression
                break
            }
        }
        switch (before, after) {
        case (let before?, let after?):
            let distanceBefore = quantity.lowerBound - before.endToken
            return distanceBefore <= after.firstToken - quantity.upperBound ? before.period : after.period
        case (let before?, nil): return before.period
        case (nil, let after?): return after.period
        case (nil, nil): return expressions.first { $0.role == .statement }?.period
        }
    }

    /// Whether a sorted list of clause breaks has one inside `range`.
    private static func hasBreak(_ breaks: [Int], _ range: Range<Int>) -> Bool {
        let index = firstIndex(in: breaks.count) { breaks[$0] >= range.lowerBound }
        return index < breaks.count && breaks[index] < range.upperBound
    }

    /// `;`, or a comma before a contrasting conjunction (`, but`, `, while`): the end of a clause.
    private static func isClauseBreak(_ index: Int, _ text: ScannedText) -> Bool {
        let token = text.tokens[index]
        if token.isSymbol(";") { return true }
        guard token.isSymbol(","), index + 1 < text.tokens.count else { return false }
        return contrastWords.contains(text.tokens[index + 1].key)
    }

    private static let contrastWords = Set(["but", "while", "whereas", "although", "though", "yet"].map(WordKey.of))

    /// `than the previous year`, `compared with 2022`, `from 2021`: the base a figure is compared with.
    private static func isComparisonBase(_ expression: DateExpression, text: ScannedText, floor: Int) -> Bool {
        var index = expression.firstToken - 1
        if index >= floor, text.tokens[index].key == DateWords.the { index -= 1 }
        guard index >= floor, text.tokens[index].kind == .word else { return false }
        let key = text.tokens[index].key
        if comparisonWords.contains(key) { return true }
        return index - 1 >= floor && (key == with || key == to) && text.tokens[index - 1].key == compared
    }

    private static let comparisonWords = Set(["than", "from", "over", "versus", "vs"].map(WordKey.of))
    private static let compared = WordKey.of("compared")
    private static let with = WordKey.of("with")
    private static let to = WordKey.of("to")

    /// The first index in `0..<count` where `predicate` holds, for a predicate false then true.
    private static func firstIndex(in count: Int, where predicate: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
