"""Find the four country indicators in an article, each row with its exact words, and why other numbers are left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from components.countries import Mention, country_name, mentions, other_country_regex
from components.extract import cues
from components.extract.dates import Period, period_for
from components.extract.numbers import Number, exact_float, find_numbers
from components.extract.text import Seed, paragraph_spans, sentence_spans
from components.extract.un_votes import VOTE_CONTEXT, identify, positions_in
from components.indicators import VOTE

MIGRANTS, REMITTANCES, CITIZENSHIP = "migrant_workers", "remittances_share_of_gdp", "citizenship_grants"
UNITS = {MIGRANTS: "workers", REMITTANCES: "percent of GDP", CITIZENSHIP: "people"}
ORDER = (MIGRANTS, REMITTANCES, CITIZENSHIP, VOTE)

_CLAUSE_BREAK = re.compile(r";|\s[—–]\s|,\s+(?:while|whereas|but|although|though|yet|and\s+(?:in|for|by)\b)\s"
                           r"|\.\s|,\s+(?=(?:in|for|by)\s+(?:19|20)\d\d\b)")
_SEGMENT_BREAK = re.compile(r"[,;()\[\]]|\s[—–]\s")
_ATTRIBUTION = (re.compile(r"(?i)\baccording\s+to\s+(?P<who>[^,.;:]+?)(?=\s*(?:[,.;:]|\bdata\b|$))"),
                re.compile(r"\b(?:data|figures|statistics|estimates)\s+(?:from|of|by|published\s+by)\s+"
                           r"(?P<who>(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of|for|and|on)?\s*[A-Z][\w’'-]*)*)"))
_POSSESSIVE_SUBJECT = re.compile(r"['’]s?$")


@dataclass
class Context:
    """One sentence and what surrounds it in its paragraph."""

    seed: Seed
    start: int
    end: int
    earlier: list[tuple[int, int]]  # earlier sentences of the same paragraph, in order
    numbers: list[Number] = field(default_factory=list)
    ca: list[Mention] = field(default_factory=list)
    others: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.seed.text

    @property
    def sentence(self) -> str:
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
    figures: list[dict] = []
    left: list[dict] = []
    body_start, body_end = seed.body
    single = _article_country(seed, body_start, body_end)
    for ps, pe in paragraph_spans(seed.text, body_start, body_end):
        sentences = sentence_spans(seed.text, ps, pe)
        carried = ""
        for i, (s, e) in enumerate(sentences):
            ctx = Context(seed, s, e, sentences[:i])
            ctx.numbers = find_numbers(seed.text, s, e)
            ctx.ca = mentions(seed.text, s, e)
            ctx.others = _others(seed.text, s, e)
            figures += _vote_rows(ctx)
            found, out, family = _quantities(ctx, carried, single)
            figures += found
            left += out
            carried = family if family else ("" if ctx.numbers or _families(ctx.sentence) else carried)
    order = {ind: i for i, ind in enumerate(ORDER)}
    figures = _dedupe(sorted(figures, key=lambda r: order[r["indicator"]]))
    return Reading(figures, left)


def _dedupe(rows: list[dict]) -> list[dict]:
    seen: set[tuple] = set()
    out = []
    for r in rows:
        key = (r["indicator"], r["country_iso3"], r["value_start"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _others(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """Other states named in the sentence, except Russia where it is the destination, source or adjective."""
    found = []
    for m in other_country_regex().finditer(text, s, e):
        name = m.group(0)
        if re.match(r"(?:the\s+)?Russia(?:n\s+Federation)?$", name) and re.search(
                r"(?i)\b(?:in|to|into|inside|across|throughout|within|from|for|of|on|with|leave|left|and)\s+$",
                text[max(s, m.start() - 12):m.start()]):
            continue
        if name in ("Russian", "Chinese", "Turkish", "Korean", "Indian"):
            continue  # adjectives: "Russian citizenship", "Russian government statistics"
        found.append((m.start(), m.end(), name))
    return found


def _article_country(seed: Seed, start: int, end: int) -> str:
    """The one Central Asian state an article names, if it names exactly one (else empty)."""
    found = {m.iso3 for m in mentions(seed.text, start, end)}
    return found.pop() if len(found) == 1 else ""


# --- Families -----------------------------------------------------------------------------------------------------

def _families(text: str) -> set[str]:
    """Indicator families a piece of text speaks of."""
    found = set()
    if cues.REMITTANCES.search(text) and cues.GDP.search(text):
        found.add(REMITTANCES)
    if cues.CITIZENSHIP.search(text) and cues.ACQUIRED.search(text):
        found.add(CITIZENSHIP)
    if cues.MIGRANTS.search(text) or (cues.MIGRANTS_WEAK.search(text) and cues.RUSSIA.search(text)):
        found.add(MIGRANTS)
    return found


def _heading_families(ctx: Context) -> set[str]:
    """Families named by a heading line or a lead-in ending with ':' just before the sentence, in its paragraph."""
    if not ctx.earlier:
        return set()
    s, e = ctx.earlier[-1]
    line = ctx.text[s:e]
    if line.rstrip().endswith(":") or not cues.HEADING_END.search(line):
        return _families(line)
    return set()


# --- Quantities ---------------------------------------------------------------------------------------------------

def _quantities(ctx: Context, carried: str, single: str) -> tuple[list[dict], list[dict], str]:
    rows: list[dict] = []
    left: list[dict] = []
    sentence_families = _families(ctx.sentence)
    inherited = _heading_families(ctx) or ({carried} if carried else set())
    vote_sentence = bool(VOTE_CONTEXT.search(ctx.sentence)) or any(
        VOTE_CONTEXT.search(ctx.text[s:e]) for s, e in ctx.earlier[-2:])
    clauses = _clauses(ctx)
    pairs = _respectively(ctx, clauses)
    quantity_numbers = [n for n in ctx.numbers if n.kind in ("count", "percent")]
    for n in ctx.numbers:
        reason = cues.KIND_REASONS.get(n.kind, "")
        if reason:
            left.append(_left(ctx, n, reason))
            continue
        clause = next(((cs, ce) for cs, ce in clauses if cs <= n.start < ce), (ctx.start, ctx.end))
        head, tail = _phrase(ctx, n, clause)
        if vote_sentence and n.kind == "count" and not sentence_families:
            left.append(_left(ctx, n, "a global vote tally or count of countries"))
            continue
        reason = cues.trap(head, tail, n.kind)
        if reason:
            left.append(_left(ctx, n, reason))
            continue
        family, why = _family(ctx, n, clause, head, tail, sentence_families, inherited)
        if not family:
            left.append(_left(ctx, n, why))
            continue
        if cues.CHANGE_FROM.search(head) and not _own_year_after(ctx, n, clause):
            reason = cues.EARLIER_REASON
        elif cues.FORECAST.search(ctx.text, clause[0], clause[1]):
            reason = cues.FORECAST_REASON
        if reason:
            left.append(_left(ctx, n, reason, family))
            continue
        owner, how = _owner(ctx, n, clause, family, pairs, quantity_numbers, single)
        if not owner.startswith("="):
            left.append(_left(ctx, n, owner, family))
            continue
        iso3 = owner[1:]
        period = period_for(ctx.text, (n.start, n.end), (ctx.start, ctx.end), clause, ctx.earlier,
                            ctx.seed.published)
        rows.append(_row(ctx, family, iso3, n, period))
    used = {r["indicator"] for r in rows}
    family = next(iter(used)) if len(used) == 1 else (next(iter(sentence_families)) if len(sentence_families) == 1
                                                      else "")
    return rows, left, family


def _own_year_after(ctx: Context, n: Number, clause: tuple[int, int]) -> bool:
    return bool(re.match(r"\s*(?:in|for|at\s+the\s+end\s+of)\s+(?:19|20)\d\d\b", ctx.text[n.end:clause[1]]))


def _clauses(ctx: Context) -> list[tuple[int, int]]:
    cuts = [ctx.start] + [m.start() for m in _CLAUSE_BREAK.finditer(ctx.text, ctx.start, ctx.end)] + [ctx.end]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _phrase(ctx: Context, n: Number, clause: tuple[int, int]) -> tuple[str, str]:
    """The number's words around it: its segment, cut at the neighbouring numbers."""
    cs, ce = clause
    seg_start = cs
    for m in _SEGMENT_BREAK.finditer(ctx.text, cs, n.lead):
        seg_start = m.end()
    seg_end_m = _SEGMENT_BREAK.search(ctx.text, n.end, ce)
    seg_end = seg_end_m.start() if seg_end_m else ce
    for other in ctx.numbers:
        if other is n or other.kind in ("year", "date"):
            continue
        if seg_start <= other.end <= n.lead:
            seg_start = other.end
        if n.end <= other.lead < seg_end:
            seg_end = other.lead
    return ctx.text[seg_start:n.lead], ctx.text[n.end:seg_end]


def _family(ctx: Context, n: Number, clause: tuple[int, int], head: str, tail: str, sentence_families: set[str],
            inherited: set[str]) -> tuple[str, str]:
    """Which indicator the number is, or ("", reason)."""
    clause_text = ctx.text[clause[0]:clause[1]]
    phrase = head + " " + tail
    if n.kind == "percent":
        if not re.match(r"\s*(?:of|in|to)\b", tail) and not re.search(r"(?i)\b(?:at|to|of|was|were|is|are|equal\w*|"
                                                                        r"reached|hit|made\s+up|account\w*\s+for|"
                                                                        r"constitut\w+|represent\w*|compris\w+|"
                                                                        r"amount\w*\s+to|stood\s+at|totall?\w*|"
                                                                        r"around|about|nearly|almost|over|some|"
                                                                        r"with|share|\(|:|–|—|-)\s*$", head):
            if not re.match(r"\s*(?:and|,|\)|;|\.|$)", tail):
                return "", "a percentage not stated as a share of GDP"
        if REMITTANCES in sentence_families or (REMITTANCES in inherited and not sentence_families):
            if cues.GDP.search(tail) or cues.GDP.search(clause_text) or cues.GDP.search(ctx.sentence) \
                    or REMITTANCES in inherited:
                return REMITTANCES, ""
        if cues.REMITTANCES.search(ctx.sentence) and not cues.GDP.search(ctx.sentence):
            return "", "a remittance share not stated as a share of GDP"
        return "", "a percentage that is not remittances as a share of GDP"
    # counts
    local = _families(phrase)
    in_clause = _families(clause_text)
    for candidates in (local, in_clause, sentence_families):
        counts = candidates - {REMITTANCES}
        if CITIZENSHIP in counts:
            if cues.REMITTANCES.search(phrase):
                return "", "a remittance amount, not a count"
            return CITIZENSHIP, ""
        if MIGRANTS in counts:
            if cues.CITIZENSHIP.search(clause_text):
                return "", "citizenship named without its being acquired: not a grant count"
            if cues.ELSEWHERE.search(clause_text) and not cues.RUSSIA.search(clause_text):
                return "", "migrants in another country or abroad, not in Russia"
            if cues.REMITTANCES.search(phrase):
                return "", "a remittance amount, not a count"
            if not (cues.RUSSIA.search(ctx.text, ctx.seed.body[0], ctx.seed.body[1])):
                return "", "migrants, but the article never names Russia"
            return MIGRANTS, ""
    counts = inherited - {REMITTANCES}
    if len(counts) == 1 and not sentence_families:
        return next(iter(counts)), ""
    if REMITTANCES in sentence_families:
        return "", "a count in a sentence on remittances"
    return "", "no indicator named in its sentence"


# --- Owners -------------------------------------------------------------------------------------------------------

_AFTER_MENTION = re.compile(r"\s*(?:(?P<words>(?:[a-z][\w'’-]*\s+){0,4}?)(?P<prep>from|of|in|to|with\s+origins\s+in|"
                            r"born\s+in)\s+)?(?:the\s+)?$")
_BEFORE_GAP_TIGHT = re.compile(r"^\s*(?:[(:=–—-]|,)\s*$")
_BEFORE_GAP_WITH = re.compile(r"^(?:['’]s?)?\s*,?\s*(?:(?:[\w'’-]+\s+){0,5}?)(?:with|at|on)\s+$")
_DESTINATION = re.compile(r"(?i)\b(?:in|to|into|inside|across|throughout|within|for|towards?)\s+(?:the\s+)?$")
_SENDER = re.compile(r"(?i)\bfrom\s+(?:the\s+)?$")


def _owner(ctx: Context, n: Number, clause: tuple[int, int], family: str, pairs: dict[int, str],
           quantity_numbers: list[Number], single: str) -> tuple[str, str]:
    """The state a number belongs to as ("=ISO3", how), or (reason, "") when it is not one state's."""
    text = ctx.text
    cs, ce = clause
    # 1. A state named right after the number: "63,389 Tajiks", "30% of Tajikistan's", "2.4 million from Tajikistan".
    after = _mention_after(ctx, n, ce, family)
    if after:
        return after
    # 2. Lists paired in order ("... 29 and 28 percent ... respectively").
    if n.start in pairs:
        return pairs[n.start], "list"
    # 3. A state named before it in its clause: "Kazakhs (22,500)", "Tajikistan comes second with nearly 1.1 million".
    before = _mention_before(ctx, n, cs, family)
    if before:
        return before
    in_clause = [m for m in ctx.ca if cs <= m.start < ce]
    others_in_clause = [o for o in ctx.others if cs <= o[0] < ce]
    if in_clause:
        return "several states are named and the number is not tied to one", ""
    # 4. The country's / its / there: the one state of the sentences before.
    if cues.ANAPHOR.search(text, cs, ce) and not ctx.ca:
        return _anaphora(ctx)
    if others_in_clause:
        return f"a figure for another country ({others_in_clause[0][2]})", ""
    # 5. One state in the sentence (in another clause) and nothing else competing.
    distinct = {m.iso3 for m in ctx.ca if not _is_destination(ctx, m, family)}
    if len(distinct) == 1 and len({m.iso3 for m in ctx.ca}) == 1 and not ctx.others:
        return "=" + distinct.pop(), "sentence"
    if len({m.iso3 for m in ctx.ca}) > 1:
        return "several states are named and the number is not tied to one", ""
    if ctx.ca:
        return "the state named is where the migrants are, not where they come from", ""
    if not ctx.ca and not ctx.others and single and family == REMITTANCES and not ctx.earlier:
        return "=" + single, "article"
    return "no Central Asian state named with it", ""


def _mention_after(ctx: Context, n: Number, ce: int, family: str) -> tuple[str, str] | None:
    text = ctx.text
    window_end = min(ce, n.end + 60)
    nxt = next((m for m in ctx.ca if n.end <= m.start < window_end), None)
    other = next((o for o in ctx.others if n.end <= o[0] < window_end), None)
    if other and (nxt is None or other[0] < nxt.start):
        gap = text[n.end:other[0]]
        if _AFTER_MENTION.fullmatch(gap) and not re.search(r"\d", gap):
            m = _AFTER_MENTION.fullmatch(gap)
            prep = (m.group("prep") or "").lower()
            if prep in ("", "from", "of") or (prep in ("in", "to") and family == REMITTANCES):
                return f"a figure for another country ({other[2]})", ""
        return None
    if nxt is None:
        return None
    gap = text[n.end:nxt.start]
    if re.search(r"\d|[,;:()]", gap):
        return None
    m = _AFTER_MENTION.fullmatch(gap)
    if not m:
        return None
    prep = (m.group("prep") or "").lower()
    words = (m.group("words") or "").strip()
    if not prep and words and re.search(r"\b(?:are|were|is|was|have|has|had|work|live|come|came|in|to)\b", words):
        return None
    if prep in ("in", "to") and family == MIGRANTS and not nxt.people:
        return "migrants in another country, not in Russia", ""
    if prep in ("in", "to") and family == CITIZENSHIP:
        return None
    if not prep and not nxt.people and not re.match(r"\s*(?:citizens|nationals|migrants|workers|people)", text[nxt.end:]):
        return None
    if _coordinated(ctx, nxt):
        return "a total for several states, not one", ""
    return "=" + nxt.iso3, "after"


def _coordinated(ctx: Context, m: Mention) -> bool:
    """A state named inside a list of states ("Tajikistan and Uzbekistan citizens")."""
    for other in ctx.ca:
        if other is m:
            continue
        gap = ctx.text[min(m.end, other.end):max(m.start, other.start)]
        if re.fullmatch(r"(?:['’]s?)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+)(?:the\s+)?", gap):
            return True
    for o in ctx.others:
        gap = ctx.text[min(m.end, o[1]):max(m.start, o[0])]
        if re.fullmatch(r"(?:['’]s?)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?", gap):
            return True
    return False


def _mention_before(ctx: Context, n: Number, cs: int, family: str) -> tuple[str, str] | None:
    text = ctx.text
    candidates = [(m.end, "ca", m) for m in ctx.ca if cs <= m.start and m.end <= n.lead]
    candidates += [(o[1], "other", o) for o in ctx.others if cs <= o[0] and o[1] <= n.lead]
    if not candidates:
        return None
    end, kind, item = max(candidates, key=lambda c: c[0])
    gap = text[end:n.lead]
    if re.search(r"\d", gap) or any(end <= q.start < n.lead for q in ctx.numbers if q.kind in ("count", "percent")):
        return None
    if kind == "other":
        if _BEFORE_GAP_TIGHT.match(gap) or _BEFORE_GAP_WITH.match(gap):
            return f"a figure for another country ({item[2]})", ""
        return None
    m: Mention = item
    if _coordinated(ctx, m):
        return None
    tight = bool(_BEFORE_GAP_TIGHT.match(gap) or _BEFORE_GAP_WITH.match(gap))
    if _is_destination(ctx, m, family):
        if family == MIGRANTS:
            return "migrants in another country, not in Russia", ""
        return None
    if tight:
        return "=" + m.iso3, "before"
    if re.search(r"[;]", gap) or len(gap) > 140:
        return None
    return "=" + m.iso3, "subject"


def _is_destination(ctx: Context, m: Mention, family: str) -> bool:
    """A state named as where migrants go ("migrants in Kazakhstan"), or as a sender of remittances."""
    before = ctx.text[max(ctx.start, m.start - 20):m.start]
    if family == MIGRANTS and not m.people:
        return bool(_DESTINATION.search(before))
    if family == REMITTANCES:
        return bool(_SENDER.search(before))
    return False


def _anaphora(ctx: Context) -> tuple[str, str]:
    for s, e in reversed(ctx.earlier):
        found = mentions(ctx.text, s, e)
        if not found:
            continue
        states = {m.iso3 for m in found}
        if len(states) == 1 and not _others(ctx.text, s, e):
            return "=" + states.pop(), "anaphora"
        return "an ambiguous reference ('the country', 'its', 'there'): which state is not clear", ""
    return "an ambiguous reference ('the country', 'its', 'there'): no state named before it", ""


_NUMBER_LIST_GAP = re.compile(r"(?:\s*(?:percent|per\s?cent|%))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:about\s+|some\s+|"
                              r"around\s+|nearly\s+|almost\s+)?$", re.I)
_STATE_LIST_GAP = re.compile(r"(?:['’]s?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$")


def _respectively(ctx: Context, clauses: list[tuple[int, int]]) -> dict[int, str]:
    """Numbers paired in order with a list of states: {number start: "=ISO3"}."""
    pairs: dict[int, str] = {}
    for cs, ce in clauses:
        ca = [m for m in ctx.ca if cs <= m.start < ce]
        nums = [n for n in ctx.numbers if cs <= n.start < ce and n.kind in ("count", "percent")]
        state_lists = _runs(ca, lambda a, b: _STATE_LIST_GAP.fullmatch(ctx.text[a.end:b.start]))
        number_lists = _runs(nums, lambda a, b: _NUMBER_LIST_GAP.fullmatch(ctx.text[a.end:b.lead]))
        respectively = re.search(r"(?i)\brespectively\b", ctx.text[cs:ce])
        for states in state_lists:
            for numbers in number_lists:
                if len(states) != len(numbers) or len(states) < 2 or len({m.iso3 for m in states}) != len(states):
                    continue
                others_between = [o for o in ctx.others if cs <= o[0] < ce]
                alone = len(ca) == len(states) and len(nums) == len(numbers) and not others_between
                if respectively or alone:
                    for m, n in zip(states, numbers):
                        pairs[n.start] = "=" + m.iso3
    return pairs


def _runs(items: list, joined) -> list[list]:
    runs: list[list] = []
    for item in items:
        if runs and joined(runs[-1][-1], item):
            runs[-1].append(item)
        else:
            runs.append([item])
    return [r for r in runs if len(r) >= 2]


# --- Rows ---------------------------------------------------------------------------------------------------------

def _attribution(ctx: Context) -> str:
    for rx in _ATTRIBUTION:
        m = rx.search(ctx.sentence)
        if m:
            return " ".join(m.group("who").split())
    return ""


def _row(ctx: Context, family: str, iso3: str, n: Number, period: Period) -> dict:
    value = exact_float(n.value) if n.value is not None else None
    return {"source": ctx.seed.name, "indicator": family, "country_iso3": iso3, "country": country_name(iso3),
            "value": value, "value_low": exact_float(n.low) if n.low is not None else None,
            "value_high": exact_float(n.high) if n.high is not None else None, "qualifier": n.qualifier,
            "position": "", "vote": "", "value_text": n.text, "unit": UNITS[family], "year": period.year,
            "year_basis": period.basis, "as_of": period.as_of, "attribution": _attribution(ctx), "review": "",
            "quote": ctx.sentence, "start": ctx.start, "end": ctx.end, "value_start": n.start, "value_end": n.end}


def _left(ctx: Context, n: Number, reason: str, indicator: str = "") -> dict:
    return {"source": ctx.seed.name, "start": n.start, "end": n.end, "token": n.text, "reason": reason,
            "indicator": indicator, "country_iso3": "", "kind": n.kind}


# --- Votes --------------------------------------------------------------------------------------------------------

def _vote_rows(ctx: Context) -> list[dict]:
    if not (VOTE_CONTEXT.search(ctx.sentence) or any(VOTE_CONTEXT.search(ctx.text[s:e]) for s, e in ctx.earlier)):
        return []
    rows = []
    vote = None
    for v in positions_in(ctx.text, ctx.start, ctx.end):
        if vote is None:
            vote = identify(ctx.text, [(ctx.start, ctx.end), *reversed(ctx.earlier)]) or NO_VOTE
        if vote is NO_VOTE:
            continue
        rows.append({"source": ctx.seed.name, "indicator": VOTE, "country_iso3": v.mention.iso3,
                     "country": country_name(v.mention.iso3), "value": None, "value_low": None, "value_high": None,
                     "qualifier": "", "position": v.position, "vote": vote.vote, "value_text": v.words, "unit": "",
                     "year": vote.year, "year_basis": "stated" if vote.year else "", "as_of": vote.as_of,
                     "attribution": "", "review": "", "quote": ctx.sentence, "start": ctx.start, "end": ctx.end,
                     "value_start": v.start, "value_end": v.start + len(v.words)})
    return rows


NO_VOTE = object()
