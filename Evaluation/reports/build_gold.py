#!/usr/bin/env python3
"""Builds gold_*.jsonl for Evaluation/reports from anchor-based annotations.

Each annotation names a unique `anchor` string in the document and the `text`
span inside it; offsets are computed here (Unicode code points), never by hand.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__)) if len(sys.argv) < 2 else sys.argv[1]
DOCS = {}

def load(doc):
    if doc not in DOCS:
        with open(os.path.join(HERE, doc), encoding="utf-8") as f:
            DOCS[doc] = f.read()
    return DOCS[doc]

def locate(doc, anchor, text):
    s = load(doc)
    n = s.count(anchor)
    if n != 1:
        raise SystemExit(f"{doc}: anchor {anchor!r} occurs {n} times")
    a = s.index(anchor)
    i = anchor.find(text)
    if i < 0:
        raise SystemExit(f"{doc}: text {text!r} not in anchor {anchor!r}")
    return a + i, a + i + len(text)

QUANT, EVENTS, ESTS = [], [], []
CUR = {}

def doc(name, source):
    CUR["doc"] = name
    CUR["source"] = source
    load(name)

def q(anchor, text=None, v=None, lo=None, hi=None, unit=None, ql="exact", m="", s=None, d=None, tier="core"):
    text = anchor if text is None else text
    st, en = locate(CUR["doc"], anchor, text)
    r = {"doc": CUR["doc"], "text": text, "start": st, "end": en}
    if lo is not None:
        r["low"], r["high"] = lo, hi
    else:
        r["value"] = v
    r.update({"unit": unit, "qualifier": ql, "measure": m,
              "source": s or CUR["source"], "date": d, "tier": tier})
    QUANT.append(r)

def aux(anchor, text=None, v=None, unit="item", m="", d=None, s=None):
    q(anchor, text, v=v, unit=unit, m=m, d=d, s=s, tier="aux")

def e(anchor, text, date, event, cat):
    st, en = locate(CUR["doc"], anchor, text)
    prec = {10: "day", 7: "month", 4: "year"}[len(date)]
    EVENTS.append({"doc": CUR["doc"], "dateText": text, "start": st, "end": en,
                   "date": date, "precision": prec, "event": event, "category": cat})

def est(anchor, text, band):
    st, en = locate(CUR["doc"], anchor, text)
    ESTS.append({"doc": CUR["doc"], "text": text, "start": st, "end": en, "band": band})

ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
       "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

def auto_ordinals():
    """Every ordinal word not already covered becomes an aux record."""
    for name, s in DOCS.items():
        taken = [(r["start"], r["end"]) for r in QUANT if r["doc"] == name]
        for mo in re.finditer(r"\b(" + "|".join(ORD) + r")\b", s, re.I):
            a, b = mo.span()
            if any(a < y and x < b for x, y in taken):
                continue
            QUANT.append({"doc": name, "text": mo.group(0), "start": a, "end": b,
                          "value": ORD[mo.group(0).lower()], "unit": "ordinal",
                          "qualifier": "exact", "measure": "ordinal word",
                          "source": None, "date": None, "tier": "aux"})

# ---------------------------------------------------------------------------
# 01 think-tank commentary, dated 2025-02-19 (Wednesday)
doc("01_baltic_cables_commentary.txt", "Northern Security Programme (Solberg and Wierzbicki)")
D = "2025-02-19"
q("four telecommunications cables", v=4, unit="cable", m="telecommunications cables between Finland and Estonia damaged", d="2024-12-25")
q("running for nearly 100 km", "nearly 100 km", v=100, unit="km", ql="nearly", m="length of anchor-drag scar on the seabed", s="investigators", d="2024-12-25")
aux("in 16 months", "16 months", v=16, unit="month", m="window in which three serious incidents occurred")
q("more than 30 subsea data and power links", v=30, unit="link", ql="over", m="subsea data and power links in the Baltic region", s="European Commission", d=D)
q("an estimated €1.3 trillion", v=1.3e12, unit="EUR", ql="about", m="financial transactions carried by Baltic subsea links each year", s="European Commission", d=D)
q("up to 658 megawatts", v=658, unit="megawatt", ql="up to", m="capacity of the damaged Finland-Estonia power interconnector", d=D)
q("roughly one-fifth", v=20, unit="percent", ql="about", m="interconnector capacity as share of Estonia's peak winter demand", d=D)
q("between €40 million and €60 million", lo=4e7, hi=6e7, unit="EUR", m="estimated repair cost of the interconnector", s="Fingrid", d=D)
q("about seven months", v=7, unit="month", ql="about", m="estimated repair duration", s="Fingrid", d=D)
q("the 11 cable and pipeline incidents", "11 cable and pipeline incidents", v=11, unit="incident", m="cable and pipeline incidents recorded in the Baltic since October 2023", d="2023-10/2025-02-19")
q("only two to a specific vessel", "only two", v=2, unit="incident", m="incidents formally linked to a specific vessel", d="2023-10/2025-02-19")
q("at least 40 tankers", v=40, unit="vessel", ql="at least", m="shadow-fleet tankers transiting the Gulf of Finland per month", d="2024")
q("up 27% from a year earlier", "27%", v=27, unit="percent", m="year-on-year increase in monthly shadow-fleet tanker transits", d="2024")
aux("more than 15 years old", v=15, unit="year", m="age of shadow-fleet tankers (age)")
q("as many as 10 ships", v=10, unit="vessel", ql="up to", m="ships assigned to Baltic Sentry at any one time", s="NATO officials (unnamed)", d=D)
q("1,600 km of coastline", "1,600 km", v=1600, unit="km", m="length of coastline to be patrolled", d=D)
aux("Three steps would", "Three steps", v=3, unit="step", m="number of recommendations (list count)")
q("more than six weeks", v=6, unit="week", ql="over", m="wait time for a cable-repair ship", d=D)
q("roughly €250m", v=2.5e8, unit="EUR", ql="about", m="cost to build a dedicated cable-repair vessel", d=D)
q("€15m a year", v=1.5e7, unit="EUR", m="annual operating cost of a dedicated cable-repair vessel", d=D)
q("over 150 shadow-fleet tankers", v=150, unit="vessel", ql="over", m="shadow-fleet tankers sanctioned by the UK and the EU", d=D)
q("about 70%", v=70, unit="percent", ql="about", m="share of Russia's seaborne crude exports carried by the shadow fleet", s="Kyiv School of Economics", d="2024")
q("some $9 billion a month", v=9e9, unit="USD", ql="about", m="Russian earnings from shadow-fleet crude exports per month", s="Kyiv School of Economics", d="2024")

e("On 25 December 2024, a power", "25 December 2024", "2024-12-25", "Finland-Estonia power interconnector and four telecom cables damaged", "military")
e("dragging its anchor the next day", "the next day", "2024-12-26", "Finnish police board tanker suspected of dragging its anchor", "military")
e("pipeline was damaged in October 2023", "October 2023", "2023-10", "Balticconnector gas pipeline damaged", "military")
e("launched Baltic Sentry on 14 January 2025", "14 January 2025", "2025-01-14", "NATO launches Baltic Sentry mission", "military")
e("Finland's experience last month", "last month", "2025-01", "Finnish court releases tanker crew after jurisdiction dispute", "diplomatic")

est("there will almost certainly be more", "almost certainly", "almost certain")
est("Moscow is likely to keep", "likely", "likely")
est("gas pipeline is unlikely in the near term", "unlikely", "unlikely")
est("are highly likely.", "highly likely", "very likely")
est("We cannot rule out an incident", "cannot rule out", "unlikely")
est("There is a realistic possibility that the mission", "realistic possibility", "roughly even chance")
est("It is probably too late", "probably", "likely")

# ---------------------------------------------------------------------------
# 02 MOD press release, dated 2025-03-06 (Thursday)
doc("02_mod_missile_contract_press_release.txt", "Ministry of Defence")
D = "2025-03-06"
q("£1.6 billion missile deal", "£1.6 billion", v=1.6e9, unit="GBP", m="value of MOD missile contract with Thales UK (headline)", d=D)
q("signed a £1.6 billion contract", "£1.6 billion", v=1.6e9, unit="GBP", m="value of MOD missile contract with Thales UK", d=D)
q("more than 5,000 lightweight multirole missiles", v=5000, unit="missile", ql="over", m="lightweight multirole missiles ordered", d=D)
q("around 700 jobs", v=700, unit="job", ql="about", m="jobs supported in Northern Ireland", d=D)
q("200 new positions", v=200, unit="job", m="new jobs created", d=D)
q("up to 2,000 missiles a year", v=2000, unit="missile", ql="up to", m="annual missile output at the Belfast site", d="2027")
q("roughly twice the current rate", "roughly twice", v=2, unit="time", ql="about", m="planned output relative to current production rate", d="2027")
q("first tranche of 1,500 missiles", "1,500 missiles", v=1500, unit="missile", m="missiles in first tranche delivered to Ukraine", d="2025")
q("10,000 one-way attack and reconnaissance drones", v=10000, unit="drone", m="drones in new package for Ukraine", d=D)
q("more than £1.3 billion", v=1.3e9, unit="GBP", ql="over", m="money raised by the International Fund for Ukraine", d=D)
q("11 partner nations", v=11, unit="country", m="partner nations contributing to the International Fund for Ukraine", d=D)
q("stands at £350 million", "£350 million", v=3.5e8, unit="GBP", m="UK contribution to the International Fund for Ukraine this financial year", d="2024-04/2025-03")
q("about 2.2 million drones", v=2.2e6, unit="drone", ql="about", m="drones produced by Ukrainian manufacturers", s="Ukraine's Ministry of Strategic Industries", d="2024")
q("as many as 4.5 million this year", "as many as 4.5 million", v=4.5e6, unit="drone", ql="up to", m="planned Ukrainian drone production", s="Ukraine's Ministry of Strategic Industries", d="2025")
q("£12.8 billion", v=1.28e10, unit="GBP", m="UK military support committed to Ukraine since February 2022", d="2022-02/2025-03-06")
q("£3 billion a year", v=3e9, unit="GBP", m="UK annual military support pledge to Ukraine", d=D)
q("over 51,000 Ukrainian recruits", v=51000, unit="person", ql="over", m="Ukrainian recruits trained by British programmes", s="Ministry of Defence", d=D)
q("rise to 2.5% of GDP", "2.5%", v=2.5, unit="percent", m="UK defence spending target as share of GDP", s="Prime Minister")
q("£13.4 billion a year", v=1.34e10, unit="GBP", m="annual increase in UK defence spending", s="Prime Minister")
q("a further £25 million", "£25 million", v=2.5e7, unit="GBP", m="Thales investment in new test facilities", s="Thales UK Chief Executive", d=D)
q("runs for seven years", "seven years", v=7, unit="year", m="duration of the missile contract", d=D)
q("a further 24 months", "24 months", v=24, unit="month", m="optional contract extension", d=D)
q("more than 8 km", v=8, unit="km", ql="over", m="range of the lightweight multirole missile", d=D)
q("about 13 kg", v=13, unit="kilogram", ql="about", m="weight of the lightweight multirole missile", d=D)
q("over 6,500 people", v=6500, unit="person", ql="over", m="Thales employees in the UK", d=D)
q("17 sites", v=17, unit="site", m="Thales sites in the UK", d=D)
q("for more than 50 years", "more than 50 years", v=50, unit="year", ql="over", m="period Belfast site has supplied missiles to the British Army", d=D)
q("£14.5 billion in 2023", "£14.5 billion", v=1.45e10, unit="GBP", m="UK defence exports", s="Department for Business and Trade", d="2023")
for n in "1234":
    aux(f"\n{n}. ", f"{n}.", v=int(n), unit="item", m="notes-to-editors list number")

e("has today signed", "today", "2025-03-06", "MOD signs £1.6bn lightweight multirole missile contract with Thales UK", "military")
e("in London on Sunday", "Sunday", "2025-03-02", "UK-Ukraine talks in London finalise missile agreement", "diplomatic")
e("will begin in September 2025", "September 2025", "2025-09", "production begins on expanded Belfast assembly line", "economic")
e("Speaking in Kyiv on Monday", "Monday", "2025-03-03", "Ukraine's Defence Minister comments on drone package in Kyiv", "diplomatic")
e("began in February 2022", "February 2022", "2022-02", "Russia's full-scale invasion of Ukraine begins", "military")
e("in Brussels on 12 March", "12 March", "2025-03-12", "Ukraine Defence Contact Group meeting in Brussels", "diplomatic")

# ---------------------------------------------------------------------------
# 03 OCHA situation report, dated 2024-08-28 (Wednesday)
doc("03_sudan_north_darfur_sitrep.txt", "OCHA")
D = "2024-08-28"
aux("Situation Report No. 9", "No. 9", v=9, unit="item", m="situation report number")
q("More than 410,000 people", v=410000, unit="person", ql="over", m="people newly displaced in North Darfur since 1 June", d="2024-06-01/2024-08-28")
q("to 1.9 million.", "1.9 million", v=1.9e6, unit="person", ql="about", m="internally displaced people in North Darfur (estimated)", d=D)
q("at least 14,500 homes", v=14500, unit="home", ql="at least", m="homes damaged or destroyed by flash floods", d="2024-08-13")
q("some 23,000 hectares", v=23000, unit="hectare", ql="about", m="farmland submerged by flash floods", d="2024-08-13")
q("2,310 suspected cases", v=2310, unit="case", m="suspected cholera cases since 22 July", d="2024-07-22/2024-08-28")
q("84 associated deaths", v=84, unit="death", m="cholera deaths since 22 July", d="2024-07-22/2024-08-28")
q("3.6 per cent", v=3.6, unit="percent", m="cholera case fatality rate", d=D)
q("41 per cent funded", "41 per cent", v=41, unit="percent", m="funding level of the 2024 Sudan Humanitarian Needs and Response Plan", d=D)
q("US$1.13 billion", v=1.13e9, unit="USD", m="funding received for the 2024 Sudan response plan", d=D)
q("requirements of $2.7 billion", "$2.7 billion", v=2.7e9, unit="USD", m="funding requirements of the 2024 Sudan response plan", d="2024")
q("about 62 per cent", v=62, unit="percent", ql="about", m="share of newly displaced who are women and children", s="IOM Displacement Tracking Matrix", d=D)
q("nearly 40,000 people", v=40000, unit="person", ql="nearly", m="people who moved towards Tawila", s="IOM Displacement Tracking Matrix", d=D)
q("between 300,000 and 500,000 people", lo=300000, hi=500000, unit="person", m="population of Zamzam camp", s="humanitarian partners", d=D)
aux("(IPC Phase 5)", "Phase 5", v=5, unit="phase", m="IPC classification phase")
q("one in three children", "one in three", v=33.33, unit="percent", m="share of screened children under five in Zamzam who were acutely malnourished", s="humanitarian partners", d="2024-07")
aux("children under five screened", "under five", v=5, unit="year", m="age threshold")
q("will be 46 per cent below", "46 per cent", v=46, unit="percent", m="shortfall of Darfur cereal production below the five-year average", s="FAO", d="2024")
aux("the five-year average", "five-year", v=5, unit="year", m="averaging period")
q("up to 1.4 million livestock", v=1.4e6, unit="animal", ql="up to", m="livestock at risk from disease and lack of pasture", s="FAO", d=D)
q("Only 30 per cent", "30 per cent", v=30, unit="percent", m="share of North Darfur health facilities fully functional", d=D)
q("over 11,000 refugees", v=11000, unit="person", ql="over", m="refugees who crossed into eastern Chad in the first three weeks of August", s="UNHCR", d="2024-08-01/2024-08-21")
aux("first three weeks of August", "three weeks", v=3, unit="week", m="reporting window")
q("roughly twice the weekly average", "roughly twice", v=2, unit="time", ql="about", m="weekly refugee arrivals relative to July weekly average", s="UNHCR", d="2024-08")
q("more than 620,000 Sudanese refugees", v=620000, unit="person", ql="over", m="Sudanese refugees in Chad who arrived since April 2023", s="UNHCR", d=D)
q("after a six-month closure", "six-month", v=6, unit="month", m="duration of the Adre crossing closure", d="2024-02/2024-08-15")
q("131 trucks", v=131, unit="truck", m="trucks that crossed into Darfur via Adre since reopening", s="Logistics Cluster", d="2024-08-15/2024-08-28")
q("3,700 tonnes", v=3700, unit="tonne", m="supplies carried into Darfur via Adre since reopening", s="Logistics Cluster", d="2024-08-15/2024-08-28")
q("convoy of 40 trucks", "40 trucks", v=40, unit="truck", m="trucks in the inter-agency convoy scheduled for 2 September", d="2024-09-02")
q("176,000 people", v=176000, unit="person", m="people reached by WFP with food or cash assistance in North Darfur", s="WFP", d="2024-08")
q("less than one-sixth", v=16.67, unit="percent", ql="under", m="share of targeted people reached by WFP", s="WFP", d="2024-08")
q("1.2 million people targeted", "1.2 million people", v=1.2e6, unit="person", m="people targeted for food assistance in August", s="WFP", d="2024-08")
q("SDG 27,000 per household", v=27000, unit="SDG", m="monthly cash transfer per household", s="WFP", d=D)
aux("roughly $10 at", "roughly $10", v=10, unit="USD", m="USD equivalent of monthly cash transfer (conversion)")
q("12 cholera treatment centres", v=12, unit="facility", m="cholera treatment centres established", s="WHO", d=D)
q("1.5 million oral cholera vaccine doses", v=1.5e6, unit="dose", m="oral cholera vaccine doses delivered", s="WHO", d=D)
q("about 900,000 litres of safe water per day", v=900000, unit="litre", ql="about", m="safe water trucked to Tawila sites per day", s="UNICEF", d=D)
q("allocated $20 million", "$20 million", v=2e7, unit="USD", m="Sudan Humanitarian Fund allocation for flood and cholera response", s="Sudan Humanitarian Fund", d="2024-08-20")
q("an additional $45 million", "$45 million", v=4.5e7, unit="USD", m="additional funding required to sustain Darfur operations over three months", s="humanitarian partners", d="2024-08-28/2024-11-28")
aux("over the next three months", "three months", v=3, unit="month", m="funding window")

e("Flash floods on 13 August", "13 August", "2024-08-13", "flash floods in North Darfur damage homes and farmland", "economic")
e("cholera outbreak on 22 July", "22 July", "2024-07-22", "Federal Ministry of Health declares cholera outbreak", "diplomatic")
e("continued on Sunday and Monday", "Sunday", "2024-08-25", "shelling of residential neighbourhoods in El Fasher", "military")
e("on Sunday and Monday.", "Monday", "2024-08-26", "shelling of residential neighbourhoods in El Fasher", "military")
e("conditions in the camp on 1 August", "1 August", "2024-08-01", "Famine Review Committee confirms famine in Zamzam camp", "diplomatic")
e("reopened on 15 August", "15 August", "2024-08-15", "Adre crossing from Chad reopens", "diplomatic")
e("depart Adre on 2 September", "2 September", "2024-09-02", "inter-agency convoy scheduled to depart Adre", "diplomatic")
e("response on 20 August", "20 August", "2024-08-20", "Sudan Humanitarian Fund allocates $20 million", "economic")

# ---------------------------------------------------------------------------
# 04 intelligence assessment, dated 2024-11-18 (Monday)
doc("04_dprk_russia_assessment.txt", "Intelligence Community")
D = "2024-11-18"
aux("over the next 12 months", "12 months", v=12, unit="month", m="assessment horizon")
q("more than 16,000 containers", v=16000, unit="container", ql="over", m="containers of munitions and materiel shipped by North Korea to Russia since August 2023", d="2023-08/2024-11-15")
q("between 6 million and 8 million artillery shells", lo=6e6, hi=8e6, unit="shell", m="artillery shells and rockets shipped to Russia (container-based estimate)", d="2023-08/2024-11-15")
q("Between 10,000 and 12,000 North Korean soldiers", lo=10000, hi=12000, unit="person", m="North Korean soldiers deployed to Russia's Kursk region", d="2024-10/2024-11")
q("about 1,500 special forces troops", v=1500, unit="person", ql="about", m="North Korean troops in first contingent to arrive in Russian Far East", s="NIS (via Yonhap)", d="2024-10")
q("more than 1 million barrels", v=1e6, unit="barrel", ql="over", m="oil transferred by Russia to North Korea since March 2024", d="2024-03/2024-11-15")
q("twice the annual cap", "twice", v=2, unit="time", m="oil transfers relative to the UN annual cap", d="2024-03/2024-11-15")
q("cap of 500,000 barrels", "500,000 barrels", v=500000, unit="barrel", m="annual cap on refined petroleum imports to North Korea", s="UN Security Council")
aux("Resolution 2397", "2397", v=2397, unit="identifier", m="UN Security Council resolution number")
q("at least 250 rail cars", v=250, unit="rail car", ql="at least", m="rail cars staged at Tumangang station", d="2024-11-16")
q("about half of the artillery", "about half", v=50, unit="percent", ql="about", m="share of Russian artillery ammunition fired that is North Korean", s="Ukrainian military intelligence", d=D)
q("up to 20 per cent", v=20, unit="percent", ql="up to", m="failure rate of North Korean shells", d=D)
q("at least 60 short-range ballistic missiles", v=60, unit="missile", ql="at least", m="North Korean KN-23 missiles launched by Russia against Ukraine", d=D)
aux("KN-23 type", "KN-23", v=23, unit="identifier", m="missile designator")
q("an estimated RUB 180 billion", v=1.8e11, unit="RUB", ql="about", m="Russian transfers to North Korea in first ten months of 2024", s="NIS", d="2024-01/2024-10")
aux("($1.9 billion)", "$1.9 billion", v=1.9e9, unit="USD", m="USD equivalent of Russian transfers (conversion)", s="NIS")
aux("first ten months", "ten months", v=10, unit="month", m="reporting window")
aux("in the next six months", "six months", v=6, unit="month", m="judgment horizon")

e("summit in Vladivostok on 13 September 2023", "13 September 2023", "2023-09-13", "Putin-Kim summit in Vladivostok", "diplomatic")
e("Imagery from Saturday", "Saturday", "2024-11-16", "imagery shows at least 250 rail cars staged at Tumangang station", "intelligence")
e("Far East in early October", "early October", "2024-10", "first North Korean troop contingent arrives in Russian Far East", "military")
e("in Pyongyang on 19 June 2024", "19 June 2024", "2024-06-19", "Kim and Putin sign Comprehensive Strategic Partnership treaty", "diplomatic")
e("ratification on 9 November", "9 November", "2024-11-09", "Russia completes ratification of the treaty", "diplomatic")
e("ceased work on 30 April 2024", "30 April 2024", "2024-04-30", "UN Panel of Experts on North Korea ceases work", "diplomatic")
e("its mandate in March", "March", "2024-03", "Russia vetoes renewal of the Panel of Experts mandate", "diplomatic")

est("has almost certainly shipped", "almost certainly", "almost certain")
est("will very likely be committed", "very likely", "very likely")
est("Pyongyang is probably receiving", "probably", "likely")
est("Moscow is highly unlikely", "highly unlikely", "very unlikely")
est("we cannot rule out Russian assistance", "cannot rule out", "unlikely")
est("compensation is likely higher", "likely", "likely")
est("is not likely in the next six months", "not likely", "unlikely")
est("We see almost no chance", "almost no chance", "almost no chance")
est("roughly even chance that Pyongyang", "roughly even chance", "roughly even chance")
est("the test will probably be timed", "probably", "likely")
est("is unlikely to recover", "unlikely", "unlikely")

# ---------------------------------------------------------------------------
# 05 parliamentary hearing summary, dated 2025-05-14 (Wednesday)
doc("05_submarine_industrial_base_hearing.txt", "House Armed Services Subcommittee on Seapower and Projection Forces")
D = "2025-05-14"
CH = "Subcommittee Chairman"
RA = "Rear Admiral Dana Whitfield (Navy)"
aux("Three witnesses testified", "Three witnesses", v=3, unit="person", m="number of witnesses")
aux("that the two shipyards", "two", v=2, unit="shipyard", m="number of shipyards")
aux("at the two yards", "two", v=2, unit="shipyard", m="number of shipyards")
q("$32.4 billion", v=3.24e10, unit="USD", m="shipbuilding funding in the Navy's FY2026 budget request", s=CH, d="2025-10/2026-09")
q("about $11 billion", v=1.1e10, unit="USD", ql="about", m="submarine funding in the FY2026 shipbuilding request", s=CH, d="2025-10/2026-09")
q("two attack boats a year", v=2, unit="submarine", m="attack submarines funded per year", s=CH, d=D)
q("just over one", v=1, unit="submarine", ql="over", m="attack submarines delivered per year", s=CH, d=D)
aux("latest 30-year", "30-year", v=30, unit="year", m="planning horizon of shipbuilding plan")
q("$40 billion a year", v=4e10, unit="USD", m="average annual cost of the Navy's 30-year shipbuilding plan (constant 2024 dollars)", s="Congressional Budget Office (via the committee)", d=D)
q("roughly 17 percent more", "roughly 17 percent", v=17, unit="percent", ql="about", m="CBO cost estimate above the Navy's own estimate", s="Congressional Budget Office (via the committee)", d=D)
q("about 17,000 firms", v=17000, unit="firm", ql="about", m="firms in the submarine supplier base in the 1980s", s="Ranking Member", d="1980/1989")
q("fewer than 4,000 today", "fewer than 4,000", v=4000, unit="firm", ql="under", m="firms in the submarine supplier base today", s="Ranking Member", d=D)
q("more than 70 percent", v=70, unit="percent", ql="over", m="share of submarine parts from a single qualified source", s="Ranking Member", d=D)
q("about 1.2 Virginia-class boats annually", v=1.2, unit="submarine", ql="about", m="Virginia-class submarines delivered per year", s=RA, d=D)
q("requirement of two per year", "two per year", v=2, unit="submarine", m="required Virginia-class deliveries per year", s=RA, d=D)
q("12 to 18 months", lo=12, hi=18, unit="month", m="schedule delay of the lead Columbia-class boat", s=RA, d=D)
q("more than $4.3 billion", v=4.3e9, unit="USD", ql="over", m="Navy investment in supplier development since fiscal 2018", s=RA, d="2017-10/2025-05-14")
q("grown by 9,500 workers", "9,500 workers", v=9500, unit="person", m="workforce growth at the two shipyards over two years", s=RA, d="2023-05/2025-05")
aux("over the past two years", "two years", v=2, unit="year", m="measurement window")
q("averaged 18 percent", "18 percent", v=18, unit="percent", m="attrition among first-year shipyard workers", s="GAO", d="2024")
q("the $2.3 billion", "$2.3 billion", v=2.3e9, unit="USD", m="Navy request for wage increases and training", s="GAO", d=D)
q("roughly 3,000 jobs", v=3000, unit="job", ql="about", m="jobs added by trade association members", s="Helen Ortiz (shipbuilders' trade association)", d="2024")
q("between 2,500 and 3,500 welders and machinists", lo=2500, hi=3500, unit="person", m="shortage of welders and machinists", s="Helen Ortiz (shipbuilders' trade association)", d=D)
aux("a five-year block buy", "five-year", v=5, unit="year", m="block-buy duration")
q("up to 9%", v=9, unit="percent", ql="up to", m="savings on long-lead materials from multiyear block buy", s="Helen Ortiz (shipbuilders' trade association)", d=D)
q("three to five Virginia-class submarines", lo=3, hi=5, unit="submarine", m="Virginia-class submarines to be sold to Australia under AUKUS", s=RA, d=D)
q("paid $2 billion", "$2 billion", v=2e9, unit="USD", m="Australian payments to the US submarine industrial base so far", s=RA, d=D)
q("pledged $3 billion", "$3 billion", v=3e9, unit="USD", m="Australia's pledged contribution to the US submarine industrial base", s=RA, d=D)
q("a further $500 million", "$500 million", v=5e8, unit="USD", m="Australian instalment received", s=RA, d="2025-05-12")
q("nearly $1.1 billion", v=1.1e9, unit="USD", ql="nearly", m="cost added by restructuring of second Columbia-class contract", s="unnamed Navy official (via Defense News)", d="2025-04")
q("the 12-boat program", "12-boat", v=12, unit="submarine", m="number of boats in the Columbia-class program", s=RA, d=D)
q("about $132 billion", v=1.32e11, unit="USD", ql="about", m="total cost of the Columbia-class program", s=RA, d=D)
aux("within 30 days", "30 days", v=30, unit="day", m="deadline for revised delivery schedule")

e("Projection Forces met today", "today", "2025-05-14", "subcommittee hearing on the submarine industrial base", "diplomatic")
e("scheduled for 2032", "2032", "2032", "first Virginia-class submarine transfer to Australia scheduled", "military")
e("received on Monday", "Monday", "2025-05-12", "US receives $500 million Australian AUKUS instalment", "economic")
e("on last month's decision", "last month", "2025-04", "Navy restructures second Columbia-class contract", "economic")
e("Authorization Act on June 4", "June 4", "2025-06-04", "subcommittee markup of FY2026 NDAA", "diplomatic")

# ---------------------------------------------------------------------------
# 06 earnings release, dated 2024-10-24 (Thursday)
doc("06_daehan_aerospace_q3_earnings.txt", "Daehan Precision Aerospace")
Q3, Q3P = "2024-07/2024-09", "2023-07/2023-09"
CEO, CFO = "Park Jae-won (CEO, Daehan Precision Aerospace)", "Kim Soo-jin (CFO, Daehan Precision Aerospace)"
q("Revenue of ₩1.42 trillion", "₩1.42 trillion", v=1.42e12, unit="KRW", m="third-quarter revenue", d=Q3)
aux("(US$1.04 billion)", "US$1.04 billion", v=1.04e9, unit="USD", m="USD equivalent of quarterly revenue (conversion)", d=Q3)
q("up 18.6% from", "18.6%", v=18.6, unit="percent", m="year-on-year revenue growth", d=Q3)
q("₩127.5 billion", v=1.275e11, unit="KRW", m="third-quarter operating profit", d=Q3)
q("operating margin of 9.0%", "9.0%", v=9.0, unit="percent", m="third-quarter operating margin", d=Q3)
q("1.4 percentage points", v=1.4, unit="percentage point", m="year-on-year change in operating margin", d=Q3)
q("₩96.3bn", v=9.63e10, unit="KRW", m="third-quarter net income attributable to shareholders", d=Q3)
q("₩71.8bn", v=7.18e10, unit="KRW", m="net income attributable to shareholders, Q3 2023", d=Q3P)
q("KRW 21.7 trillion", v=2.17e13, unit="KRW", m="order backlog at quarter-end", d="2024-09-30")
q("KRW 18.2 trillion", v=1.82e13, unit="KRW", m="order backlog at end-2023", d="2023-12-31")
q("₩600 per share", v=600, unit="KRW", m="interim dividend per share", d="2024")
q("rose 27% to", "27%", v=27, unit="percent", m="Land Systems revenue growth", d=Q3)
q("₩887 billion", v=8.87e11, unit="KRW", m="Land Systems revenue", d=Q3)
q("about 62% of group sales", "about 62%", v=62, unit="percent", ql="about", m="Land Systems share of group sales", d=Q3)
q("36 self-propelled howitzers", v=36, unit="howitzer", m="self-propelled howitzers delivered", d=Q3)
q("12 ammunition resupply vehicles", v=12, unit="vehicle", m="ammunition resupply vehicles delivered", d=Q3)
q("Exports made up 64%", "64%", v=64, unit="percent", m="export share of revenue", d=Q3)
q("compared with 51%", "51%", v=51, unit="percent", m="export share of revenue a year earlier", d=Q3P)
q("₩412 billion", v=4.12e11, unit="KRW", m="Aerospace Components revenue", d=Q3)
q("up 9.1%", "9.1%", v=9.1, unit="percent", m="Aerospace Components revenue growth", d=Q3)
aux("two largest airframe customers", "two", v=2, unit="customer", m="number of customers referenced")
aux("we made two years ago", "two years", v=2, unit="year", m="offset of a relative date expression ('two years ago')")
q("fell 4% to", "4%", v=4, unit="percent", m="decline in Space and Electronics revenue", d=Q3)
q("₩121 billion", v=1.21e11, unit="KRW", m="Space and Electronics revenue", d=Q3)
q("to 21.3%", "21.3%", v=21.3, unit="percent", m="gross margin", d=Q3)
q("from 21.8%", "21.8%", v=21.8, unit="percent", m="previous gross margin (Q3 2023)", d=Q3P)
q("₩58 billion", v=5.8e10, unit="KRW", m="research and development spending", d=Q3)
q("roughly 4% of revenue", "roughly 4%", v=4, unit="percent", ql="about", m="R&D spending as share of revenue", d=Q3)
q("$1.9 billion contract", "$1.9 billion", v=1.9e9, unit="USD", m="value of contract with Romania's Ministry of National Defence", d="2024-10-02")
q("54 self-propelled howitzers", v=54, unit="howitzer", m="howitzers ordered by Romania", d="2024-10-02")
q("₩3.1 trillion", v=3.1e12, unit="KRW", m="new orders in the quarter", d=Q3)
q("2.2 times", v=2.2, unit="time", m="book-to-bill ratio", d=Q3)
q("More than three-quarters", v=75, unit="percent", ql="over", m="share of backlog denominated in US dollars or euros", d="2024-09-30")
q("between ₩5.6 trillion and ₩5.8 trillion", lo=5.6e12, hi=5.8e12, unit="KRW", m="full-year 2024 revenue guidance", d="2024")
q("₩5.3 trillion to ₩5.6 trillion", lo=5.3e12, hi=5.6e12, unit="KRW", m="previous full-year 2024 revenue guidance", d="2024")
q("8.5–9.5%", lo=8.5, hi=9.5, unit="percent", m="full-year 2024 operating margin guidance", d="2024")
q("about ₩350 billion", v=3.5e11, unit="KRW", ql="about", m="capital expenditure for 2024", d="2024")
q("nearly double", v=2, unit="time", ql="nearly", m="2024 capital expenditure relative to 2023", d="2024")
q("10 to 15 percent", lo=10, hi=15, unit="percent", m="expected revenue growth in 2025", d="2025")
q("nearly four years of revenue", v=4, unit="year", ql="nearly", m="backlog coverage in years of revenue", s=CEO, d="2024-10-24")
q("₩212 billion", v=2.12e11, unit="KRW", m="free cash flow in the quarter", s=CFO, d=Q3)
q("₩180 billion", v=1.8e11, unit="KRW", m="reduction in net debt in the quarter", s=CFO, d=Q3)
q("at least 25%", v=25, unit="percent", ql="at least", m="share of net income returned to shareholders", s=CFO, d="2024-10-24")
q("more than 7,400 people", v=7400, unit="person", ql="over", m="employees at end of quarter", d="2024-09-30")
q("up from 6,900", "6,900", v=6900, unit="person", m="employees a year earlier", d="2023-09-30")
q("₩1,364 per US dollar", v=1364, unit="KRW", m="average KRW/USD exchange rate for the quarter", d=Q3)

e("today announced financial results", "today", "2024-10-24", "Daehan Precision Aerospace reports Q3 2024 results", "economic")
e("On October 2,", "October 2", "2024-10-02", "Daehan signs $1.9bn howitzer contract with Romania", "economic")
e("investments we made two years ago", "two years ago", "2022", "Daehan invests in production capacity", "economic")
e("4:00 p.m. KST today", "today", "2024-10-24", "Q3 results conference call for analysts and investors", "economic")
e("in Seoul on November 28", "November 28", "2024-11-28", "Daehan investor day in Seoul", "economic")

# ---------------------------------------------------------------------------
# 07 chronology, dated 2024-04-30
doc("07_red_sea_shipping_chronology.txt", "Maritime Security Desk")
CHRON = [
 ("2023-11-19", "Houthi forces seize vehicle carrier Galaxy Leader", "military"),
 ("2023-11-27", "two Houthi ballistic missiles land near US destroyer in Gulf of Aden", "military"),
 ("2023-12-03", "three commercial vessels struck by missiles", "military"),
 ("2023-12-15", "two major container lines pause Red Sea transits", "economic"),
 ("2023-12-18", "US announces Operation Prosperity Guardian", "military"),
 ("2023-12-26", "coalition intercepts Houthi drones and missiles", "military"),
 ("2024-01-09", "US and UK forces repel largest Houthi attack to date", "military"),
 ("2024-01-12", "US and UK strike targets in Yemen", "military"),
 ("2024-01-17", "US redesignates Houthis as Specially Designated Global Terrorist group", "economic"),
 ("2024-01", "Suez Canal monthly revenue falls to $428 million", "economic"),
 ("2024-02-01", "port-call data show Suez container-ship transits down two-thirds", "economic"),
 ("2024-02-18", "bulk carrier Rubymar hit by two anti-ship missiles", "military"),
 ("2024-02-19", "EU launches Operation Aspides", "military"),
 ("2024-03-02", "Rubymar sinks with fertiliser cargo", "military"),
 ("2024-03-06", "missile strike on True Confidence kills three crew", "military"),
 ("2024-03-14", "Shanghai-Rotterdam container spot rate reported at about $3,100", "economic"),
 ("2024-03-22", "insurers put Red Sea war-risk premiums at 0.7-1% of hull value", "economic"),
 ("2024-04-09", "UNCTAD estimates Gulf of Aden transits down more than 70%", "economic"),
 ("2024-04-24", "Houthis claim attacks on two vessels and a US destroyer", "military"),
 ("2024-04-29", "shipowners estimate diversion fuel costs at up to $1bn a month", "economic"),
]
for dt, ev, cat in CHRON:
    e(f"\n{dt} — ", dt, dt, ev, cat)
e("effective 30 days later", "30 days later", "2024-02-16", "Houthi SDGT designation takes effect", "economic")

q("its 25 crew members", "25 crew members", v=25, unit="person", m="crew of Galaxy Leader taken to Hodeidah", d="2023-11-19")
q("Two ballistic missiles", v=2, unit="missile", m="ballistic missiles fired near US destroyer", d="2023-11-27")
q("about 10 nautical miles", v=10, unit="nautical mile", ql="about", m="distance of missile impact from US destroyer", d="2023-11-27")
q("Three commercial vessels", v=3, unit="vessel", m="commercial vessels struck by missiles in a single day", d="2023-12-03")
q("shoots down three drones", "three drones", v=3, unit="drone", m="drones shot down by US destroyer", d="2023-12-03")
q("Two of the world's largest container lines", "Two", v=2, unit="company", m="major container lines pausing Red Sea transits", d="2023-12-15")
aux("after one of their ships", "one", v=1, unit="vessel", m="'one of' expression")
q("more than 20 countries", v=20, unit="country", ql="over", m="countries in Operation Prosperity Guardian", s="US officials", d="2023-12-18")
q("12 attack drones", v=12, unit="drone", m="attack drones intercepted", d="2023-12-26")
q("three anti-ship ballistic missiles", v=3, unit="missile", m="anti-ship ballistic missiles intercepted", d="2023-12-26")
q("two land-attack cruise missiles", v=2, unit="missile", m="land-attack cruise missiles intercepted", d="2023-12-26")
q("roughly 10 hours", v=10, unit="hour", ql="about", m="duration of interception engagement", d="2023-12-26")
q("18 drones", v=18, unit="drone", m="drones shot down", d="2024-01-09")
q("down 18 drones, two anti-ship cruise missiles", "two anti-ship cruise missiles", v=2, unit="missile", m="anti-ship cruise missiles shot down", d="2024-01-09")
q("one ballistic missile", v=1, unit="missile", m="ballistic missiles shot down", d="2024-01-09")
q("more than 60 targets", v=60, unit="target", ql="over", m="targets struck in Yemen", d="2024-01-12")
q("16 locations", v=16, unit="location", m="locations struck in Yemen", d="2024-01-12")
aux("effective 30 days later", "30 days", v=30, unit="day", m="delay before designation takes effect")
q("$428 million", v=4.28e8, unit="USD", m="Suez Canal monthly revenue", s="Suez Canal Authority", d="2024-01")
q("down 46% from", "46%", v=46, unit="percent", m="year-on-year decline in Suez Canal revenue", s="Suez Canal Authority", d="2024-01")
q("about two-thirds", v=66.67, unit="percent", ql="about", m="decline in container-ship transits of the Suez Canal", s="port-call data", d="2024-01")
q("hit by two anti-ship missiles", "two anti-ship missiles", v=2, unit="missile", m="anti-ship missiles hitting Rubymar", d="2024-02-18")
q("crew of 24", v=24, unit="person", m="Rubymar crew evacuated", d="2024-02-18")
q("at least four frigates", v=4, unit="vessel", ql="at least", m="frigates in Operation Aspides", d="2024-02-19")
q("about 21,000 tonnes", v=21000, unit="tonne", ql="about", m="fertiliser on board Rubymar when it sank", d="2024-03-02")
q("three crew members", v=3, unit="person", m="crew killed on True Confidence", d="2024-03-06")
aux("a 40-foot container", "40-foot", v=40, unit="foot", m="container size")
q("about $3,100", v=3100, unit="USD", ql="about", m="spot rate per 40-foot container Shanghai-Rotterdam", s="freight analysts", d="2024-03-14")
q("roughly twice its level", "roughly twice", v=2, unit="time", ql="about", m="spot rate relative to early December", s="freight analysts", d="2024-03-14")
q("between 0.7% and 1%", lo=0.7, hi=1, unit="percent", m="war-risk premium for Red Sea voyages as share of hull value", s="insurers", d="2024-03-22")
q("against 0.05%", "0.05%", v=0.05, unit="percent", m="war-risk premium before November 2023", s="insurers", d="2023")
q("more than 70%", v=70, unit="percent", ql="over", m="fall in ships crossing the Gulf of Aden since December", s="UNCTAD", d="2023-12/2024-04-09")
q("10 to 14 days", lo=10, hi=14, unit="day", m="extra time added to an Asia-Europe voyage by Cape diversion", s="UNCTAD", d="2024-04-09")
q("attacks on two vessels", "two vessels", v=2, unit="vessel", m="vessels Houthis claim to have attacked", s="Houthis", d="2024-04-24")
q("one anti-ship missile", v=1, unit="missile", m="anti-ship missiles downed", s="US military", d="2024-04-24")
q("one drone", v=1, unit="drone", m="drones downed", s="US military", d="2024-04-24")
q("as much as $1 billion a month", v=1e9, unit="USD", ql="up to", m="extra monthly fuel cost to the container industry from diversions", s="shipowners' associations", d="2024-01/2024-04-29")

# ---------------------------------------------------------------------------
# 08 sanctions designation notice, dated 2024-11-21 (Thursday)
doc("08_ofac_procurement_network_designation.txt", "OFAC (U.S. Treasury)")
D = "2024-11-21"
RC = "Russian customs records (via OFAC)"
q("14 entities", v=14, unit="entity", m="entities designated", d=D)
q("four individuals", v=4, unit="person", m="individuals designated", d=D)
q("three vessels", v=3, unit="vessel", m="vessels identified as blocked property", d=D)
aux("E.O.) 14024", "14024", v=14024, unit="identifier", m="executive order number")
aux("one of the most important", "one", v=1, unit="item", m="'one of' expression")
aux("in one transaction", "one", v=1, unit="transaction", m="single transaction referenced")
aux("by one or more blocked", "one", v=1, unit="person", m="part of legal ownership rule")
q("more than $150 million", v=1.5e8, unit="USD", ql="over", m="microelectronics imported by Vektor Komponent and affiliates", s=RC, d="2023-01/2024-06")
q("at least 1,200 shipments", v=1200, unit="shipment", ql="at least", m="shipments of integrated circuits and navigation modules", s=RC, d="2023-01/2024-06")
q("About 40 percent", v=40, unit="percent", ql="about", m="share of shipments routed through Hong Kong front companies", s=RC, d="2023-01/2024-06")
q("nearly a third", v=33.33, unit="percent", ql="nearly", m="share of shipments routed through the UAE", s=RC, d="2023-01/2024-06")
q("about RUB 2.4 billion", v=2.4e9, unit="RUB", ql="about", m="payments negotiated through a Kazan bank", d=None)
q("CNY 18.5 million", v=1.85e7, unit="CNY", m="transfer to a supplier in Shenzhen", d="2024-02-12")
q("at least 310 consignments", v=310, unit="consignment", ql="at least", m="dual-use consignments re-exported to Vektor Komponent", d="2024-03/2024-11-21")
q("rose fivefold", "fivefold", v=5, unit="time", m="growth of Boğaziçi's sales to Russia", d="2023")
q("roughly USD 27 million", v=2.7e7, unit="USD", ql="about", m="Boğaziçi's sales to Russia", d="2023")
aux("(IMO 9301442)", "IMO 9301442", v=9301442, unit="identifier", m="IMO ship number")
q("at least six voyages", v=6, unit="voyage", ql="at least", m="voyages by AZURE HORIZON from Jebel Ali to Novorossiysk", d="2024")
aux("(IMO 9245118)", "IMO 9245118", v=9245118, unit="identifier", m="IMO ship number")
q("roughly 700,000 barrels", v=700000, unit="barrel", ql="about", m="Russian crude loaded by KALINA STAR at Primorsk", d="2024-09-03")
q("$60-per-barrel", v=60, unit="USD", m="G7 price cap on Russian crude per barrel", d="2024-09-03")
aux("50 percent or more", v=50, unit="percent", m="ownership threshold (legal rule)")
aux("General License 111", "111", v=111, unit="identifier", m="general license number")
q("up to $377,700 per violation", v=377700, unit="USD", ql="up to", m="maximum civil penalty per sanctions violation", d=D)
aux("or twice the value", "twice", v=2, unit="time", m="alternative penalty multiplier (legal rule)")
q("more than 4,000 the number", "more than 4,000", v=4000, unit="target", ql="over", m="individuals, entities, vessels and aircraft sanctioned under Russia-related authorities since February 2022", d="2022-02/2024-11-21")
q("nearly 300 targets", v=300, unit="target", ql="nearly", m="targets jointly designated by Treasury and State", d="2024-10")
aux("with G7 partners", "G7", v=7, unit="identifier", m="group name")

e("(OFAC) today designated", "today", "2024-11-21", "OFAC designates Russian drone procurement network", "economic")
e("transaction on 12 February 2024", "12 February 2024", "2024-02-12", "Kolesov authorizes CNY 18.5 million transfer to Shenzhen supplier", "economic")
e("export controls in March 2024", "March 2024", "2024-03", "Türkiye tightens its export controls", "economic")
e("Primorsk on 3 September 2024", "3 September 2024", "2024-09-03", "KALINA STAR loads Russian crude at Primorsk above price cap", "economic")
e("on December 21, 2024", "December 21, 2024", "2024-12-21", "General License 111 wind-down authorization expires", "economic")
e("Last month, Treasury", "Last month", "2024-10", "Treasury and State jointly designate nearly 300 targets with G7 partners", "economic")

# ---------------------------------------------------------------------------
# 09 policy brief, dated April 2024 (month only)
doc("09_critical_minerals_policy_brief.txt", "Nadia Ferreira (Centre for Economic Security Studies)")
aux("first nine months", "nine months", v=9, unit="month", m="review window")
for n, title in [(1, "Background"), (2, "Evidence of impact"), (3, "Diversification"), (4, "Recommendations")]:
    aux(f"\n{n}. {title}", f"{n}.", v=n, unit="item", m="section number")
q("roughly 98%", v=98, unit="percent", ql="about", m="China's share of global primary gallium output", s="U.S. Geological Survey", d="2024-04")
q("about 60%", v=60, unit="percent", ql="about", m="China's share of refined germanium supply", s="U.S. Geological Survey", d="2024-04")
q("more than 90% of the world's", "more than 90%", v=90, unit="percent", ql="over", m="China's share of battery-grade graphite refining", s="International Energy Agency", d="2024-04")
q("fell to zero", "zero", v=0, unit="tonne", m="Chinese gallium exports", s="Chinese customs data (via Bloomberg)", d="2023-08")
q("5.1 tonnes", v=5.1, unit="tonne", m="Chinese gallium exports in December 2023", s="Chinese customs data (via Bloomberg)", d="2023-12")
q("about 7 tonnes", v=7, unit="tonne", ql="about", m="average monthly Chinese gallium exports", s="Chinese customs data (via Bloomberg)", d="2022")
q("$580 per kilogram", v=580, unit="USD", m="Rotterdam gallium price per kilogram", s="Fastmarkets", d="2024-01")
q("up 45% from", "45%", v=45, unit="percent", m="year-on-year rise in Rotterdam gallium price", s="Fastmarkets", d="2024-01")
q("¥1,800 (CNY", "¥1,800", v=1800, unit="CNY", m="domestic Chinese gallium price per kilogram", s="Fastmarkets", d="2024-01")
aux("(CNY 1,800)", "CNY 1,800", v=1800, unit="CNY", m="currency restatement of the same price")
q("42 Japanese electronics firms", v=42, unit="firm", m="firms in survey sample", s="Nikkei Asia", d="2024-02")
q("only one-tenth", "one-tenth", v=10, unit="percent", m="share of surveyed firms reporting production delays", s="Nikkei Asia", d="2024-02")
q("three to six months", lo=3, hi=6, unit="month", m="stockpile cover held by surveyed firms", s="Nikkei Asia", d="2024-02")
q("71 per cent", v=71, unit="percent", m="share of surveyed firms with no qualified non-Chinese supplier", s="Nikkei Asia", d="2024-02")
q("¥30 billion", v=3e10, unit="JPY", m="JOGMEC commitment to stockpiles and overseas processing", d="2024-04")
q("no more than 65%", v=65, unit="percent", ql="up to", m="maximum share of any strategic raw material from a single third country (EU target)", s="EU Critical Raw Materials Act", d="2030")
q("$14.4 million", v=1.44e7, unit="USD", m="DoD award to expand germanium recovery from zinc refining", s="U.S. Department of Defense", d="2024")
q("60 to 80 tonnes a year", lo=60, hi=80, unit="tonne", m="non-Chinese gallium capacity per year", d="2027")
q("less than one-fifth", v=20, unit="percent", ql="under", m="projected non-Chinese capacity as share of current global gallium production", d="2027")
q("roughly 600 tonnes", v=600, unit="tonne", ql="about", m="current global gallium production", d="2024-04")
q("four to seven years", lo=4, hi=7, unit="year", m="time for new refineries from permitting to output", d="2024-04")
q("prices halved", "halved", v=0.5, unit="time", m="change in gallium prices 2011-2016", s="World Bank", d="2011/2016")
aux("First, G7 members", "G7", v=7, unit="identifier", m="group name")
q("covering 90 days", "90 days", v=90, unit="day", m="allied demand covered by proposed joint reserve", d="2024-04")
q("an estimated $400 million to $500 million", lo=4e8, hi=5e8, unit="USD", ql="about", m="cost of proposed joint reserve", d="2024-04")
q("up to 10 years", v=10, unit="year", ql="up to", m="duration of South Korea's purchase guarantees", s="South Korean government", d="2024-02")
aux("first half of the licensing period", "first half", v=0.5, unit="ordinal", m="period descriptor")
q("an average of 45 days", "45 days", v=45, unit="day", m="average time for export-licence decisions", d="2023-08/2024-01")
aux("2024/1252", v=None, unit="identifier", m="EU regulation number")
aux("Article 5", v=5, unit="identifier", m="article number")
s09 = load("09_critical_minerals_policy_brief.txt")
for mo in re.finditer(r"\[[1-6]\]", s09):
    a, b = mo.span()
    QUANT.append({"doc": "09_critical_minerals_policy_brief.txt", "text": mo.group(0), "start": a, "end": b,
                  "value": int(mo.group(0)[1]), "unit": "item", "qualifier": "exact",
                  "measure": "citation/footnote number", "source": None, "date": None, "tier": "aux"})

e("introduced last year", "last year", "2023", "China introduces gallium and germanium export licensing", "economic")
e("announced on 3 July 2023", "3 July 2023", "2023-07-03", "MOFCOM announces gallium and germanium export controls", "economic")
e("licences from 1 August", "1 August", "2023-08-01", "gallium and germanium export licence requirement takes effect", "economic")
e("In October, Beijing", "October", "2023-10", "China extends export licensing to graphite", "economic")
e("$14.4 million earlier this year", "earlier this year", "2024", "DoD awards $14.4 million for germanium recovery", "economic")
e("announced in February", "February", "2024-02", "South Korea announces purchase-guarantee plan for critical minerals", "economic")

# ---------------------------------------------------------------------------
# 10 panel transcript, dated 2024-09-03 (Tuesday)
doc("10_chips_panel_transcript.txt", "panel speakers")
D = "2024-09-03"
KA, LJ, CD = "Kenji Arakawa", "Lee Ji-hoon", "Claire Dubois"
aux("about 45 minutes", v=45, unit="minute", m="session length")
q("roughly ¥3.9 trillion", v=3.9e12, unit="JPY", ql="about", m="Japanese government commitments to semiconductors since 2021", s=KA, d="2021/2024-09-03")
aux("about $27 billion", v=2.7e10, unit="USD", m="USD equivalent of Japanese chip commitments (conversion)", s=KA)
q("¥920 billion", v=9.2e11, unit="JPY", m="government funding received by Rapidus", s=KA, d=D)
q("up to ¥476 billion", v=4.76e11, unit="JPY", ql="up to", m="subsidy for the TSMC joint venture in Kumamoto", s=KA, d=D)
aux("first two plants", "two plants", v=2, unit="plant", m="number of plants")
aux("2-nanometre", v=2, unit="nanometre", m="process node")
aux("opened two years later", "two years", v=2, unit="year", m="offset of a relative date expression ('two years later')")
q("about ¥5 trillion", v=5e12, unit="JPY", ql="about", m="total investment needed by Rapidus", s=KA, d=D)
q("₩26 trillion", v=2.6e13, unit="KRW", m="Korean semiconductor support package", s=LJ, d="2024-05")
aux("around $19 billion", v=1.9e10, unit="USD", m="USD equivalent of Korean package (conversion)", s=LJ)
q("$11.9 billion", v=1.19e10, unit="USD", m="Korean chip exports in August", s="Korean trade ministry (via Lee Ji-hoon)", d="2024-08")
q("38.8%", v=38.8, unit="percent", m="year-on-year growth in Korean chip exports", s="Korean trade ministry (via Lee Ji-hoon)", d="2024-08")
q("about 40 per cent", v=40, unit="percent", ql="about", m="China and Hong Kong share of Korea's chip exports", s=LJ, d=D)
q("more than 60 per cent", v=60, unit="percent", ql="over", m="China and Hong Kong share of Korea's chip exports at peak", s=LJ)
q("close to 40%", v=40, unit="percent", ql="nearly", m="share of Samsung NAND flash made in Xi'an", s=LJ, d=D)
q("around 40 percent", v=40, unit="percent", ql="about", m="share of SK hynix DRAM produced in Wuxi", s=LJ, d=D)
q("€43 billion", v=4.3e10, unit="EUR", m="EU Chips Act funding", s=KA, d=D)
q("almost €10 billion", v=1e10, unit="EUR", ql="nearly", m="subsidies for Intel's Magdeburg plant", s=KA, d=D)
q("target of 20%", "20%", v=20, unit="percent", m="EU target share of global chip production", s=LJ, d="2030")
q("three times its current share", "three times", v=3, unit="time", m="EU target relative to current share", s=LJ, d=D)
q("roughly 8 to 10 per cent", lo=8, hi=10, unit="percent", ql="about", m="EU current share of global chip production", s=LJ, d=D)
q("$39 billion", v=3.9e10, unit="USD", m="CHIPS Act manufacturing grants", s=CD, d=D)
q("up to $6.6 billion", v=6.6e9, unit="USD", ql="up to", m="CHIPS Act award for TSMC in Arizona", s="US Commerce Department (via Claire Dubois)", d="2024-04")
q("perhaps a dozen companies", v=12, unit="company", ql="about", m="companies able to build a leading-edge fab", s=KA, d=D)
q("more than 90%", v=90, unit="percent", ql="over", m="Taiwan's share of the most advanced logic capacity", s=KA, d=D)
q("a gap of four years", "four years", v=4, unit="year", m="gap before resumption of Korea-Japan semiconductor dialogue", s=LJ, d="2019/2023")
aux("within two days", "two days", v=2, unit="day", m="posting delay")

e("ground there in April 2022", "April 2022", "2022-04", "TSMC breaks ground in Kumamoto", "technology")
e("opened two years later", "two years later", "2024", "first TSMC Kumamoto plant opens", "technology")
e("pilot line in April next year", "April next year", "2025-04", "Rapidus pilot line start scheduled", "technology")
e("planned for 2027", "2027", "2027", "Rapidus mass production planned", "technology")
e("In May the government", "May", "2024-05", "Korea announces ₩26 trillion chip support package", "economic")
e("Yesterday the trade ministry", "Yesterday", "2024-09-02", "Korean trade ministry publishes August export data", "economic")
e("extended indefinitely last October", "last October", "2023-10", "US extends export-control waivers for Samsung and SK hynix China plants", "economic")
e("In April, Commerce", "April", "2024-04", "US Commerce announces up to $6.6bn for TSMC Arizona", "economic")
e("dialogue last year", "last year", "2023", "Korea and Japan resume semiconductor dialogue", "diplomatic")

# ---------------------------------------------------------------------------
auto_ordinals()

def key(r):
    return (r["doc"], r["start"])

out = HERE
for name, rows in [("gold_quantities.jsonl", QUANT), ("gold_events.jsonl", EVENTS), ("gold_estimates.jsonl", ESTS)]:
    rows.sort(key=key)
    with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            for k in ("value", "low", "high"):
                if isinstance(r.get(k), float) and r[k].is_integer():
                    r[k] = int(r[k])
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"quantities={len(QUANT)} events={len(EVENTS)} estimates={len(ESTS)}")
