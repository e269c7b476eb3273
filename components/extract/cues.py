"""The words that say which indicator a number is, and the traps that say it is something else (with the reason)."""

from __future__ import annotations

import re

# --- Which indicator a sentence speaks of ----------------------------------------------------------------------------

REMITTANCES = re.compile(r"(?i)\bremit\w*|\bmoney\s+(?:transfers|sent\s+home)"
                         r"|\b(?:sen[dt]s?|sending|wir(?:ed|es?|ing))\s+(?:(?:money|cash|earnings)\s+)?(?:back\s+)?home\b|\btransfers\s+from\s+(?:migrants|abroad|"
                         r"workers|labou?r\s+migrants)|\bmigrants['’]\s+(?:transfers|earnings\s+sent)")
REMITTANCES_WEAK = re.compile(r"(?i)\b(?:transfers|inflows|recipients?|as\s+a\s+share\s+of|"
                              r"(?:the|their|its)\s+(?:share|ratio|proportion)|"
                              r"(?:that|this)\s+(?:figure|"
                              r"share|ratio)|(?:this|that|the|a)\s+"
                              r"(?:lower\s+|higher\s+)?dependence|ratios?|money\s+sent)\b")
GDP = re.compile(r"(?i)\bGDP\b|gross\s+domestic\s+product|\beconom(?:y|ies)(?:['’]s)?\b|economic\s+output"
                 r"|national\s+output|national\s+income")
CITIZENSHIP = re.compile(r"(?i)\bcitizenship\b|\bpassports?\b|\bnaturali[sz]\w*|\bbec(?:a|o)me\s+(?:Russian\s+)?"
                         r"(?:citizens|nationals)|\bnew\s+(?:Russian\s+)?citizens\b")
CITIZENSHIP_WEAK = re.compile(r"(?i)\b(?:acquisitions|naturali[sz]\w*|new\s+citizens|passports)\b")
# The citizenship of a Central Asian state itself, where the article does not name Russian citizenship: not a grant
# of Russia's. Read only where the state grants it ("Kazakhstan granted citizenship to…") or its citizenship is what
# is acquired ("became citizens of Kyrgyzstan", "took Kyrgyz passports", "Uzbek citizenship was granted to…"); not
# where it is held ("holders of Tajik passports obtained citizenship in Russia", "keeping their Tajik passports").
_CA_STATE = r"(?:Kazakhstan|Kyrgyzstan|(?:the\s+)?Kyrgyz\s+Republic|Tajikistan|Turkmenistan|Uzbekistan)"
_CA_ADJECTIVE = r"(?:Kazakh(?:stani)?|Kyrgyz(?:stani)?|Tajik(?:istani)?|Turkmen(?:istani)?|Uzbek(?:istani)?)"
_CA_CITIZENSHIP = (rf"(?:(?:{_CA_ADJECTIVE}|{_CA_STATE}['’]s?)\s+(?:citizenship|nationality|passports?)\b"
                   rf"|(?:citizenship|nationality|passports?)\s+of\s+(?:the\s+)?{_CA_STATE})")
_ACQUIRING = (r"(?:acquir\w+|receiv\w+|obtain\w*|grant(?:s|ed|ing)?|got|gotten|get|gets|getting|given|gives?|gave|"
              r"giving|issu\w+|took|taken|takes?|taking|gain\w+|award\w+|adopt\w+|accept\w+|conferr\w+|"
              r"appl(?:y|ied|ies|ying)\s+for)")
OWN_CITIZENSHIP = re.compile(rf"\b{_ACQUIRING}\s+(?:(?:the|their|its|his|her|new)\s+)?{_CA_CITIZENSHIP}"
                             rf"|\b{_CA_CITIZENSHIP}\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+)?"
                             r"(?:granted|given|issued|awarded|conferred)\b"
                             rf"|\bbec(?:a|o)me\s+(?:\w+\s+)?(?:citizens|nationals)\s+of\s+(?:the\s+)?{_CA_STATE}"
                             rf"|\b{_CA_STATE}\s+(?:has\s+|had\s+)?(?:granted|grants|gave|gives|issued|awarded)\s+"
                             rf"(?:its\s+)?(?:citizenship|passports|nationality)")
RUSSIAN_CITIZENSHIP = re.compile(r"(?i)\bRussian\s+(?:citizenship|passports?|nationality|citizens|nationals)\b|"
                                 r"\b(?:citizenship|citizens|nationals|passports?|nationality)\s+(?:of|in|from)\s+"
                                 r"(?:the\s+)?Russia(?:n\s+Federation)?\b|\bRussia['’]s\s+(?:citizenship|passports?|"
                                 r"nationality)\b|\bRussia\s+(?:has\s+|had\s+)?(?:granted|grants|gave|issued)\b")
ACQUIRED = re.compile(r"(?i)\b(?:acquir\w+|receiv\w+|obtain\w*|grant\w*|got|gotten|get|gets|getting|given|giv\w+|"
                      r"issu\w+|bec(?:a|o)me|becoming|took|taken|tak\w+|gain\w+|award\w+|natural\w+|new|adopt\w+|accept\w+|"
                      r"approv\w+|conferr\w+|acquisitions?|grants?|went\s+to|handed|swore|sworn)\b")
MIGRANTS = re.compile(r"(?i)\b(?:(?:labou?r\s+|guest\s+|seasonal\s+|irregular\s+|undocumented\s+)?migrants?|migrant\s+"
                      r"(?:workers|labou?r\w*)|workers|labou?rers|gastarbeiters?|workforce|employ\w+|work(?:ing|ed|s)?|"
                      r"jobs?|registered|registrations?|diaspora|(?:labou?r\s+)?migration)\b")
# Verbs of acquiring: "nationals obtained …" speaks of grants, not of a stock of people in Russia.
ACQUISITION = re.compile(r"(?i)\b(?:obtain(?:s|ed|ing)?|acquir\w+|received|granted|naturali[sz]\w+)\b")
# Labour migration as such, with no destination: a total abroad ("710,000 citizens are in labour migration").
IN_MIGRATION = re.compile(r"(?i)\b(?:are|is|were|was|be|being|engaged|involved|participat\w+)\s+(?:(?:currently|now|"
                          r"still|already|presently)\s+)?in\s+labou?r\s+migration\b(?!\s+(?:in|to)\s+(?!\d))")
MIGRANTS_WEAK = re.compile(r"(?i)\b(?:citizens|nationals|people|persons|residents|live|living|lived|reside\w*|stay\w*|"
                           r"there\s+(?:are|were))\b")
RUSSIA = re.compile(r"\b(?:Russia|Russian\s+Federation|Moscow|St\.?\s+Petersburg|Russian\s+(?:cities|regions|labou?r\s+"
                    r"market|economy|construction|employers|authorities|[Mm]igration|[Ii]nterior|[Ff]ederal))\b")
# Migrants somewhere else than Russia.
ELSEWHERE = re.compile(r"(?i)\b(?:abroad|overseas|worldwide|around\s+the\s+world|outside\s+(?:of\s+)?Russia|"
                       r"(?:in|to)\s+(?:other|third|all)\s+countries|(?:in|to)\s+(?:the\s+)?(?:EU|Europe|European\s+Union|"
                       r"Gulf|Middle\s+East|UK|United\s+Kingdom|US|United\s+States|South\s+Korea|Korea|Turkey|Türkiye|"
                       r"Germany|Poland|Japan|China|UAE|United\s+Arab\s+Emirates|Kazakhstan|Uzbekistan|Kyrgyzstan|"
                       r"Tajikistan|Turkmenistan))\b")
ANAPHOR = re.compile(r"(?i)\b(?:the\s+(?:(?:poor|small|landlocked|mountainous|impoverished|Central\s+Asian|former"
                     r"\s+Soviet|remittance-dependent)\s+){0,3}(?:country|republic)(?:['’]s)?|its|their|there)\b")
HEADING_END = re.compile(r"[.!?;]\s*[\"”’)]*$")

# --- What a number is not --------------------------------------------------------------------------------------------
# Each trap: the reason reported, and a pattern searched in the number's phrase (its comma-delimited segment, cut at
# the neighbouring numbers). "before" patterns end where the number's words start; "after" start where it ends.

REGIONAL = "a regional or overall total, not one country's"
KIND_REASONS = {
    "year": "a year (a date, not a figure)",
    "date": "a date, not a figure",
    "code": "part of a name, code or resolution number",
    "ordinal": "a rank or ordinal",
    "decade": "an age or decade",
    "fraction": "a fraction in words, not an exact figure",
    "vague": "a vague quantity, not an exact number",
    "money": "a money amount",
    "points": "a change in percentage points, not a level",
    "open_range": "a range with a hedged end ('between A and over B'): no exact bounds to store",
}

AFTER = (
    ("a share of remittances (by where they come from), not of GDP",
     r"^\s*(?:of\s+(?:all\s+|the\s+|total\s+|their\s+|its\s+|these\s+|such\s+)?(?:\w+\s+)?(?:remittances|remitted|"
     r"(?:money\s+)?transfers|inflows|money\s+sent)|of\s+(?:which|them|it)\s+(?:come|came|comes|arrive\w*|originat\w+"
     r"|(?:is|are|was|were)\s+(?:from|sent)))"),
    ("a share of a total, not a count", r"^\s*of\s+(?:all\s+|the\s+)?(?:[A-Z][a-z]+\s+)?(?:them|whom|those|these|"
                                        r"migrants|workers|foreign"
                                        r"\w*|new\s+citizens|citizens|the\s+total|recipients|applicants|people|"
                                        r"households|families|arrivals|registrations)\b"),
    ("a change, not a level", r"^\s*(?:[a-z]+\s+)?(?:fall|drop|decline|decrease|rise|increase|growth|jump|slump|plunge|"
                              r"contraction|reduction|cut|gain|slide|shrinkage|hike|surge|uptick|downturn|year-on-year|"
                              r"y/y|yoy)\b"),
    ("a difference between two figures, not a level",
     r"^\s*(?:[a-z]+\s+){0,2}(?:more|fewer|less|higher|lower|up|down)\s+(?:than|compared|from|on|over|year|in\s+"
     r"comparison)\b|^\s*(?:times|-fold|fold)\b|^\s*(?:more|fewer|less)\b[^,;.]*?\bthan\b"),
    ("a count of countries or votes, not of people",
     r"^\s*(?:[a-z]+\s+)?(?:countries|states|nations|member\s+states|members|delegations|votes|ballots|abstentions|"
     r"in\s+favou?r|against)\b|^\s*[-–]\s*\d"),
    ("jobs or vacancies, not a count of people", r"^\s*(?:new\s+|more\s+|additional\s+)?(?:jobs|job\s+(?:places|"
                                                 r"openings)|workplaces|vacancies)\b"),
    ("an age or a duration", r"^\s*-?(?:years?|months?|weeks?|days?|hours?|decades?)(?:-old|\s+old)?\b"),
    ("a measurement, not a count of people", r"^\s*(?:[a-z]+\s+)?(?:km|kilometres|kilometers|miles|tonnes|tons|"
                                             r"hectares|metres|meters|kg|litres|cubic)\b"),
    ("a regional or overall total, not one country's",
     r"^\s*(?:[a-z]+\s+){0,3}?(?:Central\s+Asians?|foreigners|foreign\s+(?:nationals|citizens|workers|migrants|labou?r)|"
     r"(?:migrants|workers|people|citizens|nationals|residents|natives|registrations)\s+(?:from|of)\s+(?:Central\s+Asia|the\s+region|"
     r"(?:the\s+)?CIS|(?:the\s+)?former\s+Soviet|abroad|other\s+countries|(?:the\s+)?(?:five|three|four)\s+|all|"
     r"(?:the\s+)?Commonwealth))|^\s*(?:[a-z]+\s+){0,3}?(?:in\s+total|in\s+all|altogether|combined|overall|all\s+told)"),
)
BEFORE = (
    ("a share of remittances (by where they come from), not of GDP",
     r"\bshare\s+(?:in|of)\s+(?:the\s+)?(?:total\s+|all\s+)?(?:\w+\s+)?(?:remittances|transfers|inflows)\b"
     r"(?!\s+(?:in|to|of)\s+(?:the\s+)?(?:(?:country|nation|state|economy)['’]s\s+|\w+['’]s\s+)?(?:GDP|gross\s+domestic))"
     r"[^;]*$"),  # not "the share of remittances in GDP": that is the share of GDP
    ("a change, not a level",
     r"\b(?:fell|rose|grew|dropped|declined|increased|decreased|shrank|shrunk|climbed|jumped|surged|slumped|plunged|slid|"
     r"soared|tumbled|contracted|expanded|went\s+(?:up|down)|(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)up|down|fall"
     r"|rise|drop|decline|increase|decrease|growth)\s+"
     r"(?:by\s+)?(?:(?:an?|some|nearly|almost|about|around|over|more\s+than)\s+)?$"
     r"|\b(?:an?\s+)?(?:increase|decrease|rise|drop|fall|decline|growth|jump|gain|reduction|cut)\s+of\s+$"),
    ("population, not migrants", r"\b(?:population|inhabitants)\b[^.;]*$|\b(?:country|nation|republic)\s+of\s+$"
                                 r"|\bhome\s+to\s+(?:(?:some|about|around|nearly|over|more\s+than)\s+)?$"),
    ("an age or a duration", r"\b(?:aged|ages?\s+of|age|between\s+the\s+ages\s+of)\s+$"),
    ("a rank or ordinal", r"\b(?:top|ranks?|ranked|ranking|placed)\s+$|\bNo\.\s*$"),
    (REGIONAL,
     r"(?:\b(?:total(?:l?ed|s)?|altogether|combined|overall|in\s+all|all\s+told)\s+(?:of\s+)?(?:(?:some|about|around|"
     r"nearly|almost|over|more\s+than)\s+)?$|Central\s+Asia(?:ns?)?\b[^;]*$|\bthe\s+(?:region|CIS)\b[^;]*$)"),
)
PHRASE = (  # anywhere in the number's phrase, for counts
    ("a rate (per month, per year), not a count",
     r"(?i)\b(?:a|per|each|every)\s+(?:month|week|day|year|season)\b(?!\s+(?:earlier|ago|before|later))"
     r"|\b(?:annually|yearly|monthly)\b"),
    ("a subset (working illegally or informally), not all migrants",
     r"(?i)(?<!including\s)(?<!including\sthose\s)\b(?:illegal\w*|informal\w*|undocumented|unregistered|without\s+"
     r"(?:papers|permits|documents))\b"),
    ("residence or work permits, not citizenship or a count of migrants",
     r"(?i)\b(?:residence\s+permits?|residency|permanent\s+residen\w*|temporary\s+residen\w*|residence|"
     r"work\s+permits?|patents?|visas?|permits?)\b"),
    ("deaths or casualties", r"(?i)\b(?:died|dead|deaths?|killed|fatalit\w+|casualt\w+|wounded|injured|bodies|"
                             r"funerals?)\b"),
    ("detentions, deportations, bans or violations of the rules",
     r"(?i)\b(?:detained|arrested|detentions?|arrests?|deported|deportations?|expelled|expulsions?|banned|bans?|"
     r"barred|raids?|fined|prosecuted|convicted|sentenced|jailed|denaturali[sz]\w+|stripped|revoked|renounc\w+|"
     r"blacklist\w*|black\s+list|entry\s+bans?|violat\w+|ordered\s+(?:\w+\s+){0,3}to\s+leave)\b"),
    ("a flow (arrivals, departures, returns), not a count of migrants",
     r"(?i)\b(?:returned|returning|returnees?|came\s+back|come\s+back|went\s+home|entered|entries|entry|arrived|"
     r"arrivals?|departed|departures?|crossed|crossings?|left\s+(?:Russia|the\s+country|for|home)|set\s+out|"
     r"exodus|fled|leaving|trips|outflow|(?:have|has|had)\s+left|left\s+(?:under|in)|lose|lost|losing|displaced|"
     r"left\s+(?:(?:the|their|his|her|its|our)\s+)?(?:country|homeland|home\s+country|republic|Republic|Kazakhstan|"
     r"Kyrgyzstan|Tajikistan|Turkmenistan|Uzbekistan)|"
     r"(?:came|come|comes|coming)\s+(?:to|back|home)|head(?:ed|ing|s)\s+(?:to|for|from|home|back)|"
     r"went\s+(?:to\s+work\s+(?:in|to)|abroad)|migrat(?:ed|ing)\s+to|mov(?:ed|ing)\s+to|journeys?|travel+(?:ed|ing|s)?\s+(?:to|from)|inflow|influx)\b"),
    ("soldiers, recruits or prisoners, not migrants", r"(?i)\b(?:mobili[sz]\w+|recruit\w*|enlist\w*|signed\s+"
                                                       r"(?:up|contracts?)|fighting|fought|soldiers|troops|fighters|"
                                                       r"volunteers|contractors|prisoners|servicemen|army)\b"),
    ("applications, not grants", r"(?i)\b(?:appl(?:ied|ications?|icants?|ying)|appl(?:y|ies)\s+for|requests?|sought|"
                                 r"seeking)\b"),
    ("a survey sample or a count of households, not of migrants",
     r"(?i)\b(?:interview\w*|surveyed|survey\s+of|respondents|sample|polled|questioned|households|families)\b"),
    ("a phone number, page, call count or other label, not a count of people",
     r"(?i)\b(?:hotline|phone|telephone|calls?|pages?|rooms?|flights?|buses|stalls|containers|tents|offices)\b"),
    ("an audience (a channel's subscribers, followers, viewers), not a count of migrants",
     r"(?i)\b(?:subscribers|followers|viewers|views|listeners|readers)\b"),
    ("population, not migrants", r"(?i)\b(?:population|inhabitants)\b"),
    ("students, not migrants", r"(?i)\bstudents?\b"),
    ("visits to study or as tourists, not migrants", r"(?i)\b(?:for|to)\s+(?:education|study|studies|tourism)\b|"
                                                     r"\btourists?\b|\b(?:study|tourist)\s+(?:purposes|visas?|trips?)\b"),
)
PERCENT_PHRASE = (
    ("another economic measure (unemployment, growth, income…), not remittances as a share of GDP",
     r"(?i)\b(?:unemploy\w+|jobless\w*|poverty|poor|inflation|interest|growth|grew|grow|expand\w*|contract\w*|budget|"
     r"debt|exports?|imports?|trade|tax\w*|wages?|salar\w+|income|incomes|earnings|spending|consumption|households?|"
     r"families|commission|fees?|costs?|prices?|rate|devaluat\w+|investment|loans?|deposits?|turnover|sales|tariffs?"
     r"|vote[sd]?|voting|support\w*|approv\w+|survey\w*|respondents|poll\w*)\b"),
)
FORECAST = re.compile(r"\b(?:forecasts?|forecasted|projected|projections?|projects|expects?|expected|predicts?|"
                      r"predicted|outlook|scenario|will|would|could|might|may|is\s+set\s+to|are\s+set\s+to|likely\s+to|poised\s+to|"
                      r"on\s+track\s+to|next\s+year|by\s+20[3-9]\d|target\w*|goal|plans?\s+to|aims?\s+to|hopes?\s+to|"
                      r"to\s+(?:shrink|fall|drop|decline|rise|grow|reach|climb|slide))\b")
FORECAST_REASON = "a forecast, target or hypothetical, not a reported figure"
CHANGE_FROM = re.compile(r"(?i)\b(?:from|up\s+from|down\s+from|compared\s+(?:with|to)|against|versus|vs\.?|than)\s+"
                         r"(?:(?:the|its|their|some)\s+)?"  # "more than the 800,000 a year earlier"
                         r"(?:(?:about|around|some|nearly|almost|over|more\s+than|just|roughly)\s+)?$")
EARLIER_REASON = "an earlier value in a comparison, its date not stated"

AFTER_RX = tuple((reason, re.compile(p, re.I)) for reason, p in AFTER)
BEFORE_RX = tuple((reason, re.compile(p, re.I)) for reason, p in BEFORE)
PHRASE_RX = tuple((reason, re.compile(p)) for reason, p in PHRASE)
PERCENT_PHRASE_RX = tuple((reason, re.compile(p)) for reason, p in PERCENT_PHRASE)


def trap(head: str, tail: str, kind: str) -> str:
    """The reason a number is not an indicator figure, judged from its phrase; empty if none applies."""
    for reason, rx in AFTER_RX:
        if rx.search(tail):
            if reason == "a count of countries or votes, not of people" and kind == "percent":
                continue
            if reason == "a share of a total, not a count" and kind != "percent":
                continue  # "88,250 of them acquired citizenship": a count out of a group, not a share
            return reason
    for reason, rx in BEFORE_RX:
        if rx.search(head):
            return reason
    phrase = head + " " + tail
    if kind == "percent":
        gdp = GDP.search(tail)  # "31.3 percent of GDP as household transfers held up": only the number's own words
        near = head + " " + (tail[:gdp.end()] if gdp and gdp.start() < 40 else tail[:40])
        for reason, rx in PERCENT_PHRASE_RX:
            if rx.search(near):
                return reason
    else:
        for reason, rx in PHRASE_RX:
            if rx.search(phrase):
                return reason
    return ""


# --- What happened to the people counted, when the verb comes after an apposition ------------------------------------
# "133,000 migrants from Uzbekistan, the region's most populous country, have come back": the number's own words hold
# no verb, so the predicate after the apposition says what the number counts.

VERB = re.compile(r"(?i)\b(?:am|is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|may|might|"
                  r"live[sd]?|living|work(?:s|ing)?|stay(?:s|ing)?|came|come|comes|went|go|goes|got|get|gets|left|"
                  r"remain\w*|made|make|makes|took|take|takes|hold|holds|held|number(?:s|ed)|total(?:s|l?ed)|"
                  r"account\w*|sen[dt]s?|says?|said|reached|obtained|received|acquired|returned|arrived|entered|"
                  r"migrated|moved|headed|travel+ed|died|fled|stood|rose|fell|grew)\b")
PREDICATE_REASONS = frozenset(("a flow (arrivals, departures, returns), not a count of migrants",
                               "deaths or casualties", "detentions, deportations, bans or violations of the rules",
                               "soldiers, recruits or prisoners, not migrants"))
# Reasons that say what the people counted are (a flow, permits, deaths…): a parallel item or a part of such a group
# ("including 265,000", "of whom 280,000", "Kyrgyzstan - 265,000" after "918,000 … came to work") is the same thing.
WHAT_REASONS = frozenset(reason for reason, _ in PHRASE)


def predicate_trap(predicate: str) -> str:
    """The reason the verb after a number's apposition gives for leaving it out ("… have come back"), else empty."""
    for reason, rx in PHRASE_RX:
        if reason in PREDICATE_REASONS and rx.search(predicate):
            return reason
    return ""


def clause_trap(clause: str, kind: str) -> str:
    """For a count whose state comes from another sentence: the reason any words of its clause give for leaving it
    out ("Departures for home, by contrast, reached 640,000"), else empty."""
    if kind == "percent":
        return ""
    for reason, rx in PHRASE_RX:
        if rx.search(clause):
            return reason
    return ""
