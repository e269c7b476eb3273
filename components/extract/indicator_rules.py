"""Find the four country indicators in an article, each row with its exact words, and why other numbers are left out."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from components.countries import OTHER_DEMONYMS, Mention, country_name, mentions, other_country_regex
from components.extract import cues
from components.extract.dates import Period, period_for, time_words
from components.extract.numbers import Number, exact_float, find_numbers
from components.extract.text import Seed, paragraph_spans, sentence_spans
from components.extract.un_votes import VOTE_CONTEXT, vote_rows
from components.indicators import VOTE

MIGRANTS, REMITTANCES, CITIZENSHIP = "migrant_workers", "remittances_share_of_gdp", "citizenship_grants"
UNITS = {MIGRANTS: "workers", REMITTANCES: "percent of GDP", CITIZENSHIP: "people"}
ORDER = (MIGRANTS, REMITTANCES, CITIZENSHIP, VOTE)
CARRY_SENTENCES = 4  # how far back a family named in an earlier sentence still frames a sentence that names none

_DASH = (r"\s[—–]\s(?!(?:about|some|nearly|around|over|almost|roughly|at\s+least|more\s+than|less\s+than|up\s+to|"
         r"an\s+estimated|just|only)?\s*[\d(])")  # not "Ukraine – 375,989", "economy — at least 16 percent"
_CLAUSE_BREAK = re.compile(r";|" + _DASH + r"|,\s+(?:while|whereas|but|although|though|yet|and\s+(?:in|for|by)\b)\s"
                           r"|,\s+(?=(?:in|for|by)\s+(?:19|20)\d\d\b)")
_SEGMENT_BREAK = re.compile(r"[,;()\[\]]|" + _DASH)
_ATTRIBUTION = (re.compile(r"(?i)\baccording\s+to\s+(?P<who>[^,.;:]+?)(?=\s*(?:[,.;:]|$))"),
                re.compile(r"\b(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Ee]stimates)\s+(?:from|of|by|published\s+by)\s+"
                           r"(?P<who>(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+|for\s+|and\s+|on\s+)?[A-Z][\w’'-]*)*)"),
                re.compile(r",\s+(?P<who>(?:the\s+|[Rr]ussia['’]s\s+)?(?:[A-Z][\w’'-]*\s+){0,4}(?:[Mm]inistry|[Bb]ank|"
                           r"[Ss]ervice|[Aa]gency|[Oo]ffice|[Oo]bservatory|[Cc]ommittee|[Ff]und|[Ii]nstitute)"
                           r"(?:\s+(?:in|of)\s+[A-Z][\w’'-]*)?)\s+(?:said|says|reported|reports|estimates|estimated"
                           r"|shows|showed)\b"))
_MORE = re.compile(r"(?i)^\s*(?:more|others?|additional|further)\b")
_FURTHER = re.compile(r"(?i)\b(?:a\s+further|another|an\s+additional|a\s+further)\s+$")
_SUBNATIONAL = re.compile(r"\b(?:district|province|oblast|village|town|city|municipality|county|capital\s+region|"
                          r"(?!(?:The|This|That|Our|Their|Its|Whole|Entire)\s)[A-Z][a-z]+\s+region|region\s+of\s+[A-Z]\w+|Moscow\s+region)\b")
_COUNT_NOUN = re.compile(r"(?i)(?:(?:[a-z]+\s+){0,2})(?:migrants?|workers|labou?rers|citizens|nationals|people|persons"
                         r"|Tajiks|Uzbeks|Kazakhs|Kyrgyz|Turkmens?|passports|acquisitions|applications|permits|patents)\b")


@dataclass
class Sentence:
    """One sentence and what the article around it says."""

    seed: Seed
    start: int
    end: int
    index: int  # position among all sentences of the article
    paragraph: int
    earlier: list[tuple[int, int]]  # earlier sentences of the same paragraph, in order
    heading: bool
    numbers: list[Number] = field(default_factory=list)
    ca: list[Mention] = field(default_factory=list)
    others: list[tuple[int, int, str]] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    vote_words: bool = False  # names the UN, a resolution or a vote
    prior: list[tuple[int, int]] = field(default_factory=list)  # the few sentences before, across paragraphs
    follows: str = ""  # what the sentence just before counted instead of an indicator ("students…"), if that
    paragraph_ca: bool = False  # some sentence of its paragraph names a Central Asian state

    @property
    def text(self) -> str:
        return self.seed.text

    @property
    def words(self) -> str:
        return self.seed.text[self.start:self.end]


@dataclass(frozen=True)
class Reading:
    """What an article gives: figure rows, and each number left out with its reason."""

    figures: list[dict]
    left_out: list[dict]


def find_figures(seed: Seed) -> list[dict]:
    """All indicator rows of one article: by indicator, then in the order the article states them."""
    return read_article(seed).figures


def read_article(seed: Seed) -> Reading:
    """Read every sentence of the body: indicator rows, and the numbers left out with the reason."""
    sentences = _sentences(seed)
    figures: list[dict] = []
    left: list[dict] = []
    recent: list[tuple[int, str]] = []  # (sentence index, family) named or used, most recent last
    dated: dict[int, set[str]] = {}  # sentence start -> the indicators of the figures found in it
    follows = ""
    for i, sent in enumerate(sentences):
        figures += vote_rows(seed, sentences, i)
        if sent.heading:
            recent = [(sent.index, f) for f in sorted(sent.families)]
        carried = _carried(recent, sent.index)
        # Across a paragraph break only into a sentence that names no state ("The number of them has dropped …"): one
        # that names its own ("Uzbekistan had about 1.1 million …") opens another topic.
        sent.follows = follows if i and (sentences[i - 1].paragraph == sent.paragraph or not sent.ca) else ""
        rows, out = _quantities(sent, carried, dated)
        dated[sent.start] = {r["indicator"] for r in rows}
        what = [x["reason"] for x in out if x["reason"] in cues.WHAT_REASONS or x["reason"] == ABROAD_REASON]
        follows = what[-1] if what and not rows else ""
        figures += rows
        left += out
        for f in sorted(strong_families(sent.words) | {r["indicator"] for r in rows}):
            recent.append((sent.index, f))
        recent = [(at, f) for at, f in recent[-12:] if sent.index - at <= CARRY_SENTENCES]  # bounded: no quadratic scan
    order = {ind: i for i, ind in enumerate(ORDER)}
    figures = _dedupe(sorted(figures, key=lambda r: order[r["indicator"]]))
    return Reading(figures, left)


def _carried(recent: list[tuple[int, str]], index: int) -> set[str]:
    """Families earlier sentences frame this one with: remittances if named in the last few sentences; of the count
    families, those of the most recent sentence that named one."""
    near = [(at, f) for at, f in recent if index - at <= CARRY_SENTENCES]
    carried = {f for _, f in near if f == REMITTANCES}
    counts = [(at, f) for at, f in near if f in (MIGRANTS, CITIZENSHIP)]
    if counts:
        last = max(at for at, _ in counts)
        carried |= {f for at, f in counts if at == last}
    return carried


def article_sentences(seed: Seed) -> list[Sentence]:
    """The body's sentences as extraction reads them, with the states, numbers and vote words of each."""
    return _sentences(seed)


def _sentences(seed: Seed) -> list[Sentence]:
    body_start, body_end = seed.body
    out: list[Sentence] = []
    for p, (ps, pe) in enumerate(paragraph_spans(seed.text, body_start, body_end)):
        spans = sentence_spans(seed.text, ps, pe)
        for j, (s, e) in enumerate(spans):
            words = seed.text[s:e]
            sent = Sentence(seed, s, e, len(out), p, spans[:j], heading=not cues.HEADING_END.search(words)
                            and len(words) < 120 and not words.rstrip().endswith(":"))
            sent.numbers = find_numbers(seed.text, s, e)
            sent.ca = mentions(seed.text, s, e)
            sent.others = _others(seed.text, s, e)
            sent.families = set(families(words))
            sent.vote_words = bool(VOTE_CONTEXT.search(words))
            sent.prior = [(o.start, o.end) for o in out[-CARRY_SENTENCES:]]
            out.append(sent)
        named = any(o.ca for o in out[len(out) - len(spans):])
        for o in out[len(out) - len(spans):]:
            o.paragraph_ca = named
    return out


def _dedupe(rows: list[dict]) -> list[dict]:
    seen: set[tuple] = set()
    out = []
    for r in rows:
        key = (r["indicator"], r["country_iso3"], r["value_start"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


_RUSSIA_ROLE = re.compile(r"(?i)\b(?:in|to|into|inside|across|throughout|within|from|for|of|on|with|leave|left|and|"
                          r"at|than|towards?|via|through)\s+(?:neighbou?ring\s+)?$")
_ADJECTIVES = frozenset(("Russian", "Chinese", "Turkish", "Korean", "Indian", "Afghan", "Iranian", "Syrian"))


def _others(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """Other states named in the sentence, except Russia where it is the destination or source, and adjectives."""
    found = []
    for m in other_country_regex().finditer(text, s, e):
        name = m.group(0)
        bare = re.sub(r"['’]s?$", "", name)
        if re.fullmatch(r"(?:the\s+)?Russia(?:n\s+Federation)?", bare) and (
                _RUSSIA_ROLE.search(text, max(s, m.start() - 24), m.start()) or name != bare):
            continue  # "in Russia", "from Russia", "Russia's": the destination, not a rival to pair with
        if bare in _ADJECTIVES:
            continue  # "Russian citizenship", "Russian government statistics"
        found.append((m.start(), m.end(), bare))
    return found


# --- Families -----------------------------------------------------------------------------------------------------

@lru_cache(maxsize=8192)
def families(text: str) -> frozenset[str]:
    """Indicator families a piece of text speaks of by name."""
    return frozenset(_families(text))


def _families(text: str) -> set[str]:
    found = set()
    if cues.REMITTANCES.search(text) and cues.GDP.search(text):
        found.add(REMITTANCES)
    if cues.CITIZENSHIP.search(text) and cues.ACQUIRED.search(text):
        found.add(CITIZENSHIP)
    if cues.MIGRANTS.search(text) or (cues.MIGRANTS_WEAK.search(text) and cues.RUSSIA.search(text)
                                      and not cues.ACQUISITION.search(text)):
        found.add(MIGRANTS)
    return found


def strong_families(text: str) -> set[str]:
    """Families named outright (not migrants inferred from "citizens … in Russia"): what frames later sentences."""
    found = set(families(text))
    if MIGRANTS in found and not cues.MIGRANTS.search(text):
        found.discard(MIGRANTS)
    return found


# --- Quantities ---------------------------------------------------------------------------------------------------

@dataclass
class Judged:
    """What became of the previous number of the sentence (for elided nouns: "…, and 12,400 more")."""

    family: str = ""
    reason: str = ""


def _quantities(sent: Sentence, carried: set[str], dated: dict[int, set[str]]) -> tuple[list[dict], list[dict]]:
    rows: list[dict] = []
    left: list[dict] = []
    clauses = _clauses(sent)
    pairs = _respectively(sent, clauses)
    vote_like = _vote_tally_sentence(sent)
    previous = Judged()
    for n in sent.numbers:
        reason = cues.KIND_REASONS.get(n.kind, "")
        if reason:
            left.append(_left(sent, n, reason))
            continue
        clause = next(((cs, ce) for cs, ce in clauses if cs <= n.start < ce), (sent.start, sent.end))
        head, tail = _phrase(sent, n, clause)
        family, reason = _judge(sent, n, clause, head, tail, carried, pairs, vote_like, previous)
        if reason not in _NOT_A_GROUP:
            previous = Judged(family, reason)
        if reason.startswith("="):
            period = period_for(sent.text, (n.start, n.end), (sent.start, sent.end), clause,
                                _framing(sent, family, dated),
                                sent.seed.published, _separators(sent))
            rows += [_row(sent, family, iso3, n, period) for iso3 in reason[1:].split("+")]  # "=KGZ+TJK": shared
        else:
            left.append(_left(sent, n, reason, family))
    return rows, left


def _separators(sent: Sentence) -> list[tuple[int, int]]:
    """The numbers that part a figure from a year beyond them; a change amount ("by 43%") does not."""
    return [(q.start, q.end) for q in sent.numbers if q.kind in ("count", "percent", "money")
            and not _BY_AMOUNT.search(sent.text, max(sent.start, q.lead - 4), q.lead)]


_BY_AMOUNT = re.compile(r"(?i)\bby\s+$")  # "decreased by 43% — to 1.7 million": a change, not a figure with a date


# Numbers that count no people, so a later "including N" or "of them N" does not refer to them.
_NOT_A_GROUP = frozenset(("an age or a duration", "a rank or ordinal", "a measurement, not a count of people",
                          "a small number with no counted noun (an age, a duration, a label): not a state's count",
                          "digits without separators or a noun (a code, phone or address), not a count"))


def _framing(sent: Sentence, family: str, dated: dict[int, set[str]]) -> list[tuple[int, int]]:
    """The earlier sentences of the paragraph whose year may frame a figure of this family: back to the nearest one
    whose figures are of other indicators only (its year dates those: "… set in 2008 with 49 percent of GDP" does not
    date the migrant count after it)."""
    spans = sent.earlier
    for k in range(len(spans) - 1, -1, -1):
        found = dated.get(spans[k][0], set())
        if found and family not in found:
            return spans[k + 1:]
    return spans


def _judge(sent: Sentence, n: Number, clause: tuple[int, int], head: str, tail: str, carried: set[str],
           pairs: dict[int, str], vote_like: bool, previous: Judged) -> tuple[str, str]:
    """(family, "=ISO3") for a figure, else (family or "", the reason it is left out)."""
    if _bare_digits(sent, n):
        return "", "digits without separators or a noun (a code, phone or address), not a count"
    if vote_like and n.kind == "count":
        return "", "a global vote tally or count of countries"
    reason = cues.trap(head, tail, n.kind)
    if reason == cues.REGIONAL and (_state_between_region_and(sent, n, head) or _breakdown_after_colon(head)):
        reason = ""  # "… to Central Asians in 2018: first came Kazakhs (24,100)": the state is nearer than the region
    if not reason and n.kind == "count":
        reason = cues.predicate_trap(_predicate_after(sent, n, clause, tail)) or _list_trap(sent, n, clause)
    if reason:
        return "", reason
    inherited = _inherited(sent, n, head, tail, previous)
    if inherited:
        return inherited
    if n.kind == "count" and n.value is not None and n.value < 100 and not _COUNT_NOUN.match(
            sent.text[n.tail_start:n.tail_start + 40].lstrip(" -")):
        return "", "a small number with no counted noun (an age, a duration, a label): not a state's count"
    elided = bool(_MORE.match(tail) or _FURTHER.search(head))
    if elided and previous.reason and not previous.reason.startswith("="):
        return previous.family, previous.reason
    if _SUBNATIONAL.search(head + tail) or (n.kind == "percent" and _SUBNATIONAL.search(
            sent.text, clause[0], clause[1])):
        return "", "a figure for a district, city or region, not the country"
    family, why = _family(sent, n, clause, head, tail, carried)
    if not family:
        return "", why
    if family == CITIZENSHIP and not _article_names_russia(sent.seed):
        return "", "citizenship, but the article never names Russia (not Russian citizenship)"
    implausible = _implausible(sent, n, clause, family)
    if implausible:
        return family, implausible
    if family == MIGRANTS and _from_russia(sent, n):
        return family, "migrants from Russia (Russians working elsewhere), not Central Asians in Russia"
    if sent.follows and family in (MIGRANTS, CITIZENSHIP) and family not in sent.families \
            and family not in _local_families(sent, clause) and not _IN_RUSSIA.search(sent.words) \
            and not (sent.follows == ABROAD_REASON and cues.RUSSIA.search(sent.words)):
        return family, sent.follows  # "… visited Russia to study. Tajikistan was second (58,964)": the same count
    if family == MIGRANTS and _whole_of_part(sent, n, clause, head):
        return family, "a whole of which only the part after it is said to be in Russia"
    if _SUBSET.search(head) or _SUBSET_TAIL.match(tail):
        if previous.reason.startswith("=") and previous.family == family:
            return family, "a part of the group counted just before it, not a total"
    if _earlier_time(sent, n, clause):
        return family, "an earlier value ('previously', 'before'), its date not stated"
    if cues.CHANGE_FROM.search(head) and _change_clause(sent, n, clause) and not _own_year_after(sent, n, clause) \
            and not (_mention_after(sent, n, clause[1], family) or ("",))[0].startswith("="):
        return family, cues.EARLIER_REASON  # "up from 11,900"; not "compared with 2.4 million Tajiks"
    if re.search(r"(?i)\bwhen\s+$", head) and _RISE_FROM_WHEN.search(sent.text, clause[0], n.lead) \
            and not _own_year_after(sent, n, clause):
        return family, cues.EARLIER_REASON  # "a sharp rise from five years ago, when about 30,000 …"
    if re.search(r"(?i)\b(?:not|never|no)\s+(?:\w+\s+){0,2}$|\bnot\s+(?:exceed|surpass|top|reach)\w*\b",
                 head):
        return family, "a negated or bounding statement, not a figure"
    if cues.FORECAST.search(sent.text, clause[0], clause[1]) \
            and not (cues.CHANGE_FROM.search(head) and _own_year_after(sent, n, clause)):
        return family, cues.FORECAST_REASON  # not "will fall from 21% in 2022": the starting level, its year stated
    if family == MIGRANTS:
        where = _destination_count(sent, n) or _elsewhere(sent, n, clause, head, tail)
        if where:
            return family, where
    owner, how = _owner(sent, n, clause, family, pairs)
    if not owner.startswith("="):
        return family, owner
    if family == MIGRANTS:
        place = _fronted_place(sent, n, clause, owner[1:])
        if place:
            return family, f"migrants in another country ({place}), not in Russia"
    if how in ("anaphora", "previous", "group") or (family not in sent.families and n.kind == "count"):
        reason = cues.clause_trap(sent.text[clause[0]:clause[1]] if how else sent.words, n.kind)
        if reason:
            return family, reason
    if how in ("anaphora", "previous") and _COUNT_ANAPHOR.match(sent.words) and sent.prior:
        reason = cues.clause_trap(sent.text[slice(*sent.prior[-1])], n.kind)
        if reason:  # "… work patents fall on citizens of Uzbekistan. Their number reached 1.3 million": patents
            return family, reason
    if how == "inherited" or (family not in sent.families and family not in _local_families(sent, clause)
                              and how not in ("after", "before", "list", "series", "subject", "clause")
                              and not (how in ("anaphora", "previous", "group") and (
                                  family in carried or (family == REMITTANCES and _that_sum(sent))))):
        return family, "the indicator is named only in an earlier sentence and the state is not tied to the number"
    return family, owner


# A sentence's own verb of being, living or working in Russia ("Uzbekistan had about 1.1 million in Russia"): it
# says what its number counts, whatever the sentence before counted instead (deportations, students).
_IN_RUSSIA = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|live[sd]?|living|work(?:s|ed|ing)?|stay(?:s|ed|ing)?"
                        r"|resid(?:es?|ed|ing)|employed)\s+(?:(?!\w+(?:ed|en)\b)[\w,.'’-]+\s+){0,5}?in\s+(?:the\s+)?"
                        r"Russia(?:n\s+Federation)?\b(?!['’])")


# A state's migrants in Russia or its citizens naturalised there number thousands to a few million: fewer than a
# thousand is an anecdote ("three migrants were attacked", "assistance to 976 migrant workers"), unless the sentence
# states it as the stock in Russia ("There are some 800 Turkmen workers in Russia"), and even then not a handful
# (under a hundred). More than twenty million is a mis-scaled or money figure.
FEWEST_MIGRANTS = 1000
FEWEST_STATED_MIGRANTS = 100
MOST_PEOPLE = 20_000_000
TOO_FEW = (f"under {FEWEST_MIGRANTS:,} and not stated as a stock in Russia ('there are … in Russia', '… live in Russia'"
           f"): too few to be a state's migrants (an anecdote or a small group)")
TOO_FEW_STATED = f"under {FEWEST_STATED_MIGRANTS}: a handful of people, not a state's migrants in Russia"


def _implausible(sent: Sentence, n: Number, clause: tuple[int, int], family: str) -> str:
    """The reason a count is no state's figure by its size alone, else empty."""
    size = n.value if n.value is not None else n.high
    if size is None or family not in (MIGRANTS, CITIZENSHIP):
        return ""
    if size > MOST_PEOPLE:
        return "more people than any of these states' migrants or new citizens number (a mis-scaled figure or money)"
    if family == MIGRANTS and size < FEWEST_STATED_MIGRANTS:
        return TOO_FEW_STATED
    if family == MIGRANTS and size < FEWEST_MIGRANTS and not _stated_stock(sent, n, clause):
        return TOO_FEW
    return ""


_RUSSIA_PLACE = r"in\s+(?:the\s+)?Russia(?:n\s+Federation)?\b(?!['’])"
_STOCK_HEAD = re.compile(r"(?i)\b(?:there\s+(?:are|were|is|was)|(?:has|have|had))\s+(?:[a-z]+\s+){0,2}$")
_STOCK_AFTER = re.compile(r"(?i)\s*(?:(?!who\b|that\b|which\b)[\w'’-]+\s+){0,4}?(?:(?:are|were|is|was|live[sd]?|"
                          r"work(?:s|ed)?|stay(?:s|ed)?|resid(?:es?|ed))\s+(?:(?:now|still|currently|legally|officially)"
                          r"\s+)?)?" + _RUSSIA_PLACE)
_FINITE_BEFORE_RUSSIA = re.compile(r"(?i)\b(?:are|were|is|was|live[sd]?|work(?:s|ed)?|stay(?:s|ed)?|resid(?:es?|ed))\s+"
                                   r"(?:(?:now|still|currently|legally|officially)\s+)?" + _RUSSIA_PLACE)


def _stated_stock(sent: Sentence, n: Number, clause: tuple[int, int]) -> bool:
    """"There are some 800 Turkmen workers in Russia", "Turkmenistan has 800 workers in Russia", "800 Turkmens live
    in Russia": the number is the subject (or the object of 'there are', 'has') of a verb of being in Russia. Not
    "Four migrants working in Russia told reporters" (a participle), nor "… who work in Russia" (a relative clause)."""
    text = sent.text
    after = _STOCK_AFTER.match(text, n.tail_start, clause[1])
    if not after:
        return False
    if _STOCK_HEAD.search(text, clause[0], n.lead):
        return True
    return bool(_FINITE_BEFORE_RUSSIA.search(text, n.tail_start, after.end()))


_FROM_RUSSIA = re.compile(r"(?i)\b(?:workers|migrants|citizens|nationals|people|specialists)\s+from\s+(?:the\s+)?"
                          r"Russia(?:n\s+Federation)?\b")
_FROM_RUSSIA_HEAD = re.compile(r"(?i)\s*(?:[a-z-]+\s+)?(?:workers|migrants|citizens|nationals|people|specialists)\s+"
                               r"from\s+(?:the\s+)?Russia(?:n\s+Federation)?\b")
_PEOPLE_NOUN = re.compile(r"(?i)\b(?:workers|migrants|citizens|nationals|people|persons|residents|specialists|"
                          r"labou?rers|Tajiks|Uzbeks|Kazakhs|Kyrgyz|Turkmens?)\b")


def _from_russia(sent: Sentence, n: Number) -> bool:
    """"There were twice as many workers from Russia — 32,000 …", "32,000 workers from Russia": people from Russia
    are who is counted, named as the number's head noun or as the last people named before it (no Central Asian
    state before the number). Not "1 million Tajik migrants" (a Central Asian demonym right after the number), nor
    "Many Russians resent the …" (Russians named, but not as the ones counted)."""
    text = sent.text
    if any(n.tail_start <= m.start <= n.tail_start + 24 and not re.search(r"[,;:.()]", text[n.tail_start:m.start])
           for m in sent.ca):
        return False
    if _FROM_RUSSIA_HEAD.match(text, n.tail_start):
        return True
    before = list(_FROM_RUSSIA.finditer(text, sent.start, n.lead))
    return bool(before) and not _PEOPLE_NOUN.search(text, before[-1].end(), n.lead) \
        and not any(m.start < n.lead for m in sent.ca)


def _breakdown_after_colon(head: str) -> bool:
    """"About four million migrants from Central Asia work: a million from Tajikistan, …": the items after the
    colon are the parts of the regional total, not the total."""
    return bool(re.search(r"(?i)Central\s+Asia\w*\b[^;:]*:\s*$", head))


_SUBSET = re.compile(r"(?i)\b(?:including|of\s+(?:whom|which|them|those)|among\s+them|among\s+whom)\s+$")
_SUBSET_TAIL = re.compile(r"(?i)\s*(?:[a-z]+\s+)?of\s+(?:them|whom|those)\b")
_PARALLEL_HEAD = re.compile(r"(?:\bwith|[-–—:(,]|\band)\s*$")


def _predicate_after(sent: Sentence, n: Number, clause: tuple[int, int], tail: str) -> str:
    """The words after the number's apposition, when its own words hold no verb; else empty."""
    if cues.VERB.search(tail):
        return ""
    start = n.tail_start + len(tail)
    part = _APPOSED_PART.match(sent.text, start, clause[1])
    if part:  # "517,300 nationals, including 81,800 women, left the country": the verb after the part is the whole's
        start = part.end()
    end = min([q.lead for q in sent.numbers if q.lead >= start and q.kind in ("count", "percent", "money")]
              + [clause[1]])
    return sent.text[start:end]


# A sentence whose subject is the count of the sentence before ("Their number reached …", "This figure is …").
_COUNT_ANAPHOR = re.compile(r"(?i)\W*(?:(?:their|its|this|that|the\s+same)\s+(?:number|figure|total|count|tally)"
                            r"|the\s+(?:figure|total|tally))\b")
_APPOSED_PART = re.compile(r"\s*,\s*(?:including|among\s+them|of\s+(?:whom|them))\s+[^,;]{1,60},")


def _inherited(sent: Sentence, n: Number, head: str, tail: str, previous: Judged) -> tuple[str, str] | None:
    """A part of a group left out ("including 265,000", "of whom 280,000"), or a parallel item after one
    ("Kyrgyzstan - 265,000" after "918,000 … came to work"): left out for the same reason as the group."""
    if not previous.reason or previous.reason.startswith("="):
        return None
    if (_SUBSET.search(head) or _SUBSET_TAIL.match(tail)) and previous.reason in cues.WHAT_REASONS:
        return previous.family, previous.reason  # not "abroad": "600,000 of them work in Russia" is a figure
    before = sent.text[max(sent.start, n.lead - len(head) - 2):n.lead]  # the head and the separator opening it
    if previous.reason in cues.WHAT_REASONS and _PARALLEL_HEAD.search(before) and not cues.VERB.search(tail):
        return previous.family, previous.reason
    return None


_ITEM_WORD = r"(?!(?:in|to|from|of|at|on|for|with|who|which|that|while|whereas|but)\b)[\w'’-]+"  # a noun, no clause
_LIST_ITEM_GAP = re.compile(rf"(?i)\s*(?:{_ITEM_WORD}\s+){{0,2}}{_ITEM_WORD}\s*(?:,\s*(?:and\s+)?|\s+and\s+)"
                            r"(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?")


def _list_trap(sent: Sentence, n: Number, clause: tuple[int, int]) -> str:
    """"109,600 Tajiks, 78,700 Uzbeks and 3,800 Turkmens hold residence permits": items of a list share the predicate
    after the last one, so what it says the people are (permits, a flow…) holds for every item."""
    following = [q for q in sent.numbers if q.start > n.start and q.lead < clause[1] and q.kind == "count"]
    last = n
    for q in following:
        gap = sent.text[last.tail_start:q.lead]
        if not _LIST_ITEM_GAP.fullmatch(gap) or cues.VERB.search(gap):
            break
        last = q
    if last is n:
        return ""
    head, tail = _phrase(sent, last, clause)
    reason = cues.trap(head, tail, last.kind) or cues.predicate_trap(_predicate_after(sent, last, clause, tail))
    return reason if reason in cues.WHAT_REASONS else ""


_WHOLE = re.compile(r"(?i)^\W*(?:of|out\s+of)\s+(?:the|these|those|all|its|their)\s+$")


def _whole_of_part(sent: Sentence, n: Number, clause: tuple[int, int], head: str) -> bool:
    """"Out of the 194,000 Kazakhs, some 162,000 went to work in Russia": the whole before a part; where only the
    part's words name Russia, the whole is not a count in Russia."""
    if not _WHOLE.match(sent.text[clause[0]:n.lead]) or not _WHOLE.match(head):
        return False
    part = next((q for q in sent.numbers if q.start > n.start and q.lead < clause[1] and q.kind == "count"), None)
    if part is None or "," not in sent.text[n.tail_start:part.lead]:
        return False
    return not cues.RUSSIA.search(sent.text, n.start, part.lead) and bool(
        cues.RUSSIA.search(sent.text, part.lead, clause[1]))


_EARLIER = re.compile(r"(?i)\b(?:previously|formerly|in\s+the\s+past|at\s+(?:its|their|the)\s+peak|used\s+to|"
                      r"back\s+then|before|earlier)\b")


def _earlier_time(sent: Sentence, n: Number, clause: tuple[int, int]) -> bool:
    """"Previously, the number exceeded 800,000", "less than before, when it exceeded 800,000": a value for an
    earlier time the sentence does not date."""
    start = max([q.end for q in sent.numbers if q.end <= n.lead and q.kind in ("count", "percent")] + [sent.start])
    if not _EARLIER.search(sent.text, start, n.lead):
        return False
    return not time_words(sent.text, sent.start, sent.end, sent.seed.published)


def _state_between_region_and(sent: Sentence, n: Number, head: str) -> bool:
    region = list(re.finditer(r"Central\s+Asia|\bthe\s+(?:region|CIS)\b", head))
    if not region:
        return False
    at = n.lead - len(head) + region[-1].end()
    return any(at <= m.start < n.lead for m in sent.ca)


def _local_families(sent: Sentence, clause: tuple[int, int]) -> set[str]:
    return families(sent.text[clause[0]:clause[1]])


_PHONE = re.compile(r"(?:\+\s?\d{1,4}|\(\d{2,5}\))(?:[\s.-]?\d{2,4}){2,}")


def _bare_digits(sent: Sentence, n: Number) -> bool:
    """"1212", "+7 495 000 12 34": a phone number, or four digits and more without separators or a noun after them."""
    if any(m.start() <= n.start < m.end() for m in _PHONE.finditer(sent.text, sent.start, sent.end)):
        return True
    if not re.fullmatch(r"\d{4,}", n.text):
        return False
    return not re.match(r"\s+(?:(?:Tajik|Uzbek|Kazakh|Kyrgyz|Turkmen)\s+)?(?:[a-z]+\s+)?(?:people|persons|migrants|"
                        r"workers|citizens|nationals|Tajiks|Uzbeks|Kazakhs|Kyrgyz|Turkmens?)\b",
                        sent.text[n.tail_start:n.tail_start + 40])  # "1212 Tajik migrant workers": a count


_TALLY_WORDS = re.compile(r"(?i)\b(?:votes?\s+(?:in\s+favou?r|to)|abstentions|in\s+favou?r,|voted\s+for\s+the\s+text"
                          r"|member\s+states?|-member|countries\s+(?:that\s+)?voted)\b")
# "passed 141 to 5", "adopted the text by 141 votes", "approved by a vote of 141 to 5": in a sentence on a vote
_PASSED_BY = re.compile(r"(?i)\b(?:adopted|passed|approved)\s+(?:the\s+\w+\s+)?(?:by\s+(?:a\s+vote\s+of\s+)?)?\d+\b")


def _vote_tally_sentence(sent: Sentence) -> bool:
    """A sentence counting a vote's countries, not any state's figure."""
    return not sent.families and bool(_TALLY_WORDS.search(sent.words)
                                       or (sent.vote_words and _PASSED_BY.search(sent.words)))


def _change_clause(sent: Sentence, n: Number, clause: tuple[int, int]) -> bool:
    """"up from N", "compared with N", or "rose from N to M": a comparison whose earlier value this is."""
    head = sent.text[clause[0]:n.lead]
    return bool(re.search(r"(?i)\b(?:up|down)\s+from\s+(?:\w+\s+)?$|\bcompared\s+(?:with|to)\s+(?:\w+\s+)?$|\bthan\s+"
                          r"(?:\w+\s+)?$", head)) or bool(re.search(
        r"(?i)\b(?:rose|risen|rising|fell|fallen|grew|grown|increased|decreased|climbed|dropped|declined|jumped|went|"
        r"(?:a|the)\s+(?:\w+\s+)?(?:drop|fall|decline|decrease|rise|increase|jump|reduction)|"
        r"soared|surged|slipped|slid|shrank|doubled|tripled|moved|changed|swelled|plunged|tumbled|recovered|"
        r"rebounded)\b[^.;]*\bfrom\s+(?:\w+\s+)?$", head))


_RISE_FROM_WHEN = re.compile(r"(?i)\bfrom\s+[^,;.]{1,40},\s*when\s+$")


def _own_year_after(sent: Sentence, n: Number, clause: tuple[int, int]) -> bool:
    return bool(re.match(r"\s*(?:[a-z]+\s+){0,3}?(?:in|for|at\s+the\s+end\s+of)\s+(?:19|20)\d\d\b|\s*\((?:19|20)\d\d\)",
                         sent.text[n.tail_start:clause[1]]))


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
    cuts = [sent.start] + [m.start() for m in _CLAUSE_BREAK.finditer(sent.text, sent.start, sent.end)] + [sent.end]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _phrase(sent: Sentence, n: Number, clause: tuple[int, int]) -> tuple[str, str]:
    """The number's words around it: its segment, cut at the neighbouring numbers. A number alone in
    parentheses ("residence permits (79,000)") takes the words before the parenthesis as its phrase."""
    text = sent.text
    cs, ce = clause
    lead = n.lead
    if re.search(r"\(\s*$", text[max(cs, lead - 3):lead]) and re.match(r"\s*\)", text[n.tail_start:]):
        lead = text.rindex("(", cs, lead)
    seg_start = cs
    for m in _SEGMENT_BREAK.finditer(text, cs, ce):  # to the clause end: a dash's look-ahead sees the number
        if m.end() > lead:
            break
        seg_start = m.end()
    seg_end_m = _SEGMENT_BREAK.search(text, n.tail_start, ce)
    if seg_end_m and text[seg_end_m.start()] == ")" and lead < n.lead:
        seg_end_m = _SEGMENT_BREAK.search(text, seg_end_m.end(), ce)
    seg_end = seg_end_m.start() if seg_end_m else ce
    for other in sent.numbers:
        if other is n or other.kind in ("year", "date"):
            continue
        if seg_start <= other.end <= lead:
            seg_start = other.end
        if n.tail_start <= other.lead < seg_end:
            seg_end = other.lead
    return text[seg_start:lead], text[n.tail_start:seg_end]


_STATED_AS_SHARE = re.compile(r"(?i)^\s*,?\s*(?:and|or)\s+$|\b(?:at|to|of|was|were|is|are|equal\w*|reached|hit|"
                              r"made\s+up|make\s+up|makes\s+up|"
                              r"account\w*\s+for|constitut\w+|represent\w*|compris\w+|amount\w*\s+to|stood\s+at|"
                              r"totall?\w*|around|about|nearly|almost|over|some|with|worth|share|topped|exceeded|"
                              r"ratio|dependence|from|remain\w*|stay\w*|tiny|just|only|roughly|approximately|"
                              r"estimated|below|under|above|between)\s*$|[(:–—-]\s*$|,\s*$")


def _family(sent: Sentence, n: Number, clause: tuple[int, int], head: str, tail: str,
            carried: set[str]) -> tuple[str, str]:
    """Which indicator the number is, or ("", reason)."""
    text = sent.text
    clause_text = text[clause[0]:clause[1]]
    phrase = head + " " + tail
    if n.kind == "percent":
        of = re.match(r"\s*of\s+((?:[\w'’-]+\s+){0,4}[\w'’-]+)", tail)
        if of and not cues.GDP.search(of.group(1)) and not re.match(r"(?:the\s+)?[A-Z]", of.group(1)) \
                and not _OF_SIZED_GDP.match(text, n.tail_start):
            return "", "a percentage of something other than GDP"
        if not _STATED_AS_SHARE.search(head) and not re.match(r"\s*(?:of|in|to|for)\b|\s*(?:and|,|\)|;|\.|$)", tail):
            return "", "a percentage not stated as a share of GDP"
        weak = bool(cues.REMITTANCES_WEAK.search(sent.words))
        remits = bool(cues.REMITTANCES.search(sent.words)) or (REMITTANCES in carried and (
            weak or _tight_percent(sent, n) or bool(_OF_GDP.match(tail)))) or (
            weak and bool(cues.GDP.search(sent.words)) and _article_on_remittances(sent.seed)) or _that_sum(sent)
        gdp = bool(cues.GDP.search(sent.words)) or (REMITTANCES in carried and not cues.REMITTANCES.search(sent.words))
        if remits and gdp:
            return REMITTANCES, ""
        if cues.REMITTANCES.search(sent.words):
            return "", "a remittance share not stated as a share of GDP"
        return "", "a percentage that is not remittances as a share of GDP"
    # counts
    local = families(phrase) - {REMITTANCES}
    in_clause = families(clause_text) - {REMITTANCES}
    in_sentence = sent.families - {REMITTANCES}
    for candidates in (local, in_clause, in_sentence):
        if CITIZENSHIP in candidates:
            if cues.REMITTANCES.search(phrase):
                return "", "a remittance amount, not a count"
            if _own_citizenship(sent):
                return "", OWN_CITIZENSHIP
            return CITIZENSHIP, ""
        if MIGRANTS in candidates:
            if cues.CITIZENSHIP.search(clause_text) and not cues.RUSSIA.search(clause_text):
                return "", "citizenship named without its being acquired: not a grant count"
            if cues.REMITTANCES.search(phrase):
                return "", "a remittance amount, not a count"
            if not cues.RUSSIA.search(text, sent.seed.body[0], sent.seed.body[1]):
                return "", "migrants, but the article never names Russia"
            return MIGRANTS, ""
    counts = carried - {REMITTANCES}
    if CITIZENSHIP in counts and cues.CITIZENSHIP_WEAK.search(sent.words):
        return ("", OWN_CITIZENSHIP) if _own_citizenship(sent) else (CITIZENSHIP, "")
    if len(counts) == 1 and not (sent.families & {REMITTANCES}) and not cues.REMITTANCES.search(sent.words):
        return next(iter(counts)), ""
    if REMITTANCES in sent.families or cues.REMITTANCES.search(sent.words):
        return "", "a count in a sentence on remittances"
    return "", "no indicator named in its sentence"


OWN_CITIZENSHIP = "the citizenship of a Central Asian state itself, not Russian citizenship"

# "… send home about $2 billion a year. That sum equals 30 percent of the country's GDP": the sentence before's money.
_THAT_SUM = re.compile(r"(?i)\W*(?:(?:that|this|the)\s+(?:figure|sum|amount|money|total|inflow)s?|that|this|it)\s+"
                       r"(?:is\s+|was\s+)?(?:equal|equals|equall?ed|amounts?|amounted|represents?|represented|accounts?"
                       r"|accounted|makes?\s+up|made\s+up)\b"
                       r"|\W*(?:that|this|it)\s+(?:is|was)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|"
                       r"over\s+|more\s+than\s+)?\d")


def _that_sum(sent: Sentence) -> bool:
    """A sentence that opens on the sum the sentence before sent home ("That figure is equal to 30 percent of …")."""
    return bool(sent.prior and _THAT_SUM.match(sent.words)
                and cues.REMITTANCES.search(sent.text, *sent.prior[-1]))


def _own_citizenship(sent: Sentence) -> bool:
    """"Kazakhstan granted citizenship to 22,000 people": a state's own citizenship, Russia's not named; nor by
    "Russian citizens" who are the ones acquiring it ("Russian citizens obtained Kyrgyz citizenship")."""
    words = sent.words
    return bool(cues.OWN_CITIZENSHIP.search(words)) and not any(
        not _RUSSIAN_PEOPLE.fullmatch(m.group(0)) or _BECOME.search(words, max(0, m.start() - 24), m.start())
        for m in cues.RUSSIAN_CITIZENSHIP.finditer(words))


_RUSSIA_OR_RUSSIAN = re.compile(r"\bRussia(?:n|ns)?\b")
_RUSSIAN_PEOPLE = re.compile(r"(?i)Russian\s+(?:citizens|nationals)")
_BECOME = re.compile(r"(?i)\bbec(?:a|o)me\s+(?:\w+\s+)?$")


# "31 percent of Tajikistan's GDP": a share of a state's whole output, right after the number.
_OF_GDP = re.compile(r"\s*of\s+(?:(?:the\s+)?(?:country|nation|republic)['’]s\s+|its\s+|national\s+|the\s+|"
                     r"[A-Z][\w-]+['’]s?\s+)?(?:GDP|gross\s+domestic\s+product)\b")


# "45% of the country's $14.2 billion GDP": the whole's size told between the owner and GDP.
_OF_SIZED_GDP = re.compile(r"\s*of\s+(?:(?:the\s+)?(?:country|nation|republic)['’]s\s+|its\s+|the\s+|"
                           r"[A-Z][\w-]+['’]s?\s+)?(?:US\$|\$|USD\s?)\s?\d[\d.,]*\s*(?:trillion|billion|bn|million|mn)?"
                           r"\s+(?:GDP|gross\s+domestic\s+product)\b")


def _article_on_remittances(seed: Seed) -> bool:
    return bool(cues.REMITTANCES.search(seed.text, seed.body[0], seed.body[1]))


def _article_names_russia(seed: Seed) -> bool:
    """Russia, "Russian" or a Russian place ("the ministry in Moscow said") anywhere in the article."""
    return bool(_RUSSIA_OR_RUSSIAN.search(seed.text, *seed.body) or cues.RUSSIA.search(seed.text, *seed.body))


def _tight_percent(sent: Sentence, n: Number) -> bool:
    """A percentage set right beside a state ("Kyrgyzstan at 32.2 per cent", "Tajikistan (32%)")."""
    before = sent.text[max(sent.start, n.lead - 40):n.lead]
    return bool(re.search(r"(?:" + _ca_names() + r")(?:['’]s)?\s*(?:[(:–—-]|,?\s+(?:at|with|on))\s*$", before))


def _ca_names() -> str:
    from components.countries import country_pattern
    return country_pattern()


# Capitalised words, joined by "and", "of", "the" ("Bosnia and Herzegovina", "the Central African Republic").
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:(?:and|of|the)\s+)?[A-Z][\w'’-]*){0,3}"
_PLACE = re.compile(r"(?i)\b(?:in|to|into|inside|across|throughout|within|towards?)\s+(?:the\s+)?"
                    r"(?:neighbou?ring\s+)?(?P<place>(?-i:" + _NAME + "))")  # capitalised: not "Kazakhstan in"


def _leading_country(place: str) -> str:
    """The longest run of words at the start of a place that names a state ("United Arab Emirates and Russia")."""
    words = place.split()
    for k in range(len(words), 0, -1):
        name = " ".join(words[:k])
        if other_country_regex().fullmatch(name) or re.fullmatch(_ca_names(), name):
            return name
    return ""


# "in Russia, Turkey and Kazakhstan": Russia one of several destinations counted together.
_RUSSIA_AMONG = re.compile(r"(?:Russia|the\s+Russian\s+Federation)(?:\s*,\s*(?:the\s+)?(?-i:" + _NAME + "))*"
                           r"\s*,?\s+(?:and|or)\s+(?:the\s+)?(?P<last>(?-i:" + _NAME + "))")


_DASHED_PLACE = re.compile(r"\s*[-–—]+\s*(?=(?:in|to)\s)")
_DESTINATION_FOR = re.compile(r"(?i)\b(?:main|top|primary|largest|biggest|leading|preferred|favou?rite)\s+"
                              r"destination\s+(?:for|of)\s+$")


# "Türkiye is the third destination, … 88,700 migrants": the sentence's subject is where its migrants are.
_DESTINATION_SUBJECT = re.compile(r"(?P<place>(?<![\w'’-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:is|was|remains|"
                                  r"remained|has\s+become|became|ranks|ranked)\s+(?:[\w-]+\s+){0,3}?destinations?\b")

_THERE = re.compile(r"(?i)[^.;]{0,60}?\b(?:work\w*|liv\w*|stay\w*|employed|resid\w*|are|were|is)\s+there\b")
ABROAD_REASON = "migrants abroad in general, not in Russia"
_ABROAD = re.compile(r"(?i)\babroad\b|\boverseas\b|\bworldwide\b|\b(?:other|different|various|foreign)\s+countries\b")


def _elsewhere(sent: Sentence, n: Number, clause: tuple[int, int], head: str, tail: str) -> str:
    """Migrants counted somewhere other than Russia ("90,000 Uzbek workers in Kazakhstan", "working abroad")."""
    since = max([q.end for q in sent.numbers if q.end <= n.lead and q.kind in ("count", "percent")] + [clause[0]])
    if (_ABROAD.search(sent.text, clause[0], clause[1]) or cues.IN_MIGRATION.search(sent.text, clause[0], clause[1])) \
            and not cues.RUSSIA.search(sent.text, since, n.tail_start + len(tail)):  # "83% are in Russia (2 million)"
        return ABROAD_REASON
    if _DESTINATION_FOR.search(head):
        return "migrants abroad in general (every destination), not in Russia"
    subject = _DESTINATION_SUBJECT.search(sent.text, sent.start, n.lead)
    if subject and not cues.RUSSIA.search(sent.text, sent.start, sent.end):
        place = subject.group("place")
        if other_country_regex().fullmatch(place) or re.fullmatch(_ca_names(), place):
            return f"migrants in another country ({place}), not in Russia"
    if _THERE.match(tail):
        before = [o for o in sent.others if o[1] <= n.lead and not re.match(r"(?:the\s+)?Russia", o[2])]
        if before and not cues.RUSSIA.search(sent.text, before[-1][1], n.lead):
            return f"migrants in another country ({before[-1][2]}), not in Russia"
    ahead = re.search(r"(?i)\b(?:in|to)\s+(?P<place>(?:the\s+)?(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))\s*[-–—:]\s*"
                      r"(?:from\s+)?$", head)  # "in the UAE - from 4,000 to 5,000"
    dashed = _DASHED_PLACE.match(sent.text, n.tail_start, sent.end)  # "and 14,000 — in South Korea"
    places = list(_PLACE.finditer(sent.text, n.tail_start, n.tail_start + len(tail)))
    if dashed:
        places = [m for m in _PLACE.finditer(sent.text, dashed.end(), sent.end)][:1]
    if ahead:
        places = [ahead, *places]
    host = re.search(r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s*,?\s*(?:which|that|where)\s+(?:hosts|has|had|"
                     r"employs|counts)\s+$", sent.text[max(clause[0], n.lead - 60):n.lead])
    named = [(m.group("place"), m.string[m.start("place"):sent.end] if m.string is sent.text else "")
             for m in places[:1]]  # with the words after it: "in Russia, Turkey and Kazakhstan"
    named += [(host.group("place"), "")] if host else []
    for place, rest in named:
        place = re.sub(r"^the\s+", "", place)
        if re.match(r"(?:Russia|Russian|Moscow|St|Siberia|the\s+Russian)", place):
            among = _RUSSIA_AMONG.match(rest)
            if among and _leading_country(among.group("last")):
                return "migrants in several countries together (Russia among them), not the count in Russia"
            return ""
        country = _leading_country(place)
        if country:
            return f"migrants in another country ({country}), not in Russia"
    return ""


# "Destination countries for migrants from X are Russia (about 800,000), Kazakhstan (35,000)": a count in
# parentheses right after a destination named in a sentence on destinations.
_DESTINATIONS = re.compile(r"(?i)\b(?:destinations?|host\s+countries|receiving\s+countries)\b")
_PLACE_PARENTHESIS = re.compile(r"(?P<place>(?-i:" + _NAME + r"))\s*\(\s*$")


def _destination_count(sent: Sentence, n: Number) -> str:
    """For a count in parentheses after a destination ("… are mainly the Russian Federation (about 800,000
    citizens), Kazakhstan (35,000)"): the sender's "=ISO3" when the place is Russia, else the other country's
    reason; empty when the sentence is not on destinations or the number does not follow a place."""
    if not _DESTINATIONS.search(sent.words):
        return ""
    place = _PLACE_PARENTHESIS.search(sent.text, max(sent.start, n.lead - 60), n.lead)
    if not place:
        return ""
    name = re.sub(r"^(?:The|the)\s+", "", place.group("place"))
    if re.fullmatch(r"Russia|Russian\s+Federation", name):
        senders = {m.iso3 for m in sent.ca if _SENDER.search(sent.text, max(sent.start, m.start - 12), m.start)}
        return "=" + senders.pop() if len(senders) == 1 else ""
    return f"migrants in another country ({name}), not in Russia" if _leading_country(name) == name else ""


# "In Kazakhstan, 40,000 Kyrgyz migrants work on farms": a state set before the number as its place.
_FRONTED_PLACE = re.compile(r"\b[Ii]n\s+(?:the\s+)?(?P<place>(?-i:" + _NAME + r"))\s*,")


def _fronted_place(sent: Sentence, n: Number, clause: tuple[int, int], iso3: str) -> str:
    """The state a clause sets before its number as where the migrants are ("In Kazakhstan, 40,000 Kyrgyz migrants
    work on farms"), else empty. Not the migrants' own state ("In Uzbekistan, 2 million citizens are labour
    migrants"), nor a frame when the clause names Russia ("In Kyrgyzstan, 800,000 people work in Russia")."""
    if cues.RUSSIA.search(sent.text, clause[0], clause[1]):
        return ""
    for m in _FRONTED_PLACE.finditer(sent.text, clause[0], n.lead):
        place = _leading_country(m.group("place"))
        start = m.start("place")
        if place and iso3 not in {x.iso3 for x in mentions(sent.text, start, start + len(place))}:
            return place
    return ""


# --- Owners -------------------------------------------------------------------------------------------------------

_AFTER_MENTION = re.compile(r"\s*(?:(?P<words>(?:[\w'’-]+\s+){0,4}?)(?P<prep>from|of|in|to|for|with\s+origins\s+in|"
                            r"born\s+in)\s+)?(?:the\s+)?$")
_BEFORE_TIGHT = re.compile(r"^(?:['’]s?)?\s*(?:[(:=–—-]|,)\s*$")
_BEFORE_WITH = re.compile(r"^(?:['’]s?)?\s*[,(]?\s*(?:(?:[\w'’-]+\s+){0,5}?)(?:with|at|on)\s+$")
_DESTINATION = re.compile(r"(?i)\b(?:in|to|into|inside|across|throughout|within|towards?)\s+(?:the\s+)?"
                          r"(?:neighbouring\s+|neighboring\s+)?$")
_SENDER = re.compile(r"(?i)\bfrom\s+(?:the\s+)?$")
# The last of a list of places after "in"/"to" ("work in Russia, Turkey and Kazakhstan"): a destination too.
_DESTINATION_LIST = re.compile(r"(?i)\b(?:in|to|into|inside|across|throughout|within|towards?)\s+(?:the\s+)?"
                               r"(?-i:" + _NAME + r")(?:\s*,\s*(?:the\s+)?(?-i:" + _NAME + r"))*"
                               r"\s*,?\s+(?:and|or)\s+(?:the\s+)?$")
DESTINATION_REACH = 40  # characters before a state searched for _DESTINATION ("throughout the neighbouring ": 28)


def _owner(sent: Sentence, n: Number, clause: tuple[int, int], family: str,
           pairs: dict[int, str]) -> tuple[str, str]:
    """The state a number belongs to as ("=ISO3", how), or (reason, "") when it is not one state's."""
    cs, ce = clause
    after = _mention_after(sent, n, ce, family)
    if after:
        return after
    if n.start in pairs:
        return pairs[n.start], "list"
    before = _mention_before(sent, n, cs, family)
    if before:
        return before
    unknown = _unknown_in_list(sent, n)
    if unknown:
        return f"a figure for another place ({unknown})", ""
    in_clause = [m for m in sent.ca if cs <= m.start < ce and not _is_destination(sent, m, family, clause)]
    if len({m.iso3 for m in in_clause}) == 1:
        return "=" + in_clause[0].iso3, "clause"
    if in_clause:
        return _shared_share(sent, n, clause, family, in_clause) or (
            "several states are named and the number is not tied to one", "")
    if [m for m in sent.ca if cs <= m.start < ce]:
        group = _group_state(sent, n, family, clause)
        if group:
            return "=" + group, "group"
        return "the state named is where the migrants are, not where they come from", ""
    if cues.ANAPHOR.search(sent.text, cs, ce) and not sent.ca:
        locative = family == MIGRANTS and all(_LOCATIVE_THERE.match(a.group(0) + sent.text[a.end():a.end() + 12])
                                              for a in cues.ANAPHOR.finditer(sent.text, cs, ce))
        return _anaphora(sent, locative)
    usable = [m for m in sent.ca if not _is_destination(sent, m, family, None)]
    if len({m.iso3 for m in usable}) == 1 and len({m.iso3 for m in sent.ca}) == 1 and not sent.others:
        return "=" + usable[0].iso3, "sentence"
    if len({m.iso3 for m in sent.ca}) > 1:
        return _shared_share(sent, n, (sent.start, sent.end), family, sent.ca) or (
            "several states are named and the number is not tied to one", "")
    others = [o for o in sent.others if cs <= o[0] < ce and not (
        family == MIGRANTS and _DESTINATION.search(sent.text, max(sent.start, o[0] - DESTINATION_REACH), o[0]))]
    if others:
        return f"a figure for another country ({others[0][2]})", ""
    previous = _previous_state(sent, family)
    if previous:
        return "=" + previous, "previous"
    return "no Central Asian state named with it", ""


# "around 30% of GDP in both Kyrgyzstan and Tajikistan", "30% of their GDP": one share said of each state.
_EACH = re.compile(r"(?i)\b(?:both|each|apiece|respective|their\s+(?:[\w-]+\s+){0,2}?(?:GDP|gross\s+domestic\s+product|"
                   r"economies|economy|output))\b")


def _shared_share(sent: Sentence, n: Number, span: tuple[int, int], family: str,
                  states: list[Mention]) -> tuple[str, str] | None:
    """("=KGZ+TJK", "shared") for a share of GDP the sentence says of each of its states, else None. Not a count
    ("1 million from both" is their total), nor a clause with a second share ("41% and 38% … in both")."""
    if family != REMITTANCES or n.kind != "percent" or not _EACH.search(sent.text, span[0], span[1]):
        return None
    if any(q is not n and q.kind == "percent" and span[0] <= q.start < span[1] for q in sent.numbers):
        return None
    return "=" + "+".join(dict.fromkeys(m.iso3 for m in states)), "shared"


def _group_state(sent: Sentence, n: Number, family: str, clause: tuple[int, int]) -> str:
    """"About 800,000 Kyrgyz citizens work abroad. More than 600,000 of them work in Russia and 40,000 in
    Kazakhstan": a part of a group ("of them") belongs to the state of the group, named in the sentence before, when
    the states of its own clause are destinations only."""
    if not (_SUBSET.search(sent.text, max(sent.start, n.lead - 24), n.lead)
            or _SUBSET_TAIL.match(sent.text, n.tail_start)):
        return ""
    if [o for o in sent.others if clause[0] <= o[0] < clause[1]] or not sent.earlier:
        return ""
    if any(not _is_destination(sent, m, family, clause) for m in sent.ca if m.start < n.lead):
        return ""
    s, e = sent.earlier[-1]
    states = {m.iso3 for m in mentions(sent.text, s, e)}
    return states.pop() if len(states) == 1 and not _others(sent.text, s, e) else ""


def _previous_state(sent: Sentence, family: str) -> str:
    """The one state the sentence just before (same paragraph) speaks of, for a sentence that names none and
    continues it ("In 2024 remittances made up 45.4 per cent of national GDP" after a sentence on Tajikistan): the
    indicator named in one of the two, no other country in either, a destination ("going to Kazakhstan") not
    counted."""
    places = [o for o in sent.others if not (family == MIGRANTS and _DESTINATION.search(
        sent.text, max(sent.start, o[0] - DESTINATION_REACH), o[0]))]  # "15,000 in South Korea": not a rival
    # A paragraph that names no state (a web page's one-sentence paragraphs, a paragraph under a heading) continues
    # the sentence that ends the paragraph before; not one that goes on to name a state ("In Kyrgyzstan, the share …").
    before = sent.earlier or (sent.prior[-1:] if not sent.paragraph_ca else [])
    if sent.ca or places or not before or re.search(r"\bRussia['’]s\b", sent.words):
        return ""  # "Russia's share in transfers to the republic is 96%": Russia's figure, not the state's
    for back, (s, e) in enumerate(reversed(before[-CARRY_SENTENCES:])):
        if back == 0 and family not in sent.families and family not in families(sent.text[s:e]):
            return ""
        if back > 0 and family not in sent.families:
            return ""  # further back only for a sentence that names its indicator itself
        if _others(sent.text, s, e):
            return ""
        found = mentions(sent.text, s, e)
        if not found:
            continue  # "In 2022, transfers reached $16.9bn." names no state: the one before it may
        states = {m.iso3 for m in found if family != MIGRANTS or m.people or not (
            _DESTINATION.search(sent.text, max(s, m.start - DESTINATION_REACH), m.start)
            and not re.match(r"\s*,", sent.text[m.end:]))}
        return states.pop() if len(states) == 1 else ""
    return ""


_NAME_PAREN = re.compile(r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*\(\s*(?:[a-z]+\s+){0,2}\d")


def _unknown_in_list(sent: Sentence, n: Number) -> str:
    """"… Kosovo (17 percent) and Salvador (16 percent)": in a list of names each with its figure in parentheses, a
    figure after a name that is no Central Asian state belongs to that name, known to the grammar or not."""
    items = list(_NAME_PAREN.finditer(sent.text, sent.start, sent.end))
    if len(items) < 3:
        return ""
    own = next((m for m in items if m.end() - 1 <= n.start < m.end() + 1 or m.end("name") < n.lead <= m.end()), None)
    if own is None or any(c.start < own.end("name") and own.start("name") < c.end for c in sent.ca):
        return ""
    return own.group("name")


_DASH_FROM = re.compile(r"\s*[–—-]\s*(?=from\s)")


def _mention_after(sent: Sentence, n: Number, ce: int, family: str) -> tuple[str, str] | None:
    text = sent.text
    start = n.tail_start
    dash = _DASH_FROM.match(text, start, sent.end)  # "a million – from Tajikistan, a million from Kyrgyzstan"
    if dash:
        start, ce = dash.end(), max(ce, min(sent.end, dash.end() + 60))
    window_end = min(ce, start + 60)
    nxt = next((m for m in sent.ca if start <= m.start < window_end), None)
    other = next((o for o in sent.others if start <= o[0] < window_end), None)
    if other and (nxt is None or other[0] < nxt.start):
        gap = text[start:other[0]]
        m = _AFTER_MENTION.fullmatch(gap)
        if m and not re.search(r"\d", gap):
            prep = (m.group("prep") or "").lower()
            if prep in ("", "from", "of") or (prep in ("in", "to") and family == REMITTANCES):
                return f"a figure for another country ({other[2]})", ""
        return None
    if nxt is None:
        return None
    gap = text[start:nxt.start]
    if re.search(r"\d|[,;:()]", gap):
        return None
    m = _AFTER_MENTION.fullmatch(gap)
    if not m:
        return None
    prep = (m.group("prep") or "").lower()
    words = (m.group("words") or "").strip()
    if not prep and words and re.search(r"\b(?:are|were|is|was|have|has|had|work|live|come|came|in|to|of)\b", words):
        return None
    if prep in ("in", "to") and family != REMITTANCES and not re.search(r"origins|born", prep):
        return None
    if not prep and not nxt.people and not re.match(r"\s*(?:citizens|nationals|migrants|workers|people|labou?r)",
                                                    text[nxt.end:]):
        return None
    if _coordinated(sent, nxt):
        return "a total for several states, not one", ""
    return "=" + nxt.iso3, "after"


def _coordinated(sent: Sentence, m: Mention) -> bool:
    """A state named inside a list of states ("Tajikistan and Uzbekistan citizens")."""
    spans = [(o.start, o.end) for o in sent.ca if o is not m] + [(o[0], o[1]) for o in sent.others]
    for s, e in spans:
        gap = sent.text[min(m.end, e):max(m.start, s)]
        if re.fullmatch(r"(?:['’]s?)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?", gap):
            return True
    return False


_RANK_WORD = re.compile(r"(?i)\b(?:number|No\.?)\s*$")
# "they number 50", "who number some 40": the verb after its subject, a count, not a place in a ranking.
_NUMBER_VERB = re.compile(r"(?i)\b(?:they|we|who|which|that|these|those|migrants|workers|citizens|nationals|people|"
                          r"Tajiks|Uzbeks|Kazakhs|Kyrgyz|Turkmens?)\s+(?:(?:now|still|currently|only|together)\s+)?"
                          r"number\s*$")


def _rank(sent: Sentence, q: Number) -> bool:
    """"number five at 21 percent", "No. 2": a small number that is a place in a ranking."""
    return q.kind == "count" and q.value is not None and q.value < 100 and bool(
        _RANK_WORD.search(sent.text, max(sent.start, q.lead - 10), q.lead)) and not _NUMBER_VERB.search(
        sent.text, max(sent.start, q.lead - 40), q.lead)


def _mention_before(sent: Sentence, n: Number, cs: int, family: str) -> tuple[str, str] | None:
    text = sent.text
    candidates = [(m.end, "ca", m) for m in sent.ca if cs <= m.start and m.end <= n.lead]
    candidates += [(o[1], "other", o) for o in sent.others if cs <= o[0] and o[1] <= n.lead]
    if not candidates:
        return None
    end, kind, item = max(candidates, key=lambda c: c[0])
    gap = text[end:n.lead]
    numbers_between = [q for q in sent.numbers if end <= q.start < n.lead and q.kind in ("count", "percent")
                       and not _rank(sent, q)]
    tight = bool(_BEFORE_TIGHT.match(gap) or _BEFORE_WITH.match(gap))
    if kind == "other":
        if tight or (not numbers_between and not re.search(r"[;]", gap) and len(gap) < 60 and item[2] not in
                     OTHER_DEMONYMS and not re.search(r"(?i)\b(?:in|to|from)\s*$", text[max(cs, item[0] - 6):item[0]])):
            return f"a figure for another country ({item[2]})", ""
        return None
    m: Mention = item
    if numbers_between:
        return None
    if _coordinated(sent, m) and not re.match(r"\s*\(", gap):  # "… and Kyrgyzstan (number five at 21 percent)"
        return None
    if _is_destination(sent, m, family, (cs, n.lead)):
        return None
    if tight:
        return "=" + m.iso3, "before"
    if re.search(r"[;]", gap) or len(gap) > 140:
        return None
    return "=" + m.iso3, "subject"


def _is_destination(sent: Sentence, m: Mention, family: str, clause: tuple[int, int] | None) -> bool:
    """A state named as where migrants go ("migrants in Kazakhstan"), or as a sender of remittances."""
    before = sent.text[max(sent.start, m.start - DESTINATION_REACH):m.start]
    if family == MIGRANTS and not m.people:
        if not _DESTINATION.search(before) and not _DESTINATION_LIST.search(
                sent.text, max(sent.start, m.start - 100), m.start):
            return False
        span = clause or (sent.start, sent.end)
        return not (_frame(sent, m) and cues.RUSSIA.search(sent.text, span[0], sent.end))
    if family == REMITTANCES:
        return bool(_SENDER.search(before))
    return False


def _frame(sent: Sentence, m: Mention) -> bool:
    """"In Kyrgyzstan, 800,000 … work in Russia": the state set before the numbers as the frame of what follows,
    not "113,000 in Kazakhstan," after a number."""
    return bool(re.match(r"\s*,", sent.text[m.end:m.end + 3])) and not any(
        q.end <= m.start and q.kind in ("count", "percent") for q in sent.numbers)


_LOCATIVE_THERE = re.compile(r"(?i)there\b(?!\s+(?:is|are|was|were|have|has|had|be|been|will|would|remain\w*|exist\w*|"
                             r"seem\w*|appear\w*|still|also)\b)")


def _anaphora(sent: Sentence, locative: bool = False) -> tuple[str, str]:
    """The one state the sentences before speak of ("the country", "its", "there"): the paragraph's first, then
    the sentences just before it when the paragraph names none. "Work there" after a state named as a place
    ("Kazakhstan takes second place. About 30,000 work there") is the place, not the migrants' state."""
    earlier = list(reversed(sent.earlier))
    for s, e in earlier + [span for span in reversed(sent.prior) if span not in earlier]:
        found = mentions(sent.text, s, e)
        if not found:
            continue
        states = {m.iso3 for m in found}
        if len(states) == 1 and not _others(sent.text, s, e):
            if locative and not any(m.people for m in found):
                return "the state named before is the place ('there'), not where the migrants come from", ""
            return "=" + states.pop(), "anaphora"
        return "an ambiguous reference ('the country', 'its', 'there'): which state is not clear", ""
    return "an ambiguous reference ('the country', 'its', 'there'): no state named before it", ""


_NUMBER_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?$",
                              re.I)
_STATE_LIST_GAP = re.compile(r"(?:['’]s?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")


def _respectively(sent: Sentence, clauses: list[tuple[int, int]]) -> dict[int, str]:
    """Numbers paired in order with a list of states: {number start: "=ISO3"}."""
    pairs: dict[int, str] = {}
    if len(clauses) > 1 and re.search(r"(?i)\brespectively\b", sent.words):
        clauses = [*clauses, (sent.start, sent.end)]  # "– Kyrgyzstan and Moldova – … 27% and 19% … respectively"
    for cs, ce in clauses:
        ca = [m for m in sent.ca if cs <= m.start < ce]
        other = [_Other(o[0], o[1], o[2]) for o in sent.others if cs <= o[0] < ce]
        named = sorted(ca + other, key=lambda m: m.start)  # "Kyrgyzstan and Moldova … 29% and 23% respectively"
        nums = [n for n in sent.numbers if cs <= n.start < ce and n.kind in ("count", "percent")]
        state_lists = [run for run in _runs(named, lambda a, b: _STATE_LIST_GAP.fullmatch(sent.text[a.end:b.start]))
                       if any(isinstance(m, Mention) for m in run)]
        number_lists = _runs(nums, lambda a, b: _NUMBER_LIST_GAP.fullmatch(sent.text[a.tail_start:b.lead]))
        respectively = re.search(r"(?i)\brespectively\b", sent.text[cs:ce])
        for states in state_lists:
            for numbers in number_lists:
                if len(states) != len(numbers) or len({m.iso3 for m in states}) != len(states):
                    continue
                if states[0].start > numbers[0].start:
                    continue  # "12,345 Tajiks, 6,789 Kazakhs": pairs by adjacency, not by order
                after = [n for n in nums if n.start > states[0].start]  # not "two states, A and B, … 31% and 27%"
                alone = len(named) == len(states) and len(after) == len(numbers) and not other
                if respectively or alone:
                    for m, n in zip(states, numbers):
                        pairs.setdefault(n.start, "=" + m.iso3 if isinstance(m, Mention) else
                                         f"a figure for another country ({m.iso3})")
    return pairs


@dataclass(frozen=True)
class _Other:
    """Another country named in a list beside Central Asian states (its name in place of a code)."""

    start: int
    end: int
    iso3: str


def _runs(items: list, joined) -> list[list]:
    runs: list[list] = []
    for item in items:
        if runs and joined(runs[-1][-1], item):
            runs[-1].append(item)
        else:
            runs.append([item])
    return [r for r in runs if len(r) >= 2]


# --- Rows ---------------------------------------------------------------------------------------------------------

def _attribution(sent: Sentence) -> str:
    for rx in _ATTRIBUTION:
        m = rx.search(sent.words)
        if m:
            return " ".join(m.group("who").split())
    return ""


def _row(sent: Sentence, family: str, iso3: str, n: Number, period: Period) -> dict:
    return {"source": sent.seed.name, "indicator": family, "country_iso3": iso3, "country": country_name(iso3),
            "value": exact_float(n.value) if n.value is not None else None,
            "value_low": exact_float(n.low) if n.low is not None else None,
            "value_high": exact_float(n.high) if n.high is not None else None, "qualifier": n.qualifier,
            "position": "", "vote": "", "value_text": n.text, "unit": UNITS[family], "year": period.year,
            "year_basis": period.basis, "as_of": period.as_of, "attribution": _attribution(sent), "review": "",
            "quote": sent.words, "start": sent.start, "end": sent.end, "value_start": n.start, "value_end": n.end}


def _left(sent: Sentence, n: Number, reason: str, indicator: str = "") -> dict:
    return {"source": sent.seed.name, "start": n.start, "end": n.end, "token": n.text, "reason": reason,
            "indicator": indicator, "country_iso3": "", "kind": n.kind}
