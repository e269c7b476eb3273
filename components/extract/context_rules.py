"""Find the article's other facts (pay, penalties, ages, dates, counts), each with its exact words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from components.countries import countries_in
from components.extract.text import NUMBER_PATTERN, Seed, body_span, parse_number, sentence_spans

MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
NUM = rf"(?:{NUMBER_PATTERN})"
YEAR = r"(?:19|20)\d\d"


@dataclass(frozen=True)
class Fact:
    """One context fact: a label, and the pattern (with group `value`) of a sentence stating it."""

    fact: str
    label: str
    category: str
    unit: str
    pattern: str
    qualifier: str = ""  # "up to", "at least"...: the article's hedge, kept beside the number
    kind: str = "number"  # "number", "date" (text kept, no value) or "year"
    anchor: str = ""  # words the sentence must also hold, so a generic pattern keeps to the fact it labels


# Patterns describe the language around each fact; the values themselves come from the text.
FACTS = (
    Fact("war_length", "Length of Russia's war in Ukraine when the article was written", "Timeline",
         "weeks", rf"(?P<value>{NUM})-week\s+war"),
    Fact("soldier_data_leak_date", "Ukrainska Pravda leaks what appears to be Russian soldiers' data",
         "Timeline", "", rf"On\s+(?P<value>{MONTH}\s+\d{{1,2}}),.*\bleaked\b", kind="date"),
    Fact("leaked_soldiers", "Russian soldiers whose personal data appeared in the leak", "Counts",
         "soldiers", rf"personal\s+data\s+of\s+(?P<value>{NUM})\s+Russian\s+soldiers"),
    Fact("leaked_list_pages", "Pages in the leaked list of military personnel", "Counts", "pages",
         rf"(?P<value>{NUM})-page\s+list", anchor=r"military\s+personnel"),
    Fact("advice_seekers", "Central Asians who sought Chupik's legal advice after pressure to enlist",
         "Counts", "people", rf"more\s+than\s+(?P<value>{NUM})\s+Central\s+Asians", "more than",
         anchor=r"legal\s+advice"),
    Fact("pressure_since", "Chupik: pressure on migrants to sign up, since", "Timeline", "",
         rf"since\s+(?P<value>{MONTH}\s+\d{{1,2}})", kind="date", anchor=r"sign\s+up\s+for\s+contract"),
    Fact("scam_callers", "Tajik and Uzbek citizens who called Chupik about citizenship-for-service offers",
         "Counts", "people", rf"calls\s+from\s+(?P<value>{NUM})\s+", anchor=r"citizenship"),
    Fact("metro_promise_months", "Citizenship promised by recruiters in Moscow metro tents, within",
         "Recruitment and pay", "months", rf"citizenship\s+in\s+just\s+(?P<value>{NUM})\s+months"),
    Fact("chupik_asylum_stripped", "Chupik stripped of her asylum status by Russian authorities",
         "Timeline", "", rf"in\s+(?P<value>{MONTH}\s+{YEAR})\s+was\s+stripped", kind="date"),
    Fact("leave_russia_age_min", "Chupik urges male Central Asians to leave Russia: youngest age",
         "Age limits", "years", r"ages\s+of\s+(?P<value>\d+)\s+and\s+\d+", anchor=r"leave\s+Russia"),
    Fact("leave_russia_age_max", "Chupik urges male Central Asians to leave Russia: oldest age",
         "Age limits", "years", r"ages\s+of\s+\d+\s+and\s+(?P<value>\d+)", anchor=r"leave\s+Russia"),
    Fact("truck_driver_age", "Apparent age of the Uzbek man seen driving a Russian military truck",
         "Age limits", "years (decade)", r"in\s+his\s+(?P<value>\d+s)\b", anchor=r"recruited"),
    Fact("contract_length", "Contract offered to the Uzbek man", "Recruitment and pay", "months",
         rf"(?P<value>{NUM})-month\s+contract"),
    Fact("monthly_pay_rub", "Monthly salary offered with the contract", "Recruitment and pay",
         "rubles per month", rf"monthly\s+salary\s+of\s+(?P<value>{NUM})\s+rubles"),
    Fact("monthly_pay_usd", "Monthly salary offered, in US dollars as the article converts it",
         "Recruitment and pay", "US dollars per month", r"rubles\s+\((?P<value>\$[\d,.]+)\)"),
    Fact("uzmigrant_video_date", "UzMigrant director's Uzbek-language video", "Timeline", "",
         rf"in\s+a\s+(?P<value>{MONTH}\s+\d{{1,2}})\s+Uzbek-language\s+video", kind="date"),
    Fact("uzmigrant_promise_months", "Citizenship promised for contract service by UzMigrant's director, within",
         "Recruitment and pay", "months", rf"citizenship\s+in\s+(?P<value>{NUM})\s+months"),
    Fact("foreigner_contract_law_year", "Russia codifies foreigners' right to serve under contract",
         "Timeline", "", rf"Russia\s+in\s+(?P<value>{YEAR})\s+codified", kind="year"),
    Fact("foreigner_contract_age_min", "Foreigners allowed to serve under contract: youngest age",
         "Age limits", "years", r"aged\s+(?P<value>\d+)\s+to\s+\d+", anchor=r"serve\s+under\s+a\s+contract"),
    Fact("foreigner_contract_age_max", "Foreigners allowed to serve under contract: oldest age",
         "Age limits", "years", r"aged\s+\d+\s+to\s+(?P<value>\d+)", anchor=r"serve\s+under\s+a\s+contract"),
    Fact("foreign_contractors_period", "Period of the count of foreigners serving under contract",
         "Timeline", "", rf"Between\s+(?P<value>{YEAR}-{YEAR})", kind="date", anchor=r"serving\s+under\s+a\s+contract"),
    Fact("foreign_contractors_min", "Foreigners serving under contract in that period: low end",
         "Counts", "people", rf"hovered\s+between\s+(?P<value>{NUM})\s+and"),
    Fact("foreign_contractors_max", "Foreigners serving under contract in that period: high end",
         "Counts", "people", rf"hovered\s+between\s+{NUM}\s+and\s+(?P<value>{NUM})"),
    Fact("combat_decree_year", "Putin decree: foreign contractors may take part in combat operations",
         "Timeline", "", rf"In\s+(?P<value>{YEAR})\s+—.*\bdecree\b", kind="year"),
    Fact("tajik_mercenary_penalty", "Tajikistan: prison term for mercenary activity", "Penalties",
         "years in prison", rf"mercenary\s+activity.*?up\s+to\s+(?P<value>{NUM})\s+years", "up to"),
    Fact("uzbek_foreign_army_penalty", "Uzbekistan: prison term for serving in a foreign army",
         "Penalties", "years in prison", rf"foreign\s+army.*?up\s+to\s+(?P<value>{NUM})\s+years", "up to"),
    Fact("citizenship_proposal_date", "Putin proposes faster citizenship for contract soldiers",
         "Timeline", "", rf"In\s+(?P<value>(?:(?:early|mid|late)\s+)?{MONTH}\s+{YEAR})\b.*\bproposed\b",
         kind="date"),
    Fact("proposal_before_invasion", "Time between that proposal and the invasion", "Timeline",
         "months", rf"less\s+than\s+(?P<value>{NUM})\s+months\s+before\s+the\s+invasion", "less than"),
    Fact("tajik_born_killed", "Tajikistan-born contractors in the Russian army reportedly killed in Ukraine",
         "Counts", "people", rf"At\s+least\s+(?P<value>{NUM})\s+Tajikistan-born\s+contractors", "at least"),
    Fact("un_vote_session_date", "UN General Assembly special emergency session votes on the invasion",
         "Timeline", "", rf"During\s+the\s+(?P<value>{MONTH}\s+\d{{1,2}})\s+special\s+emergency\s+session",
         kind="date"),
)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.S)


def find_context(seed: Seed) -> list[dict]:
    """One row per fact the article states, in the order of FACTS; absent facts give no row."""
    start, end = body_span(seed.text)
    sentences = sentence_spans(seed.text, start, end)
    return [row for fact in FACTS for row in _first_match(seed, fact, sentences)]


def _first_match(seed: Seed, fact: Fact, sentences: list[tuple[int, int]]) -> Iterator[dict]:
    for s, e in sentences:
        sentence = seed.text[s:e]
        m = _compiled(fact.pattern).search(sentence)
        if m and (not fact.anchor or _compiled(fact.anchor).search(sentence)):
            yield _row(seed, fact, s, e, m)
            return


def _row(seed: Seed, fact: Fact, s: int, e: int, m: re.Match) -> dict:
    value_text = m.group("value")
    year = re.search(YEAR, value_text)
    value = parse_number(value_text) if fact.kind == "number" else None
    return {"source": seed.name, "fact": fact.fact, "label": fact.label, "category": fact.category,
            "countries": ";".join(countries_in(seed.text[s:e])), "value": value,
            "value_text": value_text, "qualifier": fact.qualifier, "unit": fact.unit,
            "year": year.group(0) if year and fact.kind != "number" else "",
            "quote": seed.text[s:e], "start": s, "end": e,
            "value_start": s + m.start("value"), "value_end": s + m.end("value")}
