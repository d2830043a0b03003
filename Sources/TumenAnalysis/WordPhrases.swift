/// Phrases of words and symbols mapped to values, found by the longest match at a token.
///
/// A phrase is written as in text (`hard to expect`, `non-zero`, `can't`): split at spaces and around every symbol,
/// the way the tokenizer splits a document. Words match without regard to case, `’` matches `'`. Lookup is by the
/// key of the first token, and phrases sharing it are tried longest first, so matching one position costs a few
/// key comparisons and allocates nothing.
struct WordPhrases<Value: Sendable>: Sendable {
    private struct Phrase: Sendable {
        let keys: [UInt64]
        let value: Value
    }

    private var byFirstKey: [UInt64: [Phrase]] = [:]

    init(_ entries: [(String, Value)]) {
        for (text, value) in entries {
            let keys = Self.keys(of: text)
            guard let first = keys.first else { continue }
            byFirstKey[first, default: []].append(Phrase(keys: keys, value: value))
        }
        for key in byFirstKey.keys { byFirstKey[key]!.sort { $0.keys.count > $1.keys.count } }
    }

    var isEmpty: Bool { byFirstKey.isEmpty }

    /// The key a token is compared under: the word key, or the folded scalar of a symbol.
    @inline(__always)
    static func key(of token: Token) -> UInt64 {
        token.kind == .symbol ? UInt64(Scalars.fold(UInt32(truncatingIfNeeded: token.key))) : token.key
    }

    /// The token keys of a phrase as written.
    static func keys(of text: String) -> [UInt64] {
        var keys: [UInt64] = []
        var word = WordKey()
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if Scalars.isLetter(v) || Scalars.isDigit(v) {
                word.add(v)
                inWord = true
                continue
            }
            if inWord { keys.append(word.value) }
            word = WordKey()
            inWord = false
            if !Scalars.isSpace(v) { keys.append(UInt64(Scalars.fold(v))) }
        }
        if inWord { keys.append(word.value) }
        return keys
    }

    /// The longest phrase starting at token `index` and ending before `limit`, and the index just past it.
    func match(_ tokens: [Token], at index: Int, limit: Int) -> (value: Value, end: Int)? {
        guard index < limit, let phrases = byFirstKey[Self.key(of: tokens[index])] else { return nil }
        for phrase in phrases where index + phrase.keys.count <= limit {
            var offset = 1
            while offset < phrase.keys.count, Self.key(of: tokens[index + offset]) == phrase.keys[offset] {
                offset += 1
            }
            if offset == phrase.keys.count { return (phrase.value, index + offset) }
        }
        return nil
    }
}
