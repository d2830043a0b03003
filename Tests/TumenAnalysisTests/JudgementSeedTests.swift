import Foundation
import Testing
import TumenAnalysis
import TumenProtocol

/// Estimates and flows on the two seed documents in `../shared` (read in place at test time, never copied).
@Suite("Seeds: estimates and exchange ledger")
struct JudgementSeedTests {
    private func loadSeeds() throws -> [AnalysisResult]? {
        guard let directory = sharedDirectory()?.appendingPathComponent("corpus/seeds") else {
            print("skipped: ../shared/corpus/seeds is absent (checkout without the shared material)")
            return nil
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return Analyzer().analyze(makeDocument(text, name: name))
        }
    }

    @Test("The seeds' key judgements are unlikely, with the right sentences")
    func estimates() throws {
        guard let seeds = try loadSeeds() else { return }
        let estimates = seeds.flatMap(\.estimates)
        #expect(
            estimates.contains {
                $0.band == "unlikely" && $0.sentenceText.contains("unlikely to deepen significantly")
            })
        #expect(
            estimates.contains { $0.band == "unlikely" && $0.sentenceText.contains("overtly violate UN sanctions") })
    }

    @Test("The seeds' ledger has oil and rice to North Korea, troops or shells to Russia")
    func ledger() throws {
        guard let seeds = try loadSeeds() else { return }
        let flows = seeds.flatMap(\.flows)
        func has(_ from: String, _ to: String, _ category: String) -> Bool {
            flows.contains { $0.from == from && $0.to == to && $0.category == category }
        }
        #expect(has("Russia", "North Korea", "oil"))
        #expect(has("Russia", "North Korea", "food"))
        #expect(
            has("North Korea", "Russia", "troops") || has("North Korea", "Russia", "munitions"),
            "\(flows.map { "\($0.from) → \($0.to): \($0.what)" })")
    }
}
