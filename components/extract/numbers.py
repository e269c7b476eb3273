"""The number grammar: every number as reporters write it, with its exact value, kind, range and hedge."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

SCALES = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mln": 10**6, "mn": 10**6, "m": 10**6,
          "billion": 10**9, "bln": 10**9, "bn": 10**9, "trillion": 10**12, "tn": 10**12}
UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SMALL = {w: i for i, w in enumerate(UNITS)} | {w: 20 + 10 * i for i, w in enumerate(TENS)}
FRACTIONS = {"half": Decimal("0.5"), "a half": Decimal("0.5"), "a quarter": Decimal("0.25"),
             "three quarters": Decimal("0.75"), "three-quarters": Decimal("0.75")}

# The hedges the data contract names, as reporters write them (longest first), each with its contract value.
QUALIFIER_WORDS = {
    "an estimated": "an estimated", "approximately": "approximately", "approx.": "approximately",
    "more than": "more than", "fewer than": "fewer than", "less than": "less than", "at least": "at least",
    "up to": "up to", "as many as": "as many as", "upwards of": "upwards of", "close to": "close to",
    "just over": "just over", "just under": "just under", "well over": "well over", "almost": "almost",
    "nearly": "nearly", "roughly": "roughly", "around": "around", "about": "about", "some": "some",
    "over": "over", "under": "under", "below": "below", "above": "above", "just below": "just below",
    "just above": "just above", "well below": "well below", "well above": "well above", "at most": "at most",
    "no more than": "no more than", "not more than": "no more than", "no fewer than": "no fewer than",
    "in excess of": "in excess of", "slightly more than": "slightly more than", "slightly less than":
    "slightly less than", "a little over": "a little over", "a little under": "a little under", "perhaps": "perhaps",
    "possibly": "possibly", "maybe": "maybe", "estimated": "an estimated",
    "an approximate": "approximately", "around about": "around",
}

_WORD = (r"(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(UNITS[1:10]) + r"))?|"
         + "|".join(sorted(UNITS[1:], key=len, reverse=True)) + r")")
_SCALE_WORD = r"(?:thousand|million|billion|trillion)"
# Thousands grouped by commas, or by (non-breaking, thin) spaces as many outlets print them ("18 700", "408 448").
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.]\d)|\d+(?:\.\d+)?"
_PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+pct\b|\s?pc\b|\s+percentage\s+points?\b)"
_MONTH = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")

# One token of the grammar. Order matters: the longest written forms first.
TOKEN = re.compile(rf"""
  (?P<date_md>{_MONTH}\s+\d{{1,2}}(?!\d|,\d{{3}}|\.\d))                # March 2, Feb. 26
| (?P<date_dm>(?<![\d.,])\d{{1,2}}\s+{_MONTH}\b)                        # 2 March
| (?P<vague>\b(?:tens|hundreds|thousands|millions|dozens)(?:\s+of\s+(?:thousands|millions))?\b
           |\b(?:several|a\s+few|a\s+couple\s+of|many)\s+(?:hundred|thousand|million)\b)
| (?P<words>\b(?:
      half\s+a\s+dozen | (?:a|one)\s+dozen
    | (?:half|a\s+quarter|three[-\s]quarters)\s+(?:of\s+)?a\s+{_SCALE_WORD}
    | (?:a|{_WORD})\s+hundred(?:\s+(?:and\s+)?{_WORD})?(?:\s+{_SCALE_WORD})?
    | (?:a|{_WORD})(?:\s+and\s+a\s+half)?\s+{_SCALE_WORD}
    | (?!one\b){_WORD}
  )\b)(?P<wpercent>\s+per\s?cent\b)?
| (?P<fraction>\b(?:a|one|two|three)[-\s](?:third|quarter|fifth|tenth)s?(?=\s+of\b)
             |(?<!first\s)(?<!second\s)(?<!\bthe\s)\bhalf(?=\s+of\b))
| (?P<digits>
    (?P<currency>(?:US)?\$\s?|€\s?|£\s?|₽\s?|(?-i:USD|EUR|RUB|KGS|KZT|TJS|UZS)\s?)?
    (?<![\d.,])(?P<core>{_DIGITS})
    (?P<suffix>
        (?P<ordinal>st|nd|rd|th)\b
      | (?P<decade>s)\b
      | (?P<scale>\s?(?:mln|mn|bln|bn|tn)\b|(?:m|k)\b(?!\.\w)|\s+{_SCALE_WORD}s?\b)?(?P<percent>{_PERCENT})?
    )
  )
""", re.X | re.I)

YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s?[-–—/]\s?((?:19|20)?\d\d)\b")
RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|and|or)\s*", re.I)


@dataclass(frozen=True)
class Number:
    """A number as written: its span (without the hedge), exact value or range, kind and hedge."""

    start: int
    end: int
    text: str
    kind: str  # count, percent, money, year, date, ordinal, decade, fraction, vague, code, points
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: str = ""  # contract value of the hedge ("more than"), empty if none
    qualifier_start: int = -1  # where the hedge's words start, or -1
    parts: tuple[tuple[int, int], ...] = ()  # the spans of the single numbers (two for a range)
    unit_end: int = -1  # where a unit word after the number ends ("28 per cent"), else -1

    @property
    def tail_start(self) -> int:
        """Where the words after the number start, past its unit word."""
        return max(self.end, self.unit_end)

    @property
    def is_range(self) -> bool:
        return self.low is not None

    @property
    def lead(self) -> int:
        """Where the number's words start, hedge included."""
        return self.qualifier_start if self.qualifier_start >= 0 else self.start


def exact_float(value: Decimal) -> float:
    """The float that prints as exactly this decimal (4.1 million → 4100000.0, never 4099999.9999999995)."""
    return float(value)


def parse_number(value_text: str) -> float:
    """Turn one number as written ("4.1 million", "12,345", "15 per cent", "a dozen", "$120", "50s") into a float."""
    t = " ".join(value_text.replace("\u00a0", " ").split())
    m = TOKEN.fullmatch(t)
    if not m or m.group("date_md") or m.group("date_dm") or m.group("vague") or m.group("fraction"):
        raise ValueError(f"not a number as written: {value_text!r}")
    value = _token_value(m)
    if value is None:
        raise ValueError(f"not a number as written: {value_text!r}")
    return exact_float(value)


def _token_value(m: re.Match) -> Decimal | None:
    if m.group("words"):
        return words_value(m.group("words"))
    if m.group("core") is None:
        return None
    try:
        number = Decimal(re.sub(r"[,\s\u00a0\u202f\u2009]", "", m.group("core")))
    except InvalidOperation:
        return None
    scale = (m.group("scale") or "").strip().lower()
    return number * SCALES[scale.removesuffix("s")] if scale else number  # "1.8 millions": the plural some outlets use


def words_value(words: str) -> Decimal | None:
    """Exact value of a number in words ("two million", "a dozen", "half a million", "twenty-five")."""
    t = " ".join(words.lower().replace("-", " ").split())
    if t.endswith("dozen"):
        return Decimal(6) if t.startswith("half") else Decimal(12)
    for frac, val in FRACTIONS.items():
        if t.startswith(frac.replace("-", " ") + " "):
            scale = t.split()[-1]
            return val * SCALES[scale]
    total = Decimal(0)
    current = Decimal(0)
    half = False
    t = t.replace(" and a half", " half")
    for w in t.split():
        if w in ("and",):
            continue
        if w == "a" and not current:
            current = Decimal(1)
        elif w in SMALL:
            current += SMALL[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            current = (current or 1) + (Decimal("0.5") if half else 0)
            total += current * SCALES[w]
            current = Decimal(0)
            half = False
        elif w == "half":
            half = True
        else:
            return None
    return total + current


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number of text[start:end] in order: singles, ranges joined, hedges attached; offsets into text."""
    end = len(text) if end is None else end
    singles = [n for m in TOKEN.finditer(text, start, end) if (n := _number(text, m)) is not None]
    numbers = _distribute(text, _join_ranges(text, _years(text, singles)))
    return [_hedge(text, n, start) for n in numbers]


def number_at(text: str, start: int, end: int, value_start: int, value_end: int) -> Number | None:
    """The number or range the grammar reads at exactly text[value_start:value_end] when it reads text[start:end]
    (a range needs its sentence: "between" before it, no change verb), or None."""
    return next((n for n in find_numbers(text, start, end) if (n.start, n.end) == (value_start, value_end)), None)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")


def _distribute(text: str, numbers: list[Number]) -> list[Number]:
    """"29 and 28 percent", "1.9, 1.1 and 0.6 million": a unit written once at the end of a list applies to each."""
    out = list(numbers)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.kind != "count" or a.is_range or not _LIST_GAP.fullmatch(text, a.end, b.lead):
            continue
        if b.kind == "percent" and not a.text.endswith("%"):
            out[i] = replace(a, kind="percent")
        elif b.kind == "count" and a.value is not None and b.value is not None and not _scale_of(a) \
                and _scale_of(b) and a.value < 1000 and "," not in a.text:
            out[i] = replace(a, value=a.value * _scale_of(b))
    return out


def _number(text: str, m: re.Match) -> Number | None:
    s, e = m.span()
    if m.group("date_md") or m.group("date_dm"):
        return Number(s, e, m.group(0), "date", parts=((s, e),))
    if m.group("vague"):
        return Number(s, e, m.group(0), "vague", parts=((s, e),))
    if m.group("fraction"):
        return Number(s, e, m.group(0), "fraction", parts=((s, e),))
    if m.group("words"):
        we = m.end("words")
        if m.group("wpercent"):  # "thirty-two percent": the number is the words, "percent" its unit
            return Number(s, we, text[s:we], "percent", words_value(m.group("words")), parts=((s, we),), unit_end=e)
        kind = "money" if _money_after(text, we) else "count"
        return Number(s, we, text[s:we], kind, words_value(m.group("words")), parts=((s, we),))
    core_start = m.start("core")
    if _is_code(text, core_start, e):
        return Number(core_start, m.end("core"), m.group("core"), "code", parts=((core_start, m.end("core")),))
    if m.group("ordinal"):
        return Number(core_start, e, text[core_start:e], "ordinal", parts=((core_start, e),))
    value = _token_value(m)
    if m.group("decade"):
        return Number(core_start, e, text[core_start:e], "decade", value, parts=((core_start, e),))
    kind = "count"
    if m.group("currency") or _money_after(text, e):
        kind = "money"
    elif m.group("percent"):
        kind = "points" if "point" in m.group("percent").lower() else "percent"
    s = m.start("digits") if m.group("currency") else core_start
    unit_end = -1
    percent = m.group("percent")
    if percent and not percent.strip().startswith("%"):
        unit_end, e = e, m.start("percent")  # "28 per cent": the number is "28", the unit words follow it
    return Number(s, e, text[s:e], kind, value, parts=((s, e),), unit_end=unit_end)


_MONEY_AFTER = re.compile(r"\s*(?:(?:US|U\.S\.)\s?|(?-i:[A-Z][a-z]+)\s+)?"  # "Russian dollars", "Kyrgyz soms"
                          r"(?:dollars?|\$|USD|rubles?|roubles?|RUB|somoni|soms?|tenge|sums?|"
                          r"euros?|EUR|pounds\s+sterling|yuan)\b", re.I)


def _money_after(text: str, end: int) -> bool:
    return bool(_MONEY_AFTER.match(text, end))


def _is_code(text: str, s: int, e: int) -> bool:
    """A number inside a name or code (ES-11/1, COVID-19, @name2022, No. 5, 3:1)."""
    before = text[max(0, s - 1):s]
    if before and (before.isalpha() or before in "/@#_:"):
        return True
    if before == "-" and text[max(0, s - 2):s - 1].isalpha():
        return True
    return bool(re.match(r"/\d|:\d|[A-Za-z]", text[e:e + 2]))


def _years(text: str, numbers: list[Number]) -> list[Number]:
    """Four-digit years (1900-2099) and year spans ("2008-2014") are dates, not counts."""
    out: list[Number] = []
    skip_until = -1
    for n in numbers:
        if n.start < skip_until:
            continue
        if n.kind == "count" and re.fullmatch(r"(?:19|20)\d\d", n.text):
            span = YEAR_RANGE.match(text, n.start)
            if span:
                out.append(Number(n.start, span.end(), span.group(0), "year", parts=((n.start, span.end()),)))
                skip_until = span.end()
                continue
            if not _counted_noun(text, n.end):
                out.append(replace(n, kind="year"))
                continue
        out.append(n)
    return out


_COUNTED = re.compile(r"\s+(?:people|persons|migrants|workers|citizens|nationals|residents|Tajiks|Uzbeks|Kazakhs|"
                      r"Kyrgyz|Turkmens?|foreigners|applications|permits|men|women|children|soldiers)\b")


def _counted_noun(text: str, end: int) -> bool:
    return bool(_COUNTED.match(text, end))


_RANGE_LEFT = re.compile(r"(?:between|from)\s+$", re.I)


def _join_ranges(text: str, numbers: list[Number]) -> list[Number]:
    """"between A and B", "A to B", "A-B", "A–B million": one Number with low and high, never averaged."""
    out: list[Number] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        b = numbers[i + 1] if i + 1 < len(numbers) else None
        joined = _range(text, a, b) if b else None
        if joined:
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


_OPEN_END = re.compile(r"\s+and\s+(?:over|more\s+than|upwards\s+of|nearly|almost|about|around|at\s+least|"
                       r"well\s+over|just\s+over|up\s+to)\s+", re.I)


def _range(text: str, a: Number, b: Number) -> Number | None:
    if a.kind not in ("count", "percent", "money") or b.kind not in ("count", "percent", "money"):
        return None
    gap = text[a.tail_start:b.start]
    if _OPEN_END.fullmatch(gap) and re.search(r"between\s+$", text[max(0, a.start - 12):a.start], re.I):
        # "between 600,000 and over one million": a hedged bound, so neither an exact range nor two figures
        return Number(a.start, b.end, text[a.start:b.end], "open_range", parts=(*a.parts, *b.parts))
    join = RANGE_JOIN.fullmatch(gap)
    if not join:
        return None
    word = join.group(0).strip().lower()
    left = text[max(0, a.start - 12):a.start]
    between = bool(re.search(r"between\s+$", left, re.I))
    if word == "and" and not between:
        return None  # "29 and 28 percent": a list, not a range
    if word == "or" or (word == "to" and re.search(r"from\s+$", left, re.I) and _changing(text, a.start)):
        return None  # "rose from A to B" is a change, not a range; "A or B" is a choice
    low, high = a.value, b.value
    if low is None or high is None:
        return None
    if a.kind != b.kind and not (a.kind == "count" and b.kind == "percent" and not _scale_of(a)) \
            and not (a.kind == "money" and b.kind == "count"):
        return None  # "by 20% to 1.1 million": a change and a level, not a range
    # A scale or percent written once applies to both ends: "1.5 to 2 million", "20-25%".
    kind = b.kind if a.kind == "count" else a.kind
    b_scale = _scale_of(b)
    if b_scale and not _scale_of(a) and low * b_scale <= high * 10:
        low = low * b_scale
    if low >= high:
        return None
    return Number(a.start, b.end, text[a.start:b.end], kind, None, low, high, parts=(*a.parts, *b.parts),
                  unit_end=b.unit_end)


_CHANGE_VERB = re.compile(r"(?i)\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|grew|grown|grows|growing"
                          r"|increased|increases|decreased|decreases|climbed|climbs|dropped|drops|declined|declines|jumped|jumps|"
                          r"went|gone|soared|surged|slipped|slid|shrank|shrunk|doubled|tripled|moved|changed|up|down"
                          r"|swelled|plunged|tumbled|recovered|rebounded)\b[^.;]*$")


def _changing(text: str, at: int) -> bool:
    """A change verb before "from A to B" in its sentence part: the two numbers are a before and an after."""
    return bool(_CHANGE_VERB.search(text[max(0, at - 60):at]))


def _scale_of(n: Number) -> int:
    m = re.search(r"(?:\d|\s)(thousand|million|billion|trillion|mln|mn|bln|bn|tn|m|k)(?:(?<=[dn])s)?\b", n.text, re.I)
    if m:
        return SCALES[m.group(1).lower()]
    m = re.search(rf"\b({_SCALE_WORD})$", n.text, re.I)
    return SCALES[m.group(1).lower()] if m else 0


_HEDGE = re.compile(r"(?<!\w)(?<!\w\.)(" + "|".join(re.escape(q) for q in sorted(QUALIFIER_WORDS, key=len,
                                                                                         reverse=True))
                    + r")\s+$", re.I)


def _hedge(text: str, n: Number, floor: int) -> Number:
    if n.kind in ("year", "date", "code", "ordinal"):
        return n
    m = _HEDGE.search(text, max(floor, n.start - 24), n.start)
    if not m:
        return n
    words = " ".join(m.group(1).lower().split())
    q_start = m.start(1)
    if words in ("over", "under", "about", "some", "around") and _preposition_use(text, q_start, words):
        return n
    return replace(n, qualifier=QUALIFIER_WORDS[words], qualifier_start=q_start)


def _preposition_use(text: str, at: int, word: str) -> bool:
    """"over 2021", "about 30 of them" stay hedges; "rose over ..." or "went about" do not apply here."""
    before = text[max(0, at - 20):at].lower()
    if word in ("over", "under") and re.search(r"(?:\brose|\bfell|\bgrew|\bincreased|\bdeclined|\bdropped)\s+$",
                                               before):
        return True
    return False


def to_decimal(value: float | int) -> Decimal:
    """A float value back as the decimal it prints as (for comparing with the text's words)."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
