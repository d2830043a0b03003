import Testing
import TumenAnalysis
import TumenProtocol

@Suite("Figures")
struct NumberTests {
    @Test("Digits with thousands separators and decimals are read as numbers")
    func digitsWithSeparators() throws {
        let found = figures("They counted 20,000 containers, 9.4 tonnes and 1.65 units.")
        #expect(found.map(\.value) == [20_000, 9.4, 1.65])
        #expect(found.map(\.unit) == ["container", "tonne", "unit"])
    }

    @Test("Number words, fractions and multiples are read as numbers")
    func numberWords() throws {
        #expect(figures("They sent three ships.").first?.value == 3)
        #expect(figures("They sent twenty-five ships.").first?.value == 25)
        let fraction = try #require(figures("It received one-tenth of that level.").first)
        #expect(fraction.value == 0.1)
        #expect(fraction.unit == "ratio")
        let multiple = try #require(figures("Trade was nine times higher than before.").first)
        #expect(multiple.value == 9)
        #expect(multiple.unit == "ratio")
        let single = try #require(figures("The war would end in a single day.").first)
        #expect(single.value == 1)
        #expect(single.unit == "day")
        #expect(single.text == "a single day")
        let half = try #require(figures("About half a million people fled.").first)
        #expect(half.value == 500_000)
        #expect(half.qualifier == "about")
        #expect(figures("Half a dozen ships sank.").first?.value == 6)
        #expect(figures("Prices rose by roughly a third.").first?.value == 1.0 / 3)
        #expect(figures("Sales fell by half.").first?.value == 0.5)
        #expect(figures("About one in seven adults skipped meals.").first?.value == 1.0 / 7)
        #expect(figures("One in 2024 was late.").isEmpty)
        #expect(figures("Use is nearly double the 2019 level.").first?.value == 2)
        #expect(figures("Exports have nearly halved.").first?.value == 0.5)
        #expect(figures("Cases rose threefold.").first?.unit == "ratio")
        #expect(figures("He has a double standard.").isEmpty)
    }

    @Test("A part of a counted whole is counted in the whole's unit")
    func partsOfAWhole() {
        #expect(figures("Air defences shot down 25 of 30 drones.").map(\.unit) == ["drone", "drone"])
        #expect(figures("Only 12 of the 15 members voted.").first?.unit == "person")
        #expect(figures("It was 1 of 2 in the series.").first?.unit == nil)
    }

    @Test("Scales multiply the value and currencies become the unit")
    func scalesAndCurrencies() throws {
        let won = try #require(figures("Support is worth about 13.6 trillion Korean won.").first)
        #expect(won.value == 1.36e13)
        #expect(won.unit == "KRW")
        #expect(won.text == "about 13.6 trillion Korean won")
        let usd = try #require(figures("Trade reached USD 34.4 million in 2023.").first)
        #expect(usd.value == 34_400_000)
        #expect(usd.unit == "USD")
        let dollars = try #require(figures("Trade reached $15 billion in 2023.").first)
        #expect(dollars.value == 15e9)
        #expect(dollars.text == "$15 billion")
        let annual = try #require(figures("Russia paid about 200 million dollars annually.").first)
        #expect(annual.value == 2e8)
        #expect(annual.unit == "USD per year")
        let compact = try #require(figures("Sales hit $3bn last year.").first)
        #expect(compact.value == 3e9)
        let rupees = try #require(figures("The state will spend Rs 2,000 crore on roads.").first)
        #expect(rupees.value == 2e10)
        #expect(rupees.unit == "INR")
        #expect(rupees.text == "Rs 2,000 crore")
        #expect(figures("The outlay is ₹4.39 lakh crore.").first?.value == 4.39e12)
        let cents = try #require(figures("Brent fell 86 cents.").first)
        #expect(cents.value == 0.86)
        #expect(cents.unit == "USD")
    }

    @Test("Ranges keep both bounds, with the scale applied to each")
    func ranges() throws {
        let money = try #require(figures("Trade was about 6 to 7.6 billion dollars.").first)
        #expect(money.value == nil)
        #expect(money.low == 6e9)
        #expect(money.high == 7.6e9)
        #expect(money.unit == "USD")
        #expect(money.qualifier == "about")
        let share = try #require(figures("China accounts for over 96-97% of trade.").first)
        #expect(share.low == 96)
        #expect(share.high == 97)
        #expect(share.unit == "percent")
        #expect(share.qualifier == "over")
    }

    @Test("Qualifiers are normalised to a small set and kept in the text")
    func qualifiers() throws {
        let cases: [(String, String)] = [
            ("about 5 ships", "about"), ("approximately 5 ships", "about"), ("around 5 ships", "about"),
            ("over 5 ships", "over"), ("more than 5 ships", "over"), ("up to 5 ships", "up to"),
            ("as many as 5 ships", "up to"), ("at least 5 ships", "at least"), ("nearly 5 ships", "nearly"),
            ("fewer than 5 ships", "under"), ("only 5 ships", "exact"), ("5 ships", "exact"),
        ]
        for (phrase, qualifier) in cases {
            let found = try #require(figures("They saw \(phrase) yesterday.").first, "\(phrase)")
            #expect(found.qualifier == qualifier, "\(phrase)")
            #expect(found.text == phrase, "\(phrase)")
        }
    }

    @Test("Units are normalised: people, munitions, percent, mass, distance, time")
    func units() throws {
        let cases: [(String, String)] = [
            ("4,700 casualties", "person"), ("15,000 troops", "person"), ("880 tourists", "person"),
            ("15,000 North Korean workers", "person"), ("9.4 million rounds", "shell"), ("1.5%", "percent"),
            ("1 percent", "percent"), ("700,000 tons", "tonne"), ("1 million barrels", "barrel"), ("2km", "km"),
            ("24 hours", "hour"), ("eight months", "month"), ("three years", "year"), ("28 items", "item"),
            ("12 border ports", "port"),
        ]
        for (phrase, unit) in cases {
            let found = try #require(figures("They reported \(phrase) last week.").first, "\(phrase)")
            #expect(found.unit == unit, "\(phrase)")
            #expect(figures("Exports reached 9.5 billion cubic meters.").first?.unit == "cubic metre")
            #expect(figures("The bank cut rates by 25 basis points.").first?.unit == "basis point")
            #expect(figures("Output rose by 1.4 percentage points.").first?.unit == "percentage point")
            #expect(figures("Brent traded at $64.10 a barrel.").first?.unit == "USD per barrel")
            #expect(figures("Winds reached 190 kilometres per hour.").first?.unit == "km per hour")
            #expect(figures("Output was 2.7 million bpd.").first?.unit == "barrel per day")
            let bcm = figures("Norway exported 117 bcm of gas.").first
            #expect(bcm?.value == 117e9)
            #expect(bcm?.unit == "cubic metre")
            #expect(figures("The city bought 3,000 buses and 40 houses.").map(\.unit) == ["bus", "house"])
            #expect(figures("There were 11 cable and pipeline incidents.").first?.unit == "incident")
            #expect(figures("It listed 14 entities and four individuals.").map(\.value) == [14, 4])
        }
    }

    @Test("Years, dates, ordinals, list markers, references and phone numbers are not figures")
    func nonFigures() {
        let text = """
            1. Background
            In 2014 and 2016, and before 2016-2017, on March 28, 2024 and 28 March 2024, at the 80th anniversary \
            of the 9th Congress in the 1990s, Resolution 1874 (Figures 1 and 2) set KN-23 and 24 after COVID-19 \
            (Yonhap 04/30/2025). See the 2000 Treaty. Call 02 2277 1683 (ext. 211) or https://x.org/a/2024-06.html \
            about photo_1.png at 10:30. Published: 2025-06-12.
            """
        #expect(figures(text).map(\.text) == [])
    }

    @Test("The word one counts only with a unit or scale, and once only as a count")
    func oneAndOnce() {
        #expect(figures("One of the reasons is that one must look.").isEmpty)
        #expect(figures("Once the war ends, they will talk once again.").isEmpty)
        #expect(figures("They launched once, and failed after that one time.").map(\.value) == [1, 1])
    }

    @Test("Odd separators are read without crashing")
    func oddSeparators() {
        #expect(figures("It cost 1,65 euros.").first?.value == 1.65)
        #expect(figures("It cost 1.650.000 euros.").first?.value == 1_650_000)
        #expect(figures("Version 1.2.3 shipped.").isEmpty)
    }
}
