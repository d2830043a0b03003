import Foundation
import Testing
import TumenAnalysis
import TumenProtocol

@Suite("Dated events")
struct EventTests {
    @Test("An event names what happened, who took part and what kind of event it was")
    func eventContent() throws {
        let event = try #require(
            analyze("On June 19, 2024, North Korea fired ballistic missiles toward the sea.", dated: nil).events.first)
        #expect(event.date == "2024-06-19")
        #expect(event.dateText == "June 19, 2024")
        #expect(event.event == "North Korea fired ballistic missiles toward the sea")
        #expect(event.actors == ["North Korea"])
        #expect(event.category == "military")

        let trade = try #require(
            analyze("On May 2, 2024, Russia shipped 100,000 barrels of oil to North Korea.", dated: nil).events.first)
        #expect(trade.actors == ["Russia", "North Korea"])
        #expect(trade.category == "economic")

        let talks = try #require(
            analyze("The foreign ministers of Russia and China held talks in Moscow on June 3, 2024.", dated: nil)
                .events.first)
        #expect(talks.category == "diplomatic")

        let appeal = try #require(
            analyze("The two sides met on Monday over $65 million.", dated: "2025-03-12").events.first)
        #expect(appeal.category == "economic", "a sum of money counts for the economic category")
        #expect(
            analyze("The two sides met on Monday.", dated: "2025-03-12").events.first?.category == "diplomatic")
    }

    @Test("A chronology entry yields one event: the date that opens it")
    func chronology() {
        // Given three entries whose text mentions other dates
        let text = """
            March 5, 2024 - Russia and North Korea signed a trade deal. Talks had begun on February 2.

            March 9, 2024 - North Korea fired missiles. The last launch was in 2023.

            April 1, 2024 - Officials said tourists would arrive in June.
            """
        // When it is analysed, Then each entry gives exactly its leading date
        let events = analyze(text, dated: nil).events
        #expect(events.map(\.date) == ["2024-03-05", "2024-03-09", "2024-04-01"])
        #expect(events.first?.event == "Russia and North Korea signed a trade deal")
        #expect(events.map(\.category) == ["economic", "military", "economic"])
    }

    @Test("Citations, as-of dates, publication dates and reference lists are not events")
    func notEvents() {
        #expect(eventDates("Some 300 trucks crossed the border (Yonhap 04/30/2025).").isEmpty)
        #expect(eventDates("As of June 2024, 1,000 tourists had visited.").isEmpty)
        #expect(eventDates("Today's date is November 26, 2025. I will talk about trade.").isEmpty)
        #expect(eventDates("DATE: 2024-01-01\nThe text follows here.").isEmpty)
        #expect(eventDates("Published on March 3, 2025.").isEmpty)
        #expect(
            eventDates("Kim, J. 2024. \"Trade.\" June 18. https://example.org/trade (Accessed: May 13, 2025)").isEmpty)
        #expect(eventDates("Since 2010, Russia has traded with the North.").isEmpty)
    }

    @Test("A single dated line opening a text is its dateline, and dates its relative words")
    func dateline() {
        let text = "March 5, 2024 - The ministry said the envoy arrived yesterday."
        #expect(eventDates(text) == ["2024-03-04 day"])
    }

    @Test("News header lines and wire datelines date the article, not an event")
    func newsDatelines() throws {
        let body = "Oil prices rose on Monday, traders said."
        for header in [
            "4 March 2025 12:31 GMT", "By Jane Doe | Tue 4 Mar 2025 09.00 GMT", "Updated Mar. 4, 2025, 9:02 a.m. ET",
        ] {
            #expect(eventDates("Oil climbs\n\(header)\n\n\(body)", dated: "2025-03-04") == ["2025-03-03 day"])
        }
        let wire = try #require(
            analyze("MOSCOW, March 4, 2025 (TASS) - Russia shipped oil to Iran on Monday.", dated: "2025-03-04")
                .events.first)
        #expect(wire.date == "2025-03-03")
        #expect(wire.event == "Russia shipped oil to Iran")
        #expect(
            analyze("Oil prices rose on Monday, traders said.", dated: "2025-03-04").events.first?.event
                == "Oil prices rose")
        #expect(wire.actors == ["Russia", "Iran"])
        #expect(
            eventDates("SEOUL, March 4 (Yonhap) -- North Korea fired a missile on Monday.", dated: "2025-03-04")
                == ["2025-03-03 day"])
    }

    @Test("A year dates an event only when its sentence tells of an action")
    func yearsNeedAnAction() {
        #expect(eventDates("Bilateral trade reached $15 billion in 2023.").isEmpty)
        #expect(eventDates("Russia backed the sanctions in 2017.") == ["2017 year"])
    }

    @Test("A month whose sentence tells a change is the period of a statistic, not an event")
    func changesAreNotEvents() {
        #expect(eventDates("Employment rose in four of the 10 provinces in May.", dated: "2025-06-06").isEmpty)
        #expect(eventDates("Two ships docked at the port in May.", dated: "2025-06-06") == ["2025-05 month"])
    }

    @Test("Last week, next week and the following week are dated by the month the week falls in")
    func weeks() {
        #expect(eventDates("The company bought the cargo last week.", dated: "2025-06-03") == ["2025-05 month"])
        #expect(eventDates("Ministers will meet in Canberra next week.", dated: "2025-06-03") == ["2025-06 month"])
        #expect(
            eventDates("The panel met on May 29, 2025. The Senate met the following week.")
                == ["2025-05-29 day", "2025-06 month"])
    }

    @Test("A date followed by a clause about the future, `when … will`, counts forward")
    func whenWillCountsForward() {
        #expect(
            eventDates("Attention turns to the elections on October 26, when voters will choose.", dated: "2025-09-08")
                == ["2025-10-26 day"])
    }

    @Test("This year and a year earlier are periods of figures; two years ago dates what was done")
    func runningPeriods() {
        #expect(eventDates("The launch was the North's fourth missile launch this year.", dated: "2025-03-10").isEmpty)
        #expect(
            eventDates("Seoul earmarked 7.2 trillion won, up 10% on a year earlier.", dated: "2025-03-10").isEmpty)
        #expect(eventDates("The company opened the plant two years ago.", dated: "2024-10-24") == ["2022 year"])
    }

    @Test("A year a measured amount covers, data for a month, a base after a change and an end date are not events")
    func statisticPeriods() {
        let date = "2025-06-11"
        #expect(eventDates("Indonesia imported 11.7 million tonnes of wheat in 2024.", dated: date).isEmpty)
        #expect(eventDates("The first 18 howitzers will be delivered in 2027.", dated: date) == ["2027 year"])
        #expect(
            eventDates("Labour Force Survey data for June will be released on July 11.", dated: date) == [
                "2025-07-11 day"
            ])
        #expect(eventDates("The rate was 7.0%, up 0.8 percentage points from May 2024.", dated: date).isEmpty)
        #expect(eventDates("The new rules will take effect from 1 August.", dated: date) == ["2025-08-01 day"])
        #expect(eventDates("Poland will keep burning coal until 2040.", dated: date).isEmpty)
    }

    @Test("The title's period and the header's own date are not events; a comparison base is not an anchor")
    func headerAndComparisonDates() {
        let release = """
            Labour Force Survey, May 2025
            Released at 8:30 a.m. Eastern time, Friday, June 6, 2025

            Manufacturing employment fell in May. Compared with 12 months earlier, it was down 55,000 jobs, the \
            agency said. The declines followed the imposition of tariffs on steel on March 12, which were raised on \
            June 4, after the reference period ended and before the provinces reported.
            """
        #expect(eventDates(release, dated: "2025-06-06") == ["2025-03-12 day", "2025-06-04 day"])
        #expect(analyze("The two sides met on Monday.", dated: "2025-03-12").events.first?.category == "diplomatic")
        #expect(
            analyze("Firefighters contained the blaze on Monday.", dated: "2025-03-12").events.first?.category
                == "economic", "nothing matched: the fallback")
    }

    @Test("Figures know when they were stated and what period they cover")
    func figureDates() {
        let cited = analyze(
            "The aide stated in 2023 that trade had reached USD 34.4 million, nine times more than the previous"
                + " year (RFA 06/18/2024).", dated: "2025-05-13")
        #expect(cited.quantities.first?.asOf == "2024-06-18")
        #expect(cited.quantities.first?.period == "2023")

        let stated = analyze("The ministry stated in 2023 that 5,000 workers were abroad.", dated: "2025-05-13")
        #expect(stated.quantities.first?.asOf == "2023")
        #expect(stated.quantities.first?.period == "2023")

        let asOf = analyze("As of June 2024, the resort had received 1,000 tourists.", dated: "2025-05-13")
        #expect(asOf.quantities.first?.asOf == "2024-06")

        let plain = analyze("The plant produces 500 tonnes annually.", dated: "2025-05-13")
        #expect(plain.quantities.first?.asOf == "2025-05-13")
        #expect(plain.quantities.first?.period == nil)

        let contrast = analyze(
            "Between 2014 and 2016, trade was about 7 billion dollars, but after 2022 it fell.", dated: nil)
        #expect(contrast.quantities.first?.period == "2014/2016")
    }
}
