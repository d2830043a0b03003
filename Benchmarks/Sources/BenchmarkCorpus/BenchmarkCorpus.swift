import Foundation
import TumenIngest
import TumenProtocol

/// The documents a benchmark analyses: the shared corpus when it is there, a synthetic English text otherwise.
public struct BenchmarkCorpus: Sendable {
    /// The documents, normalised by ``DocumentIntake`` exactly as `tumen analyze` does.
    public var documents: [Document]
    /// Whitespace-separated tokens in all the documents.
    public var wordCount: Int
    /// Where the documents came from, for the benchmark's first line of output.
    public var origin: String
    /// Whether these are the shared corpus's files (false: the synthetic stand-in).
    public var isShared: Bool

    /// The shared corpus (`corpus/seeds/*.txt` and `corpus/timeline/*.txt`), or a synthetic text of about the same
    /// size, with a message on standard error, when the shared directory is absent.
    ///
    /// The shared directory is `$TUMEN_SHARED` when set, else `shared/` beside the repository (`../shared` from
    /// the repository root, where both the developers' checkouts and CI's clones have it).
    public static func load() -> BenchmarkCorpus {
        let shared = sharedDirectory()
        let files = ["corpus/seeds", "corpus/timeline"].flatMap { textFiles(in: shared.appendingPathComponent($0)) }
        if !files.isEmpty, let documents = try? files.map(document(at:)) {
            return BenchmarkCorpus(
                documents: documents, wordCount: documents.map(\.text).map(words).reduce(0, +),
                origin: "\(documents.count) files of \(shared.path)/corpus/{seeds,timeline}", isShared: true)
        }
        FileHandle.standardError.write(
            Data(
                ("tumen benchmarks: the shared corpus is not at \(shared.path)/corpus (set TUMEN_SHARED); "
                    + "measuring a synthetic English text of the same size instead\n").utf8))
        let documents = (0..<4).map { synthetic(index: $0, sentences: 260) }
        return BenchmarkCorpus(
            documents: documents, wordCount: documents.map(\.text).map(words).reduce(0, +),
            origin: "synthetic text (\(documents.count) documents)", isShared: false)
    }

    /// Whitespace-separated tokens in a text.
    private static func words(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    private static func sharedDirectory() -> URL {
        if let path = ProcessInfo.processInfo.environment["TUMEN_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        // This file is Benchmarks/Sources/BenchmarkCorpus/BenchmarkCorpus.swift: four levels below the repository.
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { repository.deleteLastPathComponent() }
        return repository.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
    }

    private static func textFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Reads a file as `tumen analyze` does: its bytes through ``DocumentIntake``, no document date given.
    private static func document(at url: URL) throws -> Document {
        let data = try Data(contentsOf: url)
        let submit = DocumentSubmit(
            name: url.lastPathComponent, contentBase64: data.base64EncodedString(), documentDate: nil)
        return try DocumentIntake(configuration: .init(maxDocumentBytes: .max))
            .document(from: submit, now: Date(timeIntervalSince1970: 0))
    }

    /// A reproducible news-style text with the kinds of phrases the analyser looks for: figures with units and
    /// sources, dates, named actors, estimative language.
    private static func synthetic(index: Int, sentences: Int) -> Document {
        let subjects = [
            "North Korea", "Russia", "The NIS", "South Korea's Defense Ministry", "Pyongyang", "Moscow", "Kim Jong Un",
        ]
        let verbs = ["shipped", "sent", "supplied", "delivered", "transferred", "exported"]
        let objects = [
            "artillery shells", "containers", "tonnes of food", "ballistic missiles", "troops", "barrels of oil",
        ]
        let sources = ["according to Yonhap", "the NIS said", "officials estimated", "a UN report found"]
        let hedges = ["It is likely that", "Analysts judge it very unlikely that", "It is almost certain that", ""]
        let months = ["January", "March", "June", "September", "November"]
        var generator = SplitMix64(seed: UInt64(index + 1))
        var lines = ["Synthetic report \(index + 1)", "", "Published 2024-10-\(10 + index).", ""]
        for sentence in 0..<sentences {
            func pick(_ items: [String]) -> String { items[Int(generator.next() % UInt64(items.count))] }
            let amount = 1 + generator.next() % 9_000
            let year = 2015 + generator.next() % 10
            var text =
                "\(pick(hedges)) \(pick(subjects)) \(pick(verbs)) about \(amount) \(pick(objects)) to "
                + "\(pick(subjects)) in \(pick(months)) \(year), \(pick(sources)), up from \(amount / 3) a year earlier."
            text = text.trimmingCharacters(in: .whitespaces)
            if let first = text.first, first.isLowercase { text = first.uppercased() + text.dropFirst() }
            lines.append(text)
            if sentence % 6 == 5 { lines.append("") }
        }
        let text = lines.joined(separator: "\n")
        let hash = String(format: "%064x", index + 1)
        return Document(
            id: Document.id(forContentHash: hash), name: "synthetic-\(index + 1).txt", contentHash: hash, text: text,
            mediaType: "text/plain", title: lines[0], documentDate: "2024-10-\(10 + index)",
            provenance: Provenance(origin: "synthetic"))
    }
}

/// A small, fast, seeded random number generator, so the synthetic text is the same on every run.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
