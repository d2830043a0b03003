/// A figure found in a sentence, located by tokens; `Analyzer` turns it into a `Quantity`.
struct QuantityCandidate {
    /// First token of the figure's text (qualifier or currency sign included) and one past its last.
    var first: Int
    var end: Int
    var value: Double?
    var low: Double?
    var high: Double?
    var unit: String?
    var qualifier: String
    /// Tokens of the counted noun phrase (`North Korean workers`), when the unit came from one.
    var nounPhrase: Range<Int>?
    /// Whether the unit is something counted (people, containers, items) rather than a measure (tonnes, USD).
    var countsThings: Bool
}

/// Finds figures in a sentence: digits and number words, scales, ranges, qualifiers, currencies and units.
///
/// The rules skip what analysts do not call figures: years and year ranges, dates, clock times, ordinals, decades,
/// list markers, reference numbers (`Figure 1`, `Resolution 1874`, `ext. 211`), designators (`KN-23`, `COVID-19`,
/// `G7`), phone numbers, file names, addresses, and `one` used as a pronoun.
struct QuantityExtractor {
    let text: ScannedText
    /// What the document says about currencies it names only in part (`francs`, `pesos`, `¥`).
    let currencies: CurrencyContext
    private var tokens: [Token] { text.tokens }

    init(_ text: ScannedText, currencies: CurrencyContext = .empty) {
        self.text = text
        self.currencies = currencies
    }

    private static let no = WordKey.of("no")
    private static let nos = WordKey.of("nos")
    private static let m = WordKey.of("m")
    private static let b = WordKey.of("b")
    private static let `for` = WordKey.of("for")
    private static let all = WordKey.of("all")
    private static let through = WordKey.of("through")
    private static let real = WordKey.of("real")
    private static let per = WordKey.of("per")
    private static let determiners = Lexicon.keys(["the", "its", "their", "his", "her", "our", "these", "those"])
    /// Bodies of people whose size is given after `of`: `a crew of 24`, `a workforce of 6,900`.
    private static let bodiesOfPeople = Lexicon.keys([
        "crew", "crews", "staff", "workforce", "team", "contingent", "garrison", "delegation", "population",
        "headcount", "membership", "electorate", "complement", "force", "army",
    ])
    /// Words before a bare number that make it an age, not a count: `aged 34`.
    private static let ageWords = Lexicon.keys(["aged", "age", "ages", "ageing"])

    /// Units written against the digits, energy ones named in full: `450MW` is `megawatt`, `2GWh` `gigawatt hour`.
    private static let attachedUnits: [UInt64: String] = Lexicon.attachedUnits.merging(
        Lexicon.table([
            ("mw", "megawatt"), ("gw", "gigawatt"), ("kw", "kilowatt"), ("kwh", "kilowatt hour"),
            ("mwh", "megawatt hour"), ("gwh", "gigawatt hour"), ("twh", "terawatt hour"),
        ]), uniquingKeysWith: { _, energy in energy })

    /// Units that measure rather than count: the figure's noun phrase is not what it counts.
    private static let measures: Set<String> = [
        "tonne", "barrel", "km", "m", "mile", "kg", "hectare", "km2", "ratio", "bcm", "barrel per day", "megawatt",
        "gigawatt", "kilowatt", "terawatt", "megawatt hour", "gigawatt hour", "kilowatt hour", "terawatt hour",
        "point",
    ]

    /// Nouns that make `points` the items of a text rather than points of an index: `a 10-point plan`,
    /// `the 12 points of the agreement`.
    private static let pointLists = Lexicon.keys([
        "plan", "plans", "proposal", "proposals", "programme", "program", "agenda", "list", "roadmap", "road",
        "declaration", "agreement", "accord", "deal", "framework", "charter", "memorandum", "statement", "document",
        "platform", "manifesto", "initiative", "strategy", "blueprint", "package", "formula", "demands",
        "peace", "consensus", "communique", "letter", "resolution", "text", "treaty", "ceasefire",
    ])

    func candidates(in sentence: Sentence) -> [QuantityCandidate] {
        var result: [QuantityCandidate] = []
        var index = sentence.firstToken
        let limit = sentence.endToken
        // One past the last number dropped as a reference or designator: `Figures 1 and 2`, `KN-23 and 24`.
        var droppedChainEnd = -1
        while index < limit {
            let token = tokens[index]
            if token.flags.contains(.opaque) {
                index += 1
                continue
            }
            switch token.kind {
            case .number:
                if droppedChainEnd >= 0, continuesChain(from: droppedChainEnd, to: index) {
                    droppedChainEnd = index + 1
                    index += 1
                    continue
                }
                switch digitVerdict(index, sentence: sentence) {
                case .drop(let skip):
                    index += skip
                case .dropChain:
                    droppedChainEnd = index + 1
                    index += 1
                case .figure:
                    if let candidate = figure(startingAt: index, sentence: sentence) {
                        if candidate.value != nil || candidate.low != nil {
                            result.append(sharingQualifier(inheritingUnit(candidate, from: result), with: result.last))
                        }
                        index = max(candidate.end, index + 1)
                    } else {
                        index += 1
                    }
                }
            case .word:
                if let candidate = figure(startingAt: index, sentence: sentence) {
                    result.append(sharingQualifier(candidate, with: result.last))
                    index = max(candidate.end, index + 1)
                } else {
                    index += 1
                }
            case .symbol:
                index += 1
            }
        }
        return result
    }

    /// `7,400 people …, up from 6,900`, `about 4,000 of them`: a bare number counts what the last figure of its
    /// sentence with a unit counted, when that figure counted things (people, drones) rather than measured them.
    /// Not an age in apposition (`the suspect, 34, was held`) nor after `aged`.
    private func inheritingUnit(_ candidate: QuantityCandidate, from previous: [QuantityCandidate])
        -> QuantityCandidate
    {
        guard candidate.unit == nil, let counted = previous.last(where: { $0.unit != nil }), counted.countsThings,
            !(counted.end..<candidate.first).contains(where: { tokens[$0].isSymbol(";") })
        else { return candidate }
        let before = candidate.first - 1
        if isSymbol(before, ","), isSymbol(candidate.end, ",") { return candidate }
        if before >= 0, tokens[before].kind == .word, Self.ageWords.contains(tokens[before].key) { return candidate }
        var inherited = candidate
        inherited.unit = counted.unit
        return inherited
    }

    /// `about one-third or one-fourth`: an alternative right after a qualified figure shares its qualifier.
    private func sharingQualifier(_ candidate: QuantityCandidate, with previous: QuantityCandidate?)
        -> QuantityCandidate
    {
        guard candidate.qualifier == "exact", let previous, previous.qualifier != "exact",
            previous.end == candidate.first - 1, isWord(candidate.first - 1, Lexicon.or)
        else { return candidate }
        var shared = candidate
        shared.qualifier = previous.qualifier
        return shared
    }

    // MARK: Which digits are figures

    private enum Verdict {
        var isFigure: Bool {
            if case .figure = self { return true }
            return false
        }

        case figure
        /// Not a figure; skip this many tokens.
        case drop(Int)
        /// Not a figure, and a number joined to it by `and`, `or`, `,` or a dash is not one either.
        case dropChain
    }

    private func continuesChain(from chainEnd: Int, to index: Int) -> Bool {
        guard index == chainEnd + 1 else { return false }
        let joiner = tokens[chainEnd]
        if joiner.kind == .word {
            return joiner.key == Lexicon.and || joiner.key == Lexicon.or || joiner.key == Lexicon.to
                || joiner.key == Self.through
        }
        return joiner.isSymbol(",") || joiner.isSymbol("-") || joiner.isSymbol("–") || joiner.isSymbol("&")
    }

    private func isSymbol(_ index: Int, _ scalar: Unicode.Scalar) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].isSymbol(scalar)
    }

    private func isWord(_ index: Int, _ key: UInt64) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .word && tokens[index].key == key
    }

    /// Words that make `double` or `triple` a multiple: `nearly double`, `more than triple`, `to double`.
    private static let multipleLeads = Set(
        ["nearly", "almost", "than", "roughly", "about", "around", "over", "to", "some", "approximately"].map(
            WordKey.of))

    /// Adjacent: no white space between token `index - 1` and token `index`.
    private func joined(_ index: Int) -> Bool {
        index > 0 && index < tokens.count && !tokens[index].hasSpaceBefore
    }

    private func digitVerdict(_ index: Int, sentence: Sentence) -> Verdict {
        let token = tokens[index]
        let s = text.scalars
        let floor = sentence.firstToken
        let limit = sentence.endToken
        let previous = index - 1
        let next = index + 1

        // Written against what comes before.
        if previous >= floor, joined(index) {
            let p = tokens[previous]
            switch p.kind {
            case .word:
                // G7, KN23; not a currency joined to its digits (`USD34`, `Rp16`, `R28 billion`).
                if currencyWord(at: previous, before: index, limit: limit) == nil { return .dropChain }
            case .number:
                return .drop(1)
            case .symbol:
                if p.isSymbol("-") || p.isSymbol("‐") || p.isSymbol("–") {
                    // KN-23, COVID-19, mid-2023
                    if previous - 1 >= floor, joined(previous), tokens[previous - 1].kind == .word {
                        return .dropChain
                    }
                    // The last part of a date or a code: `2025-06-12`, `1-800-555`.
                    if previous - 3 >= floor, joined(previous), tokens[previous - 1].kind == .number,
                        joined(previous - 1), tokens[previous - 2].kind == .symbol, tokens[previous - 2].key == p.key,
                        joined(previous - 2), tokens[previous - 3].kind == .number
                    {
                        return .dropChain
                    }
                }
                if p.isSymbol("/") || p.isSymbol(":") || p.isSymbol("#") || p.isSymbol("+") || p.isSymbol("№")
                    || p.isSymbol("[") || p.isSymbol("^") || p.isSymbol("_") || p.isSymbol("@")
                {
                    return .drop(1)
                }
                if p.isSymbol("."), previous - 1 >= floor, joined(previous), tokens[previous - 1].kind != .symbol {
                    return .drop(1)  // footnote after a word (`war.12`), or a version
                }
            }
        }
        // Written against what comes after.
        if next < limit, joined(next) {
            let n = tokens[next]
            switch n.kind {
            case .word:
                // Ordinals and decades (`4th`, `1990s`) and designators (`3D`, `5G`); not `5bn`, `2km`.
                if Lexicon.attachedScales[n.key] == nil && Self.attachedUnits[n.key] == nil
                    && Currencies.suffixes[n.key] == nil
                {
                    return .drop(2)
                }
            case .number:
                break
            case .symbol:
                if n.isSymbol("/") || n.isSymbol(":") || n.isSymbol("_") || n.isSymbol("@") {
                    if next + 1 < limit, joined(next + 1), tokens[next + 1].kind != .symbol { return .drop(1) }
                }
                if n.isSymbol("."), next + 1 < limit, joined(next + 1), tokens[next + 1].kind == .word {
                    return .drop(1)  // 1.png
                }
            }
        }
        // Leading zero: codes and phone numbers (`02`, `007`).
        if token.end - token.start >= 2, s[token.start] == 0x30, Scalars.isDigit(s[token.start + 1]) {
            return .drop(1)
        }
        // Runs of digit groups separated by spaces: phone numbers (`02 2277 1683`).
        if next < limit, tokens[next].kind == .number, !tokens[next].flags.contains(.lineBefore) {
            var last = next
            while last + 1 < limit, tokens[last + 1].kind == .number, !tokens[last + 1].flags.contains(.lineBefore) {
                last += 1
            }
            return .drop(last - index + 1)
        }
        // Reference numbers: `Figure 1`, `Resolution 1874`, `No. 5`, `ext. 211`.
        var reference = previous
        if isSymbol(reference, "."), joined(reference) { reference -= 1 }
        if reference >= floor, tokens[reference].kind == .word, Lexicon.referenceWords.contains(tokens[reference].key) {
            let isNo = tokens[reference].key == Self.no || tokens[reference].key == Self.nos
            if !isNo || reference != previous || tokens[reference].isCapitalized { return .dropChain }
        }
        // Dates: `March 28`, `May 2019`, `28 March 2024`.
        if previous >= floor, tokens[previous].kind == .word, tokens[previous].isCapitalized,
            Lexicon.months.contains(tokens[previous].key)
        {
            return .dropChain
        }
        if previous - 1 >= floor, isSymbol(previous, "."), tokens[previous - 1].kind == .word,
            tokens[previous - 1].isCapitalized, Lexicon.months.contains(tokens[previous - 1].key)
        {
            return .drop(1)  // `Sept. 3`
        }
        if next < limit, tokens[next].kind == .word, tokens[next].isCapitalized,
            Lexicon.months.contains(tokens[next].key)
        {
            return .drop(1)
        }
        // Clock times: `10 am`, `5 p.m.`
        if next < limit, tokens[next].kind == .word {
            if Lexicon.timeSuffixes.contains(tokens[next].key) { return .drop(1) }
            if (text.token(next, spells: "a") || text.token(next, spells: "p")) && isSymbol(next + 1, ".")
                && next + 2 < limit && text.token(next + 2, spells: "m")
            {
                return .drop(1)
            }
        }
        // List markers: a small number opening a line, followed by `.` or `)`: `1. Background`, `2) Trade`.
        let opensLine =
            index == 0 || token.flags.contains(.lineBefore)
            || index == sentence.firstToken
                && (previous < 0 || tokens[previous].flags.contains(.lineBefore) || previous == 0)
        if opensLine, token.end - token.start <= 3, next < limit, joined(next),
            tokens[next].isSymbol(".") || tokens[next].isSymbol(")")
        {
            if next + 1 >= limit || tokens[next + 1].hasSpaceBefore { return .drop(2) }
        }
        // Enumerators in brackets: `(1)`, `(2)`.
        if isSymbol(previous, "("), joined(index), isSymbol(next, ")"), joined(next), token.end - token.start <= 2 {
            return .drop(1)
        }
        return .figure
    }

    // MARK: Values

    /// The value of a digits token, reading `,` and `.` as thousands separators or a decimal point by their
    /// grouping: `20,000`, `9.4`, `1,234.5`, `1.650.000`, `1,65` (a decimal comma). Nil when the token is not a
    /// number (`1.2.3`).
    func digitsValue(_ index: Int) -> Double? { digitsNumber(index).map { $0.mantissa / pow10($0.decimals) } }

    /// The digits of a token as an integer mantissa and the number of decimals, so that scales apply exactly
    /// (`1.65 trillion` is `165 × 10^10`, not `1.65 × 10^12` rounded).
    private func digitsNumber(_ index: Int) -> (mantissa: Double, decimals: Int)? {
        let token = tokens[index]
        let s = text.scalars
        var separators: [(position: Int, scalar: UInt32)] = []
        for position in token.start..<token.end where !Scalars.isDigit(s[position]) {
            separators.append((position, s[position]))
        }
        var decimalAt = -1
        if !separators.isEmpty {
            let commas = separators.filter { $0.scalar == 0x2C }
            let dots = separators.filter { $0.scalar == 0x2E }
            func grouped(_ list: [(position: Int, scalar: UInt32)], until end: Int) -> Bool {
                // Every group after the first has exactly three digits, and the first has one to three.
                guard let first = list.first, first.position - token.start <= 3 else { return false }
                for (offset, separator) in list.enumerated() {
                    let groupEnd = offset + 1 < list.count ? list[offset + 1].position : end
                    if groupEnd - separator.position - 1 != 3 { return false }
                }
                return true
            }
            if !commas.isEmpty && !dots.isEmpty {
                let last = separators[separators.count - 1]
                let grouping = separators.dropLast()
                guard grouping.allSatisfy({ $0.scalar != last.scalar }) else { return nil }
                guard grouped(Array(grouping), until: last.position) else { return nil }
                decimalAt = last.position
            } else if dots.count == 1 && commas.isEmpty {
                decimalAt = dots[0].position
            } else if commas.count == 1 && dots.isEmpty {
                if !grouped(commas, until: token.end) { decimalAt = commas[0].position }
            } else {
                // Several separators of one kind: only thousands grouping makes sense.
                guard grouped(separators, until: token.end) else { return nil }
            }
        }
        var mantissa: Double = 0
        var decimals = 0
        var inFraction = false
        for position in token.start..<token.end {
            let v = s[position]
            if Scalars.isDigit(v) {
                mantissa = mantissa * 10 + Double(v - 0x30)
                if inFraction { decimals += 1 }
            } else if position == decimalAt {
                inFraction = true
            }
        }
        return (mantissa, decimals)
    }

    private func isYearLike(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.end - token.start == 4 else { return false }
        let s = text.scalars
        var value = 0
        for position in token.start..<token.end {
            guard Scalars.isDigit(s[position]) else { return false }
            value = value * 10 + Int(s[position] - 0x30)
        }
        return value >= 1800 && value <= 2100
    }

    private struct ParsedNumber {
        /// The value is `mantissa × 10^exponent`, kept apart so that decimal scales stay exact.
        var mantissa: Double
        var exponent: Int
        var value: Double { exponent >= 0 ? mantissa * pow10(exponent) : mantissa / pow10(-exponent) }
        var end: Int
        var isWord: Bool
        var isYearLike: Bool
        var scaled: Bool
        /// A fraction (`one-tenth`, `a third of`): reported as a ratio.
        var isFraction: Bool
        /// A fixed unit the word itself carries (`once` → time).
        var unit: String?
        /// `a single`: the value needs a counted noun after it.
        var needsNoun: Bool

        mutating func multiply(by scale: Double) {
            var exponent = 0
            var rest = scale
            while rest >= 10, rest.truncatingRemainder(dividingBy: 10) == 0 {
                rest /= 10
                exponent += 1
            }
            mantissa *= rest
            self.exponent += exponent
        }
    }

    /// A number in digits or words at `index`, with its scale words, or nil.
    private func number(at index: Int, limit: Int, currency: Bool) -> ParsedNumber? {
        let token = tokens[index]
        var parsed: ParsedNumber
        if token.kind == .number {
            guard let (mantissa, decimals) = digitsNumber(index) else { return nil }
            parsed = ParsedNumber(
                mantissa: mantissa, exponent: -decimals, end: index + 1, isWord: false, isYearLike: isYearLike(index),
                scaled: false,
                isFraction: false, unit: nil, needsNoun: false)
            // Attached scale: `5bn`, `$3m`, `20k`.
            if index + 1 < limit, joined(index + 1), tokens[index + 1].kind == .word {
                let suffix = tokens[index + 1].key
                let isMillionM = suffix == Self.m && currency
                let isBillionB = suffix == Self.b && currency
                if let scale = Lexicon.attachedScales[suffix], suffix != Self.m || isMillionM,
                    suffix != Self.b || isBillionB
                {
                    parsed.multiply(by: scale)
                    parsed.scaled = true
                    parsed.end = index + 2
                }
            }
        } else if token.kind == .word {
            guard let word = wordNumber(at: index, limit: limit) else { return nil }
            parsed = word
        } else {
            return nil
        }
        // Scale words: `9.4 million`, `two hundred thousand`, `4.39 lakh crore`, `2,000 thousand crore`.
        var lastScale = Double.infinity
        while parsed.end < limit, tokens[parsed.end].kind == .word, !parsed.isFraction, parsed.unit == nil,
            let scale = Lexicon.scales[tokens[parsed.end].key],
            scale < lastScale || lastScale == 100 || (lastScale == 1e3 || lastScale == 1e5) && scale >= 1e6
        {
            if scale == 12 && !(parsed.value >= 1 && parsed.value < 100) { break }
            parsed.multiply(by: scale)
            parsed.scaled = true
            lastScale = scale
            parsed.end += 1
        }
        return parsed
    }

    /// A number written in words: `three`, `twenty-five`, `one-tenth`, `a million`, `a single`, `once`, `twice`.
    private func wordNumber(at index: Int, limit: Int) -> ParsedNumber? {
        let key = tokens[index].key
        func make(_ value: Double, end: Int, fraction: Bool = false, unit: String? = nil, needsNoun: Bool = false)
            -> ParsedNumber
        {
            ParsedNumber(
                mantissa: value, exponent: 0, end: end, isWord: true, isYearLike: false, scaled: false,
                isFraction: fraction,
                unit: unit, needsNoun: needsNoun)
        }
        let next = index + 1
        if Lexicon.articles.contains(key) {
            guard next < limit, tokens[next].kind == .word else { return nil }
            let word = tokens[next].key
            if word == Lexicon.single { return make(1, end: next + 1, needsNoun: true) }
            if let scale = Lexicon.scales[word], scale >= 12, !(next + 1 < limit && isWord(next + 1, Lexicon.of)) {
                return make(scale, end: next + 1)
            }
            // `a third of the budget`; `rose by (roughly) a third`.
            if let denominator = Lexicon.fractions[word], word != Lexicon.half,
                isWord(next + 1, Lexicon.of) || isWord(index - 1, Lexicon.by)
                    || (isWord(index - 2, Lexicon.by) && tokens[index - 1].kind == .word)
            {
                return make(1 / denominator, end: next + 1, fraction: true)
            }
            return nil
        }
        // `half a million`, `half a dozen`.
        if key == Lexicon.half, next + 1 < limit, tokens[next].kind == .word,
            Lexicon.articles.contains(tokens[next].key),
            tokens[next + 1].kind == .word, let scale = Lexicon.scales[tokens[next + 1].key], scale >= 12
        {
            return make(scale / 2, end: next + 2)
        }
        if key == Lexicon.half, isWord(next, Lexicon.of) || isWord(index - 1, Lexicon.by),
            index == 0 || !Lexicon.articles.contains(tokens[index - 1].key)
        {
            return make(0.5, end: next, fraction: true)
        }
        if key == Lexicon.once {
            guard index > 0, tokens[index - 1].kind == .word, !isWord(index - 1, Lexicon.at),
                !isWord(index - 1, Self.for), !isWord(index - 1, Self.all)
            else { return nil }
            if next >= limit { return make(1, end: next, unit: "time") }
            let n = tokens[next]
            let closes = n.isSymbol(",") || n.isSymbol(".") || n.isSymbol(";") || n.isSymbol(")")
            if closes || (n.kind == .word && Lexicon.onceFollowers.contains(n.key) && n.key != Lexicon.again) {
                return make(1, end: next, unit: "time")
            }
            return nil
        }
        if key == Lexicon.twice {
            let ratio = next < limit && tokens[next].kind == .word && Lexicon.comparatives.contains(tokens[next].key)
            return make(2, end: next, unit: ratio ? "ratio" : "time")
        }
        if let multiple = Lexicon.multiples[key] {
            // `doubled`, `threefold`; `nearly double`, `more than triple`, `to double`.
            guard !multiple.needsQualifier || text.isWord(index - 1, in: Self.multipleLeads) else { return nil }
            return make(multiple.value, end: next, unit: "ratio")
        }
        guard var value = Lexicon.cardinals[key] else { return nil }
        // `non-zero`, `at-one`: part of a compound word.
        if index > 0, joined(index), tokens[index - 1].isSymbol("-") || tokens[index - 1].isSymbol("‐") { return nil }
        var end = next
        // `twenty-five`, `twenty five`
        if Lexicon.tens.contains(key), end < limit {
            if isSymbol(end, "-"), joined(end), end + 1 < limit, joined(end + 1),
                let ones = Lexicon.cardinals[tokens[end + 1].key], ones >= 1, ones <= 9
            {
                value += ones
                end += 2
            } else if tokens[end].kind == .word, let ones = Lexicon.cardinals[tokens[end].key], ones >= 1, ones <= 9 {
                value += ones
                end += 1
            }
        }
        // Fractions: `one-tenth`, `two thirds`.
        var fractionWord = end
        if isSymbol(end, "-"), joined(end), end + 1 < limit, joined(end + 1) { fractionWord = end + 1 }
        if fractionWord < limit, tokens[fractionWord].kind == .word,
            let denominator = Lexicon.fractions[tokens[fractionWord].key],
            value >= 1, value < 100
        {
            let plural = text.scalars[tokens[fractionWord].end - 1] == 0x73
            // `one third`, `two thirds`; not `two third-party` nor `the third`.
            if value == 1 || plural || fractionWord == end + 1 {
                return make(value / denominator, end: fractionWord + 1, fraction: true)
            }
        }
        if key == Lexicon.one {
            // `one` counts only with a scale or a unit: `one million`, `one time`, `one year`; not `one of`.
            guard end < limit, tokens[end].kind == .word else { return nil }
            let following = tokens[end].key
            // `one in seven`: a proportion, read by the caller.
            let isProportion =
                following == Lexicon.in && end + 1 < limit
                && ((tokens[end + 1].kind == .number && text.length(end + 1) <= 3)
                    || Lexicon.cardinals[tokens[end + 1].key] != nil)
            if Lexicon.scales[following] == nil && Lexicon.units[following] == nil && !Lexicon.times.contains(following)
                && !isProportion
            {
                return nil
            }
        }
        return make(value, end: end)
    }

    // MARK: Currencies

    /// The currency written before the number at `index`, and the first token of its text: a sign with the letters
    /// joined to it (`$`, `₱`, `HK$`, `R$`), an ISO code (`PLN`, `KES`), or a word prefix (`Rs.`, `Rp`, `KSh`, `R`).
    private func currency(before index: Int, sentence: Sentence) -> (code: String, first: Int)? {
        let floor = sentence.firstToken
        let limit = sentence.endToken
        let p = index - 1
        // `Rs. 500` read as two sentences: the prefix is in the previous one, and the figure starts at its digits.
        if p == floor - 1, p >= 1, tokens[p].isSymbol("."), joined(p), tokens[p - 1].kind == .word,
            let (code, strength) = Currencies.wordPrefixes[text.string(tokens: p - 1, p - 1)], strength == .always
        {
            return (resolved(code), index)
        }
        guard p >= floor else { return nil }
        let token = tokens[p]
        if token.kind == .symbol {
            if let sign = Currencies.symbols[UInt32(token.key)] {
                // `U.S.$5 million`
                if sign == "USD", p - 4 >= floor, isSymbol(p - 1, "."), joined(p), text.token(p - 2, spells: "S"),
                    joined(p - 1), isSymbol(p - 3, "."), joined(p - 2), text.token(p - 4, spells: "U"), joined(p - 3)
                {
                    return ("USD", p - 4)
                }
                // Letters joined to the sign: `US$`, `HK$`, `NT$`, `R$`, `GH₵`.
                if p - 1 >= floor, joined(p), tokens[p - 1].kind == .word {
                    if isSymbol(p - 2, "."), joined(p - 1) {
                        // `e.g.C$5`: not a prefix of the sign.
                    } else if let code = Currencies.signPrefixes[text.string(tokens[p - 1].start, token.end)] {
                        return (code, p - 1)
                    } else if sign == "USD", tokens[p - 1].key == Lexicon.us {
                        return ("USD", p - 1)
                    }
                }
                if let family = Currencies.sharedFamily(sign) { return (currencies.resolve(family), p) }
                if Currencies.yenSigns.contains(UInt32(token.key)) { return (yen(in: sentence), p) }
                return (sign, p)
            }
            // `Rs. 500`, `Rp. 11,800`
            if token.isSymbol("."), joined(p), p - 1 >= floor, tokens[p - 1].kind == .word,
                let (code, strength) = Currencies.wordPrefixes[text.string(tokens: p - 1, p - 1)], strength == .always
            {
                return (resolved(code), p - 1)
            }
            return nil
        }
        guard token.kind == .word, let code = currencyWord(at: p, before: index, limit: limit) else { return nil }
        return (code, p)
    }

    /// A currency code or word prefix at `p`, right before the digits at `index`: `PLN`, `TRY` (in capitals),
    /// `Rp`, `KSh`, `Rs`, `RM1.2 billion`, `R28 billion` (not `R2`).
    private func currencyWord(at p: Int, before index: Int, limit: Int) -> String? {
        let token = tokens[p]
        guard token.kind == .word else { return nil }
        let spelling = text.string(tokens: p, p)
        if let (code, strength) = Currencies.wordPrefixes[spelling] {
            switch strength {
            case .always: return resolved(code)
            case .joinedAmount: return joined(index) && looksLikeAmount(index, limit: limit) ? code : nil
            case .amount: return looksLikeAmount(index, limit: limit) ? code : nil
            }
        }
        guard text.length(p) == 3, let code = Currencies.codes[token.key] else { return nil }
        let upper = spelling.uppercased()
        if Currencies.legacyCodes.contains(upper) {
            return token.isCapitalized || !token.isLowercase ? code : nil  // `USD`, `Usd`; not `usd`
        }
        guard isAllCaps(p) else { return nil }
        // A year after a code is a name (`COP 2025`), not an amount.
        if isYearLike(index), !looksLikeAmount(index, limit: limit) { return nil }
        if Currencies.guardedCodes.contains(upper) {
            // `TOP 10 COUNTRIES`: an all-capital headline, not a currency.
            if p - 1 >= 0, tokens[p - 1].kind == .word, text.length(p - 1) >= 2, isAllCaps(p - 1) { return nil }
            guard looksLikeMoney(index, limit: limit) else { return nil }
        }
        return code
    }

    /// A currency named after the number: `zlotys`, `Swiss francs`, `reais`, `4,200 zł`, `PLN`, with shared names
    /// (`pesos`) resolved by the document.
    private func currencyName(at position: Int, limit: Int) -> (code: String, end: Int)? {
        guard position < limit, tokens[position].kind == .word else { return nil }
        if let (value, end) = Lexicon.currencyWords.match(in: tokens, at: position, limit: limit) {
            // `real` alone is also an adjective: `5 real estate firms`.
            if end == position + 1, tokens[position].key == Self.real, end < limit, tokens[end].kind == .word,
                !Lexicon.stopWords.contains(tokens[end].key)
            {
                return nil
            }
            return (resolved(value), end)
        }
        // A code after the amount, in capitals: `4.2 billion PLN`; not one that is also a word (`5 TOP`).
        if text.length(position) == 3, isAllCaps(position), let code = Currencies.codes[tokens[position].key],
            !Currencies.guardedCodes.contains(text.string(tokens: position, position))
        {
            return (code, position + 1)
        }
        return nil
    }

    /// A code, or the one the document gives a shared name (`~peso`).
    private func resolved(_ value: String) -> String {
        Currencies.sharedFamily(value).map { currencies.resolve($0) } ?? value
    }

    /// `¥` is the yen unless its sentence is about China and not Japan (`the domestic Chinese price stayed near
    /// ¥1,800`), or names the yuan.
    private func yen(in sentence: Sentence) -> String {
        let range = sentence.firstToken..<sentence.endToken
        var china = currencies.mentions("cn", in: range)
        var japan = currencies.mentions("jp", in: range)
        for position in range where tokens[position].kind == .word {
            let named =
                Lexicon.currencyWords.match(in: tokens, at: position, limit: range.upperBound)?.value
                ?? (text.length(position) == 3 ? Currencies.codes[tokens[position].key] : nil)
            if named == "CNY" { china = true }
            if named == "JPY" { japan = true }
        }
        return china && !japan ? "CNY" : "JPY"
    }

    /// Digits that read as an amount: with a scale (`28 billion`, `1.5m`), a thousands separator or a decimal.
    private func looksLikeAmount(_ index: Int, limit: Int) -> Bool {
        let token = tokens[index]
        let s = text.scalars
        if (token.start..<token.end).contains(where: { !Scalars.isDigit(s[$0]) }) { return true }
        return hasScale(after: index, limit: limit)
    }

    /// Digits that read as money after a code that is also a word: a scale, a thousands separator, cents
    /// (`TRY 12.50`), or at least 1,000 (`COP 28`, `PHP 7.4` and `NIS 2` are names).
    private func looksLikeMoney(_ index: Int, limit: Int) -> Bool {
        if hasScale(after: index, limit: limit) { return true }
        guard let (mantissa, decimals) = digitsNumber(index) else { return false }
        let token = tokens[index]
        let s = text.scalars
        let hasComma = (token.start..<token.end).contains { s[$0] == 0x2C }
        return hasComma || decimals == 2 || decimals == 0 && mantissa >= 1000
    }

    private func hasScale(after index: Int, limit: Int) -> Bool {
        let next = index + 1
        guard next < limit, tokens[next].kind == .word else { return false }
        if joined(next) { return Lexicon.attachedScales[tokens[next].key] != nil }
        return (Lexicon.scales[tokens[next].key] ?? 0) >= 1e3
    }

    /// Every letter of the token is a capital: `TRY`, `PLN`.
    private func isAllCaps(_ index: Int) -> Bool {
        let token = tokens[index]
        let s = text.scalars
        return (token.start..<token.end).allSatisfy { Scalars.isUpper(s[$0]) }
    }

    /// One past a calibre right after a count, before a noun: `152 mm`, `155mm`, `122-mm`.
    private func calibreEnd(after position: Int, limit: Int) -> Int? {
        guard position < limit, tokens[position].kind == .number, tokens[position].hasSpaceBefore else { return nil }
        var next = position + 1
        if isSymbol(next, "-"), joined(next) { next += 1 }
        guard next + 1 < limit, tokens[next].kind == .word, text.token(next, spells: "mm"),
            tokens[next + 1].kind == .word, tokens[next + 1].hasSpaceBefore
        else { return nil }
        return next + 1
    }

    /// `a 10-point plan`, `the 12 points of the agreement`: points that are items of a text.
    private func pointsAreItems(_ head: Int, limit: Int) -> Bool {
        var position = head + 1
        guard position < limit, tokens[position].kind == .word else { return false }
        if Self.pointLists.contains(tokens[position].key) { return true }
        guard isWord(position, Lexicon.of) || isWord(position, Lexicon.in) else { return false }
        position += 1
        var words = 0
        while position < limit, tokens[position].kind == .word, words < 4 {
            if Self.pointLists.contains(tokens[position].key) { return true }
            words += 1
            position += 1
        }
        return false
    }

    // MARK: A whole figure

    private func figure(startingAt index: Int, sentence: Sentence) -> QuantityCandidate? {
        let floor = sentence.firstToken
        let limit = sentence.endToken
        var first = index
        var unit: String?
        var currencyBefore = false

        // Currency written before the number: `$15`, `US$ 5`, `HK$3`, `USD 34.4`, `₩1.2`, `Rs 2,000`, `R28 billion`.
        if tokens[index].kind == .number, let (code, start) = currency(before: index, sentence: sentence) {
            unit = code
            first = start
            currencyBefore = true
        }

        guard var parsed = number(at: index, limit: limit, currency: currencyBefore) else { return nil }
        // `one in seven adults`: a proportion.
        if !currencyBefore, !parsed.isFraction, parsed.unit == nil, !parsed.isYearLike, parsed.value >= 1,
            isWord(parsed.end, Lexicon.in), parsed.end + 1 < limit,
            let whole = number(at: parsed.end + 1, limit: limit, currency: false), !whole.isYearLike,
            whole.value > parsed.value, whole.value <= 1000
        {
            parsed.mantissa = parsed.value / whole.value
            parsed.exponent = 0
            parsed.end = whole.end
            parsed.isFraction = true
        }
        var value: Double? = parsed.value
        var low: Double?
        var high: Double?
        var end = parsed.end
        var countsThings = false
        var nounPhrase: Range<Int>?
        if parsed.unit != nil { unit = parsed.unit }

        // A year, or a year range: `2016-2017`, `2014–16`.
        if parsed.isYearLike && !currencyBefore && !parsed.scaled {
            if end < limit, tokens[end].isSymbol("-") || tokens[end].isSymbol("–"), end + 1 < limit,
                tokens[end + 1].kind == .number
            {
                return QuantityCandidate(
                    first: index, end: end + 2, value: nil, unit: nil, qualifier: "exact", countsThings: false)
            }
        }

        // Percent against the first number of a range: `96%-97%`.
        var percentFirst = false
        if end < limit, tokens[end].isSymbol("%") {
            percentFirst = true
        }

        // Ranges: `6 to 7.6 billion`, `96-97%`, `between 5 and 10`.
        let connector = percentFirst ? end + 1 : end
        if connector + 1 < limit, !parsed.isFraction, parsed.unit == nil, !parsed.needsNoun {
            let c = tokens[connector]
            let isDash = c.isSymbol("-") || c.isSymbol("–") || c.isSymbol("‐")
            let isTo = c.kind == .word && c.key == Lexicon.to && !isWord(first - 1, Lexicon.from)
            let isAnd = c.kind == .word && c.key == Lexicon.and && isWord(first - 1, Lexicon.between)
            var second = connector + 1
            if (isDash || isTo || isAnd), currencyBefore, second < limit,
                tokens[second].kind == .symbol, Lexicon.currencySymbols[UInt32(tokens[second].key)] != nil
            {
                second += 1  // `$5-$7 billion`
            }
            if isDash || isTo || isAnd, second < limit, tokens[second].kind == tokens[index].kind,
                tokens[index].kind == .number ? (digitVerdict(second, sentence: sentence).isFigure) : true,
                let other = number(at: second, limit: limit, currency: currencyBefore), !other.isFraction,
                other.unit == nil, !other.needsNoun
            {
                var scaledFirst = parsed
                if !parsed.scaled && other.scaled { scaledFirst.multiply(by: scaleOf(other, at: second)) }
                let lower = scaledFirst.value
                if lower < other.value && !(parsed.isYearLike && other.isYearLike) {
                    low = lower
                    high = other.value
                    value = nil
                    end = other.end
                    parsed.isYearLike = false
                } else if parsed.isYearLike && other.isYearLike {
                    return QuantityCandidate(
                        first: index, end: other.end, value: nil, unit: nil, qualifier: "exact", countsThings: false)
                }
            }
        }

        // Unit after the number.
        if end < limit, tokens[end].isSymbol("%") {
            unit = "percent"
            end += 1
        } else if percentFirst {
            unit = "percent"
        } else if let (phraseUnit, phraseEnd) = Lexicon.unitPhrases.match(in: tokens, at: end, limit: limit) {
            unit = phraseUnit
            end = phraseEnd
        } else if !currencyBefore, let (code, codeEnd) = currencyName(at: end, limit: limit) {
            unit = code
            end = codeEnd
        } else if !currencyBefore,
            let (code, codeEnd) = Lexicon.currencySubunits.match(in: tokens, at: end, limit: limit)
        {
            unit = code  // `86 cents`
            end = codeEnd
            value = value.map { $0 / 100 }
            low = low.map { $0 / 100 }
            high = high.map { $0 / 100 }
        } else if end < limit, tokens[end].kind == .word, Lexicon.percentWords.contains(tokens[end].key) {
            unit = "percent"
            end += 1
        } else if end < limit, tokens[end].kind == .word, Lexicon.pounds.contains(tokens[end].key) {
            unit = parsed.scaled || currencyBefore ? currencies.resolve("pound") : "lb"
            end += 1
        } else if !parsed.isWord, tokens[index].kind == .number, index + 1 < limit, joined(index + 1),
            tokens[index + 1].kind == .word, end == index + 1,
            let attached = Self.attachedUnits[tokens[index + 1].key]
        {
            unit = attached  // `2km`, `152mm`
            end = index + 2
        } else if end < limit, tokens[end].kind == .word, Lexicon.times.contains(tokens[end].key), unit == nil {
            let after = end + 1
            let isRatio =
                after < limit && tokens[after].kind == .word && Lexicon.comparatives.contains(tokens[after].key)
            unit = isRatio ? "ratio" : "time"
            end += 1
        } else if unit == nil && !parsed.isFraction || parsed.needsNoun {
            // `12 million 152 mm artillery shells`: a calibre between the count and what it counts.
            let calibre = parsed.isWord ? nil : calibreEnd(after: end, limit: limit)
            if let (phrase, head, normalised) = countedNoun(after: calibre ?? end, limit: limit, value: parsed.value) {
                unit = normalised == "point" && pointsAreItems(head, limit: limit) ? "item" : normalised
                if normalised == "bcm" {
                    // Billion cubic metres.
                    unit = "cubic metre"
                    value = value.map { $0 * 1e9 }
                    low = low.map { $0 * 1e9 }
                    high = high.map { $0 * 1e9 }
                }
                nounPhrase = phrase
                countsThings =
                    !Self.measures.contains(normalised) && !Self.measures.contains(unit ?? "")
                    && !Lexicon.timeUnits.contains(normalised)
                // The calibre stays a figure of its own.
                if calibre == nil { end = head + 1 }
            } else if parsed.needsNoun {
                return nil
            }
        }
        if parsed.isFraction && unit == nil { unit = "ratio" }

        // A rate: `200 million dollars annually`.
        if let currentUnit = unit, currentUnit != "percent", currentUnit != "ratio",
            let (period, rateEnd) = Lexicon.rates.match(in: tokens, at: end, limit: limit)
        {
            unit = "\(currentUnit) per \(period)"
            end = rateEnd
        } else if let currentUnit = unit, Lexicon.isMoney(currentUnit), !currentUnit.contains(" per "),
            isWord(end, Self.per), end + 1 < limit, isPlainNoun(end + 1, singularAllowed: true),
            !Lexicon.stopWords.contains(tokens[end + 1].key)
        {
            // Money for each of something: `41,000 zlotys per participant`, `$680 per adult`.
            unit = "\(currentUnit) per \(singular(end + 1))"
            end += 2
        }

        // What is left is a year or a bare designator, not a figure.
        if parsed.isYearLike && !currencyBefore && !parsed.scaled {
            let keeps =
                unit.map { unitName in
                    nounPhrase == nil || Lexicon.units[tokens[nounPhrase!.upperBound - 1].key] != nil
                        || unitName == "percent"
                } ?? false
            if !keeps {
                return QuantityCandidate(
                    first: index, end: end, value: nil, unit: nil, qualifier: "exact", countsThings: false)
            }
        }
        if unit == nil, !parsed.scaled, !parsed.isWord, index - 1 >= floor, index - 1 > sentence.firstToken,
            tokens[index - 1].kind == .word, tokens[index - 1].isCapitalized, first == index,
            Lexicon.qualifiers.match(in: tokens, endingAt: index - 1, floor: floor) == nil
        {
            return QuantityCandidate(
                first: index, end: end, value: nil, unit: nil, qualifier: "exact", countsThings: false)
        }
        // A bare count: `the number of Russian tourists ... was only 880`.
        if unit == nil, !parsed.isFraction, let (phrase, _, normalised) = numberOfNoun(before: index, floor: floor) {
            unit = normalised
            nounPhrase = phrase
            countsThings = true
        }

        // A body of people counted: `its crew of 24`, `a workforce of 6,900`.
        if unit == nil, !parsed.isFraction, first == index, isWord(index - 1, Lexicon.of), index - 2 >= floor,
            tokens[index - 2].kind == .word, Self.bodiesOfPeople.contains(tokens[index - 2].key)
        {
            unit = "person"
            nounPhrase = index - 2..<index - 1
            countsThings = true
        }
        // A part of a counted whole: `25 of 30 drones`, `12 of the 15 members`, `five of the nine members`,
        // `1,800 of the group's 11,000 employees`.
        if unit == nil, !parsed.isFraction, isWord(end, Lexicon.of) {
            var whole = end + 1
            if whole < limit, tokens[whole].kind == .word, Self.determiners.contains(tokens[whole].key) { whole += 1 }
            if whole + 2 < limit, tokens[whole].kind == .word, isSymbol(whole + 1, "'") || isSymbol(whole + 1, "’"),
                joined(whole + 1), text.token(whole + 2, spells: "s"), joined(whole + 2)
            {
                whole += 3
            }
            if whole < limit, tokens[whole].kind != .symbol,
                let other = number(at: whole, limit: limit, currency: false), !other.isFraction, other.unit == nil,
                !other.needsNoun,
                let (phrase, _, normalised) = countedNoun(after: other.end, limit: limit, value: parsed.value)
            {
                unit = normalised
                nounPhrase = phrase
                countsThings = true
            }
        }
        // Qualifier before: `about`, `more than`, `as many as`; or after: `or so`.
        var qualifier = "exact"
        if let (word, start) = Lexicon.qualifiers.match(in: tokens, endingAt: first - 1, floor: floor) {
            qualifier = word
            first = start
        } else if isWord(end, Lexicon.or), isWord(end + 1, Lexicon.so) {
            qualifier = "about"
            end += 2
        }
        // A rate named before the figure: `a total annual trade volume of about 6 to 7.6 billion dollars`.
        if let current = unit, !current.contains(" per "), !countsThings, current != "percent", current != "ratio",
            !Lexicon.timeUnits.contains(current), let period = ratePeriod(before: first, floor: floor)
        {
            unit = "\(current) per \(period)"
        }
        return QuantityCandidate(
            first: first, end: end, value: value, low: low, high: high, unit: unit, qualifier: qualifier,
            nounPhrase: nounPhrase, countsThings: countsThings)
    }

    /// `annual … of <figure>`: the period of a rate named by an adjective in the noun phrase the figure completes.
    private func ratePeriod(before first: Int, floor: Int) -> String? {
        guard isWord(first - 1, Lexicon.of) else { return nil }
        var position = first - 2
        while position >= floor, first - position <= 6, tokens[position].kind == .word {
            if let period = Lexicon.rateAdjectives[tokens[position].key] { return period }
            if Lexicon.stopWords.contains(tokens[position].key) { break }
            position -= 1
        }
        return nil
    }

    /// The scale a parsed number carries (1 when none), recovered from its scale words.
    private func scaleOf(_ parsed: ParsedNumber, at index: Int) -> Double {
        var scale = 1.0
        var position = index + 1
        if tokens[index].kind == .number, position < parsed.end, joined(position),
            let attached = Lexicon.attachedScales[tokens[position].key]
        {
            scale *= attached
            position += 1
        }
        while position < parsed.end {
            if let word = Lexicon.scales[tokens[position].key] { scale *= word }
            position += 1
        }
        return scale
    }

    /// The noun phrase counted by a number: up to four words before a stop word or punctuation, whose head is the
    /// first known unit noun, or else the last lower-case plural noun. Returns the phrase, its head token and the
    /// normalised unit.
    private func countedNoun(after start: Int, limit: Int, value: Double) -> (Range<Int>, Int, String)? {
        var position = start
        // `10-year`, `three-party`: a compound adjective made with the number.
        if isSymbol(position, "-"), joined(position), position + 1 < limit, joined(position + 1),
            tokens[position + 1].kind == .word
        {
            position += 1
            let key = tokens[position].key
            if let known = Lexicon.units[key] { return (position..<position + 1, position, known) }
            guard tokens[position].isLowercase, text.length(position) >= 3 else { return nil }
            return (position..<position + 1, position, singular(position))
        }
        guard position < limit, tokens[position].hasSpaceBefore || position == start else { return nil }
        var words: [Int] = []
        // Parts of hyphenated modifiers (`one-way`), which do not count towards the length of the phrase.
        var joinedParts = 0
        var known: Int?
        while position < limit, words.count - joinedParts < 5 {
            let token = tokens[position]
            // `cable and pipeline incidents`: modifiers joined by `and` or `or`.
            let joinsModifiers =
                !words.isEmpty && (token.key == Lexicon.and || token.key == Lexicon.or) && position + 1 < limit
                && tokens[position + 1].kind == .word && tokens[position + 1].isLowercase
                && Lexicon.cardinals[tokens[position + 1].key] == nil
                && !isPlainNoun(words[words.count - 1], singularAllowed: false)
            guard token.kind == .word,
                !Lexicon.stopWords.contains(token.key) || Lexicon.units[token.key] != nil || joinsModifiers
            else { break }
            if Lexicon.units[token.key] != nil {
                // The head is the last noun: `rocket systems` counts systems, `artillery shells` shells.
                known = position
                let after = position + 1
                // `displaced people`: a second noun of the same unit is the head too.
                let sameUnit = after < limit && Lexicon.units[tokens[after].key] == Lexicon.units[token.key]
                if after < limit, tokens[after].hasSpaceBefore,
                    isPlainNoun(after, singularAllowed: false) || sameUnit,
                    !Lexicon.stopWords.contains(tokens[after].key)
                {
                    let head = Lexicon.units[tokens[after].key] ?? singular(after)
                    return (start..<after + 1, after, head)
                }
                return (start..<position + 1, position, Lexicon.units[token.key]!)
            }
            if token.isCapitalized, isDemonymPlural(position) {
                return (start..<position + 1, position, "person")
            }
            words.append(position)
            position += 1
            // Hyphenated modifiers: `short-range`, `North Korea-focused`, `first-person-view`.
            while isSymbol(position, "-"), joined(position), position + 1 < limit, joined(position + 1),
                tokens[position + 1].kind == .word
            {
                position += 2
                words.append(position - 1)
                joinedParts += 1
            }
            // `four telecommunications cables linking Finland`, `250 rail cars staged at`: a plural noun followed by
            // a verb form or a name ends the phrase.
            if let last = words.last, isPlainNoun(last, singularAllowed: false), position < limit,
                tokens[position].kind == .word, tokens[position].isCapitalized || isVerbForm(position)
            {
                break
            }
        }
        _ = known
        // No known unit: the last plain lower-case plural noun (or any noun after `a single`/`one`).
        guard let head = words.last(where: { isPlainNoun($0, singularAllowed: value == 1) }) else { return nil }
        if head != words.last, words.count > 2 { return nil }
        if words.count > 4, head != words.last { return nil }
        // `asylum-seekers`: a known noun after a hyphen keeps its unit.
        return (start..<head + 1, head, Lexicon.units[tokens[head].key] ?? singular(head))
    }

    /// A lower-case participle or gerund: `staged`, `linking`.
    private func isVerbForm(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.isLowercase, text.length(index) > 4 else { return false }
        let s = text.scalars
        let last = s[token.end - 1]
        let beforeLast = s[token.end - 2]
        return last == 0x64 && beforeLast == 0x65 || last == 0x67 && beforeLast == 0x6E && s[token.end - 3] == 0x69
    }

    /// `Russians`, `Koreans`, `Ukrainians`: people named by nationality.
    private func isDemonymPlural(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.end - token.start >= 6 else { return false }
        let s = text.scalars
        return s[token.end - 3] == 0x61 && s[token.end - 2] == 0x6E && s[token.end - 1] == 0x73  // -ans
    }

    private func isPlainNoun(_ index: Int, singularAllowed: Bool) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.isLowercase, text.length(index) >= 3 else { return false }
        let s = text.scalars
        let last = s[token.end - 1]
        let beforeLast = s[token.end - 2]
        // Adverbs, gerunds, past participles and comparatives are not counted nouns.
        if last == 0x79 && beforeLast == 0x6C { return false }  // -ly
        if text.length(index) > 4, last == 0x67, beforeLast == 0x6E, s[token.end - 3] == 0x69 { return false }  // -ing
        if last == 0x64, beforeLast == 0x65 { return false }  // -ed
        if singularAllowed { return true }
        return last == 0x73 && beforeLast != 0x73  // plural -s, not -ss
    }

    /// A simple singular of a lower-case plural noun, used as a unit name: `ports` → `port`, `sectors` → `sector`.
    private func singular(_ index: Int) -> String {
        var word = text.string(tokens[index].start, tokens[index].end).lowercased()
        if word.hasSuffix("ies"), word.count > 4 {
            word = String(word.dropLast(3)) + "y"
        } else if word.hasSuffix("sses") || word.hasSuffix("shes") || word.hasSuffix("ches") || word.hasSuffix("xes") {
            word = String(word.dropLast(2))
        } else if word.hasSuffix("uses"), word.count >= 5, let before = word.dropLast(4).last, !"aeiou".contains(before)
        {
            word = String(word.dropLast(2))  // `buses`, `bonuses`; not `houses`
        } else if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 {
            word = String(word.dropLast())
        }
        return word
    }

    /// `the number of <noun phrase>` earlier in the sentence, for a bare number.
    private func numberOfNoun(before index: Int, floor: Int) -> (Range<Int>, Int, String)? {
        var position = index - 1
        while position > floor {
            if isWord(position, Lexicon.of), isWord(position - 1, Lexicon.number) {
                let start = position + 1
                var end = start
                while end < index, end - start < 4, tokens[end].kind == .word,
                    !Lexicon.stopWords.contains(tokens[end].key)
                {
                    end += 1
                }
                guard end > start else { return nil }
                let head = end - 1
                let unit = Lexicon.units[tokens[head].key] ?? singular(head)
                return (start..<end, head, unit)
            }
            position -= 1
        }
        return nil
    }
}

/// Exact powers of ten up to 10^22, the largest a `Double` holds exactly.
private let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
}

@inline(__always)
private func pow10(_ exponent: Int) -> Double {
    if exponent < powersOfTen.count { return powersOfTen[exponent] }
    var value = powersOfTen[22]
    for _ in 22..<exponent { value *= 10 }
    return value
}
