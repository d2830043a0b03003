/// Word lists the quantity rules read, keyed by `WordKey` so that lookups allocate nothing.
///
/// These are rules of English analytic and news writing, not of any one document: qualifiers, scales, currencies,
/// units, months, and the words that introduce reference numbers rather than figures.
enum Lexicon {
    static let www = WordKey.of("www")

    static func keys(_ words: [String]) -> Set<UInt64> { Set(words.map(WordKey.of)) }

    static func table<Value>(_ pairs: [(String, Value)]) -> [UInt64: Value] {
        var table: [UInt64: Value] = [:]
        for (word, value) in pairs { table[WordKey.of(word)] = value }
        return table
    }

    // MARK: Number words

    static let cardinals: [UInt64: Double] = table([
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
        ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14),
        ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
        ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ])
    static let tens = keys(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
    static let one = WordKey.of("one")

    /// Denominators of fractions written in words: `one-tenth`, `two thirds`, `a quarter of`.
    static let fractions: [UInt64: Double] = table([
        ("half", 2), ("halves", 2), ("third", 3), ("thirds", 3), ("quarter", 4), ("quarters", 4), ("fourth", 4),
        ("fourths", 4), ("fifth", 5), ("fifths", 5), ("sixth", 6), ("sixths", 6), ("seventh", 7), ("sevenths", 7),
        ("eighth", 8), ("eighths", 8), ("ninth", 9), ("ninths", 9), ("tenth", 10), ("tenths", 10),
        ("hundredth", 100), ("hundredths", 100), ("thousandth", 1000), ("thousandths", 1000),
    ])

    /// Scale words after a number; `hundred` also builds word numbers (`two hundred`).
    static let scales: [UInt64: Double] = table([
        ("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
        ("mn", 1e6), ("mln", 1e6), ("bn", 1e9), ("bln", 1e9), ("tn", 1e12), ("trn", 1e12), ("lakh", 1e5),
        ("crore", 1e7), ("dozen", 12),
    ])
    /// Scale suffixes written against the digits: `5bn`, `$3m`, `20k`.
    static let attachedScales: [UInt64: Double] = table([
        ("k", 1e3), ("m", 1e6), ("mn", 1e6), ("bn", 1e9), ("b", 1e9), ("tn", 1e12), ("trn", 1e12),
    ])

    // MARK: Units

    /// Units written against the digits: `2km`, `152mm`, `24h`.
    static let attachedUnits: [UInt64: String] = table([
        ("km", "km"), ("mm", "mm"), ("cm", "cm"), ("m", "m"), ("kg", "kg"), ("t", "tonne"), ("kt", "kiloton"),
        ("mt", "megaton"), ("h", "hour"), ("hrs", "hour"), ("mw", "MW"), ("gw", "GW"), ("kw", "kW"), ("kwh", "kWh"),
        ("mi", "mile"), ("ha", "hectare"), ("lb", "lb"), ("lbs", "lb"), ("bbl", "barrel"), ("yr", "year"),
        ("yrs", "year"),
    ])

    /// Unit nouns after a number, with their normalised unit.
    static let units: [UInt64: String] = {
        var pairs: [(String, String)] = []
        let people = [
            "person", "persons", "people", "personnel", "troop", "troops", "soldier", "soldiers", "worker", "workers",
            "laborer", "laborers", "labourer", "labourers", "casualty", "casualties", "tourist", "tourists",
            "civilian", "civilians", "refugee", "refugees", "defector", "defectors", "employee", "employees",
            "expert", "experts", "official", "officials", "delegate", "delegates", "resident", "residents",
            "citizen", "citizens", "student", "students", "prisoner", "prisoners", "death", "deaths", "dead",
            "fatalities", "killed", "wounded", "injured", "men", "women", "children", "fighter", "fighters",
            "mercenaries", "sailors", "engineers", "scientists", "technicians", "victims", "migrants", "visitors",
            "passengers", "individuals", "inhabitants", "volunteers", "members", "staff", "specialists", "pilots",
            "cadets", "trainees", "crew", "servicemen", "conscripts", "recruits", "athletes", "journalists",
            "agents", "spies", "diplomats", "doctors", "nurses", "teachers", "farmers", "miners", "builders",
            "officer", "officers", "participants", "generals", "commanders", "leaders", "representatives",
            "operatives", "hackers", "guests", "instructors", "advisers", "advisors", "observers", "performers",
            "artists", "nationals", "deminers", "sappers", "laborers", "patients", "graduates", "youths",
            "voter", "voters", "firefighter", "firefighters", "evacuee", "evacuees", "seeker", "seekers",
            "returnee", "returnees", "applicant", "applicants", "beneficiary", "beneficiaries", "pupil", "pupils",
            "shopper", "shoppers", "consumer", "consumers", "taxpayer", "taxpayers", "pensioner", "pensioners",
            "smoker", "smokers", "driver", "drivers", "rider", "riders", "fisherman", "fishermen", "fishers",
            "peacekeeper", "peacekeepers", "police", "policemen", "policewomen", "judge", "judges", "lawmaker",
            "lawmakers", "legislator", "legislators", "mps", "senator", "senators", "protester", "protesters",
            "protestor", "protestors", "demonstrator", "demonstrators", "detainee", "detainees", "hostage",
            "hostages", "displaced", "kids", "babies", "infants", "adults", "teenagers", "boys", "girls",
            "survivor", "survivors", "suspect", "suspects", "militant", "militants", "insurgent", "insurgents",
            "rebel", "rebels", "attacker", "attackers", "gunmen", "combatants", "veterans", "reservists", "guards",
            "inmates", "captives", "medics", "paramedics", "surgeons", "midwives", "researchers", "economists",
            "analysts", "respondents", "pilgrims", "worshippers", "spectators", "attendees", "candidates",
            "immigrants", "emigrants", "expatriates", "expats", "settlers", "villagers", "herders", "seafarers",
            "marines", "paratroopers", "commandos", "airmen", "staffers", "caregivers", "nurse", "doctor",
            "teacher", "farmer", "miner", "diplomat", "journalist", "patient", "migrant", "victim", "passenger",
            "individual", "volunteer", "pilot", "agent", "athlete", "visitor", "participant", "welders",
            "machinists", "electricians", "mechanics", "plumbers", "carpenters", "craftsmen", "apprentices",
            "interns", "programmers",
        ]
        pairs += people.map { ($0, "person") }
        pairs += ["shell", "shells", "round", "rounds"].map { ($0, "shell") }
        pairs += ["missile", "missiles"].map { ($0, "missile") }
        pairs += ["rocket", "rockets"].map { ($0, "rocket") }
        pairs += ["drone", "drones"].map { ($0, "drone") }
        pairs += ["tank", "tanks"].map { ($0, "tank") }
        pairs += ["launcher", "launchers"].map { ($0, "launcher") }
        pairs += ["aircraft", "jets", "planes", "warplanes", "helicopters"].map { ($0, "aircraft") }
        pairs += ["ship", "ships", "vessel", "vessels", "tanker", "tankers"].map { ($0, "vessel") }
        pairs += ["container", "containers"].map { ($0, "container") }
        pairs += ["wagon", "wagons", "railcar", "railcars", "carriages"].map { ($0, "railcar") }
        pairs += ["truck", "trucks", "lorries"].map { ($0, "truck") }
        pairs += ["tonne", "tonnes", "ton", "tons"].map { ($0, "tonne") }
        pairs += ["barrel", "barrels"].map { ($0, "barrel") }
        pairs += ["kilometer", "kilometers", "kilometre", "kilometres", "km"].map { ($0, "km") }
        pairs += ["mile", "miles"].map { ($0, "mile") }
        pairs += ["meter", "meters", "metre", "metres"].map { ($0, "m") }
        pairs += ["kilogram", "kilograms", "kg"].map { ($0, "kg") }
        pairs += ["hectare", "hectares"].map { ($0, "hectare") }
        pairs += ["second", "seconds"].map { ($0, "second") }
        pairs += ["minute", "minutes"].map { ($0, "minute") }
        pairs += ["hour", "hours"].map { ($0, "hour") }
        pairs += ["day", "days"].map { ($0, "day") }
        pairs += ["week", "weeks"].map { ($0, "week") }
        pairs += ["month", "months"].map { ($0, "month") }
        pairs += ["year", "years"].map { ($0, "year") }
        pairs += ["decade", "decades"].map { ($0, "decade") }
        pairs += [
            "item", "items", "article", "articles", "clause", "clauses", "demand", "demands", "provision",
            "provisions",
        ].map { ($0, "item") }
        // Points of an index (`1,427 points`); the points of a plan are items (see `QuantityExtractor`).
        pairs += ["point", "points"].map { ($0, "point") }
        pairs += ["megawatt", "megawatts", "mw"].map { ($0, "megawatt") }
        pairs += ["gigawatt", "gigawatts", "gw"].map { ($0, "gigawatt") }
        pairs += ["kilowatt", "kilowatts", "kw"].map { ($0, "kilowatt") }
        pairs += ["terawatt", "terawatts"].map { ($0, "terawatt") }
        pairs += [
            ("gwh", "gigawatt hour"), ("mwh", "megawatt hour"), ("twh", "terawatt hour"), ("kwh", "kilowatt hour"),
        ]
        pairs += ["country", "countries", "nation", "nations", "states"].map { ($0, "country") }
        pairs += ["percent", "pct"].map { ($0, "percent") }
        pairs += ["fold"].map { ($0, "ratio") }
        pairs += [("bpd", "barrel per day"), ("bcm", "bcm"), ("teu", "TEU"), ("teus", "TEU")]
        return table(pairs)
    }()

    /// Units that measure time: a year-like number followed by one of these is still a figure.
    static let timeUnits: Set<String> = ["second", "minute", "hour", "day", "week", "month", "year", "decade"]

    /// Currency signs written before the number: `$`, `₩`, `€`, `₱` (see `Currencies`).
    static let currencySymbols: [UInt32: String] = Currencies.symbols
    /// ISO 4217 codes and aliases, whatever their case, except those that are also English words (`TRY`, `ALL`):
    /// the quantity rules read those through `Currencies` with their letter case.
    static let currencyCodes: [UInt64: String] = Currencies.plainCodes

    /// Legal forms after a company's name: `Daehan Precision Aerospace Co., Ltd.`
    static let companyForms = keys([
        "co", "corp", "corporation", "inc", "ltd", "llc", "plc", "ag", "sa", "gmbh", "nv", "pjsc", "jsc",
    ])

    /// Words of rank or office written before a person's name: `Rep.`, `Dr.`, `Rear Admiral`, `Chief Executive
    /// Officer`.
    static let personTitles = keys([
        "mr", "mrs", "ms", "dr", "prof", "professor", "rep", "representative", "sen", "senator", "gen", "general",
        "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "cmdr", "commander", "adm",
        "admiral", "rear", "vice", "brig", "brigadier", "sgt", "sergeant", "marshal", "chief", "executive",
        "financial", "operating", "officer", "president", "minister", "prime", "deputy", "secretary", "director",
        "chairman", "chairwoman", "chair", "governor", "gov", "mayor", "ambassador", "amb", "spokesman",
        "spokeswoman", "spokesperson", "commissioner", "ceo", "cfo", "coo", "cto", "sir", "dame", "lord", "judge",
        "justice", "rev", "sheikh", "premier", "chancellor", "envoy", "senior", "fellow", "associate", "assistant",
        "inspector", "superintendent", "detective", "constable", "hon", "acting", "former", "head",
    ])

    /// Portfolios that are part of a title only before one (`Finance Minister`, not `Health Canada`).
    static let portfolios = keys([
        "foreign", "defence", "defense", "finance", "economy", "trade", "interior", "health", "energy", "justice",
        "labour", "labor", "education", "transport", "agriculture", "industry", "environment", "state",
    ])

    /// Words that end or make up the name of a body rather than a person (`Cornwall Insight`, `Halvorsen Capital`).
    static let organisationWords = keys([
        "agency", "bank", "insight", "capital", "securities", "group", "holdings", "institute", "foundation",
        "university", "centre", "center", "council", "programme", "program", "forum", "fund", "association", "union",
        "party", "network", "desk", "research", "analytics", "partners", "consulting", "trust", "times", "news",
        "post", "journal", "press", "daily", "monitor", "watch", "service", "services", "office", "reserve",
        "exchange", "energy", "motors", "airlines", "airways", "semiconductor", "electronics", "industries",
        "systems", "technologies", "aerospace", "shipbuilding", "steel", "mining", "resources", "petroleum",
        "ministry", "department", "committee", "commission", "authority", "bureau", "board", "court", "police",
        "army", "navy", "forces", "force", "staff", "command", "government", "administration", "parliament",
        "assembly", "congress", "senate", "house", "cabinet", "school", "college", "laboratory", "lab", "society",
        "organisation", "organization", "federation", "alliance", "coalition", "company", "corporation", "bloc",
        "observatory", "directorate", "inspectorate", "secretariat", "mission", "embassy", "consortium", "cluster",
        "intelligence", "statistics", "customs", "data", "report", "survey", "review", "project", "initiative",
    ])

    /// Verbs that report what somebody said or found: a subject never reaches back past one
    /// (`The company said revenue rose to $4bn`: the subject of `rose` is `revenue`).
    static let reportingVerbs = keys([
        "said", "says", "say", "stated", "told", "announced", "reported", "reports", "estimated", "estimates",
        "noted", "claimed", "claims", "added", "showed", "shows", "show", "believes", "warned", "confirmed",
        "revealed", "argued", "wrote", "explained", "insisted", "concluded", "predicted", "indicated", "suggested",
        "found", "finds",
    ])

    /// Whether a unit is an amount of money (`USD`, `KRW`, a shared name left unresolved such as `peso`) or a rate of
    /// one (`USD per year`).
    static func isMoney(_ unit: String) -> Bool {
        let code = unit.prefix(3)
        if currencies.contains(String(code)) && (unit.count == 3 || unit.dropFirst(3).hasPrefix(" per ")) {
            return true
        }
        return Currencies.neutralNames.contains { unit == $0 || unit.hasPrefix($0 + " per ") }
    }

    /// Every currency code a figure can carry.
    static let currencies = Currencies.allCodes

    /// Currency names after the number, as word sequences (longest first when looked up); a value `~family` is a
    /// name several currencies share (`pesos`), resolved by the document (see `Currencies`).
    static let currencyWords: PhraseTable<String> = Currencies.names

    /// Multi-word units after a number.
    static let unitPhrases: PhraseTable<String> = PhraseTable([
        ("per cent", "percent"), ("percentage point", "percentage point"),
        ("percentage points", "percentage point"), ("metric tons", "tonne"), ("metric tonnes", "tonne"),
        ("square kilometers", "km2"), ("square kilometres", "km2"), ("square km", "km2"),
        ("cubic meters", "cubic metre"), ("cubic metres", "cubic metre"), ("cubic meter", "cubic metre"),
        ("cubic metre", "cubic metre"), ("square meters", "square metre"), ("square metres", "square metre"),
        ("basis points", "basis point"), ("basis point", "basis point"), ("gigawatt hours", "gigawatt hour"),
        ("gigawatt hour", "gigawatt hour"), ("gigawatt-hours", "gigawatt hour"), ("gigawatt-hour", "gigawatt hour"),
        ("megawatt hours", "megawatt hour"), ("megawatt hour", "megawatt hour"), ("megawatt-hours", "megawatt hour"),
        ("megawatt-hour", "megawatt hour"), ("terawatt hours", "terawatt hour"), ("terawatt hour", "terawatt hour"),
        ("terawatt-hours", "terawatt hour"), ("terawatt-hour", "terawatt hour"), ("kilowatt hours", "kilowatt hour"),
        ("kilowatt hour", "kilowatt hour"), ("kilowatt-hours", "kilowatt hour"), ("kilowatt-hour", "kilowatt hour"),
        ("index points", "point"),
    ])

    /// A hundredth of a currency, after the number: `86 cents`, `14 paise`.
    static let currencySubunits: PhraseTable<String> = Currencies.subunits

    /// Multiples written as one word: `doubled`, `threefold`, `halved`; those marked `true` need a qualifier before
    /// them (`nearly double`, `more than triple`), being adjectives too (`a double standard`).
    static let multiples: [UInt64: (value: Double, needsQualifier: Bool)] = {
        var result: [UInt64: (Double, Bool)] = [:]
        for (word, value) in [
            ("doubled", 2.0), ("tripled", 3), ("trebled", 3), ("quadrupled", 4), ("halved", 0.5), ("twofold", 2),
            ("threefold", 3), ("fourfold", 4), ("fivefold", 5), ("sixfold", 6), ("tenfold", 10),
        ] {
            result[WordKey.of(word)] = (value, false)
        }
        for (word, value) in [("double", 2.0), ("triple", 3), ("quadruple", 4)] {
            result[WordKey.of(word)] = (value, true)
        }
        return result
    }()

    /// Rates after a unit: `200 million dollars annually`.
    static let rates: PhraseTable<String> = PhraseTable([
        ("annually", "year"), ("a year", "year"), ("per year", "year"), ("per annum", "year"), ("each year", "year"),
        ("every year", "year"), ("yearly", "year"), ("a month", "month"), ("per month", "month"),
        ("monthly", "month"), ("each month", "month"), ("a day", "day"), ("per day", "day"), ("daily", "day"),
        ("a week", "week"), ("per week", "week"), ("weekly", "week"), ("per hour", "hour"), ("an hour", "hour"),
        ("a barrel", "barrel"), ("per barrel", "barrel"), ("a tonne", "tonne"), ("per tonne", "tonne"),
        ("a ton", "tonne"), ("per ton", "tonne"), ("a share", "share"), ("per share", "share"),
        ("per megawatt hour", "megawatt hour"), ("a megawatt hour", "megawatt hour"), ("per mwh", "megawatt hour"),
        ("a litre", "litre"), ("per litre", "litre"), ("a liter", "litre"), ("per liter", "litre"),
        ("a gallon", "gallon"), ("per gallon", "gallon"), ("a kilogram", "kg"), ("per kilogram", "kg"),
        ("per kg", "kg"), ("per person", "person"), ("per capita", "person"), ("per head", "person"),
    ])

    /// Adjectives that make the figure completing their noun phrase a rate: `annual trade of $7 billion`.
    static let rateAdjectives: [UInt64: String] = table([
        ("annual", "year"), ("yearly", "year"), ("monthly", "month"), ("weekly", "week"), ("daily", "day"),
    ])

    // MARK: Qualifiers

    /// Words before a number that qualify it, normalised to `about`, `over`, `under`, `up to`, `at least`,
    /// `nearly` or `exact`.
    static let qualifiers: PhraseTable<String> = PhraseTable(
        [
            ("about", "about"), ("around", "about"), ("approximately", "about"), ("approx", "about"),
            ("approx.", "about"), ("roughly", "about"), ("some", "about"), ("an estimated", "about"),
            ("estimated at", "about"), ("circa", "about"), ("~", "about"), ("in the region of", "about"),
            ("on the order of", "about"), ("over", "over"), ("more than", "over"), ("greater than", "over"),
            ("higher than", "over"), ("above", "over"), ("in excess of", "over"), ("upwards of", "over"),
            ("exceeding", "over"), ("just over", "over"), ("well over", "over"), ("well above", "over"),
            ("under", "under"), ("less than", "under"), ("fewer than", "under"), ("lower than", "under"),
            ("below", "under"), ("well below", "under"), ("up to", "up to"), ("as many as", "up to"),
            ("as much as", "up to"), ("as high as", "up to"), ("at most", "up to"), ("no more than", "up to"),
            ("not more than", "up to"), ("a maximum of", "up to"), ("at least", "at least"),
            ("no fewer than", "at least"), ("no less than", "at least"), ("not less than", "at least"),
            ("a minimum of", "at least"), ("nearly", "nearly"), ("almost", "nearly"), ("close to", "nearly"),
            ("just under", "nearly"), ("just shy of", "nearly"), ("only", "exact"), ("just", "exact"),
            ("exactly", "exact"), ("precisely", "exact"), ("a whopping", "exact"), ("a mere", "exact"),
            ("merely", "exact"),
        ], reversed: true)

    // MARK: Things that are not figures

    static let months: Set<UInt64> = keys([
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ])

    /// Words that introduce a reference number, not a figure: `Figure 1`, `Resolution 1874`, `ext. 211`.
    static let referenceWords = keys([
        "figure", "figures", "fig", "figs", "table", "tables", "chart", "charts", "section", "sections", "chapter",
        "chapters", "article", "articles", "resolution", "resolutions", "paragraph", "paragraphs", "para", "page",
        "pages", "p", "pp", "vol", "volume", "volumes", "issue", "no", "nos", "number", "ext", "tel", "fax", "annex",
        "appendix", "footnote", "note", "notes", "phase", "step", "grade", "room", "route", "highway", "platform",
        "gate", "exhibit", "item", "clause", "rule", "box", "map", "plate", "session", "episode", "season", "part",
        "unit", "camp", "division", "brigade", "regiment", "corps", "squad", "flight", "hwasong", "version",
        "level", "tier", "category", "type", "model", "code", "series", "edition", "op", "ref", "id",
    ])

    /// Suffixes that make a number an ordinal or a decade: `4th`, `1990s`.
    static let ordinalSuffixes = keys(["st", "nd", "rd", "th", "s"])

    /// Words after a number that make it a clock time.
    static let timeSuffixes = keys(["am", "pm", "gmt", "utc", "kst", "edt", "est", "cet", "msk"])

    /// Words that may not be part of a noun phrase counted by a number.
    static let stopWords = keys([
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but", "as",
        "than", "that", "which", "who", "whom", "whose", "is", "are", "was", "were", "be", "been", "being", "has",
        "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "do", "does", "did", "not",
        "so", "if", "when", "while", "per", "each", "every", "this", "these", "those", "its", "their", "his", "her",
        "our", "your", "my", "it", "they", "we", "he", "she", "i", "you", "there", "here", "later", "ago",
        "earlier", "more", "less", "fewer", "higher", "lower", "annually", "yearly", "monthly", "daily", "also",
        "only", "just", "even", "still", "already", "into", "onto", "over", "under", "about", "around", "between",
        "since", "until", "after", "before", "during", "through", "across", "against", "among", "toward",
        "towards", "via", "according", "compared", "including", "such", "like", "what", "where", "how", "why",
        "all", "both", "some", "any", "no", "nor", "yet", "then", "now", "far", "too", "very", "much", "many",
        "said", "says", "say", "estimated", "reported", "respectively", "each", "apiece", "times", "time",
        "once", "twice", "ahead", "back", "away", "up", "down", "out", "off", "again", "instead", "last", "next",
        "total", "overall", "combined", "alone", "altogether", "within", "without", "upon", "near", "because",
        "although", "though", "whereas", "unless", "whether", "either", "neither", "others", "another",
    ])

    /// Words after `N times` that make it a ratio (`nine times higher`) rather than a count of occurrences.
    static let comparatives = keys([
        "higher", "more", "less", "larger", "greater", "bigger", "smaller", "lower", "as", "the", "that",
        "compared", "over", "faster", "cheaper", "longer", "fewer", "increase", "growth", "what",
    ])

    /// Words after `once` that show it counts an occurrence (`launched once a year`), not `once the war ends`.
    static let onceFollowers = keys(["a", "per", "every", "each", "this", "last", "in", "during", "before"])

    static let articles = keys(["a", "an"])
    static let single = WordKey.of("single")
    static let once = WordKey.of("once")
    static let twice = WordKey.of("twice")
    static let by = WordKey.of("by")
    static let rs = WordKey.of("rs")
    static let `in` = WordKey.of("in")
    static let times = keys(["times", "time"])
    static let half = WordKey.of("half")
    static let of = WordKey.of("of")
    static let to = WordKey.of("to")
    static let and = WordKey.of("and")
    static let or = WordKey.of("or")
    static let from = WordKey.of("from")
    static let between = WordKey.of("between")
    static let the = WordKey.of("the")
    static let number = WordKey.of("number")
    static let at = WordKey.of("at")
    static let again = WordKey.of("again")
    static let more = WordKey.of("more")
    static let so = WordKey.of("so")
    static let us = WordKey.of("us")
    static let pounds = keys(["pound", "pounds"])
    static let percentWords = keys(["percent", "pct"])
}

/// Word sequences (as written with spaces, `.` kept as its own token) mapped to a value, looked up by the key of
/// their first word — or of their last word when the table is read backwards from a number.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Phrase: Sendable {
        /// Keys in reading order (words and symbols).
        let keys: [UInt64]
        let kinds: [Token.Kind]
        let value: Value
    }

    private(set) var byAnchor: [UInt64: [Phrase]] = [:]
    let reversed: Bool

    init(_ entries: [(String, Value)], reversed: Bool = false) {
        self.reversed = reversed
        for (text, value) in entries {
            var keys: [UInt64] = []
            var kinds: [Token.Kind] = []
            for word in text.split(separator: " ") {
                // Split `u.s.` into `u`, `.`, `s`, `.` the way the tokenizer does.
                var current = ""
                for scalar in word.unicodeScalars {
                    if Scalars.isLetter(scalar.value) || Scalars.isDigit(scalar.value) {
                        current.unicodeScalars.append(scalar)
                    } else {
                        if !current.isEmpty {
                            keys.append(WordKey.of(current))
                            kinds.append(.word)
                            current = ""
                        }
                        keys.append(UInt64(scalar.value))
                        kinds.append(.symbol)
                    }
                }
                if !current.isEmpty {
                    keys.append(WordKey.of(current))
                    kinds.append(.word)
                }
            }
            guard let anchor = reversed ? keys.last : keys.first else { continue }
            byAnchor[anchor, default: []].append(Phrase(keys: keys, kinds: kinds, value: value))
        }
        for anchor in byAnchor.keys { byAnchor[anchor]!.sort { $0.keys.count > $1.keys.count } }
    }

    /// The longest phrase starting at token `index` (reading forwards), and the index just past it.
    func match(in tokens: [Token], at index: Int, limit: Int) -> (value: Value, end: Int)? {
        guard index < limit, let phrases = byAnchor[tokens[index].key] else { return nil }
        for phrase in phrases where index + phrase.keys.count <= limit {
            var ok = true
            for (offset, key) in phrase.keys.enumerated() {
                let token = tokens[index + offset]
                if token.key != key || token.kind != phrase.kinds[offset] {
                    ok = false
                    break
                }
            }
            if ok { return (phrase.value, index + phrase.keys.count) }
        }
        return nil
    }

    /// The longest phrase ending at token `index` (reading backwards), and the index of its first token.
    func match(in tokens: [Token], endingAt index: Int, floor: Int) -> (value: Value, start: Int)? {
        guard index >= floor, index >= 0, let phrases = byAnchor[tokens[index].key] else { return nil }
        for phrase in phrases where index - phrase.keys.count + 1 >= floor {
            let first = index - phrase.keys.count + 1
            var ok = true
            for (offset, key) in phrase.keys.enumerated()
            where tokens[first + offset].key != key
                || tokens[first + offset].kind != phrase.kinds[offset]
            {
                ok = false
                break
            }
            if ok { return (phrase.value, first) }
        }
        return nil
    }
}
