import Foundation
import Testing
import TumenAnalysis
import TumenProtocol

/// The two seed documents and the analysts' gold figures in `../shared` (read in place, never copied).
@Suite("Seeds")
struct SeedTests {
    private static let seeds = sharedDirectory()?.appendingPathComponent("corpus/seeds")
    private static let gold = sharedDirectory()?.appendingPathComponent("gold/seeds_quantities.jsonl")

    private func loadSeeds() throws -> [(name: String, text: String, result: AnalysisResult)]? {
        guard let directory = Self.seeds else {
            print("skipped: ../shared/corpus/seeds is absent (checkout without the shared material)")
            return nil
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return (name, text, Analyzer().analyze(makeDocument(text, name: name)))
        }
    }

    @Test("The seeds yield the key figures, each with its exact sentence")
    func keyFigures() throws {
        guard let seeds = try loadSeeds() else { return }
        let all = seeds.flatMap { seed in seed.result.quantities.map { (seed.text, $0) } }

        func find(_ text: String, file: String = #fileID, line: Int = #line) -> (String, Quantity)? {
            let found = all.first { $0.1.text.hasPrefix(text) }
            #expect(
                found != nil, "no figure \(text)",
                sourceLocation: SourceLocation(
                    fileID: file, filePath: #filePath, line: line, column: 1))
            return found
        }
        func expectSentence(_ found: (String, Quantity)?, startsWith prefix: String, endsWith suffix: String) {
            guard let (document, quantity) = found else { return }
            // The seeds use no-break spaces in places; compare with plain spaces.
            let sentence = quantity.sentenceText.replacingOccurrences(of: "\u{A0}", with: " ")
            #expect(sentence.hasPrefix(prefix), "\(quantity.text): \(sentence)")
            #expect(sentence.hasSuffix(suffix), "\(quantity.text): \(sentence)")
            #expect(slice(document, quantity.sentence) == quantity.sentenceText)
            #expect(slice(document, quantity.span) == quantity.text)
        }

        let casualties = find("over 4,700")
        #expect(casualties?.1.value == 4700)
        #expect(casualties?.1.unit == "person")
        #expect(casualties?.1.qualifier == "over")
        #expect(casualties?.1.source?.contains("NIS") == true)
        expectSentence(
            casualties, startsWith: "According to South Korea's National Intelligence Service (NIS)",
            endsWith: "in the war in Ukraine (Yonhap 04/30/2025).")

        let containers = find("more than 20,000 containers")
        #expect(containers?.1.value == 20_000)
        #expect(containers?.1.unit == "container")
        expectSentence(
            containers, startsWith: "South Korea's Defense Ministry further estimated",
            endsWith: "as many as 9.4 million rounds (Yonhap 10/23/2024).")

        let rounds = find("as many as 9.4 million rounds")
        #expect(rounds?.1.value == 9_400_000)
        #expect(rounds?.1.qualifier == "up to")
        #expect(rounds?.1.unit == "shell")

        let workers = find("around 15,000")
        #expect(workers?.1.value == 15_000)
        #expect(workers?.1.unit == "person")
        #expect(workers?.1.source == "NIS")
        expectSentence(
            workers, startsWith: "The NIS estimated that around 15,000",
            endsWith: "had been sent to Russia.")

        let trade = find("USD 34.4 million")
        #expect(trade?.1.value == 34_400_000)
        #expect(trade?.1.unit == "USD")
        #expect(trade?.1.source?.contains("Yury Ushakov") == true)
        expectSentence(trade, startsWith: "Nevertheless, Yury Ushakov", endsWith: "(RFA 06/18/2024).")

        let provided = find("about 13.6 trillion")
        #expect(provided?.1.value == 1.36e13)
        #expect(provided?.1.unit == "KRW")
        expectSentence(
            provided, startsWith: "The military support North Korea provided to Russia in 2023",
            endsWith: "in market value.")

        let received = find("about 1.65 trillion won")
        #expect(received?.1.value == 1.65e12)
        #expect(received?.1.unit == "KRW")
        expectSentence(
            received, startsWith: "However, the compensation received from Russia",
            endsWith: "which is one-tenth of that level.")

        let share = find("only 1.5%")
        #expect(share?.1.value == 1.5)
        #expect(share?.1.unit == "percent")
        expectSentence(
            share, startsWith: "Since the Russo-Ukraine War began", endsWith: "total trade is only 1.5%.")

        let entities = Set(seeds.flatMap { $0.result.entities.map(\.name) })
        for name in ["North Korea", "Russia", "NIS"] { #expect(entities.contains(name), "\(name)") }
    }

    @Test("Span and value precision and recall against the gold core items")
    func goldScore() throws {
        guard let seeds = try loadSeeds(), let goldURL = Self.gold else { return }
        let score = try GoldScore(seeds: seeds.map { ($0.name, $0.result) }, goldURL: goldURL)
        print(score.report)
        #expect(score.recall >= 0.9)
        #expect(score.precision >= 0.9)
    }
}

/// Span-and-value agreement with `seeds_quantities.jsonl`: a gold core item is found when a figure's span overlaps it
/// and its value (or range) is equal. Figures that match only `aux` items count neither way.
struct GoldScore {
    struct Item {
        var doc: String
        var text: String
        var start: Int
        var end: Int
        var values: [Double]
        var isCore: Bool
    }

    var recall: Double
    var precision: Double
    var report: String

    init(seeds: [(name: String, result: AnalysisResult)], goldURL: URL) throws {
        var items: [Item] = []
        for line in try String(contentsOf: goldURL, encoding: .utf8).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                continue
            }
            let values: [Double]
            if let list = object["value"] as? [Double] {
                values = list
            } else if let number = object["value"] as? Double {
                values = [number]
            } else {
                continue
            }
            items.append(
                Item(
                    doc: object["doc"] as? String ?? "", text: object["text"] as? String ?? "",
                    start: object["start"] as? Int ?? 0, end: object["end"] as? Int ?? 0, values: values,
                    isCore: object["tier"] as? String == "core"))
        }
        func equal(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }
        func matches(_ quantity: Quantity, _ item: Item, in doc: String) -> Bool {
            guard item.doc == doc, quantity.span.start < item.end, item.start < quantity.span.end else { return false }
            if item.values.count == 2 {
                guard let low = quantity.low, let high = quantity.high else { return false }
                return equal(low, item.values[0]) && equal(high, item.values[1])
            }
            guard let value = quantity.value else { return false }
            return equal(value, item.values[0])
        }
        var found = 0
        var missed: [String] = []
        var truePositives = 0
        var counted = 0
        var extra: [String] = []
        let core = items.filter(\.isCore)
        for item in core {
            let result = seeds.first { $0.name == item.doc }?.result
            if result?.quantities.contains(where: { matches($0, item, in: item.doc) }) == true {
                found += 1
            } else {
                missed.append("\(item.doc) \(item.start)-\(item.end) \(item.text) = \(item.values)")
            }
        }
        for (name, result) in seeds {
            for quantity in result.quantities {
                if core.contains(where: { matches(quantity, $0, in: name) }) {
                    truePositives += 1
                    counted += 1
                } else if items.contains(where: { !$0.isCore && matches(quantity, $0, in: name) }) {
                    continue
                } else {
                    counted += 1
                    let value = quantity.value.map { "\($0)" } ?? "\(quantity.low ?? 0)–\(quantity.high ?? 0)"
                    extra.append("\(name) \(quantity.span.start)-\(quantity.span.end) \(quantity.text) = \(value)")
                }
            }
        }
        recall = core.isEmpty ? 1 : Double(found) / Double(core.count)
        precision = counted == 0 ? 1 : Double(truePositives) / Double(counted)
        report = """
            gold core items: \(core.count), found: \(found), recall: \(String(format: "%.3f", recall))
            figures scored: \(counted), matching core: \(truePositives), precision: \(String(format: "%.3f", precision))
            missed:
            \(missed.map { "  " + $0 }.joined(separator: "\n"))
            not in gold:
            \(extra.map { "  " + $0 }.joined(separator: "\n"))
            """
    }
}
