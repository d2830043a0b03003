/// Character classes and word keys over Unicode scalars.
///
/// The analysis never iterates `Character`s: a document is decoded once into an array of scalars, whose indices are
/// exactly the scalar offsets the output contract asks for.
enum Scalars {
    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool { v &- 0x30 < 10 }

    @inline(__always)
    static func isASCIILetter(_ v: UInt32) -> Bool { (v | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return v &- 0x41 < 26 }
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    @inline(__always)
    static func isLower(_ v: UInt32) -> Bool {
        if v < 0x80 { return v &- 0x61 < 26 }
        return Unicode.Scalar(v)?.properties.isLowercase ?? false
    }

    /// A letter of any script (Latin, Hangul, Cyrillic, …).
    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return isASCIILetter(v) }
        if v == 0xA0 || (v >= 0x2000 && v <= 0x206F) || v == 0x3000 || v == 0xFEFF { return false }
        return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    @inline(__always)
    static func isNewline(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v == 0x20 || v == 0x09 { return true }
        if v < 0x80 { return isNewline(v) }
        return v == 0xA0 || v == 0x85 || v == 0x1680 || (v >= 0x2000 && v <= 0x200B) || v == 0x2028
            || v == 0x2029 || v == 0x202F || v == 0x205F || v == 0x3000 || v == 0xFEFF
    }

    /// ASCII lower-casing; other scripts are keyed as written, and typographic apostrophes fold to `'`.
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        if v &- 0x41 < 26 { return v | 0x20 }
        if v == 0x2019 || v == 0x2018 { return 0x27 }
        return v
    }
}

/// FNV-1a over case-folded scalars: the allocation-free key under which words are looked up in the lexicons.
struct WordKey {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var value: UInt64 = WordKey.seed

    @inline(__always)
    mutating func add(_ scalar: UInt32) {
        value = (value ^ UInt64(Scalars.fold(scalar))) &* 0x0000_0100_0000_01b3
    }

    static func of(_ word: Substring) -> UInt64 {
        var key = WordKey()
        for scalar in word.unicodeScalars { key.add(scalar.value) }
        return key.value
    }

    static func of(_ word: String) -> UInt64 { of(word[...]) }
}

/// One word, number or symbol of a document, located by scalar offsets.
struct Token {
    enum Kind: UInt8 {
        /// A run of letters of any script.
        case word
        /// A run of ASCII digits, with inner `,` or `.` separators followed by a digit.
        case number
        /// Any other single scalar that is not white space.
        case symbol
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// White space separates this token from the previous one.
        static let spaceBefore = Flags(rawValue: 1 << 0)
        /// A line break separates this token from the previous one.
        static let lineBefore = Flags(rawValue: 1 << 1)
        /// At least one empty line separates this token from the previous one.
        static let blankLineBefore = Flags(rawValue: 1 << 2)
        /// The token starts with an upper-case letter.
        static let capitalized = Flags(rawValue: 1 << 3)
        /// The token starts with a lower-case letter.
        static let lowercase = Flags(rawValue: 1 << 4)
        /// Part of an address, e-mail or file path: never a figure.
        static let opaque = Flags(rawValue: 1 << 5)
    }

    var kind: Kind
    var flags: Flags
    var start: Int
    var end: Int
    /// The folded word key for words and numbers; the scalar value for symbols.
    var key: UInt64

    @inline(__always) var isWord: Bool { kind == .word }
    @inline(__always) var isNumber: Bool { kind == .number }
    @inline(__always) func isSymbol(_ scalar: Unicode.Scalar) -> Bool {
        kind == .symbol && key == UInt64(scalar.value)
    }
    @inline(__always) var hasSpaceBefore: Bool { flags.contains(.spaceBefore) }
    @inline(__always) var isCapitalized: Bool { flags.contains(.capitalized) }
    @inline(__always) var isLowercase: Bool { flags.contains(.lowercase) }
}

/// A document decoded once into scalars and tokens.
struct ScannedText {
    let scalars: [UInt32]
    let tokens: [Token]

    init(_ text: String) {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(scalar.value) }
        self.scalars = scalars
        self.tokens = Self.tokenize(scalars)
    }

    /// The text of a scalar range, as a new string.
    func string(_ start: Int, _ end: Int) -> String {
        var result = String.UnicodeScalarView()
        for index in max(0, start)..<min(end, scalars.count) {
            if let scalar = Unicode.Scalar(scalars[index]) { result.append(scalar) }
        }
        return String(result)
    }

    /// The text from the start of token `first` to the end of token `last`.
    func string(tokens first: Int, _ last: Int) -> String { string(tokens[first].start, tokens[last].end) }

    /// Whether the token spells `word` exactly, letter case included.
    func token(_ index: Int, spells word: String) -> Bool {
        let token = tokens[index]
        var position = token.start
        for scalar in word.unicodeScalars {
            guard position < token.end, scalars[position] == scalar.value else { return false }
            position += 1
        }
        return position == token.end
    }

    /// The number of scalars in a token.
    func length(_ index: Int) -> Int { tokens[index].end - tokens[index].start }

    private static func tokenize(_ s: [UInt32]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(s.count / 4)
        var index = 0
        let count = s.count
        var pendingFlags: Token.Flags = []
        var newlines = 0
        // The token index where the current white-space-delimited chunk began, and whether the chunk looks like an
        // address (`://`, `@`, `www.`): all its tokens are then marked opaque.
        var chunkStart = 0
        var chunkIsOpaque = false

        func closeChunk() {
            if chunkIsOpaque {
                for t in chunkStart..<tokens.count { tokens[t].flags.insert(.opaque) }
            }
            chunkStart = tokens.count
            chunkIsOpaque = false
        }

        while index < count {
            let v = s[index]
            if Scalars.isSpace(v) {
                if !tokens.isEmpty || index > 0 { pendingFlags.insert(.spaceBefore) }
                if v == 0x0D, index + 1 < count, s[index + 1] == 0x0A {
                    index += 1
                }
                if Scalars.isNewline(v) {
                    newlines += 1
                    pendingFlags.insert(.lineBefore)
                    if newlines >= 2 { pendingFlags.insert(.blankLineBefore) }
                }
                index += 1
                closeChunk()
                continue
            }
            let start = index
            var kind: Token.Kind
            var key = WordKey()
            var flags = pendingFlags
            if Scalars.isDigit(v) {
                kind = .number
                while index < count {
                    let c = s[index]
                    if Scalars.isDigit(c) {
                        key.add(c)
                        index += 1
                    } else if (c == 0x2C || c == 0x2E), index + 1 < count, Scalars.isDigit(s[index + 1]) {
                        key.add(c)
                        index += 1
                    } else {
                        break
                    }
                }
            } else if Scalars.isLetter(v) {
                kind = .word
                if Scalars.isUpper(v) {
                    flags.insert(.capitalized)
                } else if Scalars.isLower(v) {
                    flags.insert(.lowercase)
                }
                while index < count {
                    let c = s[index]
                    guard Scalars.isLetter(c) || (c >= 0x300 && c <= 0x36F) else { break }
                    key.add(c)
                    index += 1
                }
            } else {
                kind = .symbol
                index += 1
                if v == 0x40 { chunkIsOpaque = true }
                if v == 0x3A, index + 1 < count, s[index] == 0x2F, s[index + 1] == 0x2F { chunkIsOpaque = true }
                tokens.append(Token(kind: kind, flags: flags, start: start, end: index, key: UInt64(v)))
                pendingFlags = []
                newlines = 0
                continue
            }
            if kind == .word, key.value == Lexicon.www, index < count, s[index] == 0x2E { chunkIsOpaque = true }
            tokens.append(Token(kind: kind, flags: flags, start: start, end: index, key: key.value))
            pendingFlags = []
            newlines = 0
        }
        closeChunk()
        return tokens
    }
}
