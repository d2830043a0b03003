/// A sentence as a range of tokens and of scalars.
struct Sentence {
    /// Index of the first and one past the last token.
    var firstToken: Int
    var endToken: Int
    var start: Int
    var end: Int
}

/// Splits tokens into sentences.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets) followed by white space and
/// something that can start a sentence, except after abbreviations (`Dr.`, `No. 5`, `e.g.`, initials such as
/// `J. Smith`); decimals never split because `9.4` is one token. A line break ends a sentence too (headings, bullets,
/// list items), unless the next line carries on in lower case; an empty line always does. Very long runs without
/// punctuation are cut every `maximumTokens` tokens so that no sentence grows without bound.
struct SentenceSplitter {
    static let maximumTokens = 400

    /// Abbreviations that do not end a sentence when followed by a period.
    private static let abbreviations = Lexicon.keys([
        "mr", "mrs", "ms", "dr", "prof", "st", "vs", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "sen",
        "rep", "gov", "pres", "amb", "rev", "hon", "fig", "figs", "ext", "vol", "pp", "approx", "est", "cf", "al",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "dept",
        "univ", "assn", "tel", "ed", "eds", "op", "cit", "ibid", "viz",
    ])
    /// Abbreviations that do not end a sentence when a number follows (`No. 5`, `p. 12`, `Rs. 500`, `Rp. 16`).
    private static let numberAbbreviations = Lexicon.keys(["no", "nos", "p", "art", "sec", "para", "ch", "rs", "rp"])
    /// Words that begin a new sentence after an acronym such as `U.S.`.
    private static let sentenceStarters = Lexicon.keys([
        "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "but", "and", "in",
        "on", "at", "as", "if", "when", "while", "after", "before", "since", "however", "meanwhile", "moreover",
        "a", "an", "there", "his", "her", "their", "our", "yet", "so", "for", "according", "still", "also",
    ])

    static func split(_ text: ScannedText) -> [Sentence] {
        let tokens = text.tokens
        var sentences: [Sentence] = []
        var first = 0
        var index = 0
        let count = tokens.count

        func close(_ last: Int) {
            guard last >= first else { return }
            var start = first
            // Leading bullets and list dashes belong to the layout, not to the sentence.
            while start <= last, tokens[start].kind == .symbol, isBullet(tokens[start].key),
                start + 1 > last || tokens[start + 1].hasSpaceBefore
            {
                start += 1
            }
            if start <= last {
                sentences.append(
                    Sentence(firstToken: start, endToken: last + 1, start: tokens[start].start, end: tokens[last].end))
            }
            first = last + 1
        }

        while index < count {
            let token = tokens[index]
            var last = index
            var splits = false
            if token.kind == .symbol, isTerminal(token.key) {
                // Take closing quotes and brackets along: `... end."`
                while last + 1 < count, tokens[last + 1].kind == .symbol, !tokens[last + 1].hasSpaceBefore,
                    isCloser(tokens[last + 1].key) || isTerminal(tokens[last + 1].key)
                {
                    last += 1
                }
                let next = last + 1
                if next >= count {
                    splits = true
                } else if tokens[next].hasSpaceBefore && startsSentence(tokens[next]) {
                    splits = token.key != 0x2E || !isAbbreviation(text, period: index, next: next)
                    // `1. Background`: a list number opening a line.
                    if token.key == 0x2E, index > 0, index - 1 == first, tokens[index - 1].kind == .number,
                        !token.hasSpaceBefore, text.length(index - 1) <= 3
                    {
                        splits = false
                    }
                }
                if tokens[next < count ? next : last].flags.contains(.lineBefore) { splits = true }
            } else if last + 1 < count, tokens[last + 1].flags.contains(.lineBefore) {
                let next = tokens[last + 1]
                splits = next.flags.contains(.blankLineBefore) || !(next.kind == .word && next.isLowercase)
            } else if last + 1 - first >= maximumTokens {
                splits = true
            }
            if splits { close(last) }
            index = last + 1
        }
        close(count - 1)
        return sentences
    }

    @inline(__always)
    private static func isTerminal(_ key: UInt64) -> Bool {
        key == 0x2E || key == 0x21 || key == 0x3F || key == 0x2026
    }

    @inline(__always)
    private static func isCloser(_ key: UInt64) -> Bool {
        key == 0x22 || key == 0x27 || key == 0x29 || key == 0x5D || key == 0x201D || key == 0x2019 || key == 0xBB
    }

    @inline(__always)
    private static func isBullet(_ key: UInt64) -> Bool {
        key == 0x2022 || key == 0x25A0 || key == 0x25AA || key == 0x25CF || key == 0x25E6 || key == 0x2023
            || key == 0xB7 || key == 0x2A || key == 0x2D || key == 0x2013 || key == 0x2014 || key == 0x3E
    }

    private static func startsSentence(_ token: Token) -> Bool {
        switch token.kind {
        case .number: return true
        case .word: return !token.isLowercase
        case .symbol:
            let k = token.key
            return k == 0x22 || k == 0x27 || k == 0x28 || k == 0x5B || k == 0x201C || k == 0x2018 || k == 0xAB
                || isBullet(k) || k == 0x24 || k >= 0x80
        }
    }

    /// Whether the period at `period` closes an abbreviation rather than the sentence.
    private static func isAbbreviation(_ text: ScannedText, period: Int, next: Int) -> Bool {
        let tokens = text.tokens
        guard period > 0 else { return false }
        let word = tokens[period - 1]
        guard word.kind == .word, !tokens[period].hasSpaceBefore else { return false }
        if abbreviations.contains(word.key) { return true }
        if numberAbbreviations.contains(word.key), tokens[next].kind == .number { return true }
        if text.length(period - 1) == 1 {
            // `U.S.`, `e.g.`, `i.e.`: letters joined by periods.
            let isDotted = period >= 2 && tokens[period - 2].isSymbol(".") && !word.hasSpaceBefore
            if isDotted {
                if word.isLowercase { return true }
                return
                    !(tokens[next].kind == .word && sentenceStarters.contains(tokens[next].key)
                    && tokens[next].isCapitalized)
            }
            // An initial: `J. Smith`.
            return word.isCapitalized
        }
        return false
    }
}
