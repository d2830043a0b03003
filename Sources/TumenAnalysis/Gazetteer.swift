import Foundation
import TumenProtocol

/// A curated list of known entities — countries, organisations, people, places — and the aliases they go by.
///
/// The bundled list lives in `Resources/gazetteer.json`; users extend it without recompiling by writing a file of the
/// same format and merging it over the bundled one (`Gazetteer.bundled.merging(try Gazetteer.load(contentsOf: url))`).
///
/// ## File format
/// ```json
/// {
///   "entities": [
///     { "id": "country:kp", "name": "North Korea", "kind": "country",
///       "aliases": ["DPRK", "Democratic People's Republic of Korea", "Pyongyang", "the North"] }
///   ]
/// }
/// ```
/// - `id`: a stable canonical id, `<kind>:<slug>`; the key for merging.
/// - `name`: the canonical name, reported on every mention; it is matched as an alias too.
/// - `kind`: `country`, `organisation`, `person` or `place`.
/// - `aliases`: other ways of writing it, capitals included.
///
/// ## Matching
/// - An alias written without lower-case letters (an acronym: `NIS`, `US`, `POE`) matches only as written.
/// - Otherwise the alias's capitals must be capitals in the text, and its lower-case letters may be either case:
///   `North Korea` matches `NORTH KOREA` but not `north korea`; `the North` matches `The North` but not
///   `the north`. `'` and `’` are the same letter.
/// - Matches start and end at word boundaries; a possessive (`Russia's`) is a boundary.
/// - An alias starting with lower-case `the` (`the North`) does not match when a capitalised word follows it
///   (`the North Korean`, `the North Atlantic`).
/// - Where aliases overlap, the longest wins; mentions never overlap.
/// - Merging: an entry whose `id` is already known replaces its `name` and `kind` and adds its aliases; new ids
///   are appended. When two entries claim the same alias, the later one wins.
public struct Gazetteer: Sendable, Equatable {
    /// One known entity.
    public struct Entry: Codable, Sendable, Equatable, AliasedEntry {
        public var id: String
        public var name: String
        public var kind: String
        public var aliases: [String]

        public init(id: String, name: String, kind: String, aliases: [String] = []) {
            self.id = id
            self.name = name
            self.kind = kind
            self.aliases = aliases
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            name = try container.decode(String.self, forKey: .name)
            kind = try container.decode(String.self, forKey: .kind)
            aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        }
    }

    private struct File: Codable {
        var entities: [Entry]
    }

    public private(set) var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = mergeEntries(entries, into: [])
    }

    /// The gazetteer shipped with Tumen (`Resources/gazetteer.json`).
    public static let bundled: Gazetteer =
        loadBundled("gazetteer") { try load(contentsOf: $0) } ?? Gazetteer(entries: [])

    /// Reads a gazetteer file (see the type's documentation for the format).
    public static func load(contentsOf url: URL) throws(AnalysisResourceError) -> Gazetteer {
        let file: File = try decodeResource(File.self, at: url)
        for entry in file.entities where entry.id.isEmpty || entry.name.isEmpty {
            throw AnalysisResourceError(
                code: .malformed, url: url,
                message: "an entity has an empty id or name (\(entry.id.isEmpty ? entry.name : entry.id))")
        }
        return Gazetteer(entries: file.entities)
    }

    /// This gazetteer with `other`'s entries merged over it.
    public func merging(_ other: Gazetteer) -> Gazetteer {
        var result = self
        result.entries = mergeEntries(other.entries, into: entries)
        return result
    }
}

/// A gazetteer compiled for matching: aliases grouped by the key of their first token, longest first.
struct EntityMatcher: Sendable {
    private struct Alias: Sendable {
        let scalars: [UInt32]
        let entry: Int
        let isAcronym: Bool
        let isDescriptive: Bool
    }

    private let entries: [Gazetteer.Entry]
    private var byFirstKey: [UInt64: [Alias]] = [:]

    init(_ gazetteer: Gazetteer) {
        entries = gazetteer.entries
        var seen: [String: Int] = [:]
        var aliases: [(String, Int)] = []
        for (index, entry) in entries.enumerated() {
            for alias in [entry.name] + entry.aliases {
                let trimmed = alias.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                if let previous = seen[trimmed] {
                    aliases[previous].1 = index
                } else {
                    seen[trimmed] = aliases.count
                    aliases.append((trimmed, index))
                }
            }
        }
        for (text, entry) in aliases {
            let scalars = text.unicodeScalars.map(\.value)
            var key = WordKey()
            var position = 0
            if Scalars.isLetter(scalars[0]) {
                while position < scalars.count, Scalars.isLetter(scalars[position]) {
                    key.add(scalars[position])
                    position += 1
                }
            } else if Scalars.isDigit(scalars[0]) {
                while position < scalars.count,
                    Scalars.isDigit(scalars[position])
                        || ((scalars[position] == 0x2C || scalars[position] == 0x2E) && position + 1 < scalars.count
                            && Scalars.isDigit(scalars[position + 1]))
                {
                    key.add(scalars[position])
                    position += 1
                }
            } else {
                continue
            }
            let isAcronym = !scalars.contains(where: Scalars.isLower)
            let isDescriptive = text.hasPrefix("the ")
            byFirstKey[key.value, default: []].append(
                Alias(scalars: scalars, entry: entry, isAcronym: isAcronym, isDescriptive: isDescriptive))
        }
        for key in byFirstKey.keys { byFirstKey[key]!.sort { $0.scalars.count > $1.scalars.count } }
    }

    /// All mentions in the text, in order, without overlaps. Also returns, for each mention, the index of its first
    /// token and one past its last.
    func mentions(in text: ScannedText) -> [(mention: EntityMention, firstToken: Int, endToken: Int)] {
        let tokens = text.tokens
        let s = text.scalars
        var result: [(mention: EntityMention, firstToken: Int, endToken: Int)] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind != .symbol, let candidates = byFirstKey[token.key],
                token.start == 0 || !Scalars.isLetter(s[token.start - 1]) && !Scalars.isDigit(s[token.start - 1])
            else {
                index += 1
                continue
            }
            var matched: (alias: Alias, end: Int)?
            for alias in candidates {
                if let end = match(alias, in: s, at: token.start) {
                    matched = (alias, end)
                    break
                }
            }
            guard let (alias, end) = matched else {
                index += 1
                continue
            }
            var last = index
            while last + 1 < tokens.count, tokens[last + 1].start < end { last += 1 }
            let entry = entries[alias.entry]
            result.append(
                (
                    EntityMention(
                        entityId: entry.id, name: entry.name, kind: entry.kind, text: text.string(token.start, end),
                        span: TextSpan(start: token.start, end: end)),
                    index, last + 1
                ))
            index = last + 1
        }
        return result
    }

    private func match(_ alias: Alias, in s: [UInt32], at start: Int) -> Int? {
        let a = alias.scalars
        guard start + a.count <= s.count else { return nil }
        for offset in 0..<a.count {
            let want = a[offset]
            let have = s[start + offset]
            if want == have { continue }
            if (want == 0x27 || want == 0x2019) && (have == 0x27 || have == 0x2019) { continue }
            if alias.isAcronym { return nil }
            // Lower-case letters of the alias may be capitals in the text; not the other way round.
            if want < 0x80, Scalars.isLower(want), have == want - 0x20 { continue }
            if want >= 0x80, Scalars.isLower(want), let w = Unicode.Scalar(want), let h = Unicode.Scalar(have),
                w.properties.uppercaseMapping == String(h)
            {
                continue
            }
            return nil
        }
        let end = start + a.count
        if end < s.count {
            let next = s[end]
            if Scalars.isLetter(next) || Scalars.isDigit(next) {
                // `U.S.` already ends on a period: a following letter is a new word only after a space.
                return nil
            }
        }
        if alias.isDescriptive {
            var position = end
            while position < s.count, s[position] == 0x20 { position += 1 }
            if position > end, position < s.count, Scalars.isUpper(s[position]) { return nil }
        }
        return end
    }
}
