import Foundation
import Testing
import TumenAnalysis
import TumenProtocol

/// Who asserts a figure: sentence patterns, chains, carry-over, authors.
@Suite("Sources of figures")
struct SourceAttributionTests {
    private func figure(_ text: String, _ prefix: String) -> Quantity? {
        figures(text).first { $0.text.hasPrefix(prefix) }
    }

    @Test("According to, said, estimated, passive by and told name the asserter")
    func sentencePatterns() {
        #expect(figure("According to Reuters, 300 vessels left the port.", "300")?.source == "Reuters")
        #expect(figure("The NIS estimated that 1,200 engineers were sent.", "1,200")?.source == "NIS")
        #expect(figure("Kyodo reported on Monday that 40 tankers were seen.", "40")?.source == "Kyodo")
        #expect(figure("The toll was estimated by KIDA at 900 soldiers.", "900")?.source == "KIDA")
        let told = figure("The NIS told the National Assembly that 2,000 soldiers had died.", "2,000")
        #expect(told?.sourceChain.prefix(2) == ["NIS", "National Assembly (South Korea)"])
    }

    @Test("An institution qualified by a name speaks for itself; an unqualified one names no source")
    func institutionSubjects() {
        #expect(
            figure("Ukraine's air force said on Tuesday it had shot down 25 of 30 drones.", "30")?.source
                == "Ukraine's air force")
        #expect(figure("Russian officials said 1,500 troops had arrived.", "1,500")?.source == "Russian officials")
        #expect(
            figure("The Russian defence ministry said 40 drones were downed.", "40")?.source
                == "Russian Ministry of Defence")
        #expect(figure("Officials said 1,500 troops had arrived.", "1,500")?.source == nil)
        #expect(
            figure("Turnout was 61.3%, up from 58 percent, the electoral commission said.", "61.3")?.source
                == "electoral commission")
        #expect(figure("The company said it would cut 1,500 jobs.", "1,500")?.source == nil)
    }

    @Test("A body or a person that an article and a description single out is the source")
    func describedSubjects() {
        #expect(figure("Between 40 and 60 workers were injured, police said.", "40")?.source == "police")
        #expect(
            figure("The state will spend 2 billion euros, the finance minister told parliament.", "2")?.source
                == "finance minister")
        #expect(
            figure("Some 1,200 troops were deployed, a defence ministry spokesperson said.", "Some")?.source
                == "defence ministry spokesperson")
        #expect(figure("Exports rose 12% in May, customs data showed.", "12")?.source == "customs data")
        #expect(
            figure("The storm killed at least 45 people, the country's disaster agency said.", "at least")?.source
                == "country's disaster agency")
        #expect(figure("The minister said 1,500 troops had arrived.", "1,500")?.source == nil)
        #expect(
            figure("Bloomberg opened an office in Seoul. The company said it would hire 1,500 people.", "1,500")?.source
                == "Bloomberg")
    }

    @Test("A rate or sum that a verb of change precedes measures the change of its subject")
    func changeMeasures() {
        #expect(figure("Russia's economy grew 3.6% in 2023.", "3.6")?.measure == "change in Russia's economy")
        #expect(figure("Brent crude fell by $1.20 on Friday.", "$1.20")?.measure == "change in Brent crude")
        #expect(figure("Inflation eased to 2.2 percent in March.", "2.2")?.measure == "Inflation")
        #expect(figure("The firm said revenue rose to $4.2bn.", "$4.2bn")?.measure == "revenue")
        #expect(
            figure("Core inflation, which excludes food, energy and tobacco, dipped to 2.6%.", "2.6")?.measure
                == "Core inflation")
        #expect(figure("FRANKFURT, March 4 - Output slowed to 2.3% in February.", "2.3")?.measure == "Output")
        #expect(figure("The convoy moved 30 km north.", "30")?.measure?.hasPrefix("change in") != true)
    }

    @Test("An organisation that raises, cuts or publishes its own forecast asserts it")
    func ownedForecasts() {
        #expect(
            figure("The International Monetary Fund raised its 2024 growth forecast to 3.2 percent.", "3.2")?.source
                == "International Monetary Fund")
        #expect(figure("Rosstat cut its estimate of the harvest to 130 million tonnes.", "130")?.source == "Rosstat")
        #expect(figure("Prices raised its costs by 5 percent.", "5")?.source == nil)
        #expect(
            figure("The central bank held its key rate at 16% on Friday.", "16")?.source == "central bank")
    }

    @Test("A report by X, X's report and data from X attribute the figures of that sentence")
    func documentPatterns() {
        #expect(figure("A report by RAND puts exports at $3 billion.", "$3")?.source == "RAND")
        #expect(figure("KIDA's latest report counts 70 launchers.", "70")?.source == "KIDA")
        #expect(figure("Data from Comtrade show imports of 5,000 tonnes.", "5,000")?.source == "UN Comtrade")
    }

    @Test("A bracketed citation relays the claim and an appositive does not hide the speaker")
    func citationsAndAppositives() {
        let quantity = figure(
            "Dmitry Peskov, the Kremlin spokesman, said 80 trains crossed the border (TASS 03/02/2024).", "80")
        #expect(quantity?.sourceChain == ["Dmitry Peskov", "TASS"])
        #expect(quantity?.reliability == "D")
        #expect(figure("Trade rose to $40 million (Yonhap 01/05/2024).", "$40")?.source == "Yonhap")
    }

    @Test("Citing puts the origin first, before the outlet that relays it")
    func citingReversesTheChain() {
        let quantity = figure("Yonhap said, citing the NIS, that 3,000 workers arrived.", "3,000")
        #expect(quantity?.sourceChain == ["NIS", "Yonhap"])
        #expect(quantity?.reliability == "B")
    }

    @Test("He resolves to the last person named in the paragraph, and only the quoted figure is his")
    func pronounsAndQuotes() {
        let text = """
            Sergei Lavrov spoke in Minsk on Friday. He said, "We sent 20 trains," but two weeks later none had come.
            """
        #expect(figure(text, "20 trains")?.source == "Sergei Lavrov")
        #expect(figure(text, "two weeks")?.source == nil)
    }

    @Test("Figures after a report is introduced inherit its author until the paragraph ends")
    func carryOverWithinParagraph() {
        let text = """
            A new study was published by the Stimson Center last month. The port handled 7,000 containers. \
            It is said that exports reached $2 billion.

            The port handled 9,000 containers in the following year.
            """
        #expect(figure(text, "7,000")?.source == "Stimson Center")
        #expect(figure(text, "$2 billion")?.source == "Stimson Center")
        #expect(figure(text, "9,000")?.source == "Stimson Center", "a document without an author goes on reporting")
        #expect(figure("By Jane Doe\n\n" + text, "9,000")?.source == "Jane Doe", "the author's own paragraph")
    }

    @Test("The author's own voice and a comparison with another source do not inherit the carried source")
    func carryOverStops() {
        let text = """
            A report by SIPRI estimates arms sales at $4 billion. Of course, that is about 3 percent of the total. \
            The figure is 40 percent above the estimate of the IISS. Exports were 800 tonnes.
            """
        #expect(figure(text, "$4")?.source == "SIPRI")
        #expect(figure(text, "about 3 percent")?.source == nil)
        #expect(figure(text, "40 percent")?.source == nil)
        #expect(figure(text, "800")?.source == nil, "the comparison ended the carry-over")
    }

    @Test("A speaker carries over only into reported speech")
    func speakerCarryOver() {
        let text = """
            The NIS said 500 soldiers were wounded. Another 200 are reported to have died. Prices rose 30 percent.
            """
        #expect(figure(text, "200")?.source == "NIS")
        #expect(figure(text, "30 percent")?.source == nil)
    }

    @Test("A body that commits its own money or goods asserts the commitment; an actor in the news does not")
    func commitments() {
        #expect(
            figure("The Netherlands pledged 300 million euros for drones on Wednesday.", "300")?.source
                == "Netherlands")
        #expect(
            figure("NATO on Monday approved up to 480 million euros in new funding.", "up to 480")?.source == "NATO")
        #expect(figure("Russia launched 341 drones at Ukraine overnight.", "341")?.source == nil)
        let company =
            "TOKYO -- Kitamori Semiconductor will invest about 1.3 trillion yen in a new plant. "
            + "It plans to hire 1,500 engineers by 2027, it said."
        #expect(figure(company, "1,500")?.source == "Kitamori Semiconductor")
    }

    @Test("A speaker named after the quotation, or before a bracketed acronym, is the source")
    func invertedAndBracketedSpeakers() {
        #expect(
            figure("\"Our backlog covers 40 months,\" said Chief Executive Officer Park Jae-won.", "40")?.source
                == "Park Jae-won")
        #expect(figure("Inflation eased to 2.3%, said Eurostat.", "2.3")?.source == "Eurostat")
        #expect(
            figure("The Maritime Safety Board (MSB) said the ship sank about 300 kilometers offshore.", "about")?.source
                == "Maritime Safety Board")
        #expect(
            figure("The British Retail Consortium (BRC), which represents shops, estimates costs of £7bn.", "£7bn")?
                .source == "British Retail Consortium")
        #expect(figure("Nine staff died, the UN's humanitarian office (OCHA) said.", "Nine")?.source == "OCHA")
    }

    @Test("A quotation that goes on into the next sentence keeps its speaker")
    func quotationsAcrossSentences() {
        let text = """
            Chief Financial Officer Kim Soo-jin added: "We generated ₩212 billion in the quarter. We will return \
            at least 25% of net income." Margins fell to 8%.
            """
        #expect(figure(text, "₩212")?.source == "Kim Soo-jin")
        #expect(figure(text, "at least 25%")?.source == "Kim Soo-jin")
        #expect(figure(text, "8%")?.source == nil)
    }

    @Test("Titles are not part of a name, and a surname alone is the person named in full before")
    func titlesAndSurnames() {
        let text = """
            Three witnesses testified, among them Rear Admiral Dana Whitfield and Dr. Marcus Lee.

            Rear Admiral Whitfield testified that yards deliver about 1.2 boats a year. He said the Navy had \
            invested $4.3 billion.
            """
        #expect(figure(text, "about 1.2")?.source == "Dana Whitfield")
        #expect(figure(text, "$4.3")?.source == "Dana Whitfield")
        #expect(
            figure("Separately, 3,000 troops arrived, according to Rep. Park Ji-hoon.", "3,000")?.source
                == "Park Ji-hoon")
    }

    @Test("A second speaker relays: closing the sentence, after according to, or saying what another found")
    func relaysInOneSentence() {
        #expect(
            figure("About 4,000 were wounded, the agency estimated, Park said.", "About")?.sourceChain.suffix(1)
                == ["Park"])
        #expect(
            figure("The NIS told lawmakers that 3,000 troops left, according to Rep. Park Ji-hoon.", "3,000")?
                .sourceChain.prefix(2) == ["NIS", "Park Ji-hoon"])
        #expect(
            figure("Dr. Lee said a report by GAO found that attrition averaged 18 percent.", "18")?.sourceChain
                .prefix(2) == ["GAO", "Lee"])
        #expect(
            figure("Exports rose 5%, the ministry said, according to customs data.", "5%")?.source == "customs data")
        #expect(
            figure("Interfax reported, citing a source in the Energy Ministry, that exports reached 190 bcm.", "190")?
                .sourceChain.prefix(2) == ["Energy Ministry", "Interfax"])
    }

    @Test("The agency, the Bank, the source: a definite description names the body named before")
    func definiteDescriptions() {
        let text = """
            The National Intelligence Service briefed lawmakers on Monday. North Korea earned $2 billion, \
            the agency said.
            """
        #expect(figure(text, "$2")?.source == "NIS")
        #expect(
            figure("The Bank of England met on Thursday. The Bank cut interest rates to 4.25%.", "4.25")?.source
                == "Bank of England")
        let relayed = """
            Exports will reach 190 bcm, Interfax reported, citing a source in the Energy Ministry. Last year they \
            grew 14%, the source said.
            """
        #expect(figure(relayed, "14%")?.source == "Energy Ministry")
        #expect(figure("The agency said 40 people died.", "40")?.source == nil)
    }

    @Test("Figures and data named for their body, and a survey by it, attribute their sentence")
    func namedFiguresAndSurveys() {
        #expect(
            figure("Unemployment held at 6.2%, separate Eurostat figures released on Tuesday showed.", "6.2")?.source
                == "Eurostat")
        #expect(figure("Spain's rate eased to 3.0% (INE data).", "3.0")?.source == "INE")
        #expect(
            figure("One in seven adults skipped meals, a survey of 6,000 people by the Food Foundation found.", "One")?
                .source == "Food Foundation")
        #expect(
            figure("Analysts at consultancy Cornwall Insight expect the cap to fall by roughly 7%.", "roughly")?.source
                == "Cornwall Insight")
    }

    @Test("A weekday or a month is never a source's name")
    func datesAreNotNames() {
        #expect(figure("Prices rose 0.9%, according to figures published on Friday.", "0.9")?.source != "Friday")
        #expect(figure("The European Union on Tuesday listed 120 vessels, it said.", "120")?.source != "Tuesday")
        #expect(figure("Prices fell to ¥1,800 (CNY 1,800) a kilogram.", "¥1,800")?.source == nil)
    }

    @Test("A modal verb asserts nothing")
    func modalsAssertNothing() {
        #expect(figure("Seoul can argue that trade reached $9 billion.", "$9")?.source == nil)
    }

    @Test("The byline author ends every chain and is the source when nobody else is named")
    func authorFromByline() {
        let text = """
            Trade Across the Tumen
            By Jane Mirova
            May 2, 2025

            According to Yonhap, 60 trucks crossed the bridge. Traffic then fell by 20 percent.
            """
        #expect(figure(text, "60")?.sourceChain == ["Yonhap", "Jane Mirova"])
        #expect(figure(text, "20 percent")?.sourceChain == ["Jane Mirova"])
        #expect(figure(text, "20 percent")?.reliability == "F")
    }

    @Test("An opening sentence naming an analyst, or a closing biography in capitals, gives the author")
    func authorFromOpeningOrBiography() {
        let opening =
            "Anna Berg, Senior Fellow at the Institute, analyzes what the war has cost so far in money. "
            + "Losses reached $12 billion."
        #expect(figure(opening, "$12")?.source == "Anna Berg")
        let closing =
            "Losses reached $12 billion in two years of fighting and more since then.\n\n"
            + "■ Tomas BERG is a Senior Fellow at the Institute."
        #expect(figure(closing, "$12")?.source == "Tomas Berg")
    }

    @Test("Without a person, the body that issues the document is its author: a From line, a wire, a press release")
    func issuingBodies() {
        let from =
            "Missile deal signed\nPublished 6 March 2025\n\nFrom: Ministry of Defence\n\nThe deal creates 700 jobs."
        #expect(figure(from, "700")?.source == "Ministry of Defence")
        let wire =
            "Missiles fired\n\nSEOUL, March 10 (Yonhap) -- North Korea fired two missiles into the sea on Monday, "
            + "the military said, a day after 300 troops moved north."
        #expect(figure(wire, "300")?.source == "Yonhap")
        let release =
            "Results\nSeoul, Oct. 24, 2024\n\nHanbit Precision Co., Ltd., a maker of satellites, today announced "
            + "results for the third quarter. Revenue rose 18.6% to 1.4 trillion won."
        #expect(figure(release, "18.6")?.source == "Hanbit Precision")
        let acronym =
            "WASHINGTON — The Department of the Treasury's Office of Foreign Assets Control (OFAC) today designated "
            + "14 entities in three countries."
        #expect(figure(acronym, "14")?.source == "OFAC")
    }

    @Test("A credit line or a name with its role under the title gives the author or the issuer")
    func creditsAndRoleLines() {
        let brief = """
            Choke Points
            Policy Brief | April 2024

            Dr. Nadia Ferreira, Senior Fellow, Centre for Economic Security Studies

            Supply fell to about 7 tonnes in the first quarter.
            """
        #expect(figure(brief, "about 7")?.source == "Nadia Ferreira")
        let chronology = """
            Chronology: attacks on shipping
            Updated 2024-04-30

            Compiled by the Maritime Security Desk. Entries are listed by date of occurrence, local time, as reported.

            2023-11-19 — Houthi forces seize a vehicle carrier and take its 25 crew members to Hodeidah.
            """
        #expect(figure(chronology, "25")?.source == "Maritime Security Desk")
    }

    @Test("In a transcript or an interview, the speaker of the turn relays every figure of it")
    func speakerTurns() {
        let call = """
            Q1 Earnings Call
            Tuesday 29 April 2025

            Operator: Welcome to the call. Our first speaker is the chief executive.

            Maria Teresa Lacson — President and Chief Executive Officer: We carried 4.6 million passengers.

            Ramon Velasco — Chief Financial Officer: Revenue rose 14% to ₱33.8 billion, Fitch estimated.
            """
        #expect(figure(call, "4.6")?.source == "Maria Teresa Lacson")
        #expect(figure(call, "14%")?.sourceChain.prefix(2) == ["Fitch", "Ramon Velasco"])
        let interview = """
            Q&A with Mexico's energy secretary
            June 3, 2025

            Interview by Daniel Ruiz. Energy Secretary Laura Esquivel spoke to us in Mexico City on Monday.

            Question: Output fell to 1.64 million barrels a day in April. Is the decline reversible?

            Answer: Yes. Production stabilised at around 1.7 million barrels per day in May.
            """
        #expect(figure(interview, "1.64")?.source == "Daniel Ruiz")
        #expect(figure(interview, "around 1.7")?.source == "Laura Esquivel")
        let panel = """
            Transcript: Chips and security
            3 September 2024

            Participants: Claire Dubois, moderator; Kenji Arakawa, former director at METI.

            CLAIRE DUBOIS: We have about 45 minutes.

            Q (Dubois): How much has Japan spent?

            A (Arakawa): Since 2021 the government has committed roughly ¥3.9 trillion.
            """
        #expect(figure(panel, "about 45")?.source == "Claire Dubois")
        #expect(figure(panel, "roughly")?.source == "Kenji Arakawa")
        let notes = "Report\nMay 2, 2025\n\nSource: customs data. Exports rose 4%.\n\nNote: Imports rose 2%."
        #expect(figure(notes, "4%")?.source == nil, "field labels are not speakers")
    }

    @Test("A clause names described bodies in their place: Chinese customs data cited by Bloomberg")
    func describedBodiesInClauses() {
        #expect(
            figure("Exports fell to 5.1 tonnes, according to Chinese customs data cited by Bloomberg.", "5.1")?
                .sourceChain.prefix(2) == ["Chinese customs data", "Bloomberg"])
    }

    @Test("Boards and their decisions: results released by a board, the board said, its decision, a fine")
    func boardsAndDecisions() {
        let vote = """
            The coalition won 43.1% of the vote, according to provisional results released by the provincial \
            electoral board. With 98.6% of stations counted, the coalition had 412,906 votes, the board said.
            """
        #expect(figure(vote, "43.1")?.source == "provincial electoral board")
        #expect(figure(vote, "412,906")?.source == "provincial electoral board")
        #expect(
            figure("The European Commission on Wednesday fined Halvora AG €412 million.", "€412")?.source
                == "European Commission")
        let decision = """
            The European Commission rejected the offer. Its decision found that a valve sold for 880 euros in Germany.
            """
        #expect(figure(decision, "880")?.source == "European Commission")
        #expect(
            figure(
                "\"The Baltic states pay a quarter more,\" commissioner Ingrid Valsgaard said. She said it earned a 15% cut.",
                "15%")?
                .source == "Ingrid Valsgaard", "`states` is a noun here")
    }

    @Test("A numbered footnote names the source of its reference-list entry")
    func numberedFootnotes() {
        let text = """
            China refines about 60% of the world's germanium [1]. Prices rose 45% [2].

            References
            [1] U.S. Geological Survey, Mineral Commodity Summaries 2024.
            [2] International Energy Agency, Outlook 2024.
            """
        #expect(figure(text, "about 60%")?.source == "U.S. Geological Survey")
        #expect(figure(text, "45%")?.source?.contains("Energy Agency") == true)
    }

    @Test("A headline with a colon and a reference-list publisher give origin and relay")
    func headlinesAndReferences() {
        let text = """
            South Korea's Defense Ministry said three ships had left.

            Yonhap News. 2024. "Ministry of Defense: 'About 5,000 Containers Shipped'." March 3.
            """
        let quantity = figure(text, "About 5,000")
        #expect(quantity?.sourceChain.prefix(2) == ["Ministry of National Defense (South Korea)", "Yonhap"])
    }
}

/// The editable source registry.
@Suite("Source registry")
struct SourceRegistryTests {
    private func write(_ json: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sources-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        return url
    }

    @Test("The bundled registry grades and groups known sources")
    func bundled() throws {
        let registry = SourceRegistry.bundled
        let nis = try #require(registry.entry(for: "National Intelligence Service"))
        #expect(nis.name == "NIS")
        #expect(nis.reliability == "B")
        #expect(registry.entry(for: "the kremlin")?.originKey == registry.entry(for: "Yury Ushakov")?.originKey)
        #expect(registry.entry(for: "TASS")?.originKey == "ru-government")
        #expect(registry.entry(for: "Yonhap")?.originKey == "yonhap")
        #expect(registry.reliability(for: "Nobody We Know") == "F")
    }

    @Test("A user file overrides grades and adds sources, and the analyser uses it")
    func mergeOverrides() throws {
        let url = try write(
            """
            {"sources": [
              {"id": "yonhap", "name": "Yonhap", "kind": "news outlet", "reliability": "A", "aliases": ["YNA"]},
              {"id": "kim-institute", "name": "Kim Institute", "kind": "think tank", "reliability": "C"}
            ]}
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let merged = SourceRegistry.bundled.merging(try SourceRegistry.load(contentsOf: url))
        #expect(merged.entry(for: "Yonhap News Agency")?.reliability == "A")
        #expect(merged.entry(for: "YNA")?.name == "Yonhap")
        #expect(merged.entry(for: "Kim Institute")?.reliability == "C")
        #expect(merged.entries.count == SourceRegistry.bundled.entries.count + 1)

        let analyzer = try AnalysisSetup(extraGazetteer: nil, extraSources: url.path).analyzer
        let result = analyzer.analyze(makeDocument("According to Yonhap, 70 ships docked."))
        #expect(result.quantities.first?.reliability == "A")
    }

    @Test("A malformed registry file is reported with its path and the fault")
    func malformed() throws {
        let broken = try write(#"{"sources": [{"id": "x", "name": "X", "kind": "outlet", "reliability": "Q"}]}"#)
        let notJSON = try write("{ nope")
        defer {
            try? FileManager.default.removeItem(at: broken)
            try? FileManager.default.removeItem(at: notJSON)
        }
        for url in [broken, notJSON] {
            do {
                _ = try SourceRegistry.load(contentsOf: url)
                Issue.record("\(url.lastPathComponent) loaded")
            } catch {
                #expect(error.code == .malformed)
                #expect(error.description.contains(url.path))
            }
        }
    }
}

/// The seeds against the analysts' gold: sources, units and qualifiers (span and value are in `SeedTests`).
@Suite("Seed quantities against gold")
struct SeedQuantityGoldTests {
    @Test("Units, qualifiers and sources of the seeds' core figures reach their targets")
    func thresholds() throws {
        guard let shared = sharedDirectory() else {
            print("skipped: ../shared is absent (checkout without the shared material)")
            return
        }
        let seeds = shared.appendingPathComponent("corpus/seeds")
        let gold = try String(contentsOf: shared.appendingPathComponent("gold/seeds_quantities.jsonl"), encoding: .utf8)
        var results: [String: AnalysisResult] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            results[name] = Analyzer().analyze(makeDocument(text, name: name))
        }
        var matched = 0
        var units = 0
        var sources = 0
        var qualifiers = 0
        var core = 0
        for line in gold.split(separator: "\n") {
            let item = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard item["tier"] as? String == "core", let doc = item["doc"] as? String,
                let start = item["start"] as? Int, let end = item["end"] as? Int
            else { continue }
            core += 1
            let values = (item["value"] as? [Double]) ?? [(item["value"] as? Double) ?? .nan]
            let hit = results[doc]?.quantities.first { quantity in
                guard quantity.span.start < end, start < quantity.span.end else { return false }
                if values.count == 2 { return quantity.low == values[0] && quantity.high == values[1] }
                return quantity.value.map { abs($0 - values[0]) <= 0.005 * abs(values[0]) } ?? false
            }
            guard let hit else { continue }
            matched += 1
            if GoldNames.sameUnit(hit.unit, item["unit"] as? String) { units += 1 }
            if GoldNames.sameQualifier(hit.qualifier, item["qualifier"] as? String) { qualifiers += 1 }
            if GoldNames.sameSource(hit.source, gold: item["source"] as? String) { sources += 1 }
        }
        print("core \(core), matched \(matched), unit \(units), qualifier \(qualifiers), source \(sources)")
        #expect(Double(matched) >= 0.95 * Double(core))
        #expect(Double(units) >= 0.95 * Double(matched))
        #expect(Double(qualifiers) >= 0.9 * Double(matched))
        #expect(Double(sources) >= 0.85 * Double(matched))
    }
}

/// The equivalences of `scripts/score_quantities.py`, in brief (the script documents them).
enum GoldNames {
    private static let unitGroups: [String: String] = [
        "persons": "person", "people": "person", "troops": "person", "workers": "person", "tourists": "person",
        "experts": "person", "rounds": "shell", "round": "shell", "items": "item", "articles": "item",
        "demands": "item", "tons": "tonne", "tonnes": "tonne", "launches": "time", "times": "time",
    ]
    private static let qualifiers: [String: String] = [
        "around": "about", "approximately": "about", "more than": "over", "as many as": "up to", "almost": "nearly",
        "only": "exact", "a whopping": "exact", "so far": "exact",
    ]

    static func unit(_ unit: String?) -> String? {
        guard var unit = unit?.lowercased() else { return nil }
        if let group = unitGroups[unit] { return group }
        if unit.hasSuffix("s"), !unit.hasSuffix("ss"), unit.count > 3 { unit.removeLast() }
        return unitGroups[unit] ?? unit
    }

    static func sameUnit(_ ours: String?, _ gold: String?) -> Bool { unit(ours) == unit(gold) }

    static func sameQualifier(_ ours: String, _ gold: String?) -> Bool {
        let normalised = gold.map { qualifiers[$0] ?? $0 } ?? "exact"
        return ours == normalised
    }

    /// Our origin names the gold asserter: its first name (or, for an unnamed origin, the relay after `via`/`by`),
    /// compared through the registry and gazetteer aliases, or by surname.
    static func sameSource(_ ours: String?, gold: String?) -> Bool {
        guard let ours, let gold else { return false }
        let registry = SourceRegistry.bundled
        var text = gold
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        let separators = [
            ", via ", " via ", ", as cited by ", ", as described by ", ", as recounted by ",
            ", as reported by ", " by ",
        ]
        var parts = [text]
        for separator in separators {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        let candidates = (parts.first?.first?.isLowercase ?? true) ? Array(parts.dropFirst()) : parts
        for part in candidates {
            let words = part.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) }
                .filter { !$0.isEmpty }
            // The earliest known source, a government only when nothing else is named.
            var government: SourceRegistry.Entry?
            for start in words.indices {
                for length in stride(from: min(6, words.count - start), through: 1, by: -1) {
                    let phrase = words[start..<start + length].joined(separator: " ")
                    guard let entry = registry.entry(for: phrase) else { continue }
                    if entry.kind == "government" {
                        government = government ?? entry
                        continue
                    }
                    return registry.entry(for: ours)?.originKey == entry.originKey
                }
            }
            if let government { return registry.entry(for: ours)?.originKey == government.originKey }
            let name = words.prefix { $0.first?.isUppercase == true }.joined(separator: " ")
            guard !name.isEmpty else { continue }
            let surname = name.split(separator: " ").last.map(String.init) ?? name
            return ours == name || ours.hasSuffix(" " + surname) || ours == surname
        }
        return false
    }
}
