import Testing
import TumenAnalysis
import TumenProtocol

/// The exchange ledger: who gives what to whom, on short invented sentences.
@Suite("Exchange ledger")
struct FlowTests {
    private func flows(_ text: String) -> [Flow] { analyze(text).flows }
    private func ledger(_ text: String) -> [String] { flows(text).map { "\($0.from) → \($0.to): \($0.category)" } }

    @Test("A provided X to B, in both directions")
    func activeGiving() {
        #expect(ledger("Iran supplied drones to Russia.") == ["Iran → Russia: weapons"])
        #expect(ledger("Moscow sent 50,000 tons of wheat to Pyongyang.") == ["Russia → North Korea: food"])
        #expect(ledger("North Korea dispatched troops to Russia.") == ["North Korea → Russia: troops"])
    }

    @Test("A list of goods gives one flow per item, each with its quantity")
    func lists() throws {
        let text = """
            Russia provided North Korea with about 1 million barrels of oil, a small number of air defense systems, \
            200 million dollars annually in exchange for troop dispatch, and up to 500,000 tons of rice.
            """
        let found = flows(text)
        #expect(
            found.map { "\($0.from) → \($0.to): \($0.category)" } == [
                "Russia → North Korea: oil", "Russia → North Korea: weapons", "Russia → North Korea: money",
                "North Korea → Russia: troops", "Russia → North Korea: food",
            ])
        let oil = try #require(found.first)
        #expect(oil.what == "oil")
        #expect(oil.quantity == "about 1 million barrels")
        #expect(slice(text, oil.span) == "oil")
        #expect(found[1].what == "air defense systems")
        #expect(found[1].quantity == "a small number")
        #expect(found.last?.what == "rice")
        #expect(found[2].what == "money")
        #expect(found[2].quantity == "200 million dollars annually")
    }

    @Test("Passive and receiving forms find the giver after from, or in a demonym")
    func passiveAndReceiving() {
        #expect(
            ledger("More than 300 containers were shipped from Iran's Bandar Abbas port to Russia.")
                == ["Iran → Russia: goods"])
        #expect(ledger("Some 2,000 North Korean workers were sent to Russia.") == ["North Korea → Russia: workers"])
        #expect(ledger("Belarus received fuel from Russia in 2023.") == ["Russia → Belarus: oil"])
        #expect(flows("Belarus received fuel from Russia in 2023.").first?.period == "2023")
    }

    @Test("Possessive support and a veto are flows too")
    func supportAndVeto() {
        #expect(ledger("China's economic support for North Korea grew.") == ["China → North Korea: money"])
        #expect(
            ledger("Sanctions on North Korea stalled. Russia vetoed the resolution.")
                == ["Russia → North Korea: diplomatic"])
    }

    @Test("Negated, hypothetical and intended exchanges are not in the ledger")
    func irrealis() {
        #expect(flows("Russia did not provide missiles to Iran.").isEmpty)
        #expect(flows("Russia could supply fighter jets to Iran.").isEmpty)
        #expect(flows("If China sends troops to Russia, the war will widen.").isEmpty)
        #expect(flows("Iran provided analysis to Russia.").isEmpty)
    }

    @Test("The source is who says so")
    func source() {
        #expect(flows("According to the NIS, North Korea sent shells to Russia.").first?.source == "NIS")
    }

    @Test("Odd input: no sentences, mixed scripts, a megabyte line — no crash, no hang")
    func oddInput() {
        #expect(flows("").isEmpty)
        #expect(flows("Россия отправила нефть в 북한. 러시아는 석유를 보냈다.").isEmpty)
        let line = String(repeating: "Russia sent oil, rice and shells to North Korea and ", count: 20_000)
        #expect(flows(line).count > 100)
    }
}
