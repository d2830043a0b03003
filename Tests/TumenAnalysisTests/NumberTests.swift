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
        #expect(figures("Fares rose to Rs. 500 a ticket.").first?.text == "Rs. 500", "`Rs.` does not end the sentence")
        #expect(figures("The outlay is ₹4.39 lakh crore.").first?.value == 4.39e12)
        let cents = try #require(figures("Brent fell 86 cents.").first)
        #expect(cents.value == 0.86)
        #expect(cents.unit == "USD")
    }

    @Test("ISO codes before the number name the currency of any country")
    func isoCodes() throws {
        let found = figures("Poland will spend PLN 4.2 billion, Kenya KES 1.2bn and Vietnam VND 412 billion.")
        #expect(found.map(\.unit) == ["PLN", "KES", "VND"])
        #expect(found.map(\.value) == [4.2e9, 1.2e9, 4.12e11])
        #expect(found.first?.text == "PLN 4.2 billion")
        #expect(figures("The fine is TRY 15,000 and PEN 3.5 million.").map(\.unit) == ["TRY", "PEN"])
        #expect(figures("Trade reached USD 34.4 million and Usd 5 million.").map(\.unit) == ["USD", "USD"])
    }

    @Test("Codes that are also English words are currencies only in capitals and before an amount")
    func codesThatAreWords() {
        #expect(figures("They try 5,000 times a day.").first?.unit == "time per day")
        #expect(figures("We want to try 15,000 again.").allSatisfy { $0.unit != "TRY" })
        #expect(figures("Delegates met at COP 28 in Dubai.").allSatisfy { $0.unit != "COP" })
        #expect(figures("Servers still run PHP 7.4 today.").allSatisfy { $0.unit != "PHP" })
        #expect(figures("THE TOP 10 COUNTRIES ARE LISTED.").allSatisfy { $0.unit != "TOP" })
    }

    @Test("Currency signs and letters joined to the dollar sign name their currency")
    func signs() {
        let signs = figures(
            "Costs were ₱33.8 billion, ₺5,000, ₴200 million, ₦3bn, ₫412 billion, ₪40 million, ฿1.2 trillion, "
                + "₸90 billion, ₵2 billion, ₼1.5 billion, ₾300 million and ৳500 crore.")
        #expect(
            signs.map(\.unit) == [
                "PHP", "TRY", "UAH", "NGN", "VND", "ILS", "THB", "KZT", "GHS", "AZN", "GEL", "BDT",
            ])
        #expect(signs.first?.text == "₱33.8 billion")
        let dollars = figures(
            "It cost A$5 billion, AU$2 billion, C$3.2 billion, CA$1 billion, HK$12bn, S$400 million, SG$3 million, "
                + "NZ$2 billion, NT$5 billion, R$ 1.5 billion, Mex$300 million and US$4.9 billion.")
        #expect(
            dollars.map(\.unit) == [
                "AUD", "AUD", "CAD", "CAD", "HKD", "SGD", "SGD", "NZD", "TWD", "BRL", "MXN", "USD",
            ])
        #expect(dollars.first?.text == "A$5 billion")
        #expect(dollars[9].text == "R$ 1.5 billion")
    }

    @Test("Word prefixes Rp, KSh and Rs name their currency, and R only before an amount")
    func wordPrefixes() throws {
        let rupiah = figures("Flour costs Rp 11,800 now, and the budget is Rp16 trillion.")
        #expect(rupiah.map(\.unit) == ["IDR", "IDR"])
        #expect(rupiah.map(\.value) == [11_800, 16e12])
        #expect(rupiah.last?.text == "Rp16 trillion")
        #expect(figures("Kenya raised KSh1.2bn and Ksh 500 million.").map(\.unit) == ["KES", "KES"])
        let rand = figures("Eskom needs R28 billion, fees of R3,500 and R1.5m in fines.")
        #expect(rand.map(\.unit) == ["ZAR", "ZAR", "ZAR"])
        #expect(rand.map(\.value) == [28e9, 3_500, 1.5e6])
        #expect(rand.first?.text == "R28 billion")
        #expect(figures("The droid R2 and the R40 road stayed.").isEmpty)
        let zloty = try #require(figures("A ticket costs 4,200 zł now.").first)
        #expect(zloty.unit == "PLN")
        #expect(zloty.text == "4,200 zł")
    }

    @Test("Currency names after the number name the currency of any country")
    func currencyNames() {
        let cases: [(String, String)] = [
            ("1,240 zlotys", "PLN"), ("5 billion złoty", "PLN"), ("1.5 billion reais", "BRL"),
            ("15 billion rand", "ZAR"), ("2 trillion rupiah", "IDR"), ("3.4 billion lira", "TRY"),
            ("800 million ringgit", "MYR"), ("20 billion baht", "THB"), ("412 billion dong", "VND"),
            ("9 billion hryvnias", "UAH"), ("30 billion naira", "NGN"), ("2 billion cedis", "GHS"),
            ("5 billion birr", "ETB"), ("1.2 billion meticais", "MZN"), ("40 billion kwanzas", "AOA"),
            ("40 million shekels", "ILS"), ("500 crore taka", "BDT"), ("90 billion kyat", "MMK"),
            ("90 billion tenge", "KZT"), ("300 million lari", "GEL"), ("12 billion forints", "HUF"),
            ("3 billion korunas", "CZK"), ("2 billion lei", "RON"), ("4 billion kronor", "SEK"),
            ("5 million sterling", "GBP"), ("380 million Swiss francs", "CHF"), ("2 billion CFA francs", "XOF"),
            ("84 billion Argentine pesos", "ARS"), ("20 billion Mexican pesos", "MXN"),
            ("2 billion Philippine pesos", "PHP"), ("500 billion Pakistani rupees", "PKR"),
            ("3 billion Kenyan shillings", "KES"), ("5 billion Saudi riyals", "SAR"), ("2 billion Omani rials", "OMR"),
            ("700 million UAE dirhams", "AED"), ("9 billion Moroccan dirhams", "MAD"),
            ("100 billion Egyptian pounds", "EGP"), ("4 trillion Iraqi dinars", "IQD"),
            ("6 billion Norwegian kroner", "NOK"), ("2 billion Danish kroner", "DKK"),
            ("3 billion Australian dollars", "AUD"), ("5 billion Canadian dollars", "CAD"),
            ("12 billion Hong Kong dollars", "HKD"), ("40 billion New Taiwan dollars", "TWD"),
        ]
        for (phrase, code) in cases {
            let found = figures("The group reported \(phrase) in revenue.")
            #expect(found.first?.unit == code, "\(phrase)")
            #expect(found.first?.text == phrase, "\(phrase)")
        }
        #expect(figures("It sold 5 real estate firms.").first?.unit == "firm")
    }

    @Test("A bare shared name takes the code the document gave it with an adjective")
    func sharedNameFromAdjective() {
        let text = """
            The company set aside 380 million Swiss francs. Its shares fell to 212.40 francs, valuing it at \
            about 7.8 billion francs.
            """
        #expect(figures(text).map(\.unit) == ["CHF", "CHF", "CHF"])
        // The adjective may come later in the document.
        #expect(figures("It paid 4.5 billion francs. The fine was 90 million Swiss francs.").first?.unit == "CHF")
    }

    @Test("A bare shared name takes the currency of the country the document mentions most")
    func sharedNameFromCountry() {
        #expect(figures("Mexico transferred 136 billion pesos to Pemex.").first?.unit == "MXN")
        #expect(figures("In Argentina, the province closed with 84 billion pesos.").first?.unit == "ARS")
        #expect(figures("Kenya's treasury borrowed 300 billion shillings.").first?.unit == "KES")
        #expect(figures("Pakistan and Pakistan's budget is 9 trillion rupees.").first?.unit == "PKR")
        #expect(figures("Egypt printed 500 billion pounds.").first?.unit == "EGP")
    }

    @Test("A bare shared name with no country is a neutral unit, not a guess")
    func sharedNameNeutral() {
        #expect(figures("The fee was 500 pesos.").first?.unit == "peso")
        #expect(figures("It paid 4.5 billion francs.").first?.unit == "franc")
        #expect(figures("Argentina and Mexico each spent 5 billion pesos.").first?.unit == "peso")
        // Bare rupees stay INR, bare pounds of money GBP, and bare dollars USD whatever the country.
        #expect(figures("The state will spend 2,000 crore rupees.").first?.unit == "INR")
        #expect(figures("The deal is worth 5 million pounds.").first?.unit == "GBP")
        #expect(figures("Canada will spend $5 billion and 3 billion dollars.").map(\.unit) == ["USD", "USD"])
        #expect(figures("The fish weighed 20 pounds.").first?.unit == "lb")
    }

    @Test("The yen sign is the yuan in a sentence about China and the yen otherwise")
    func yenSign() {
        #expect(figures("The domestic Chinese price stayed near ¥1,800 (CNY 1,800) per kilogram.").first?.unit == "CNY")
        #expect(figures("Japan's JOGMEC has committed ¥30 billion to stockpiles.").first?.unit == "JPY")
    }

    @Test("Money for each of something is a rate of that thing")
    func moneyPerThing() {
        #expect(figures("The pilot cost 41,000 zlotys per participant.").first?.unit == "PLN per participant")
        #expect(figures("Families get 2,000 euros per adult.").first?.unit == "EUR per adult")
    }

    @Test("Energy units are named in full and in the singular")
    func energyUnits() {
        let found = figures(
            "Operators curtailed 1,100 gigawatt hours, 35 TWh, 2GWh and 500 MWh; the park adds 450 MW, 30,000 "
                + "megawatts, 2 GW, 3 gigawatts and 120 kWh.")
        #expect(
            found.map(\.unit) == [
                "gigawatt hour", "terawatt hour", "gigawatt hour", "megawatt hour", "megawatt", "megawatt", "gigawatt",
                "gigawatt", "kilowatt hour",
            ])
        #expect(figures("They built a 450-megawatt plant.").first?.unit == "megawatt")
    }

    @Test("Index points are points, the points of a plan are items, and other points keep their unit")
    func points() {
        #expect(figures("The Baltic Panamax Index rose to 1,427 points.").first?.unit == "point")
        #expect(figures("He presented a 10-point plan.").first?.unit == "item")
        #expect(figures("They accepted 12 points of the peace plan.").first?.unit == "item")
        #expect(figures("Output rose by 1.4 percentage points.").first?.unit == "percentage point")
        #expect(figures("The bank cut rates by 25 basis points.").first?.unit == "basis point")
    }

    @Test("People are counted as persons whatever their role, but households are not people")
    func people() {
        let cases = [
            "850 firefighters", "1,100 voters", "300 asylum seekers", "2,000 evacuees", "40 police officers",
            "12 crew members", "two kids", "500 protesters", "30 lawmakers", "120 detainees", "15 hostages",
            "4,000 peacekeepers", "18 lakh returnees", "260,000 pupils", "9,000 displaced people",
        ]
        for phrase in cases {
            #expect(figures("Officials said \(phrase) were there.").first?.unit == "person", "\(phrase)")
        }
        #expect(figures("Officials said 60,000 households were hit.").first?.unit == "household")
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
