import Foundation
import Testing
import TumenAnalysis
import TumenProtocol

/// Analyses a text whose document date is `date` (`YYYY-MM-DD`), or unknown.
func analyze(_ text: String, dated date: String?) -> AnalysisResult {
    var document = makeDocument(text)
    document.documentDate = date
    return sharedAnalyzer.analyze(document)
}

/// `date`, `precision` and `endDate` of each event, for compact expectations.
func eventDates(_ text: String, dated date: String? = nil) -> [String] {
    analyze(text, dated: date).events.map { event in
        [event.date, event.precision, event.endDate].compactMap { $0 }.joined(separator: " ")
    }
}

/// The period of each figure of a text.
func periods(_ text: String, dated date: String? = nil) -> [String?] {
    analyze(text, dated: date).quantities.map(\.period)
}

@Suite("Date expressions")
struct DateExpressionTests {
    @Test("Full dates are read in the usual English forms")
    func fullDates() {
        #expect(eventDates("The two leaders met on January 4, 2024.") == ["2024-01-04 day"])
        #expect(eventDates("A second meeting took place on 9 February 2024.") == ["2024-02-09 day"])
        #expect(eventDates("The ministries signed the memo on 2024-03-05.") == ["2024-03-05 day"])
        #expect(eventDates("The envoy arrived on Jan. 7th, 2023.") == ["2023-01-07 day"])
        #expect(eventDates("The envoy left on Wednesday, June 5, 2024.") == ["2024-06-05 day"])
    }

    @Test("Numeric dates are read only when unambiguous, and month first in a citation")
    func numericDates() {
        #expect(eventDates("Officials met on 04/30/2025.") == ["2025-04-30 day"])
        #expect(eventDates("Officials met on 30/04/2025.") == ["2025-04-30 day"])
        #expect(eventDates("Officials met on 05/06/2025.").isEmpty)
        let cited = analyze("The agency counted 300 trucks (Yonhap 05/06/2025).", dated: nil)
        #expect(cited.events.isEmpty)
        #expect(cited.quantities.first?.asOf == "2025-05-06")
    }

    @Test("Months and years carry their precision")
    func monthsAndYears() {
        #expect(eventDates("The bridge opened in June 2024.") == ["2024-06 month"])
        #expect(eventDates("The railway reopened in June of 2023.") == ["2023-06 month"])
        #expect(eventDates("The plant was built in 2014.") == ["2014 year"])
    }

    @Test("Ranges, parts of years and open ranges become intervals")
    func ranges() {
        #expect(periods("Between 2014 and 2016, the firm exported 200 tonnes of coal.") == ["2014/2016"])
        #expect(periods("Trade grew by 5% in 2021-22.") == ["2021/2022"])
        #expect(periods("Prices rose by 10% from March to May 2024.") == ["2024-03/2024-05"])
        #expect(periods("The survey covered 1,200 households from Jan 2017 – Mar 2025.") == ["2017-01/2025-03"])
        #expect(periods("Since 2010, its share has stayed around 1 percent.") == ["2010/.."])
        #expect(periods("Output fell by 3% in the first half of 2025.").first == "2025-01/2025-06")
        #expect(periods("Exports rose by 8% in mid-2023.") == ["2023-05/2023-08"])
        #expect(periods("Imports fell by 2% in the third quarter of 2024.") == ["2024-07/2024-09"])
        #expect(periods("Exports rose 12% in the first quarter.", dated: "2024-04-19") == ["2024-01/2024-03"])
        #expect(periods("Exports rose 12% in the fourth quarter.", dated: "2024-04-19") == ["2023-10/2023-12"])
        #expect(periods("Sales fell 4% in the second half.", dated: "2024-11-02") == ["2024-07/2024-12"])
        #expect(eventDates("The two navies held drills from March to May 2024.") == ["2024-03 range 2024-05"])
        #expect(eventDates("Construction began in late 2023.") == ["2023-09 range 2023-12"])
        #expect(
            eventDates("The delegation toured the region from June 16-20, 2024.") == ["2024-06-16 range 2024-06-20"])
    }

    @Test("Relative dates are resolved against the document date")
    func relativeDates() {
        // 2025-03-12 is a Wednesday.
        let date = "2025-03-12"
        #expect(eventDates("The envoy arrived yesterday.", dated: date) == ["2025-03-11 day"])
        #expect(eventDates("Talks were held on Monday.", dated: date) == ["2025-03-10 day"])
        #expect(eventDates("The summit took place last June.", dated: date) == ["2024-06 month"])
        #expect(eventDates("The treaty was signed last year.", dated: date) == ["2024 year"])
        #expect(eventDates("The report came out earlier this month.", dated: date) == ["2025-03 month"])
        #expect(eventDates("The panel met on September 11 this year.", dated: date) == ["2025-09-11 day"])
        #expect(eventDates("The panel met two years ago.", dated: date) == ["2023 year"])
    }

    @Test("Press-release today, weekday-first dates and a year shared by two months are read")
    func newsForms() {
        let date = "2024-11-21"
        #expect(eventDates("The Ministry of Defence has today signed a contract.", dated: date) == ["2024-11-21 day"])
        #expect(eventDates("OFAC today designated 14 entities.", dated: date) == ["2024-11-21 day"])
        #expect(eventDates("The world today is more dangerous.", dated: date).isEmpty)
        #expect(eventDates("The talks took place on Thursday 14 November 2024.", dated: date) == ["2024-11-14 day"])
        #expect(
            eventDates("The cyclone struck in February and March 2023.", dated: date) == [
                "2023-02 month", "2023-03 month",
            ])
        #expect(eventDates("Its director, born 14 March 1976, was listed.", dated: date).isEmpty)
        #expect(eventDates("The plant must be finished by March 2026.", dated: date).isEmpty)
        #expect(eventDates("MOSCOW, April 9. /TASS/. Gazprom raised exports.", dated: "2025-04-09").isEmpty)
        #expect(eventDates("Results\nSeoul, Oct. 24, 2024\n\nThe firm reported results.", dated: date).isEmpty)
        #expect(eventDates("It reported results for the quarter ended September 30, 2024.", dated: date).isEmpty)
        #expect(eventDates("Storage was 83% full, compared with 95% a year ago.", dated: date).isEmpty)
    }

    @Test("A weekday or a month without a year counts back, or forward in a clause about the future")
    func pastAndFuture() {
        // 2025-03-12 is a Wednesday.
        let date = "2025-03-12"
        #expect(eventDates("The bank will publish projections on Friday.", dated: date) == ["2025-03-14 day"])
        #expect(eventDates("Ministers are due to meet in London on Monday.", dated: date) == ["2025-03-17 day"])
        #expect(
            eventDates("Eurostat said on Monday, but talks will resume on Friday.", dated: date)
                == ["2025-03-10 day", "2025-03-14 day"])
        #expect(eventDates("In December, the agency cut its forecast.", dated: date) == ["2024-12 month"])
        #expect(eventDates("The plant will open in December.", dated: date) == ["2025-12 month"])
        #expect(eventDates("Inflation slowed to 2.3% in February.", dated: date).isEmpty)
        #expect(eventDates("Korea announced a $26 billion package in February.", dated: date) == ["2025-02 month"])
        #expect(
            eventDates("The committee will mark up the Fiscal Year 2026 bill on June 4.", dated: date)
                == ["2025-06-04 day"])
        #expect(eventDates("Two ships docked at the port in February.", dated: date) == ["2025-02 month"])
    }

    @Test("Relative dates count from the last date the text mentioned")
    func anchoredDates() {
        #expect(
            eventDates("The minister visited Moscow in 2019. Two years later, he returned to Moscow.")
                == ["2019 year", "2021 year"])
        #expect(
            eventDates("The delegation arrived on May 3, 2024. The following month, it signed a deal.")
                == ["2024-05-03 day", "2024-06 month"])
        #expect(
            eventDates("The talks opened on May 3, 2024. The envoys met again on May 9.")
                == ["2024-05-03 day", "2024-05-09 day"])
    }

    @Test("Relative dates without a document date are left out")
    func relativeWithoutDocumentDate() {
        #expect(eventDates("The envoy arrived yesterday.").isEmpty)
        #expect(eventDates("The summit took place last June.").isEmpty)
    }

    @Test("Numbers that are not dates stay out")
    func nonDates() {
        #expect(eventDates("The army fired 2000 shells at the town.").isEmpty)
        #expect(periods("The army fired 2000 shells at the town.") == [nil])
        #expect(eventDates("Resolution 2270 was adopted by the council.").isEmpty)
        #expect(eventDates("The 1990s saw famine and the economy collapsed.").isEmpty)
        #expect(eventDates("May we begin? The KN-23 missiles were launched.").isEmpty)
        #expect(eventDates("The cost was 2,024 dollars per unit.").isEmpty)
        #expect(periods("The plant produces 500 tonnes annually.") == [nil])
    }

    @Test("A very long line of dates is scanned to the end")
    func longLine() {
        // Given a 140 KB line made of date-like words and numbers (its speed is measured in Benchmarks/)
        let line = String(
            repeating: "in June 2024 and 05/06/2025 since the 1990s, 12 May between 2014 and ", count: 2_000)
        // When it is analysed, Then the analysis finishes and reads dates from its last part too
        let result = analyze(line, dated: "2025-01-01")
        #expect(result.sentenceCount >= 1)
        #expect(result.quantities.allSatisfy { $0.span.end <= line.unicodeScalars.count })
    }
}
