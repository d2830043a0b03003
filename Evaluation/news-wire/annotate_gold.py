#!/usr/bin/env python3
"""Source of truth for the news-wire gold annotations.

Each record names the exact span text and, where the text occurs more than
once in the article, a unique context string (`ctx`) that contains it.
Offsets are computed here (Python str indexing = Unicode code points) and
written to gold_quantities.jsonl / gold_events.jsonl.  Run
`python3 Evaluation/check_gold.py Evaluation/news-wire` afterwards to verify
them independently.

Usage:  python3 annotate_gold.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = "outlet"  # source label: the article's own (unnamed) outlet

_texts = {}
QUANTS = []
EVENTS = []
ERRORS = []


def _text(doc):
    if doc not in _texts:
        with open(os.path.join(HERE, doc), encoding="utf-8") as fh:
            _texts[doc] = fh.read()
    return _texts[doc]


def _locate(doc, span, ctx, occ):
    t = _text(doc)
    if ctx is None:
        n = t.count(span)
        if n != 1:
            ERRORS.append(f"{doc}: span {span!r} occurs {n} times; give ctx")
            return None
        s = t.find(span)
        return s, s + len(span)
    n = t.count(ctx)
    if n != 1:
        ERRORS.append(f"{doc}: ctx {ctx!r} occurs {n} times")
        return None
    c = t.find(ctx)
    i = -1
    for _ in range(occ):
        i = ctx.find(span, i + 1)
        if i < 0:
            ERRORS.append(f"{doc}: span {span!r} not in ctx {ctx!r}")
            return None
    return c + i, c + i + len(span)


def Q(doc, span, unit, measure, source, date, value=None, low=None, high=None,
      qual="exact", tier="core", ctx=None, occ=1, per=None, note=None):
    loc = _locate(doc, span, ctx, occ)
    if loc is None:
        return
    rec = {"doc": doc, "text": span, "start": loc[0], "end": loc[1]}
    if value is not None:
        rec["value"] = value
    else:
        rec["low"] = low
        rec["high"] = high
    rec["unit"] = unit
    if per:
        rec["per"] = per
    rec.update({"qualifier": qual, "measure": measure, "source": source,
                "date": date, "tier": tier})
    if note:
        rec["note"] = note
    QUANTS.append(rec)


def E(doc, dt, date, precision, event, category, ctx=None, occ=1,
      tier="core", note=None):
    loc = _locate(doc, dt, ctx, occ)
    if loc is None:
        return
    rec = {"doc": doc, "dateText": dt, "start": loc[0], "end": loc[1],
           "date": date, "precision": precision, "event": event,
           "category": category, "tier": tier}
    if note:
        rec["note"] = note
    EVENTS.append(rec)


# ---------------------------------------------------------------- 01
D = "01_eurozone_inflation_ecb.txt"
Q(D, "2.3%", "percent", "euro zone annual inflation, February (headline)", "Eurostat", "2025-02",
  value=2.3, tier="aux", ctx="inflation eases to 2.3%", note="headline repeat")
Q(D, "2.3%", "percent", "euro zone annual consumer price inflation, February", "Eurostat", "2025-02",
  value=2.3, ctx="slowed to 2.3% in February")
Q(D, "2.5%", "percent", "euro zone annual consumer price inflation, January", "Eurostat", "2025-01", value=2.5)
Q(D, "sixth", "time", "ordinal of the ECB rate cut", OUT, "2025-03-06", value=6, tier="aux", note="ordinal")
Q(D, "2.4%", "percent", "economists' expected February inflation reading", "economists (survey)", "2025-02", value=2.4)
Q(D, "38 analysts", "person", "size of economists' survey", "economists (survey)", "2025-03-04",
  value=38, tier="aux", note="sample size")
Q(D, "2.6%", "percent", "euro zone core inflation, February", "Eurostat", "2025-02", value=2.6)
Q(D, "2.7%", "percent", "euro zone core inflation, January", "Eurostat", "2025-01", value=2.7)
Q(D, "more than three years", "year", "time since core inflation was last this low", "Eurostat", "2025-02",
  value=3, qual="over")
Q(D, "3.7%", "percent", "euro zone services inflation, February", "Eurostat", "2025-02", value=3.7)
Q(D, "3.9%", "percent", "euro zone services inflation, January", "Eurostat", "2025-01", value=3.9)
Q(D, "0.2%", "percent", "year-on-year rise in euro zone energy prices, February", "Eurostat", "2025-02",
  value=0.2, ctx="Energy prices rose 0.2% year on year")
Q(D, "1.9%", "percent", "year-on-year rise in euro zone energy prices, January", "Eurostat", "2025-01",
  value=1.9, ctx="after a 1.9% increase")
Q(D, "3.1%", "percent", "year-on-year rise in unprocessed food prices, February", "Eurostat", "2025-02", value=3.1)
Q(D, "125 basis points", "basis point", "cumulative cut in the ECB deposit rate since June 2024", "ECB",
  "2024-06/2025-03-04", value=125)
Q(D, "2.75%", "percent", "ECB deposit rate", "ECB", "2025-03-04", value=2.75)
Q(D, "roughly 90 basis points", "basis point", "further ECB easing priced in by money markets by end-2025",
  "money markets", "2025", value=90, qual="about")
Q(D, "6.2%", "percent", "euro zone unemployment rate, January", "Eurostat", "2025-01", value=6.2)
Q(D, "about 10.8 million people", "person", "unemployed people in the euro zone, January", "Eurostat",
  "2025-01", value=10800000, qual="about")
Q(D, "15,000", "person", "fall in the number of unemployed vs December", "Eurostat", "2025-01", value=15000)
Q(D, "0.2%", "percent", "contraction of German output, Q4 2024", OUT, "2024-10/2024-12",
  value=0.2, ctx="Its output shrank 0.2%")
Q(D, "0.2%", "percent", "Bundesbank forecast of German GDP growth in 2025", "Bundesbank", "2025",
  value=0.2, ctx="grow by just 0.2% in 2025")
Q(D, "1.1%", "percent", "Bundesbank's earlier forecast of German GDP growth in 2025", "Bundesbank", "2025", value=1.1)
Q(D, "1.7%", "percent", "Italian annual inflation, February", "Istat", "2025-02", value=1.7)
Q(D, "0.9%", "percent", "French annual inflation, February", "preliminary national figures", "2025-02", value=0.9)
Q(D, "3.0%", "percent", "Spanish annual inflation, February", "INE", "2025-02", value=3.0)
Q(D, "2%", "percent", "ECB inflation target", "ECB officials", "2025", value=2, ctx="their 2% target")
Q(D, "at least two", "person", "Governing Council members arguing for a pause", "people familiar with the discussions",
  "2025-02/2025-03-04", value=2, qual="at least")
Q(D, "26 members", "person", "size of the ECB Governing Council", OUT, "2025-03-04", value=26, tier="aux",
  note="background size")
Q(D, "2.1%", "percent", "ECB staff projection (December) of average 2025 inflation", "ECB staff", "2025", value=2.1)
Q(D, "1.9%", "percent", "ECB staff projection (December) of average 2026 inflation", "ECB staff", "2026",
  value=1.9, ctx="1.9% in 2026")
Q(D, "two-year", "year", "tenor of the German bond", OUT, "2025-03-04", value=2, tier="aux", note="instrument name")
Q(D, "3 basis points", "basis point", "fall in Germany's two-year yield", OUT, "2025-03-04", value=3)
Q(D, "2.05%", "percent", "Germany's two-year yield", OUT, "2025-03-04", value=2.05)
Q(D, "$1.0485", "USD", "euro exchange rate (USD per EUR)", OUT, "2025-03-04", value=1.0485)

E(D, "on Tuesday", "2025-03-04", "day", "Eurostat publishes February flash inflation estimate", "economic",
  ctx="Eurostat said on Tuesday")
E(D, "on Thursday", "2025-03-06", "day", "ECB policy meeting (expected rate cut)", "economic",
  ctx="policymakers meet on Thursday")
E(D, "on Tuesday", "2025-03-04", "day", "Eurostat releases January unemployment figures", "economic",
  ctx="released on Tuesday showed")
E(D, "last month", "2025-02", "month", "Bundesbank cuts its 2025 German growth forecast to 0.2%", "economic")
E(D, "on Friday", "2025-02-28", "day", "Italian and French preliminary February inflation published", "economic")
E(D, "on Thursday", "2025-03-06", "day", "ECB publishes new staff projections", "economic",
  ctx="staff projections on Thursday")
E(D, "In December", "2024-12", "month", "ECB staff projections published (2.1% for 2025)", "economic")

# ---------------------------------------------------------------- 02
D = "02_yonhap_nk_missiles_troops.txt"
Y = "Yonhap"
Q(D, "3,000 more troops", "person", "additional North Korean troops sent to Russia (headline)", "NIS (via Park Ji-hoon)",
  "2025-01/2025-03-10", value=3000, tier="aux", note="headline repeat; body gives a range")
Q(D, "1:50 p.m.", "clock time", "time of launch detection", "JCS", "2025-03-10", value=13.83, tier="aux",
  note="time of day")
Q(D, "about 300 kilometers", "km", "flight distance of the missiles", "JCS", "2025-03-10", value=300, qual="about")
Q(D, "one", "missile", "'one of the missiles'", "Japan's Defense Ministry (via Kyodo News)", "2025-03-10", value=1,
  tier="aux", ctx="said one of the missiles", note="'one of the'")
Q(D, "roughly 50 km", "km", "maximum altitude of one missile", "Japan's Defense Ministry (via Kyodo News)",
  "2025-03-10", value=50, qual="about")
Q(D, "fourth", "time", "ordinal of North Korean ballistic missile launch this year", Y, "2025-03-10", value=4,
  tier="aux", note="ordinal")
Q(D, "11-day", "day", "duration of the Freedom Shield exercise", Y, "2025-03-10/2025-03-20", value=11)
Q(D, "about 19,000", "person", "South Korean troops taking part in Freedom Shield", Y, "2025-03-10/2025-03-20",
  value=19000, qual="about")
Q(D, "nearly twice", "time", "troop participation relative to last year's exercise", Y, "2025-03", value=2,
  qual="nearly")
Q(D, "16", "drill", "large-scale field training drills planned", "JCS", "2025-03-10/2025-03-20", value=16,
  ctx="conduct 16 large-scale")
Q(D, "1,000 to 3,000 troops", "person", "additional North Korean troops sent to Russia since January",
  "NIS (via Park Ji-hoon)", "2025-01/2025-03-10", low=1000, high=3000)
Q(D, "roughly 11,000", "person", "North Korean soldiers initially deployed to Russia", "NIS (via Park Ji-hoon)",
  "2024", value=11000, qual="about")
Q(D, "about 4,000", "person", "North Korean soldiers killed or wounded in Russia", "NIS (via Park Ji-hoon)",
  "2025-03-10", value=4000, qual="about")
Q(D, "more than 20,000 containers", "container", "containers of munitions shipped to Russia since August 2023", "NIS",
  "2023-08/2025-03-10", value=20000, qual="over")
Q(D, "as many as 12 million", "shell", "artillery shells the containers could hold", "NIS", "2023-08/2025-03-10",
  value=12000000, qual="up to")
Q(D, "152 mm", "millimetre", "artillery shell calibre", "NIS", "2025-03-10", value=152, tier="aux", note="calibre")
Q(D, "some 220", "weapon system", "self-propelled guns and multiple rocket launchers shipped to Russia", "NIS",
  "2023-08/2025-03-10", value=220, qual="about")
Q(D, "between US$2 billion and $3 billion", "USD", "North Korean earnings from Russia (cash and in kind)", "NIS",
  "2025-03-10", low=2000000000, high=3000000000)
Q(D, "7.2 trillion won", "KRW", "2025 defence budget allocation for the three-axis system", "defense ministry",
  "2025", value=7200000000000)
Q(D, "US$4.9 billion", "USD", "conversion of the three-axis allocation", Y, "2025", value=4900000000, tier="aux",
  note="outlet's currency conversion")
Q(D, "three-axis", "axis", "name of the defence system", Y, "2025", value=3, tier="aux", note="name")
Q(D, "5.1 percent", "percent", "increase in the three-axis allocation from a year earlier", "defense ministry",
  "2025", value=5.1)

E(D, "on Monday", "2025-03-10", "day", "North Korea fires short-range ballistic missiles into the Yellow Sea",
  "military", ctx="Yellow Sea on Monday")
E(D, "Jan. 14", "2025-01-14", "day", "North Korea fires hypersonic intermediate-range missile", "military")
E(D, "March 20", "2025-03-20", "day", "Freedom Shield exercise ends", "military")
E(D, "Monday", "2025-03-10", "day", "NIS briefs lawmakers on North Korean troops in Russia", "intelligence",
  ctx="told lawmakers Monday")
E(D, "on Saturday", "2025-03-08", "day", "Kim Jong-un inspects nuclear-powered submarine shipyard", "military")
E(D, "the following day", "2025-03-09", "day", "KCNA reports the submarine shipyard inspection", "military",
  tier="aux", note="media report of an event")
E(D, "on Wednesday", "2025-03-12", "day", "Defence ministry briefing on the exercise (scheduled)", "military")

# ---------------------------------------------------------------- 03
D = "03_tass_gas_exports_china.txt"
T = "TASS"
Q(D, "12%", "percent", "y/y rise in Power of Siberia supplies to China, Q1 2025 (headline)", "Gazprom",
  "2025-01/2025-03", value=12, tier="aux", ctx="Power of Siberia up 12%", note="headline repeat")
Q(D, "14:05", "clock time", "publication time", T, "2025-04-09", value=14.08, tier="aux", note="time of day")
Q(D, "12%", "percent", "y/y rise in Power of Siberia gas supplies to China, Q1 2025", "Gazprom",
  "2025-01/2025-03", value=12, ctx="rose by 12% year on year")
Q(D, "about 9.5 billion cubic meters", "cubic metre", "Power of Siberia gas supplies to China, Q1 2025", "Gazprom",
  "2025-01/2025-03", value=9500000000, qual="about")
Q(D, "109.5 million cubic meters", "cubic metre", "record daily Power of Siberia delivery", "Gazprom",
  "2025-03-28", value=109500000, per="day")
Q(D, "38 billion cubic meters per year", "cubic metre", "design capacity of Power of Siberia", T, "2025-04-09",
  value=38000000000, per="year")
Q(D, "30-year", "year", "duration of Gazprom-CNPC supply contract", T, "2014", value=30)
Q(D, "185-190 billion cubic meters", "cubic metre", "expected total Russian pipeline and LNG gas exports in 2025",
  "Energy Ministry source (via Interfax)", "2025", low=185000000000, high=190000000000)
Q(D, "roughly 14%", "percent", "growth of Russian gas exports in 2024", "Energy Ministry source (via Interfax)",
  "2024", value=14, qual="about")
Q(D, "50.8 million cubic meters per day", "cubic metre", "average TurkStream deliveries to Europe, March",
  "ENTSOG (via Interfax)", "2025-03", value=50800000, per="day")
Q(D, "nearly 14%", "percent", "y/y rise in TurkStream deliveries, March", "ENTSOG (via Interfax)", "2025-03",
  value=14, qual="nearly")
Q(D, "five-year", "year", "duration of the Ukraine gas transit agreement", T, "2020/2024", value=5)
Q(D, "around 15 billion cubic meters a year", "cubic metre", "gas transited via Ukraine before the halt", T, "2024",
  value=15000000000, qual="about", per="year")
Q(D, "17.1%", "percent", "y/y fall in oil and gas budget revenues, March", "Finance Ministry", "2025-03", value=17.1)
Q(D, "889 billion rubles", "RUB", "oil and gas budget revenues, March", "Finance Ministry", "2025-03",
  value=889000000000)
Q(D, "2.64 trillion rubles", "RUB", "oil and gas budget revenues, Q1 2025", "Finance Ministry", "2025-01/2025-03",
  value=2640000000000)
Q(D, "10.1%", "percent", "y/y fall in oil and gas revenues, Q1 2025", "Finance Ministry", "2025-01/2025-03", value=10.1)
Q(D, "$254 per 1,000 cubic meters", "USD", "assumed average Russian gas export price, 2025",
  "Economic Development Ministry", "2025", value=254, per="1,000 cubic metre")
Q(D, "$297", "USD", "average Russian gas export price, 2024 (per 1,000 cubic meters)", "Economic Development Ministry",
  "2024", value=297, per="1,000 cubic metre")
Q(D, "about 5.3 million tonnes", "tonne", "Yamal LNG shipments, January-March", "ship-tracking data",
  "2025-01/2025-03", value=5300000, qual="about")
Q(D, "three", "production line", "main production lines at Yamal LNG", T, "2025-04-09", value=3,
  ctx="has three main production lines")
Q(D, "17.4 million tonnes per year", "tonne", "design capacity of Yamal LNG", T, "2025-04-09", value=17400000,
  per="year")
Q(D, "second", "time", "ordinal (second year without dividend)", "Gazprom", "2024", value=2, tier="aux", note="ordinal",
  ctx="for a second year")
Q(D, "1.6 trillion rubles", "RUB", "Gazprom investment programme", "Gazprom", "2024", value=1600000000000)
Q(D, "2.3%", "percent", "rise in Gazprom shares on the Moscow Exchange", T, "2025-04-09", value=2.3)
Q(D, "13:40", "clock time", "time of share price quote (Moscow time)", T, "2025-04-09", value=13.67, tier="aux",
  note="time of day")

E(D, "on Wednesday", "2025-04-09", "day", "Gazprom reports Q1 Power of Siberia supplies", "economic")
E(D, "March 28", "2025-03-28", "day", "Record daily gas delivery via Power of Siberia", "economic")
E(D, "in 2014", "2014", "year", "30-year Gazprom-CNPC supply contract signed", "economic")
E(D, "January 1", "2025-01-01", "day", "Russian gas transit through Ukraine stops", "economic")
E(D, "April 3", "2025-04-03", "day", "Finance Ministry publishes March oil and gas revenue data", "economic")
E(D, "in September", "2024-09", "month", "Economic Development Ministry publishes baseline forecast", "economic")
E(D, "April 24", "2025-04-24", "day", "Gazprom board to consider dividend recommendation", "economic")

# ---------------------------------------------------------------- 04
D = "04_bbc_explainer_food_prices.txt"
Q(D, "more than a year", "year", "time since UK food prices rose this fast", OUT, "2025-04", value=1, qual="over",
  ctx="fastest pace for more than a year")
Q(D, "4.4%", "percent", "annual UK food and non-alcoholic drink inflation, April", "ONS", "2025-04", value=4.4)
Q(D, "12 months", "month", "period of the inflation measure", "ONS", "2025-04", value=12, tier="aux",
  note="defines the period of another figure")
Q(D, "3.1%", "percent", "annual UK food inflation, March", "ONS", "2025-03", value=3.1, ctx="up from 3.1% in March")
Q(D, "17%", "percent", "annual rise in chocolate prices", "ONS", "2025-04", value=17)
Q(D, "18.5%", "percent", "annual rise in butter prices", "ONS", "2025-04", value=18.5)
Q(D, "roughly a quarter", "percent", "annual rise in beef prices", "ONS", "2025-04", value=25, qual="about")
Q(D, "3.6%", "percent", "UK CPI inflation, April", OUT, "2025-04", value=3.6)
Q(D, "2.6%", "percent", "UK CPI inflation, March", OUT, "2025-03", value=2.6)
Q(D, "2%", "percent", "Bank of England inflation target", OUT, "2025-05-23", value=2, ctx="England's 2% target")
Q(D, "about 8%", "percent", "fall in UK cattle numbers since 2020", "farming groups", "2020/2025", value=8, qual="about")
Q(D, "13.8%", "percent", "employer national insurance rate before 6 April 2025", OUT, "2025-04-06", value=13.8)
Q(D, "15%", "percent", "employer national insurance rate from 6 April 2025", OUT, "2025-04-06", value=15)
Q(D, "21", "year", "minimum age for the National Living Wage", OUT, "2025-04-06", value=21, tier="aux",
  ctx="aged 21 and over", note="age")
Q(D, "6.7%", "percent", "increase in the National Living Wage", OUT, "2025-04-06", value=6.7)
Q(D, "£12.21 an hour", "GBP", "National Living Wage", OUT, "2025-04-06", value=12.21, per="hour")
Q(D, "about £7bn", "GBP", "extra costs to retailers from NI and wage changes over the next year", "BRC",
  "2025-05/2026-05", value=7000000000, qual="about")
Q(D, "6%", "percent", "possible UK food inflation by end-2025", "BRC", "2025-12", value=6, ctx="could reach 6%")
Q(D, "6.4%", "percent", "rise in the energy price cap, April", "Ofgem", "2025-04", value=6.4)
Q(D, "£111 a year", "GBP", "addition to a typical dual-fuel bill", "Ofgem", "2025-04", value=111, per="year")
Q(D, "£1,849", "GBP", "typical annual dual-fuel bill under the cap", "Ofgem", "2025-04", value=1849, per="year")
Q(D, "roughly 7%", "percent", "expected fall in the energy price cap for July-September", "Cornwall Insight",
  "2025-07/2025-09", value=7, qual="about")
Q(D, "a quarter of a percentage point", "percentage point", "Bank of England rate cut", "Bank of England",
  "2025-05-08", value=0.25)
Q(D, "4.25%", "percent", "Bank Rate after the cut", "Bank of England", "2025-05-08", value=4.25)
Q(D, "fourth", "time", "ordinal of the cut since August 2024", "Bank of England", "2025-05-08", value=4, tier="aux",
  note="ordinal")
Q(D, "3.7%", "percent", "expected peak UK inflation, September", "Bank of England", "2025-09", value=3.7)
Q(D, "five", "person", "MPC members wanting to move carefully", OUT, "2025-05-23", value=5,
  ctx="But five of the nine")
Q(D, "nine members", "person", "size of the Monetary Policy Committee", OUT, "2025-05-23", value=9, tier="aux",
  note="background size")
Q(D, "about £100 a week", "GBP", "average household spending on food and non-alcoholic drinks", "ONS", "2025",
  value=100, qual="about", per="week")
Q(D, "About one in seven", "percent", "adults who skipped meals in the past month", "Food Foundation", "2025",
  value=14.29, qual="about")
Q(D, "6,000 people", "person", "survey sample size", "Food Foundation", "2025", value=6000, tier="aux",
  note="sample size")
Q(D, "more than 2.9 million", "parcel", "emergency food parcels handed out by Trussell food banks",
  OUT, "2024-04/2025-03", value=2900000, qual="over")
Q(D, "3.1 million", "parcel", "record emergency food parcels in the previous year", OUT, "2023-04/2024-03",
  value=3100000, ctx="record 3.1 million")
Q(D, "nearly double", "time", "parcels now vs five years ago", OUT, "2024-04/2025-03", value=2, qual="nearly")
Q(D, "five years ago", "year", "relative date expression", OUT, "2020", value=5, tier="aux",
  note="relative date, not a quantity claim")

E(D, "on Wednesday", "2025-05-21", "day", "ONS publishes April inflation figures", "economic")
E(D, "6 April", "2025-04-06", "day", "Employer national insurance and National Living Wage rises take effect",
  "economic")
E(D, "in April", "2025-04", "month", "Energy price cap rises 6.4%", "economic", ctx="rose by 6.4% in April")
E(D, "on Tuesday", "2025-05-27", "day", "Ofgem announces July-September price cap (scheduled)", "economic")
E(D, "8 May", "2025-05-08", "day", "Bank of England cuts Bank Rate to 4.25%", "economic")

# ---------------------------------------------------------------- 05
D = "05_aljazeera_sudan_el_fasher.txt"
Q(D, "12 million", "person", "people displaced by Sudan's war (headline)", "UNHCR", "2025-04-14", value=12000000,
  tier="aux", ctx="passes 12 million", note="headline repeat")
Q(D, "at least 180 people", "person", "people killed in RSF attacks on Zamzam and el-Fasher since Friday",
  "United Nations", "2025-04-11/2025-04-14", value=180, qual="at least")
Q(D, "third", "year", "ordinal year of the war", OUT, "2025-04", value=3, tier="aux", note="ordinal",
  ctx="enters its third year")
Q(D, "nine", "person", "medical staff killed in Zamzam", "OCHA", "2025-04-13", value=9, ctx="were nine medical")
Q(D, "one", "clinic", "'one of the last functioning clinics'", "OCHA", "2025-04-13", value=1, tier="aux",
  ctx="at one of the last", note="'one of the'")
Q(D, "three", "day", "consecutive days Zamzam has been under fire", "Amira Haddad (OCHA)", "2025-04-11/2025-04-13",
  value=3, ctx="for three consecutive days")
Q(D, "between 60,000 and 80,000 households", "household", "households that fled Zamzam", "IOM",
  "2025-04-11/2025-04-14", low=60000, high=80000)
Q(D, "up to 400,000 people", "person", "people who fled Zamzam", "IOM", "2025-04-11/2025-04-14", value=400000,
  qual="up to")
Q(D, "roughly half a million people", "person", "Zamzam camp population before the offensive", OUT, "2025-04",
  value=500000, qual="about")
Q(D, "about 1,000 fighters", "person", "RSF fighters in the repelled attack on el-Fasher", "Sudanese army",
  "2025-04", value=1000, qual="about")
Q(D, "120", "vehicle", "armed vehicles in the repelled attack", "Sudanese army", "2025-04", value=120,
  ctx="and 120 armed vehicles")
Q(D, "about 60km", "km", "distance from Tawila to el-Fasher", OUT, "2025-04-14", value=60, qual="about")
Q(D, "130", "person", "wounded people received by MSF in Tawila", "MSF", "2025-04-12", value=130,
  ctx="received 130 wounded")
Q(D, "more than half", "percent", "share of the wounded who were women and children", "MSF", "2025-04-12",
  value=50, qual="over")
Q(D, "23 children", "person", "children among those killed on Friday and Saturday", "Sudan Doctors Network",
  "2025-04-11/2025-04-12", value=23)
Q(D, "tens of thousands", "person", "people killed in Sudan's war (vague)", OUT, "2023-04-15/2025-04-14",
  low=10000, high=99999, qual="about", tier="aux", note="vague magnitude")
Q(D, "more than 12 million", "person", "people uprooted by the war", "UNHCR", "2025-04-14", value=12000000, qual="over")
Q(D, "some 3.8 million", "person", "refugees who crossed into neighbouring countries", "UNHCR", "2025-04-14",
  value=3800000, qual="about")
Q(D, "Nearly 25 million people", "person", "people facing acute hunger in Sudan", "IPC", "2024-12", value=25000000,
  qual="nearly")
Q(D, "about half", "percent", "share of Sudan's population facing acute hunger", "IPC", "2024-12", value=50,
  qual="about")
Q(D, "at least five areas", "area", "areas where famine was confirmed", "IPC", "2024-12", value=5, qual="at least")
Q(D, "about 20 countries", "country", "countries attending the London meeting", OUT, "2025-04-15", value=20,
  qual="about")
Q(D, "$4.2bn", "USD", "UN and partners' 2025 appeal for Sudan", "UN and partners", "2025", value=4200000000)
Q(D, "nearly 21 million people", "person", "people targeted for assistance inside Sudan", "UN and partners", "2025",
  value=21000000, qual="nearly")
Q(D, "7 percent", "percent", "share of the Sudan appeal funded so far", "OCHA", "2025-04-14", value=7)
Q(D, "third", "year", "ordinal year of the war (quote)", "Amira Haddad (OCHA)", "2025-04", value=3, tier="aux",
  ctx="for a third year", note="ordinal")
Q(D, "hundreds of thousands", "person", "possible future death toll (vague, quote)", "Amira Haddad (OCHA)",
  "2025", low=100000, high=999999, qual="about", tier="aux", note="vague magnitude, hypothetical")

E(D, "on Sunday", "2025-04-13", "day", "OCHA reports nine medical staff killed in Zamzam", "military",
  ctx="(OCHA) said on Sunday", tier="aux", note="statement")
E(D, "on Sunday", "2025-04-13", "day", "RSF claims full control of Zamzam camp", "military",
  ctx="The RSF said on Sunday")
E(D, "on Saturday", "2025-04-12", "day", "MSF in Tawila receives 130 wounded people", "military",
  ctx="people on Saturday alone")
E(D, "April 15, 2023", "2023-04-15", "day", "War between Sudan's army and the RSF erupts", "military")
E(D, "in December", "2024-12", "month", "IPC report confirms famine in at least five areas", "economic",
  tier="aux", note="humanitarian/food security; no matching category")
E(D, "last month", "2025-03", "month", "Army recaptures presidential palace in Khartoum", "military")
E(D, "on Tuesday", "2025-04-15", "day", "International meeting on Sudan in London", "diplomatic")

# ---------------------------------------------------------------- 06
D = "06_nikkei_chipmaker_investment.txt"
Q(D, "1.3tn yen", "JPY", "Kitamori investment plan (headline)", "Kitamori Semiconductor", "2025/2028",
  value=1300000000000, tier="aux", note="headline repeat")
Q(D, "18:40", "clock time", "publication time", OUT, "2025-04-01", value=18.67, tier="aux", note="time of day")
Q(D, "about 1.3 trillion yen", "JPY", "Kitamori investment over the next three years", "Kitamori Semiconductor",
  "2025/2028", value=1300000000000, qual="about")
Q(D, "$8.7 billion", "USD", "conversion of the investment plan", OUT, "2025-04-01", value=8700000000, tier="aux",
  note="outlet's currency conversion")
Q(D, "three years", "year", "period of the investment plan", "Kitamori Semiconductor", "2025/2028", value=3,
  tier="aux", ctx="next three years", note="defines the period of another figure")
Q(D, "up to 480 billion yen", "JPY", "additional METI subsidies approved", "METI", "2025-03-31",
  value=480000000000, qual="up to")
Q(D, "two", "plant", "Kitamori plants in Kumamoto", OUT, "2025-04-01", value=2, tier="aux",
  ctx="Kitamori's two Kumamoto", note="background count")
Q(D, "roughly 1.07 trillion yen", "JPY", "total state support for Kitamori's Kumamoto plants since fiscal 2022", "METI",
  "2022-04/2025-03-31", value=1070000000000, qual="about")
Q(D, "second", "plant", "ordinal of the plant", OUT, "2025-04-01", value=2, tier="aux", ctx="The second plant",
  note="ordinal")
Q(D, "second", "plant", "ordinal of the plant (repeat)", OUT, "2027", value=2, tier="aux",
  ctx="at the second plant is", note="ordinal")
Q(D, "6-nanometer", "nanometre", "process node", OUT, "2025-04-01", value=6, tier="aux", note="technical designator")
Q(D, "12-nm", "nanometre", "process node", OUT, "2025-04-01", value=12, tier="aux", note="technical designator")
Q(D, "25,000 wafers", "wafer", "target monthly output", "Kitamori Semiconductor", "2028-03", value=25000,
  per="month")
Q(D, "300-millimeter", "millimetre", "wafer size equivalent", OUT, "2025-04-01", value=300, tier="aux",
  note="technical designator")
Q(D, "9,000 wafers", "wafer", "current monthly output", "Kitamori Semiconductor", "2025-04-01", value=9000,
  per="month")
Q(D, "six months ago", "month", "relative date expression (quote)", "Haruki Sone", "2024-10", value=6, tier="aux",
  note="relative date, not a quantity claim")
Q(D, "about 1,500", "person", "additional engineers and technicians to be hired by 2027", "Kitamori Semiconductor",
  "2027", value=1500, qual="about")
Q(D, "more than 5,200", "person", "Kitamori workforce in Kyushu after hiring", "Kitamori Semiconductor", "2027",
  value=5200, qual="over")
Q(D, "12%", "percent", "rise in starting salaries for graduate engineers", "Kitamori Semiconductor", "2025-04", value=12)
Q(D, "214 billion yen", "JPY", "expected operating profit, fiscal 2024", "Kitamori Semiconductor", "2024-04/2025-03",
  value=214000000000)
Q(D, "38%", "percent", "y/y rise in expected operating profit", "Kitamori Semiconductor", "2024-04/2025-03", value=38)
Q(D, "1.15 trillion yen", "JPY", "expected sales, fiscal 2024", "Kitamori Semiconductor", "2024-04/2025-03",
  value=1150000000000)
Q(D, "190 billion yen", "JPY", "previous operating profit forecast, fiscal 2024", "Kitamori Semiconductor",
  "2024-04/2025-03", value=190000000000)
Q(D, "as much as 9.4%", "percent", "intraday rise in Kitamori shares", OUT, "2025-04-01", value=9.4, qual="up to")
Q(D, "0.6%", "percent", "fall in the Nikkei Stock Average", OUT, "2025-04-01", value=0.6)
Q(D, "about 3.9 trillion yen", "JPY", "Japanese public funds committed to chips and AI since 2021", "METI",
  "2021/2025-04-01", value=3900000000000, qual="about")
Q(D, "more than 10 trillion yen", "JPY", "targeted public support for the chip sector by fiscal 2030", "METI",
  "2031-03", value=10000000000000, qual="over")
Q(D, "About 40%", "percent", "share of the investment budget for lithography tools", "people familiar with the plan",
  "2025/2028", value=40, qual="about")
Q(D, "1.3 trillion yen", "JPY", "investment budget (repeat mention)", "people familiar with the plan", "2025/2028",
  value=1300000000000, tier="aux", ctx="of the 1.3 trillion yen budget", note="repeat mention")
Q(D, "an estimated 12,000 tonnes", "tonne", "water the plant will draw", OUT, "2025-04-01", value=12000,
  qual="about", per="day")
Q(D, "8.5 billion yen", "JPY", "Kumamoto groundwater recharge spending over five years", "Kumamoto Prefecture",
  "2025/2030", value=8500000000)
Q(D, "five years", "year", "period of the groundwater programme", "Kumamoto Prefecture", "2025/2030", value=5,
  tier="aux", note="defines the period of another figure")
Q(D, "around 149.8", "JPY", "yen exchange rate (JPY per USD)", OUT, "2025-04-01", value=149.8, qual="about")

E(D, "Tuesday", "2025-04-01", "day", "Kitamori announces 1.3 trillion yen investment plan", "economic",
  ctx="the company said Tuesday")
E(D, "on Monday", "2025-03-31", "day", "METI approves up to 480 billion yen in additional subsidies", "economic",
  ctx="(METI) on Monday")
E(D, "on Tuesday", "2025-04-01", "day", "Second Kumamoto plant begins pilot production", "technology",
  ctx="pilot production on Tuesday")
E(D, "from April", "2025-04", "month", "Higher starting salaries for graduate engineers take effect", "economic")
E(D, "in February", "2025-02", "month", "Kumamoto Prefecture announces groundwater recharge spending", "economic")
E(D, "in June", "2025-06", "month", "Kitamori annual shareholders meeting (scheduled)", "economic")
E(D, "in 2027", "2027", "year", "Mass production at the second plant starts (scheduled)", "technology",
  ctx="scheduled to start in 2027")

# ---------------------------------------------------------------- 07
D = "07_kyiv_overnight_drone_attack.txt"
Q(D, "over 340 drones", "drone", "drones launched by Russia overnight (headline)", "Ukraine's Air Force", "2025-06-05",
  value=340, qual="over", tier="aux", note="headline repeat")
Q(D, "17 missiles", "missile", "missiles launched by Russia overnight (headline)", "Ukraine's Air Force", "2025-06-05",
  value=17, tier="aux", ctx="drones, 17 missiles", note="headline repeat")
Q(D, "4", "person", "people killed in Kyiv (headline)", "Kyiv City Military Administration", "2025-06-05", value=4,
  tier="aux", ctx="; 4 killed", note="headline repeat")
Q(D, "11:02 AM", "clock time", "publication time", OUT, "2025-06-05", value=11.03, tier="aux", note="time of day")
Q(D, "341", "drone", "Shahed-type attack drones and decoys launched by Russia", "Ukraine's Air Force", "2025-06-05",
  value=341)
Q(D, "17 missiles", "missile", "missiles launched by Russia", "Ukraine's Air Force", "2025-06-05", value=17,
  ctx="decoys and 17 missiles")
Q(D, "eight", "missile", "Iskander-M ballistic missiles launched", "Ukraine's Air Force", "2025-06-05", value=8,
  ctx="included eight Iskander")
Q(D, "nine", "missile", "Kh-101 cruise missiles launched", "Ukraine's Air Force", "2025-06-05", value=9,
  ctx="and nine Kh-101")
Q(D, "one", "strike", "'one of the largest combined strikes'", "Ukraine's Air Force", "2025-06-05", value=1,
  tier="aux", ctx="in one of the largest", note="'one of the'")
Q(D, "Kh-101", "designator", "missile model designator", OUT, "2025-06-05", value=101, tier="aux",
  note="model designator")
Q(D, "Tu-95MS", "designator", "bomber model designator", OUT, "2025-06-05", value=95, tier="aux",
  note="model designator")
Q(D, "198 drones", "drone", "drones shot down", "Ukraine's Air Force", "2025-06-05", value=198)
Q(D, "14 missiles", "missile", "missiles shot down", "Ukraine's Air Force", "2025-06-05", value=14)
Q(D, "121 drones", "drone", "drones 'locally lost' to electronic warfare", "Ukraine's Air Force", "2025-06-05", value=121)
Q(D, "six locations", "location", "locations with recorded impacts", "Ukraine's Air Force", "2025-06-05", value=6)
Q(D, "at least four people", "person", "people killed in Kyiv", "head of the Kyiv City Military Administration",
  "2025-06-05", value=4, qual="at least")
Q(D, "27", "person", "people injured in Kyiv", "head of the Kyiv City Military Administration", "2025-06-05",
  value=27, ctx="and 27 injured")
Q(D, "9-year-old", "year", "age of an injured girl", "head of the Kyiv City Military Administration", "2025-06-05",
  value=9, tier="aux", note="age")
Q(D, "roughly 400 square meters", "square metre", "area of the warehouse fire in Kyiv", OUT, "2025-06-05",
  value=400, qual="about")
Q(D, "three people", "person", "people injured in Lutsk", "regional authorities (Volyn)", "2025-06-05", value=3)
Q(D, "some 60,000 households", "household", "households left without power in Chernihiv Oblast", "Chernihivoblenergo",
  "2025-06-05", value=60000, qual="about")
Q(D, "nearly 10 hours", "hour", "duration of the power outage", "Chernihivoblenergo", "2025-06-05", value=10,
  qual="nearly")
Q(D, "more than 1,100", "drone", "attack drones launched by Russia since the start of the week", "President's Office",
  "2025-06-02/2025-06-05", value=1100, qual="over")
Q(D, "nearly 900", "bomb", "guided aerial bombs launched since the start of the week", "President's Office",
  "2025-06-02/2025-06-05", value=900, qual="nearly")
Q(D, "about 40 missiles", "missile", "missiles launched since the start of the week", "President's Office",
  "2025-06-02/2025-06-05", value=40, qual="about")
Q(D, "about 2,700", "drone", "Russian monthly production of Shahed-type drones", "HUR", "2025-06", value=2700,
  qual="about", per="month")
Q(D, "between 40 and 60", "missile", "Russian monthly production of Iskander-M missiles", "HUR", "2025-06",
  low=40, high=60, per="month")
Q(D, "about 7 million tonnes", "tonne", "annual crude processing at the Saratov refinery", "General Staff of Ukraine",
  "2025-06-03", value=7000000, qual="about", per="year")
Q(D, "79", "drone", "Ukrainian drones Russia claimed to have downed", "Russia's Defense Ministry", "2025-06-04",
  value=79, ctx="downed 79 Ukrainian")
Q(D, "300 million euros", "EUR", "additional Dutch funding for Ukrainian drone production", "Netherlands",
  "2025-06-04", value=300000000)
Q(D, "700 million euros", "EUR", "total Dutch support for the drone coalition this year", "Netherlands", "2025",
  value=700000000)
Q(D, "up to 4.5 million drones", "drone", "drones Ukraine plans to procure in 2025",
  "Ukrainian Defense Ministry officials", "2025", value=4500000, qual="up to")
Q(D, "nearly three times", "time", "planned drone procurement vs last year", "Ukrainian Defense Ministry officials",
  "2025", value=3, qual="nearly")
Q(D, "around 992,700 troops", "person", "Russian troop losses since 24 Feb 2022", "General Staff of Ukraine",
  "2022-02-24/2025-06-05", value=992700, qual="about")
Q(D, "1,240", "person", "Russian troop losses over the past day", "General Staff of Ukraine", "2025-06-04/2025-06-05",
  value=1240)
Q(D, "10,901 tanks", "tank", "Russian tanks lost since 2022", "General Staff of Ukraine", "2022-02-24/2025-06-05",
  value=10901)
Q(D, "22,710", "vehicle", "Russian armored fighting vehicles lost since 2022", "General Staff of Ukraine",
  "2022-02-24/2025-06-05", value=22710)
Q(D, "40,117 drones", "drone", "Russian drones lost since 2022", "General Staff of Ukraine", "2022-02-24/2025-06-05",
  value=40117)

E(D, "June 5", "2025-06-05", "day", "Russian overnight drone and missile attack on Ukraine", "military",
  ctx="overnight on June 5 with")
E(D, "On Tuesday", "2025-06-03", "day", "Ukrainian drones hit oil refinery in Saratov Oblast", "military")
E(D, "June 4", "2025-06-04", "day", "Russia claims to down 79 Ukrainian drones overnight", "military")
E(D, "on Wednesday", "2025-06-04", "day", "Netherlands pledges additional 300 million euros for drones", "diplomatic")
E(D, "Feb. 24, 2022", "2022-02-24", "day", "Russia begins full-scale invasion of Ukraine", "military")
E(D, "on June 5", "2025-06-05", "day", "General Staff reports Russian loss figures", "military",
  ctx="reported on June 5", tier="aux", note="statement")

# ---------------------------------------------------------------- 08
D = "08_india_state_budget.txt"
TN = "Tamil Nadu government"
Q(D, "₹4.39 lakh crore", "INR", "Tamil Nadu Budget outlay 2025-26 (headline)", TN, "2025-04/2026-03",
  value=4390000000000, tier="aux", ctx="2025-26: ₹4.39 lakh crore", note="headline repeat")
Q(D, "3 per cent", "percent", "fiscal deficit as share of GSDP (headline)", TN, "2025-04/2026-03", value=3,
  tier="aux", ctx="pegged at 3 per cent", note="headline repeat")
Q(D, "₹4.39 lakh crore", "INR", "Tamil Nadu total expenditure, 2025-26", TN, "2025-04/2026-03",
  value=4390000000000, ctx="total expenditure of ₹4.39 lakh crore")
Q(D, "9.2 per cent", "percent", "increase in expenditure over revised estimates for 2024-25", TN, "2025-04/2026-03",
  value=9.2)
Q(D, "9.69 per cent", "percent", "real growth of Tamil Nadu's economy, 2024-25", "Finance Minister (Tamil Nadu)",
  "2024-04/2025-03", value=9.69)
Q(D, "₹1.06 lakh crore", "INR", "fiscal deficit, 2025-26", TN, "2025-04/2026-03", value=1060000000000)
Q(D, "3 per cent", "percent", "fiscal deficit as share of GSDP, 2025-26", TN, "2025-04/2026-03", value=3,
  ctx="or 3 per cent of the Gross")
Q(D, "Fifteenth", "time", "ordinal (Finance Commission name)", OUT, "2025-03-14", value=15, tier="aux",
  note="ordinal in a name")
Q(D, "₹41,635 crore", "INR", "revenue deficit, 2025-26", TN, "2025-04/2026-03", value=416350000000)
Q(D, "₹46,467 crore", "INR", "revenue deficit, revised estimates 2024-25", TN, "2024-04/2025-03", value=464670000000)
Q(D, "₹9.3 lakh crore", "INR", "outstanding debt by 31 March 2026", TN, "2026-03-31", value=9300000000000)
Q(D, "about 26 per cent", "percent", "outstanding debt as share of GSDP", TN, "2026-03-31", value=26, qual="about")
Q(D, "₹1,000", "INR", "monthly assistance to women heads of families", "Finance Minister (Tamil Nadu)",
  "2025-04/2026-03", value=1000, per="month")
Q(D, "nearly 1.15 crore", "person", "beneficiaries of the women's assistance scheme", "Finance Minister (Tamil Nadu)",
  "2025-04/2026-03", value=11500000, qual="nearly")
Q(D, "1.06 crore", "person", "current beneficiaries of the women's assistance scheme", "Finance Minister (Tamil Nadu)",
  "2025-03-14", value=10600000)
Q(D, "₹1,300 crore a year", "INR", "additional annual cost of extending the scheme", "Finance Minister (Tamil Nadu)",
  "2025-04/2026-03", value=13000000000, per="year")
Q(D, "Rs 2,000 crore", "INR", "allocation for Chennai Metro Rail phase two", TN, "2025-04/2026-03", value=20000000000)
Q(D, "second", "time", "ordinal (project phase)", OUT, "2025-03-14", value=2, tier="aux", ctx="for the second phase",
  note="ordinal")
Q(D, "₹55,261 crore", "INR", "allocation for school education", TN, "2025-04/2026-03", value=552610000000)
Q(D, "one lakh", "house", "new rural houses to be built", TN, "2025-04/2027-03", value=100000)
Q(D, "₹3.5 lakh", "INR", "unit cost per rural house", TN, "2025-04/2026-03", value=350000)
Q(D, "3,000", "bus", "new buses for State transport undertakings", TN, "2025-04/2027-03", value=3000,
  ctx="buy 3,000 new buses")
Q(D, "two years", "year", "period of the housing and bus programme", TN, "2025-04/2027-03", value=2, tier="aux",
  ctx="over the next two years", note="defines the period of another figure")
Q(D, "at least 40,000", "person", "teachers and government staff to be recruited", TN, "2025-04/2027-03",
  value=40000, qual="at least")
Q(D, "two years", "year", "period of the recruitment drive", TN, "2025-04/2027-03", value=2, tier="aux",
  ctx="government staff over two years", note="defines the period of another figure")
Q(D, "Nearly one-third", "percent", "share of new posts in the health department", TN, "2025-04/2027-03",
  value=33.33, qual="nearly")
Q(D, "₹2.2 lakh crore", "INR", "State's own tax revenue, 2025-26", TN, "2025-04/2026-03", value=2200000000000)
Q(D, "₹58,022 crore", "INR", "State's share in Central taxes, 2025-26", TN, "2025-04/2026-03", value=580220000000)
Q(D, "₹2,150 crore", "INR", "shortfall in Centrally sponsored scheme receipts, current year",
  "Finance Department officials (Tamil Nadu)", "2024-04/2025-03", value=21500000000)
Q(D, "more than doubled", "time", "growth of State debt since 2021", "Leader of the Opposition", "2021/2025-03-14",
  value=2, qual="over")
Q(D, "₹57,231 crore", "INR", "capital spending, 2025-26", TN, "2025-04/2026-03", value=572310000000)
Q(D, "about 14 paise", "percent", "share of State revenue spent on interest (paise per rupee)", "S. Ramanathan",
  "2025-04/2026-03", value=14, qual="about", note="14 paise of every rupee = 14%")

E(D, "on Friday", "2025-03-14", "day", "Tamil Nadu Budget 2025-26 presented in the Assembly", "economic")
E(D, "on Saturday", "2025-03-15", "day", "Agriculture Budget presented (scheduled)", "economic",
  note="'on Saturday' in a Saturday paper = same day")
E(D, "on Monday", "2025-03-17", "day", "Assembly debate on the Budget begins", "economic")
E(D, "March 21", "2025-03-21", "day", "Budget session scheduled to conclude", "economic")

# ---------------------------------------------------------------- 09
D = "09_energy_oil_gas_markets.txt"
Q(D, "09:15", "clock time", "publication time", OUT, "2025-10-28", value=9.25, tier="aux", note="time of day")
Q(D, "second", "time", "ordinal (second day of losses)", OUT, "2025-10-28", value=2, tier="aux",
  ctx="for a second day", note="ordinal")
Q(D, "86 cents", "USD", "fall in Brent crude futures", OUT, "2025-10-28", value=0.86, per="barrel")
Q(D, "1.3%", "percent", "fall in Brent crude futures", OUT, "2025-10-28", value=1.3, ctx="86 cents, or 1.3%")
Q(D, "$64.10 a barrel", "USD", "Brent crude futures price", OUT, "2025-10-28", value=64.10, per="barrel")
Q(D, "0915 GMT", "clock time", "time of price quote", OUT, "2025-10-28", value=9.25, tier="aux", note="time of day")
Q(D, "79 cents", "USD", "fall in WTI crude futures", OUT, "2025-10-28", value=0.79, per="barrel")
Q(D, "1.3%", "percent", "fall in WTI crude futures", OUT, "2025-10-28", value=1.3, ctx="79 cents, or 1.3%")
Q(D, "$60.45", "USD", "WTI crude futures price", OUT, "2025-10-28", value=60.45, per="barrel")
Q(D, "Eight", "country", "OPEC+ members considering the output hike", OUT, "2025-10-28", value=8,
  ctx="Eight members of the")
Q(D, "137,000 barrels per day", "barrel", "proposed OPEC+ December output target increase",
  "sources familiar with the talks", "2025-12", value=137000, per="day")
Q(D, "four sources", "person", "number of sources", "sources familiar with the talks", "2025-10-28", value=4,
  tier="aux", note="count of sources")
Q(D, "about 2.7 million bpd", "barrel", "combined OPEC+ target increases since April", OUT, "2025-04/2025-10",
  value=2700000, qual="about", per="day")
Q(D, "eight", "country", "OPEC+ producers (repeat mention)", OUT, "2025-10-28", value=8, tier="aux",
  ctx="the eight producers", note="repeat mention")
Q(D, "roughly 2.6%", "percent", "OPEC+ target increases as share of global demand", OUT, "2025-04/2025-10",
  value=2.6, qual="about")
Q(D, "between 2 million and 3 million bpd", "barrel", "expected oil market surplus, H1 2026",
  "Tamsin Everett (Larchmont Securities)", "2026-01/2026-06", low=2000000, high=3000000, per="day")
Q(D, "700,000 bpd", "barrel", "IEA forecast of 2025 world oil demand growth", "IEA", "2025", value=700000, per="day")
Q(D, "less than half", "percent", "IEA forecast relative to OPEC forecast", OUT, "2025", value=50, qual="under",
  tier="aux", note="derived comparison")
Q(D, "1.3 million bpd", "barrel", "OPEC forecast of 2025 world oil demand growth", "OPEC", "2025", value=1300000,
  per="day")
Q(D, "about 1.2 million barrels", "barrel", "expected rise in US crude inventories, week to Oct 24",
  "preliminary poll of analysts", "2025-10-18/2025-10-24", value=1200000, qual="about")
Q(D, "11.5 million bpd", "barrel", "China's crude imports, September", "Chinese customs data", "2025-09",
  value=11500000, per="day")
Q(D, "3.9%", "percent", "y/y rise in China's crude imports, September", "Chinese customs data", "2025-09", value=3.9)
Q(D, "83%", "percent", "EU gas storage fill level", "Gas Infrastructure Europe", "2025-10-27", value=83)
Q(D, "95%", "percent", "EU gas storage fill level a year earlier", "Gas Infrastructure Europe", "2024-10-27", value=95)
Q(D, "90%", "percent", "EU storage fill target", "EU", "2025-10-01/2025-12-01", value=90)
Q(D, "about 60 billion cubic metres", "cubic metre", "gas needed to refill EU storage over the summer", OUT, "2025",
  value=60000000000, qual="about")
Q(D, "roughly one-third", "percent", "share of storage refill gas arriving as LNG", OUT, "2025", value=33.33,
  qual="about")
Q(D, "12.4 million tonnes", "tonne", "European LNG imports, September", "ship-tracking data", "2025-09",
  value=12400000)
Q(D, "18%", "percent", "y/y rise in European LNG imports, September", "ship-tracking data", "2025-09", value=18)
Q(D, "nearly 117 bcm", "cubic metre", "Norwegian pipeline gas exports, 2024", "Equinor", "2024",
  value=117000000000, qual="nearly")
Q(D, "31.40 euros per megawatt hour", "EUR", "Dutch TTF front-month gas price", OUT, "2025-10-28", value=31.40,
  per="megawatt hour")
Q(D, "about 20%", "percent", "TTF price below its level at the start of the year", OUT, "2025-10-28", value=20,
  qual="about")
Q(D, "77 million tonnes per year", "tonne", "Qatar's current LNG capacity", "Qatar", "2025-10-27", value=77000000,
  per="year")
Q(D, "142 million tonnes per year", "tonne", "Qatar's targeted LNG capacity by 2030", "Qatar", "2030",
  value=142000000, per="year")

E(D, "on Tuesday", "2025-10-28", "day", "Oil prices fall for a second day", "economic",
  ctx="second day on Tuesday")
E(D, "on Sunday", "2025-11-02", "day", "OPEC+ eight-member online meeting on December output", "economic")
E(D, "October 5", "2025-10-05", "day", "OPEC+ agrees November output increase", "economic")
E(D, "on Tuesday", "2025-10-28", "day", "American Petroleum Institute inventory data (scheduled)", "economic",
  ctx="later on Tuesday")
E(D, "on Wednesday", "2025-10-29", "day", "EIA inventory data (scheduled)", "economic")
E(D, "on Monday", "2025-10-27", "day", "Qatar announces North Field East start-up timing", "economic",
  ctx="said on Monday", tier="aux", note="statement")
E(D, "mid-2026", "2026", "year", "First train of North Field East to start production", "economic",
  tier="aux", note="approximate ('mid-') date, year precision")

# ---------------------------------------------------------------- 10
D = "10_cyclone_mozambique_cholera.txt"
Q(D, "94", "person", "cyclone death toll (headline)", "INGD", "2025-02-17", value=94, tier="aux",
  ctx="climbs to 94", note="headline repeat")
Q(D, "94", "person", "people killed by Cyclone Mavuto in Mozambique", "INGD", "2025-02-17", value=94,
  ctx="has risen to 94")
Q(D, "at least 312", "person", "people injured", "INGD", "2025-02-17", value=312, qual="at least")
Q(D, "up to 190 kilometres per hour", "km", "sustained wind speed at landfall", OUT, "2025-02-13", value=190,
  qual="up to", per="hour")
Q(D, "as much as 250mm", "millimetre", "rainfall in 24 hours", OUT, "2025-02-13/2025-02-14", value=250,
  qual="up to", per="day")
Q(D, "24 hours", "hour", "period of the rainfall figure", OUT, "2025-02-13/2025-02-14", value=24, tier="aux",
  note="defines the period of another figure")
Q(D, "more than 46,000 houses", "house", "houses destroyed or partially damaged", "INGD", "2025-02-17",
  value=46000, qual="over")
Q(D, "about 230,000 people", "person", "people affected", "INGD", "2025-02-17", value=230000, qual="about")
Q(D, "Some 58,000 people", "person", "people sheltering in accommodation centres", "INGD", "2025-02-17",
  value=58000, qual="about")
Q(D, "112", "accommodation centre", "accommodation centres", "INGD", "2025-02-17", value=112,
  ctx="sheltering in 112 accommodation")
Q(D, "around 84,500 hectares", "hectare", "cropland flooded", "Ministry of Agriculture (Mozambique)", "2025-02-17",
  value=84500, qual="about")
Q(D, "163 schools", "school", "schools damaged", "officials (Mozambique, unnamed)", "2025-02-17", value=163)
Q(D, "37", "health facility", "health facilities damaged", "officials (Mozambique, unnamed)", "2025-02-17", value=37,
  ctx="and 37 health facilities")
Q(D, "about 1,800km", "km", "roads cut off or washed away", "officials (Mozambique, unnamed)", "2025-02-17",
  value=1800, qual="about")
Q(D, "1,240", "case", "suspected cholera cases in Nampula since January", "Ministry of Health (Mozambique)",
  "2025-01/2025-02-17", value=1240, ctx="recorded 1,240 suspected")
Q(D, "19 deaths", "person", "cholera deaths in Nampula since January", "Ministry of Health (Mozambique)",
  "2025-01/2025-02-17", value=19)
Q(D, "threefold", "time", "increase in cholera cases over the past two weeks", "Ministry of Health (Mozambique)",
  "2025-02-03/2025-02-17", value=3)
Q(D, "two weeks", "week", "period of the threefold increase", "Ministry of Health (Mozambique)",
  "2025-02-03/2025-02-17", value=2, tier="aux", note="defines the period of another figure")
Q(D, "650,000 people", "person", "target population of the cholera vaccination campaign", OUT, "2025-02-20",
  value=650000)
Q(D, "700,000 doses", "dose", "oral cholera vaccine doses delivered", OUT, "2025-02-17", value=700000)
Q(D, "half a million children", "person", "children at risk of waterborne disease and malnutrition", "Unicef",
  "2025-02-17", value=500000)
Q(D, "one in four", "percent", "share of under-five children in Nampula already stunted", "Unicef", "2025-02",
  value=25)
Q(D, "under five", "year", "age threshold", "Unicef", "2025-02", value=5, tier="aux", note="age")
Q(D, "1.2 billion meticais", "MZN", "contingency funds freed by the state of emergency", "government (Mozambique)",
  "2025-02-14", value=1200000000)
Q(D, "about $19 million", "USD", "conversion of the contingency funds", OUT, "2025-02-14", value=19000000,
  qual="about", tier="aux", note="outlet's currency conversion")
Q(D, "$40 million", "USD", "World Bank emergency grant", "World Bank", "2025-02-15", value=40000000)
Q(D, "$65 million", "USD", "UN flash appeal", "Lucia Benedetti (OCHA)", "2025-02-17", value=65000000)
Q(D, "400,000 people", "person", "people the flash appeal aims to help", "Lucia Benedetti (OCHA)",
  "2025-02-17/2025-08-17", value=400000)
Q(D, "six months", "month", "period of the flash appeal", "Lucia Benedetti (OCHA)", "2025-02-17/2025-08-17",
  value=6, tier="aux", note="defines the period of another figure")
Q(D, "eight deaths", "person", "cyclone deaths in Malawi", "Department of Disaster Management Affairs (Malawi)",
  "2025-02-17", value=8)
Q(D, "nearly 12,000", "person", "people displaced in southern Malawi", "Department of Disaster Management Affairs (Malawi)",
  "2025-02-17", value=12000, qual="nearly")
Q(D, "one", "country", "'one of the countries'", OUT, "2025-02-17", value=1, tier="aux", ctx="is one of the countries",
  note="'one of the'")
Q(D, "twice", "time", "landfalls of Cyclone Freddy in Mozambique", OUT, "2023-02/2023-03", value=2)
Q(D, "more than 160 people", "person", "people killed by Cyclone Freddy in Mozambique", OUT, "2023-02/2023-03",
  value=160, qual="over")
Q(D, "over 600", "person", "people killed by Cyclone Idai", OUT, "2019-03", value=600, qual="over")

E(D, "on Monday", "2025-02-17", "day", "INGD updates cyclone death toll to 94", "economic",
  ctx="(INGD) said on Monday", tier="aux", note="statement; disaster, no matching category")
E(D, "on Thursday", "2025-02-13", "day", "Cyclone Mavuto makes landfall near Angoche", "economic",
  tier="aux", note="natural disaster; no matching category")
E(D, "on February 20", "2025-02-20", "day", "Oral cholera vaccination campaign begins (scheduled)", "economic",
  tier="aux", note="public health; no matching category")
E(D, "on Friday", "2025-02-14", "day", "Mozambique declares national state of emergency, frees contingency funds",
  "economic")
E(D, "On Saturday", "2025-02-15", "day", "World Bank approves $40 million grant", "economic")
E(D, "on Monday", "2025-02-17", "day", "UN launches $65 million flash appeal", "economic",
  ctx="United Nations on Monday")
E(D, "March 2019", "2019-03", "month", "Cyclone Idai strikes Mozambique", "economic",
  tier="aux", note="natural disaster; no matching category")

# ---------------------------------------------------------------- 11
D = "11_sanctions_shadow_fleet_trade.txt"
Q(D, "120", "vessel", "tankers added to EU sanctions list (headline)", "European Union", "2025-11-11", value=120,
  tier="aux", ctx="blacklists 120 more", note="headline repeat")
Q(D, "120 vessels", "vessel", "vessels added to EU sanctions list", "European Union", "2025-11-11", value=120)
Q(D, "677", "vessel", "total sanctioned shadow-fleet tankers", "European Union", "2025-11-11", value=677)
Q(D, "more than 15 years", "year", "age of most newly listed vessels", "EU officials", "2025-11-11", value=15,
  qual="over", tier="aux", note="age")
Q(D, "an estimated 1.1 million barrels", "barrel", "Russian crude and fuel carried by the listed vessels",
  "EU officials", "2025-11-11", value=1100000, qual="about", per="day")
Q(D, "45 companies", "company", "companies targeted for supplying dual-use goods", "European Union", "2025-11-11",
  value=45)
Q(D, "€35.9 billion", "EUR", "EU imports from Russia, 2024", "Eurostat", "2024", value=35900000000)
Q(D, "€158 billion", "EUR", "EU imports from Russia, 2021", "Eurostat", "2021", value=158000000000)
Q(D, "about 60%", "percent", "fall in EU exports to Russia, 2021-2024", "Eurostat", "2021/2024", value=60,
  qual="about")
Q(D, "9.1%", "percent", "y/y fall in China-Russia trade, January-October (USD)", "Chinese customs data",
  "2025-01/2025-10", value=9.1)
Q(D, "$182.3 billion", "USD", "China-Russia trade, January-October", "Chinese customs data", "2025-01/2025-10",
  value=182300000000)
Q(D, "8.6%", "percent", "y/y fall in China-Russia trade, January-October (yuan)", "Chinese customs data",
  "2025-01/2025-10", value=8.6)
Q(D, "two-way", "time", "compound adjective ('two-way trade')", OUT, "2025", value=2, tier="aux",
  note="not a quantity")
Q(D, "1.31 trillion yuan", "CNY", "China-Russia trade, January-October", "Chinese customs data", "2025-01/2025-10",
  value=1310000000000)
Q(D, "1 million vehicles", "vehicle", "Chinese car exports to Russia, 2024", "industry estimates", "2024",
  value=1000000, qual="over", note="'topped'")
Q(D, "nearly halved", "percent", "fall in Chinese car exports to Russia this year", "industry estimates", "2025",
  value=50, qual="nearly")
Q(D, "about 1.7 million bpd", "barrel", "Indian imports of Russian crude, October", "ship-tracking data", "2025-10",
  value=1700000, qual="about", per="day")
Q(D, "roughly 35%", "percent", "Russian share of India's crude purchases, October", "ship-tracking data", "2025-10",
  value=35, qual="about")
Q(D, "two", "company", "Russian oil producers sanctioned by the US Treasury", "industry sources", "2025-10-22",
  value=2, tier="aux", ctx="sanctions on two of Russia", note="'two of the largest'")
Q(D, "$4-5 a barrel", "USD", "discount on Urals crude delivered to India", OUT, "2025-11", low=4, high=5,
  per="barrel")
Q(D, "under $2", "USD", "discount on Urals crude in September", OUT, "2025-09", value=2, qual="under",
  per="barrel")
Q(D, "14%", "percent", "rise in India's exports to Russia, 2024-25", "commerce ministry (India)", "2024-04/2025-03",
  value=14)
Q(D, "$4.9 billion", "USD", "India's exports to Russia, 2024-25", "commerce ministry (India)", "2024-04/2025-03",
  value=4900000000)
Q(D, "$63.8 billion", "USD", "India's imports from Russia, 2024-25", "commerce ministry (India)", "2024-04/2025-03",
  value=63800000000)
Q(D, "nearly $59 billion", "USD", "India's trade deficit with Russia, 2024-25", "commerce ministry (India)",
  "2024-04/2025-03", value=59000000000, qual="nearly")
Q(D, "$100 billion", "USD", "India-Russia bilateral trade target by 2030", "Indian officials", "2030",
  value=100000000000)
Q(D, "1.2 trillion won", "KRW", "South Korean used-car exports to Kyrgyzstan, first nine months", "KITA",
  "2025-01/2025-09", value=1200000000000)
Q(D, "$830 million", "USD", "conversion of the used-car export value", OUT, "2025-01/2025-09", value=830000000,
  tier="aux", note="outlet's currency conversion")
Q(D, "nine months", "month", "period of the used-car export figure", "KITA", "2025-01/2025-09", value=9,
  tier="aux", note="defines the period of another figure")
Q(D, "more than double", "time", "used-car exports vs a year earlier", "KITA", "2025-01/2025-09", value=2,
  qual="over")
Q(D, "Sakhalin-2", "designator", "project name", OUT, "2025", value=2, tier="aux", note="name")
Q(D, "4.6 million tonnes", "tonne", "Japanese imports of Russian LNG, April-September", "Ministry of Finance (Japan)",
  "2025-04/2025-09", value=4600000)
Q(D, "about 480 billion yen", "JPY", "value of Japanese Russian LNG imports, April-September",
  "Ministry of Finance (Japan)", "2025-04/2025-09", value=480000000000, qual="about")
Q(D, "11%", "percent", "fall in container throughput at Russia's Baltic ports", "Federal Customs Service (Russia)",
  "2025-01/2025-09", value=11)
Q(D, "three quarters", "quarter", "period of the throughput figure", "Federal Customs Service (Russia)",
  "2025-01/2025-09", value=3, tier="aux", note="defines the period of another figure")
Q(D, "1.35 million TEU", "TEU", "container throughput at Russia's Baltic ports", "Federal Customs Service (Russia)",
  "2025-01/2025-09", value=1350000)
Q(D, "twenty-foot", "foot", "TEU definition", OUT, "2025", value=20, tier="aux", note="unit definition")
Q(D, "4.1 trillion roubles", "RUB", "Russian non-commodity exports", "Federal Customs Service (Russia)",
  "2025-01/2025-09", value=4100000000000)
Q(D, "46 containers", "container", "Russia-bound containers stopped by Finnish customs this year", "Finnish customs",
  "2025-01/2025-11-12", value=46)

E(D, "on Tuesday", "2025-11-11", "day", "EU adds 120 shadow-fleet vessels to sanctions list", "diplomatic")
E(D, "in January", "2026-01", "month", "EU expected to propose next sanctions package", "diplomatic",
  ctx="next package in January")
E(D, "on Friday", "2025-11-07", "day", "China publishes January-October trade data", "economic")
E(D, "last month", "2025-10", "month", "Indian state refiners pause new spot orders of Russian crude", "economic")
E(D, "October 22", "2025-10-22", "day", "US Treasury sanctions two large Russian oil producers", "diplomatic")

# ---------------------------------------------------------------- 12
D = "12_romania_defence_procurement.txt"
Q(D, "€7.1bn", "EUR", "value of Romania's arms contracts (headline)", "Romania", "2025-09-15", value=7100000000,
  tier="aux", note="headline repeat")
Q(D, "€7.1 billion", "EUR", "value of defence contracts signed by Romania", "Romania", "2025-09-15", value=7100000000)
Q(D, "54", "howitzer", "self-propelled howitzers ordered from South Korea", "Romania", "2025-09-15", value=54,
  ctx="including 54 self-propelled")
Q(D, "hundreds", "missile", "air-defence interceptors (vague)", "Romania", "2025-09-15", low=200, high=999,
  qual="about", tier="aux", note="vague magnitude")
Q(D, "about 1.4 trillion won", "KRW", "value of the Hanwha howitzer deal", "Romanian Defence Ministry", "2025-09-15",
  value=1400000000000, qual="about")
Q(D, "$1bn", "USD", "conversion of the howitzer deal value", OUT, "2025-09-15", value=1000000000, tier="aux",
  note="outlet's currency conversion")
Q(D, "54", "howitzer", "K9 howitzers in the Hanwha deal (repeat mention)", "Romanian Defence Ministry", "2025-09-15",
  value=54, tier="aux", ctx="covers 54 K9", note="repeat mention")
Q(D, "K9", "designator", "howitzer model designator", OUT, "2025-09-15", value=9, tier="aux", note="model designator")
Q(D, "155mm", "millimetre", "howitzer calibre", OUT, "2025-09-15", value=155, tier="aux", note="calibre")
Q(D, "36", "vehicle", "K10 ammunition resupply vehicles", "Romanian Defence Ministry", "2025-09-15", value=36,
  ctx="and 36 K10")
Q(D, "K10", "designator", "vehicle model designator", OUT, "2025-09-15", value=10, tier="aux", note="model designator")
Q(D, "18 howitzers", "howitzer", "howitzers due for delivery in 2027", "Romanian Defence Ministry", "2027", value=18)
Q(D, "240", "missile", "PAC-3 MSE interceptor missiles to be bought", "Romania", "2025-09-15", value=240,
  ctx="buy 240 PAC-3")
Q(D, "PAC-3", "designator", "missile model designator", OUT, "2025-09-15", value=3, tier="aux", note="model designator")
Q(D, "up to $2.3 billion", "USD", "value of the PAC-3 MSE purchase", "Romania", "2025-09-15", value=2300000000,
  qual="up to")
Q(D, "four batteries", "battery", "Patriot batteries the interceptors will equip", "officials (Romania, unnamed)",
  "2025-09-16", value=4)
Q(D, "two", "battery", "Patriot batteries Romania has today", "officials (Romania, unnamed)", "2025-09-16", value=2,
  ctx="up from two today")
Q(D, "1.2 million", "shell", "artillery shells to be delivered by Rheinmetall over five years", OUT, "2025/2030",
  value=1200000)
Q(D, "five years", "year", "period of the shell contract", OUT, "2025/2030", value=5, tier="aux",
  note="defines the period of another figure")
Q(D, "about half", "percent", "share of shells to be produced at Victoria", OUT, "2025/2030", value=50, qual="about")
Q(D, "€535 million", "EUR", "value of the Victoria joint venture plant", OUT, "2025-09-16", value=535000000)
Q(D, "around 700 people", "person", "planned employment at the Victoria plant", OUT, "2028", value=700, qual="about")
Q(D, "three years", "year", "period Romania has watched Russian drones crash on its soil", "Ion Vasilescu",
  "2022/2025", value=3)
Q(D, "at least 26 incidents", "incident", "drone debris incidents on Romanian territory since 2022",
  "Romanian armed forces", "2022/2025-09-16", value=26, qual="at least")
Q(D, "F-16", "designator", "fighter model designator", OUT, "2025-09-13", value=16, tier="aux", note="model designator")
Q(D, "about 50 minutes", "minute", "time the Russian drone spent in Romanian airspace", "Romanian Defence Ministry",
  "2025-09-13", value=50, qual="about")
Q(D, "some 800", "drone", "loitering munitions to be ordered", "Romanian Defence Ministry", "2025-09-16", value=800,
  qual="about")
Q(D, "more than 1,000", "drone", "first-person-view drones to be bought per month from 2026", "Romanian Defence Ministry",
  "2026", value=1000, qual="over", per="month")
Q(D, "€150 billion", "EUR", "size of the EU SAFE loan scheme", OUT, "2025", value=150000000000)
Q(D, "€15.2 billion", "EUR", "SAFE loans requested by Romania", "Romania", "2025-09-16", value=15200000000)
Q(D, "3.5%", "percent", "NATO core defence spending target (share of GDP) by 2035", "NATO allies", "2035", value=3.5)
Q(D, "1.5%", "percent", "additional NATO security-related investment target (share of GDP)", "NATO allies", "2035",
  value=1.5)
Q(D, "2.25%", "percent", "Romania's defence spending as share of GDP, 2024", "budget documents (Romania)", "2024",
  value=2.25)
Q(D, "2.5%", "percent", "Romania's planned defence spending as share of GDP, 2026", "budget documents (Romania)",
  "2026", value=2.5)
Q(D, "about 4,000 troops", "person", "troops in NATO's multinational battlegroup in Romania", OUT, "2025-09-16",
  value=4000, qual="about")
Q(D, "roughly 1,700", "person", "US soldiers remaining at Mihail Kogalniceanu", OUT, "2025-09-16", value=1700,
  qual="about")
Q(D, "11.7%", "percent", "real-terms rise in European defence spending, 2024", "IISS", "2024", value=11.7)
Q(D, "$457bn", "USD", "European defence spending, 2024", "IISS", "2024", value=457000000000)
Q(D, "nearly one-fifth", "percent", "share of new procurement contracts for air defence and artillery", "IISS", "2024",
  value=20, qual="nearly")

E(D, "on Monday", "2025-09-15", "day", "Romania signs €7.1 billion of defence contracts", "military")
E(D, "in 2027", "2027", "year", "First 18 K9 howitzers due for delivery", "military")
E(D, "in July", "2025-07", "month", "US Congress approves PAC-3 MSE sale to Romania", "military")
E(D, "in 2028", "2028", "year", "Victoria ammunition plant reaches full capacity (planned)", "economic")
E(D, "On Saturday", "2025-09-13", "day", "Russian drone enters Romanian airspace; F-16s scrambled", "military")
E(D, "next month", "2025-10", "month", "European Commission expected to approve Romania's SAFE plan", "economic")
E(D, "25 June", "2025-06-25", "day", "NATO summit in The Hague: allies pledge 3.5% + 1.5% of GDP", "diplomatic")
E(D, "from 2026", "2026", "year", "Start of monthly FPV drone purchases", "military", tier="aux",
  note="start of an open period")


if __name__ == "__main__":
    if ERRORS:
        print("\n".join(ERRORS))
        sys.exit(1)
    QUANTS.sort(key=lambda r: (r["doc"], r["start"]))
    EVENTS.sort(key=lambda r: (r["doc"], r["start"]))
    with open(os.path.join(HERE, "gold_quantities.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for r in QUANTS:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "gold_events.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for r in EVENTS:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(QUANTS)} quantities, {len(EVENTS)} events")
