/// Currencies as news from any country writes them: ISO 4217 codes (`PLN 4.2 billion`), signs (`₱`, `₺`), prefixes
/// joined to a sign (`HK$`, `R$`), word prefixes (`Rp`, `KSh`, `Rs`), and names after the number (`zlotys`,
/// `Swiss francs`).
///
/// Some names belong to several countries' currencies (`pesos`, `francs`, `dinars`): a bare one is resolved by the
/// document (`CurrencyContext`), or else reported as a neutral unit (`peso`) rather than guessed.
enum Currencies {
    // MARK: Codes

    /// ISO 4217 codes of the currencies in common use, with the usual non-ISO spellings mapped to their code.
    static let isoCodes: [String] = [
        "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
        "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP",
        "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP",
        "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD",
        "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK",
        "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
        "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP",
        "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP",
        "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD",
        "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF",
        "YER", "ZAR", "ZMW", "ZWG", "ZWL",
    ]
    /// Spellings that are not ISO codes but name one currency: `RMB 5 billion`, `NIS 40 million`.
    static let codeAliases: [String: String] = ["RMB": "CNY", "CNH": "CNY", "NIS": "ILS", "NTD": "TWD"]

    /// The codes the analyser read before the full list: they keep being read capitalised too (`Usd 5`).
    static let legacyCodes: Set<String> = ["USD", "KRW", "KPW", "EUR", "CNY", "RMB", "JPY", "GBP", "RUB", "INR", "CHF"]

    /// Codes that are also English words, written capitalised at the start of a sentence or in a name (`Try`, `All`,
    /// `Top`, `Pen`, `Cup`).
    static let englishWordCodes: Set<String> = [
        "ALL", "AMD", "BAM", "BOB", "CAD", "COP", "CUP", "DOP", "GEL", "MAD", "MOP", "NAD", "PAB", "PEN", "SAR", "SOS",
        "TOP", "TRY",
    ]

    /// Codes that are also words or common acronyms (`TRY`, `COP 28`, `PHP 7.4`, `NIS 2`, `NPR`): read only in capitals,
    /// outside an all-capital headline, and before an amount that looks like money (a scale, a thousands separator,
    /// cents, or at least 1,000).
    static let guardedCodes: Set<String> = englishWordCodes.union([
        "AWG", "BTN", "CRC", "CVE", "GHS", "IRR", "KGS", "NIS", "NPR", "PHP", "SCR", "XPF",
    ])

    /// Every code and alias, by word key.
    static let codes: [UInt64: String] = {
        var table: [UInt64: String] = [:]
        for code in isoCodes { table[WordKey.of(code)] = code }
        for (alias, code) in codeAliases { table[WordKey.of(alias)] = code }
        return table
    }()

    /// The codes read whatever their case, for rules that only need to know a word is no name (`(CNY 1,800)`):
    /// not those that are also words, names or sources (`Try`, `Ron`, `Ars Technica`, `NPR`, `NIS`).
    static let plainCodes: [UInt64: String] = {
        let names = Set(guardedCodes.union(["RON", "ARS"]).map(WordKey.of))
        return codes.filter { key, _ in !names.contains(key) }
    }()

    // MARK: Signs and prefixes

    /// Currency signs written before the number. `¥` is read as JPY unless its sentence is about China; `₨` is a
    /// rupee of the country the document is about.
    static let symbols: [UInt32: String] = [
        0x24: "USD", 0x20AC: "EUR", 0xA3: "GBP", 0xA5: "JPY", 0xFFE5: "JPY", 0x20A9: "KRW", 0x20BD: "RUB",
        0x20B9: "INR", 0x20B1: "PHP", 0x20BA: "TRY", 0x20B4: "UAH", 0x20A6: "NGN", 0x20AB: "VND", 0x20AA: "ILS",
        0x0E3F: "THB", 0x20B8: "KZT", 0x20B5: "GHS", 0x20BC: "AZN", 0x20BE: "GEL", 0x09F3: "BDT", 0x20A1: "CRC",
        0x20B2: "PYG", 0x20AD: "LAK", 0x20AE: "MNT", 0x17DB: "KHR", 0x20A8: "~rupee",
    ]
    static let yenSigns: Set<UInt32> = [0xA5, 0xFFE5]

    /// Letters joined to a sign, as written (case counts): `A$`, `HK$`, `NT$`, `R$`, `Mex$`, `GH₵`, `E£`.
    static let signPrefixes: [String: String] = [
        "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "CAN$": "CAD", "HK$": "HKD",
        "S$": "SGD", "SG$": "SGD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "Mex$": "MXN", "MX$": "MXN",
        "US$": "USD", "J$": "JMD", "TT$": "TTD", "EC$": "XCD", "N$": "NAD", "RD$": "DOP", "BZ$": "BZD",
        "FJ$": "FJD", "CI$": "KYD", "L$": "LRD", "GH₵": "GHS", "E£": "EGP", "LE£": "EGP", "L£": "LBP",
        "S£": "SYP", "SD£": "SDG",
    ]

    /// How sure a word prefix before the digits is to be money.
    enum PrefixStrength {
        /// Always money: `Rp 11,800`, `KSh 500`.
        case always
        /// Money only joined to the digits and with a scale, a separator or a decimal: `R28 billion`, `R3,500`,
        /// `R1.5m`, but never `R2` (a name, a road, a grade).
        case joinedAmount
        /// Money only with a scale, a separator or a decimal, joined or not: `RM1.2 billion`, `RM 3,000`.
        case amount
    }

    /// Word prefixes before the digits, as written (case counts), with an optional `.` after them: `Rs. 500`.
    /// `~rupee` is resolved like the name `rupees`.
    static let wordPrefixes: [String: (code: String, strength: PrefixStrength)] = [
        "Rs": ("~rupee", .always), "RS": ("~rupee", .always), "Rp": ("IDR", .always), "KSh": ("KES", .always),
        "Ksh": ("KES", .always), "KShs": ("KES", .always), "Kshs": ("KES", .always), "USh": ("UGX", .always),
        "TSh": ("TZS", .always), "R": ("ZAR", .joinedAmount), "RM": ("MYR", .amount),
    ]

    /// Signs written after the number, joined or not: `4,200 zł`.
    static let suffixes: [UInt64: String] = [WordKey.of("zł"): "PLN"]

    // MARK: Names

    /// A name several currencies share (`pesos`): the document resolves it, else it is reported as `neutral`, or as
    /// `fallback` where one reading is the established default (`pounds` of money are GBP, `rupees` INR).
    struct SharedName: Sendable {
        let neutral: String
        let fallback: String?
        /// ISO 3166 alpha-2 country (lower case) → the code of its currency of this name.
        let users: [String: String]
    }

    static let shared: [String: SharedName] = {
        let rials = ["ir": "IRR", "om": "OMR", "ye": "YER", "sa": "SAR", "qa": "QAR"]
        let kroner = ["no": "NOK", "dk": "DKK"]
        return [
            "peso": SharedName(
                neutral: "peso", fallback: nil,
                users: [
                    "ar": "ARS", "mx": "MXN", "ph": "PHP", "cl": "CLP", "co": "COP", "uy": "UYU", "do": "DOP",
                    "cu": "CUP",
                ]),
            "franc": SharedName(
                neutral: "franc", fallback: nil,
                users: [
                    "ch": "CHF", "li": "CHF", "sn": "XOF", "ci": "XOF", "ml": "XOF", "bf": "XOF", "ne": "XOF",
                    "tg": "XOF", "bj": "XOF", "gw": "XOF", "cm": "XAF", "cf": "XAF", "td": "XAF", "cg": "XAF",
                    "ga": "XAF", "gq": "XAF", "cd": "CDF", "rw": "RWF", "bi": "BIF", "gn": "GNF", "dj": "DJF",
                    "km": "KMF",
                ]),
            "cfa franc": SharedName(
                neutral: "XOF", fallback: "XOF",
                users: [
                    "sn": "XOF", "ci": "XOF", "ml": "XOF", "bf": "XOF", "ne": "XOF", "tg": "XOF", "bj": "XOF",
                    "gw": "XOF", "cm": "XAF", "cf": "XAF", "td": "XAF", "cg": "XAF", "ga": "XAF", "gq": "XAF",
                ]),
            "shilling": SharedName(
                neutral: "shilling", fallback: nil, users: ["ke": "KES", "ug": "UGX", "tz": "TZS", "so": "SOS"]),
            "dinar": SharedName(
                neutral: "dinar", fallback: nil,
                users: [
                    "iq": "IQD", "jo": "JOD", "kw": "KWD", "bh": "BHD", "dz": "DZD", "tn": "TND", "ly": "LYD",
                    "rs": "RSD",
                ]),
            "rial": SharedName(neutral: "rial", fallback: nil, users: rials),
            "riyal": SharedName(neutral: "riyal", fallback: nil, users: rials),
            "dirham": SharedName(neutral: "dirham", fallback: nil, users: ["ae": "AED", "ma": "MAD"]),
            "krone": SharedName(neutral: "krone", fallback: nil, users: kroner),
            "krona": SharedName(neutral: "krona", fallback: nil, users: ["se": "SEK", "is": "ISK"]),
            "kwacha": SharedName(neutral: "kwacha", fallback: nil, users: ["zm": "ZMW", "mw": "MWK"]),
            "manat": SharedName(neutral: "manat", fallback: nil, users: ["az": "AZN", "tm": "TMT"]),
            "pound": SharedName(
                neutral: "pound", fallback: "GBP",
                users: ["gb": "GBP", "eg": "EGP", "sd": "SDG", "ss": "SSP", "lb": "LBP", "sy": "SYP"]),
            "rupee": SharedName(
                neutral: "rupee", fallback: "INR",
                users: ["in": "INR", "pk": "PKR", "lk": "LKR", "np": "NPR", "mu": "MUR", "sc": "SCR"]),
        ]
    }()

    /// The shared family a bare name belongs to, when its table value is `~family`.
    static func sharedFamily(_ value: String) -> String? {
        value.hasPrefix("~") ? String(value.dropFirst()) : nil
    }

    /// Names after the number (longest phrase first when looked up); `~family` marks a name that
    /// `CurrencyContext` resolves.
    static let names: PhraseTable<String> = {
        var entries: [(String, String)] = []
        func add(_ adjectives: [String], _ nouns: [String], _ code: String) {
            for adjective in adjectives {
                for noun in nouns { entries.append((adjective.isEmpty ? noun : "\(adjective) \(noun)", code)) }
            }
        }
        // Names one currency owns.
        add([""], ["dollar", "dollars", "greenback", "greenbacks"], "USD")
        add(["us", "u.s.", "american", "united states"], ["dollar", "dollars"], "USD")
        add(["", "korean", "south korean"], ["won"], "KRW")
        add(["north korean"], ["won"], "KPW")
        add(["", "chinese"], ["yuan", "renminbi"], "CNY")
        add(["", "russian"], ["ruble", "rubles", "rouble", "roubles"], "RUB")
        add(["belarusian"], ["ruble", "rubles", "rouble", "roubles"], "BYN")
        add([""], ["euro", "euros"], "EUR")
        add(["", "japanese"], ["yen"], "JPY")
        add([""], ["sterling", "pounds sterling", "pound sterling"], "GBP")
        add(["british", "uk"], ["pound", "pounds"], "GBP")
        add(["", "polish"], ["zloty", "zlotys", "zlotych", "złoty", "złotys", "złotych", "zł"], "PLN")
        add(["", "brazilian"], ["reais", "reals"], "BRL")
        add(["", "brazilian"], ["real"], "BRL")
        add(["", "south african"], ["rand", "rands"], "ZAR")
        add(["", "indonesian"], ["rupiah", "rupiahs"], "IDR")
        add(["", "turkish"], ["lira", "liras"], "TRY")
        add(["", "malaysian"], ["ringgit", "ringgits"], "MYR")
        add(["", "thai"], ["baht"], "THB")
        add(["", "vietnamese"], ["dong"], "VND")
        add(["", "ukrainian"], ["hryvnia", "hryvnias", "hryvnya", "hryvnyas", "hryvna", "hryvnas"], "UAH")
        add(["", "nigerian"], ["naira"], "NGN")
        add(["", "ghanaian"], ["cedi", "cedis"], "GHS")
        add(["", "ethiopian"], ["birr"], "ETB")
        add(["zambian"], ["kwacha"], "ZMW")
        add(["malawian", "malawi"], ["kwacha"], "MWK")
        add(["", "mozambican"], ["metical", "meticais", "meticals"], "MZN")
        add(["", "angolan"], ["kwanza", "kwanzas"], "AOA")
        add(["", "israeli", "new israeli", "new"], ["shekel", "shekels", "sheqel", "sheqels"], "ILS")
        add(["", "bangladeshi"], ["taka"], "BDT")
        add(["", "myanmar", "burmese"], ["kyat", "kyats"], "MMK")
        add(["", "kazakh", "kazakhstani"], ["tenge"], "KZT")
        add(["", "georgian"], ["lari"], "GEL")
        add(["", "hungarian"], ["forint", "forints"], "HUF")
        add(["", "czech"], ["koruna", "korunas", "koruny"], "CZK")
        add(["czech"], ["crown", "crowns"], "CZK")
        add(["", "romanian"], ["leu", "lei"], "RON")
        add(["moldovan"], ["leu", "lei"], "MDL")
        add(["", "bulgarian"], ["lev", "leva"], "BGN")
        add(["", "albanian"], ["lek", "leks"], "ALL")
        add(["", "armenian"], ["dram", "drams"], "AMD")
        add(["", "mongolian"], ["tugrik", "tugriks", "togrog"], "MNT")
        add(["", "cambodian"], ["riel", "riels"], "KHR")
        add(["lao", "laotian"], ["kip"], "LAK")
        add(["", "afghan"], ["afghani", "afghanis"], "AFN")
        add(["uzbek"], ["som", "soms", "sum"], "UZS")
        add(["kyrgyz"], ["som", "soms"], "KGS")
        add(["", "tajik"], ["somoni", "somonis"], "TJS")
        add(["azerbaijani", "azeri"], ["manat", "manats"], "AZN")
        add(["turkmen"], ["manat", "manats"], "TMT")
        add(["", "swedish"], ["kronor"], "SEK")
        add(["swedish"], ["krona", "crown", "crowns"], "SEK")
        add(["norwegian"], ["krone", "kroner", "crown", "crowns"], "NOK")
        add(["danish"], ["krone", "kroner", "crown", "crowns"], "DKK")
        add(["icelandic"], ["krona", "kronur", "kronas"], "ISK")
        add(["", "guatemalan"], ["quetzal", "quetzals", "quetzales"], "GTQ")
        add(["", "honduran"], ["lempira", "lempiras"], "HNL")
        add(["", "nicaraguan"], ["cordoba", "cordobas", "córdoba", "córdobas"], "NIO")
        add(["", "costa rican"], ["colon", "colones", "colón"], "CRC")
        add(["", "paraguayan"], ["guarani", "guaranis", "guaranies", "guaraní"], "PYG")
        add(["", "peruvian"], ["sol", "soles", "nuevo sol", "nuevos soles"], "PEN")
        add(["", "bolivian"], ["boliviano", "bolivianos"], "BOB")
        add(["", "venezuelan"], ["bolivar", "bolivars", "bolívar", "bolívares", "bolivares"], "VES")
        add(["", "haitian"], ["gourde", "gourdes"], "HTG")
        add(["", "papua new guinean"], ["kina"], "PGK")
        add(["", "botswana"], ["pula"], "BWP")
        add(["", "malagasy"], ["ariary"], "MGA")
        add(["", "gambian"], ["dalasi", "dalasis"], "GMD")
        add(["", "sierra leonean"], ["leone", "leones"], "SLE")
        add(["", "eritrean"], ["nakfa"], "ERN")
        add(["", "bhutanese"], ["ngultrum"], "BTN")
        add(["", "maldivian"], ["rufiyaa"], "MVR")
        add(["", "mauritanian"], ["ouguiya", "ouguiyas"], "MRU")
        add(["macedonian"], ["denar", "denars", "denari"], "MKD")
        add(["", "cape verdean"], ["escudo", "escudos"], "CVE")
        add(["", "samoan"], ["tala"], "WST")
        add(["", "vanuatu"], ["vatu"], "VUV")
        add(["", "lesotho"], ["loti", "maloti"], "LSL")
        add(["", "swazi"], ["lilangeni", "emalangeni"], "SZL")
        // Dollars of other countries, named.
        add(["australian", "aussie"], ["dollar", "dollars"], "AUD")
        add(["canadian"], ["dollar", "dollars"], "CAD")
        add(["hong kong", "hk"], ["dollar", "dollars"], "HKD")
        add(["singapore", "singaporean"], ["dollar", "dollars"], "SGD")
        add(["new zealand", "nz"], ["dollar", "dollars"], "NZD")
        add(["taiwan", "taiwanese", "new taiwan", "nt"], ["dollar", "dollars"], "TWD")
        add(["jamaican"], ["dollar", "dollars"], "JMD")
        add(["namibian"], ["dollar", "dollars"], "NAD")
        add(["zimbabwean", "zimbabwe"], ["dollar", "dollars"], "ZWL")
        add(["trinidad and tobago", "trinidadian"], ["dollar", "dollars"], "TTD")
        add(["east caribbean"], ["dollar", "dollars"], "XCD")
        add(["bahamian"], ["dollar", "dollars"], "BSD")
        add(["barbadian", "barbados"], ["dollar", "dollars"], "BBD")
        add(["belize"], ["dollar", "dollars"], "BZD")
        add(["brunei"], ["dollar", "dollars"], "BND")
        add(["fijian", "fiji"], ["dollar", "dollars"], "FJD")
        add(["liberian"], ["dollar", "dollars"], "LRD")
        add(["guyanese"], ["dollar", "dollars"], "GYD")
        add(["solomon islands"], ["dollar", "dollars"], "SBD")
        // Shared names, with the adjective that settles them.
        add([""], ["peso", "pesos"], "~peso")
        add(["mexican"], ["peso", "pesos"], "MXN")
        add(["argentine", "argentinian", "argentinean"], ["peso", "pesos"], "ARS")
        add(["philippine", "filipino"], ["peso", "pesos"], "PHP")
        add(["chilean"], ["peso", "pesos"], "CLP")
        add(["colombian"], ["peso", "pesos"], "COP")
        add(["uruguayan"], ["peso", "pesos"], "UYU")
        add(["dominican"], ["peso", "pesos"], "DOP")
        add(["cuban"], ["peso", "pesos"], "CUP")
        add([""], ["franc", "francs"], "~franc")
        add(["swiss"], ["franc", "francs"], "CHF")
        add(["cfa"], ["franc", "francs"], "~cfa franc")
        add(["west african cfa", "west african"], ["franc", "francs"], "XOF")
        add(["central african cfa", "central african"], ["franc", "francs"], "XAF")
        add(["congolese"], ["franc", "francs"], "CDF")
        add(["rwandan"], ["franc", "francs"], "RWF")
        add(["burundian", "burundi"], ["franc", "francs"], "BIF")
        add(["guinean"], ["franc", "francs"], "GNF")
        add(["djiboutian", "djibouti"], ["franc", "francs"], "DJF")
        add(["comorian"], ["franc", "francs"], "KMF")
        add(["cfp"], ["franc", "francs"], "XPF")
        add([""], ["rupee", "rupees"], "~rupee")
        add(["indian"], ["rupee", "rupees"], "INR")
        add(["pakistani"], ["rupee", "rupees"], "PKR")
        add(["sri lankan"], ["rupee", "rupees"], "LKR")
        add(["nepalese", "nepali"], ["rupee", "rupees"], "NPR")
        add(["mauritian"], ["rupee", "rupees"], "MUR")
        add(["seychellois", "seychelles"], ["rupee", "rupees"], "SCR")
        add([""], ["shilling", "shillings"], "~shilling")
        add(["kenyan", "kenya"], ["shilling", "shillings"], "KES")
        add(["ugandan", "uganda"], ["shilling", "shillings"], "UGX")
        add(["tanzanian", "tanzania"], ["shilling", "shillings"], "TZS")
        add(["somali"], ["shilling", "shillings"], "SOS")
        add([""], ["riyal", "riyals"], "~riyal")
        add([""], ["rial", "rials"], "~rial")
        add(["saudi"], ["riyal", "riyals", "rial", "rials"], "SAR")
        add(["qatari"], ["riyal", "riyals", "rial", "rials"], "QAR")
        add(["omani"], ["rial", "rials", "riyal", "riyals"], "OMR")
        add(["iranian"], ["rial", "rials"], "IRR")
        add(["yemeni"], ["rial", "rials", "riyal", "riyals"], "YER")
        add([""], ["dirham", "dirhams"], "~dirham")
        add(["uae", "emirati", "emirates"], ["dirham", "dirhams"], "AED")
        add(["moroccan"], ["dirham", "dirhams"], "MAD")
        add([""], ["dinar", "dinars"], "~dinar")
        add(["iraqi"], ["dinar", "dinars"], "IQD")
        add(["jordanian"], ["dinar", "dinars"], "JOD")
        add(["kuwaiti"], ["dinar", "dinars"], "KWD")
        add(["bahraini"], ["dinar", "dinars"], "BHD")
        add(["algerian"], ["dinar", "dinars"], "DZD")
        add(["tunisian"], ["dinar", "dinars"], "TND")
        add(["libyan"], ["dinar", "dinars"], "LYD")
        add(["serbian"], ["dinar", "dinars"], "RSD")
        add([""], ["krone", "kroner"], "~krone")
        add([""], ["krona"], "~krona")
        add([""], ["kwacha"], "~kwacha")
        add([""], ["manat", "manats"], "~manat")
        add(["egyptian"], ["pound", "pounds"], "EGP")
        add(["sudanese"], ["pound", "pounds"], "SDG")
        add(["south sudanese"], ["pound", "pounds"], "SSP")
        add(["lebanese"], ["pound", "pounds", "lira", "liras"], "LBP")
        add(["syrian"], ["pound", "pounds", "lira", "liras"], "SYP")
        return PhraseTable(entries)
    }()

    /// The word key of every bare shared name (`francs` → `franc`), for the adjective forms a document gives.
    static let sharedNameWords: [UInt64: String] = {
        var table: [UInt64: String] = [:]
        let words: [(String, String)] = [
            ("peso", "peso"), ("pesos", "peso"), ("franc", "franc"), ("francs", "franc"), ("rupee", "rupee"),
            ("rupees", "rupee"), ("shilling", "shilling"), ("shillings", "shilling"), ("riyal", "riyal"),
            ("riyals", "riyal"), ("rial", "rial"), ("rials", "rial"), ("dirham", "dirham"), ("dirhams", "dirham"),
            ("dinar", "dinar"), ("dinars", "dinar"), ("krone", "krone"), ("kroner", "krone"), ("krona", "krona"),
            ("kwacha", "kwacha"), ("manat", "manat"), ("manats", "manat"), ("pound", "pound"), ("pounds", "pound"),
        ]
        for (word, family) in words { table[WordKey.of(word)] = family }
        return table
    }()

    /// Families whose spellings settle one another: `Saudi riyals` settles a later bare `rials`.
    static func relatedFamilies(_ family: String) -> [String] {
        family == "rial" || family == "riyal" ? ["rial", "riyal"] : [family]
    }

    /// A hundredth of a currency, after the number: `86 cents`, `14 paise`.
    static let subunits: PhraseTable<String> = PhraseTable([
        ("cent", "USD"), ("cents", "USD"), ("pence", "GBP"), ("paise", "INR"), ("kopecks", "RUB"), ("kopeks", "RUB"),
    ])

    /// Words naming the people or things of a country, counted as mentions of it when a shared currency name is
    /// resolved (`Argentines`, `Mexican`, `Chinese`).
    static let demonyms: [UInt64: String] = {
        let pairs: [(String, String)] = [
            ("argentine", "ar"), ("argentines", "ar"), ("argentinian", "ar"), ("argentinians", "ar"),
            ("mexican", "mx"), ("mexicans", "mx"), ("filipino", "ph"), ("filipinos", "ph"), ("philippine", "ph"),
            ("chilean", "cl"), ("chileans", "cl"), ("colombian", "co"), ("colombians", "co"), ("uruguayan", "uy"),
            ("cuban", "cu"), ("cubans", "cu"), ("dominican", "do"), ("swiss", "ch"), ("senegalese", "sn"),
            ("ivorian", "ci"), ("malian", "ml"), ("cameroonian", "cm"), ("congolese", "cd"), ("rwandan", "rw"),
            ("kenyan", "ke"), ("kenyans", "ke"), ("ugandan", "ug"), ("ugandans", "ug"), ("tanzanian", "tz"),
            ("tanzanians", "tz"), ("somali", "so"), ("somalis", "so"), ("iraqi", "iq"), ("iraqis", "iq"),
            ("jordanian", "jo"), ("kuwaiti", "kw"), ("bahraini", "bh"), ("algerian", "dz"), ("tunisian", "tn"),
            ("libyan", "ly"), ("serbian", "rs"), ("saudi", "sa"), ("saudis", "sa"), ("qatari", "qa"),
            ("iranian", "ir"), ("iranians", "ir"), ("omani", "om"), ("yemeni", "ye"), ("emirati", "ae"),
            ("moroccan", "ma"), ("norwegian", "no"), ("danish", "dk"), ("swedish", "se"), ("icelandic", "is"),
            ("zambian", "zm"), ("malawian", "mw"), ("azerbaijani", "az"), ("turkmen", "tm"), ("british", "gb"),
            ("egyptian", "eg"), ("egyptians", "eg"), ("sudanese", "sd"), ("lebanese", "lb"), ("syrian", "sy"),
            ("indian", "in"), ("indians", "in"), ("pakistani", "pk"), ("pakistanis", "pk"), ("nepalese", "np"),
            ("nepali", "np"), ("mauritian", "mu"), ("chinese", "cn"), ("japanese", "jp"),
        ]
        var table: [UInt64: String] = [:]
        for (word, country) in pairs { table[WordKey.of(word)] = country }
        return table
    }()

    /// Every code a figure can carry.
    static let allCodes: Set<String> = {
        var result = Set(isoCodes).union(codeAliases.values)
        result.formUnion(symbols.values.filter { !$0.hasPrefix("~") })
        result.formUnion(signPrefixes.values)
        result.formUnion(suffixes.values)
        for family in shared.values {
            result.formUnion(family.users.values)
            if let fallback = family.fallback { result.insert(fallback) }
        }
        return result
    }()

    /// Units that are amounts of a currency without a settled code: `peso`, `franc`.
    static let neutralNames: Set<String> = Set(shared.values.map(\.neutral))
}

/// What a document says about the currencies it does not name fully: the code it gave a shared name with an adjective
/// (`Swiss francs`), and the countries it mentions most.
struct CurrencyContext: Sendable {
    /// ISO 3166 alpha-2 country codes (lower case) of the country mentions, with their first token, in order.
    private(set) var countries: [(token: Int, country: String)]
    private var counts: [String: Int] = [:]
    /// Shared family → the code the document first gave it with an adjective.
    private var named: [String: String] = [:]

    static let empty = CurrencyContext(countries: [])

    private init(countries: [(token: Int, country: String)]) { self.countries = countries }

    /// Reads the document's adjective-named currencies and its country mentions, gazetteer ones (`countries`) and
    /// demonyms (`Argentines`).
    init(text: ScannedText, countries gazetteer: [(token: Int, country: String)]) {
        var countries = gazetteer
        let tokens = text.tokens
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .word else {
                index += 1
                continue
            }
            if token.isCapitalized, let country = Currencies.demonyms[token.key] {
                countries.append((index, country))
            }
            if let (value, end) = Currencies.names.match(in: tokens, at: index, limit: tokens.count),
                Currencies.sharedFamily(value).map({ Currencies.sharedNameWords[WordKey.of($0)] == nil }) ?? true,
                end - index >= 2, let family = Currencies.sharedNameWords[tokens[end - 1].key]
            {
                for related in Currencies.relatedFamilies(family) where named[related] == nil {
                    named[related] = value
                }
                index = end
                continue
            }
            index += 1
        }
        countries.sort { $0.token < $1.token }
        self.countries = countries
        for (_, country) in countries { counts[country, default: 0] += 1 }
    }

    /// The code of a shared name: the one the document gave it with an adjective, else the currency of the country
    /// it mentions most among those using the name (countries sharing a currency count together: Cameroon and Chad
    /// for XAF), else the fallback or the neutral unit.
    func resolve(_ family: String) -> String {
        guard let name = Currencies.shared[family] else { return family }
        // `CFA francs` … `francs`: the adjective form may itself need the document (West or Central Africa).
        if let code = named[family] { return Currencies.sharedFamily(code).map(resolve) ?? code }
        var byCode: [String: Int] = [:]
        for (country, code) in name.users { byCode[code, default: 0] += counts[country] ?? 0 }
        var best: (count: Int, codes: Set<String>) = (0, [])
        for (code, count) in byCode {
            if count > best.count {
                best = (count, [code])
            } else if count == best.count, count > 0 {
                best.codes.insert(code)
            }
        }
        if best.codes.count == 1, let code = best.codes.first { return code }
        // A tie keeps the default reading when it is among the tied: `rupees` stay INR unless Pakistan dominates.
        if let fallback = name.fallback, best.codes.isEmpty || best.codes.contains(fallback) { return fallback }
        return name.neutral
    }

    /// Whether the tokens `range` mention `country` (gazetteer or demonym).
    func mentions(_ country: String, in range: Range<Int>) -> Bool {
        countries.contains { range.contains($0.token) && $0.country == country }
    }
}
