import Foundation
import Testing
import TumenAnalysis
import TumenProtocol

@Suite("Entities")
struct EntityTests {
    private func names(_ text: String) -> [String] { analyze(text).entities.map(\.name) }

    @Test("Aliases map to their canonical entity")
    func aliases() {
        #expect(names("DPRK and Pyongyang and the North") == ["North Korea", "North Korea", "North Korea"])
        #expect(names("Moscow, the Kremlin and Russia's leaders") == ["Russia", "Russia", "Russia"])
        #expect(names("Seoul and the ROK") == ["South Korea", "South Korea"])
        #expect(names("The NIS briefed KIDA and the POE.") == ["NIS", "KIDA", "UN Panel of Experts"])
    }

    @Test("The longest alias wins and mentions never overlap")
    func longestWins() {
        let result = analyze("The UN Security Council met the UN Panel of Experts.")
        #expect(result.entities.map(\.name) == ["UN Security Council", "UN Panel of Experts"])
        #expect(result.entities.map(\.text) == ["UN Security Council", "UN Panel of Experts"])
    }

    @Test("Acronyms are case-sensitive and matches respect word boundaries")
    func boundaries() {
        #expect(names("us and USD and Russian and Russians") == [])
        #expect(names("the north of the country") == [])
        #expect(names("the North Korean side") == [])
        #expect(names("North Korea-Russia ties, NORTH KOREA") == ["North Korea", "Russia", "North Korea"])
    }

    @Test("Fixed descriptions name their body; bare descriptions name nothing")
    func descriptions() {
        #expect(names("the EU statistics office said") == ["Eurostat"])
        #expect(names("the European Union's statistics office said") == ["Eurostat"])
        #expect(names("South Korea's spy agency said") == ["NIS"])
        #expect(names("Seoul’s spy agency said") == ["NIS"])
        #expect(names("the U.N. refugee agency and the UN nuclear watchdog") == ["UNHCR", "IAEA"])
        #expect(names("the UN's humanitarian office") == ["OCHA"])
        #expect(names("the EU's executive arm proposed") == ["European Commission"])
        #expect(
            names("Brazil's central bank, the Turkish central bank and Japan's Central Bank")
                == ["Central Bank of Brazil", "Central Bank of the Republic of Türkiye", "Bank of Japan"])
        #expect(names("Germany's federal statistics office") == ["Destatis"])
        #expect(names("Japan's finance ministry") == ["Ministry of Finance (Japan)"])
        #expect(names("China's customs administration") == ["General Administration of Customs"])
        #expect(names("Russia's Federal Security Service") == ["FSB"])
        #expect(names("Israel's military said") == ["Israel Defense Forces"])
        #expect(names("Japan's top government spokesman said") == ["Japan"])
        #expect(names("the central bank said") == [])
        #expect(names("The spy agency said") == [])
        #expect(names("the ministry, the regulator, the agency and the watchdog said") == [])
    }

    @Test("Spans count Unicode scalars, also after non-ASCII text")
    func scalarOffsets() throws {
        let text = "정승호 사진 — «Россия» é\u{301} then Russia sent 20,000 containers"
        let result = analyze(text)
        let russia = try #require(result.entities.first { $0.name == "Russia" })
        #expect(slice(text, russia.span) == "Russia")
        let containers = try #require(result.quantities.first)
        #expect(slice(text, containers.span) == "20,000 containers")
        #expect(slice(text, containers.sentence) == containers.sentenceText)
    }

    @Test("A user gazetteer merges over the bundled one")
    func userGazetteer() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(
            #"""
            {"entities": [
              {"id": "org:kinu", "name": "KINU", "kind": "organisation", "aliases": ["Unification Institute"]},
              {"id": "org:acme", "name": "Acme Analytics", "kind": "organisation", "aliases": ["Acme"]}
            ]}
            """#.utf8
        ).write(to: url)
        let gazetteer = Gazetteer.bundled.merging(try Gazetteer.load(contentsOf: url))
        let result = Analyzer(gazetteer: gazetteer).analyze(
            makeDocument("Acme and the Unification Institute and Russia"))
        #expect(result.entities.map(\.name) == ["Acme Analytics", "KINU", "Russia"])
    }

    @Test("A malformed gazetteer file is reported with its path")
    func malformedGazetteer() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-\(UUID()).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(#"{"entities": [{"id": "x"}]}"#.utf8).write(to: url)
        let error = try #require(throws: AnalysisResourceError.self) { try Gazetteer.load(contentsOf: url) }
        #expect(error.code == .malformed)
        #expect(error.description.contains(url.lastPathComponent))
    }

    @Test("Topics come from the lexicon, most prominent first")
    func topics() {
        let text = """
            Sanctions on trade and exports and markets. The economy and prices. Missiles were fired.
            """
        #expect(analyze(text).topics.first == "economic")
        #expect(analyze("Nothing to see here.").topics == [])
    }
}
