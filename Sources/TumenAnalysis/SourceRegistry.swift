import Foundation

/// Who may assert a claim, how far they are trusted, and which sources are not independent of each other.
///
/// The bundled registry lives in `Resources/sources.json`; users change grades or add sources without recompiling by
/// writing a file of the same format and merging it over the bundled one
/// (`SourceRegistry.bundled.merging(try SourceRegistry.load(contentsOf: url))`).
///
/// ## File format
/// ```json
/// {
///   "sources": [
///     { "id": "nis", "name": "NIS", "kind": "government agency", "reliability": "B",
///       "aliases": ["National Intelligence Service"], "note": "why this grade" },
///     { "id": "yury-ushakov", "name": "Yury Ushakov", "kind": "official", "reliability": "D",
///       "origin": "russian-government" }
///   ]
/// }
/// ```
/// - `id`: a stable key; the key for merging.
/// - `name`: the name the analyser reports (the gazetteer's canonical name when the source is also an entity); it
///   is looked up like an alias.
/// - `kind`: `government agency`, `government`, `official`, `state media`, `news outlet`, `think tank`,
///   `international organisation`, `research organisation`, …
/// - `reliability`: NATO Admiralty grade of the source, `A` (completely reliable) … `F` (cannot be judged).
/// - `origin`: the independence group, when the source speaks for or relays another (a presidential aide and the
///   Kremlin, a state news agency and its government). Two claims whose sources share an ``Entry/originKey`` are one
///   source, not two. Absent: the source is its own group.
/// - `aliases`: other names; compared without letter case, `’` read as `'`, a leading `the` ignored.
///
/// ## Merging
/// An entry whose `id` is already known replaces the known entry's name, kind, reliability, origin and note, and
/// adds its aliases; new ids are appended. When two entries claim the same name or alias, the later one wins — so a
/// user file always overrides the bundled grades.
public struct SourceRegistry: Sendable, Equatable {
    /// One source.
    public struct Entry: Codable, Sendable, Equatable, AliasedEntry {
        public var id: String
        public var name: String
        public var kind: String
        /// `A` … `F`.
        public var reliability: String
        /// The id of the independence group this source belongs to, when it is not its own.
        public var origin: String?
        public var aliases: [String]
        /// Why the grade, for the humans who maintain the file.
        public var note: String?

        /// The independence group: sources with the same key count as one source when claims are corroborated.
        public var originKey: String { origin ?? id }

        public init(
            id: String, name: String, kind: String, reliability: String, origin: String? = nil,
            aliases: [String] = [], note: String? = nil
        ) {
            self.id = id
            self.name = name
            self.kind = kind
            self.reliability = reliability
            self.origin = origin
            self.aliases = aliases
            self.note = note
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            name = try container.decode(String.self, forKey: .name)
            kind = try container.decode(String.self, forKey: .kind)
            reliability = try container.decode(String.self, forKey: .reliability)
            origin = try container.decodeIfPresent(String.self, forKey: .origin)
            aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
            note = try container.decodeIfPresent(String.self, forKey: .note)
        }
    }

    private struct File: Codable {
        var sources: [Entry]
    }

    /// The grade of a source the registry does not know: `F`, reliability cannot be judged.
    public static let unknownReliability = "F"

    public private(set) var entries: [Entry]
    /// Folded names and aliases → index into `entries`.
    private var byName: [String: Int]

    public init(entries: [Entry]) {
        self.entries = mergeEntries(entries, into: [])
        byName = Self.index(self.entries)
    }

    /// The registry shipped with Tumen (`Resources/sources.json`).
    public static let bundled: SourceRegistry =
        loadBundled("sources") { try load(contentsOf: $0) } ?? SourceRegistry(entries: [])

    /// Reads a registry file (see the type's documentation for the format).
    public static func load(contentsOf url: URL) throws(AnalysisResourceError) -> SourceRegistry {
        let file: File = try decodeResource(File.self, at: url)
        for entry in file.sources {
            if entry.id.isEmpty || entry.name.isEmpty {
                throw AnalysisResourceError(
                    code: .malformed, url: url,
                    message: "a source has an empty id or name (\(entry.id.isEmpty ? entry.name : entry.id))")
            }
            guard ["A", "B", "C", "D", "E", "F"].contains(entry.reliability) else {
                throw AnalysisResourceError(
                    code: .malformed, url: url,
                    message: "source '\(entry.id)' has reliability '\(entry.reliability)'; use one of A, B, C, D, E, F")
            }
        }
        return SourceRegistry(entries: file.sources)
    }

    /// This registry with `other`'s entries merged over it; `other` wins.
    public func merging(_ other: SourceRegistry) -> SourceRegistry {
        SourceRegistry(entries: mergeEntries(other.entries, into: entries))
    }

    /// The source known by this name or alias, if any.
    public func entry(for name: String) -> Entry? {
        byName[Self.fold(name)].map { entries[$0] }
    }

    /// The grade of the source named `name`, or ``unknownReliability``.
    public func reliability(for name: String) -> String {
        entry(for: name)?.reliability ?? Self.unknownReliability
    }

    private static func index(_ entries: [Entry]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            for name in entry.aliases { result[fold(name)] = index }
        }
        // Canonical names win over aliases of other entries.
        for (index, entry) in entries.enumerated() { result[fold(entry.name)] = index }
        return result
    }

    /// Lower case, `’` as `'`, single spaces, without a leading `the`.
    static func fold(_ name: String) -> String {
        var words = name.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            .split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
