import Foundation

/// A gazetteer or topic lexicon file that could not be used.
public struct AnalysisResourceError: Error, CustomStringConvertible, Sendable {
    /// What went wrong; new codes may be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case unreadable, malformed
        }
        private let value: Value

        /// The file could not be read.
        public static let unreadable = Code(value: .unreadable)
        /// The file is not valid JSON of the expected shape.
        public static let malformed = Code(value: .malformed)

        public var description: String {
            switch value {
            case .unreadable: "unreadable"
            case .malformed: "malformed"
            }
        }
    }

    public var code: Code
    /// The file in question.
    public var url: URL
    /// What is wrong with it and what to do.
    public var message: String

    public init(code: Code, url: URL, message: String) {
        self.code = code
        self.url = url
        self.message = message
    }

    public var description: String { "\(url.path): \(code): \(message)" }
}

/// Decodes a JSON resource file, turning every failure into an `AnalysisResourceError` that names the file.
func decodeResource<T: Decodable>(_ type: T.Type, at url: URL) throws(AnalysisResourceError) -> T {
    let data: Data
    do {
        data = try Data(contentsOf: url)
    } catch {
        throw AnalysisResourceError(
            code: .unreadable, url: url, message: "cannot read the file (\(error.localizedDescription))")
    }
    do {
        return try JSONDecoder().decode(T.self, from: data)
    } catch let DecodingError.dataCorrupted(context) {
        throw AnalysisResourceError(
            code: .malformed, url: url, message: "not valid JSON: \(context.debugDescription)")
    } catch let DecodingError.keyNotFound(key, context) {
        throw AnalysisResourceError(
            code: .malformed, url: url,
            message: "missing field '\(key.stringValue)' at \(pathDescription(context.codingPath))")
    } catch let DecodingError.typeMismatch(_, context) {
        throw AnalysisResourceError(
            code: .malformed, url: url,
            message: "wrong type at \(pathDescription(context.codingPath)): \(context.debugDescription)")
    } catch {
        throw AnalysisResourceError(code: .malformed, url: url, message: "\(error)")
    }
}

private func pathDescription(_ path: [any CodingKey]) -> String {
    path.isEmpty ? "the top level" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
}

/// Loads one of the JSON files bundled with the module; a missing or broken bundled file is a build defect.
func loadBundled<T>(_ name: String, _ load: (URL) throws -> T) -> T? {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
        assertionFailure("the bundled resource \(name).json is missing from TumenAnalysis")
        return nil
    }
    do {
        return try load(url)
    } catch {
        assertionFailure("the bundled resource \(name).json cannot be used: \(error)")
        return nil
    }
}

/// An entry of an editable data file (gazetteer, source registry) that has an id and aliases.
protocol AliasedEntry {
    var id: String { get }
    var aliases: [String] { get set }
}

/// Merges a user's entries over the bundled ones: an entry with a known id replaces it but keeps the known aliases
/// (its own are added after them); a new id is appended.
func mergeEntries<Entry: AliasedEntry>(_ new: [Entry], into existing: [Entry]) -> [Entry] {
    var result = existing
    var position: [String: Int] = [:]
    for (index, entry) in result.enumerated() { position[entry.id] = index }
    for entry in new {
        if let index = position[entry.id] {
            var merged = entry
            merged.aliases = result[index].aliases
            for alias in entry.aliases where !merged.aliases.contains(alias) { merged.aliases.append(alias) }
            result[index] = merged
        } else {
            position[entry.id] = result.count
            result.append(entry)
        }
    }
    return result
}
