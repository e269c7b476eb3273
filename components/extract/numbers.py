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
    "over": "over", "under": "under",
}

_WORD = (r"(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(UNITS[1:10]) + r"))?|"
         + "|".join(sorted(UNITS[1:], key=len, reverse=True)) + r")")
_SCALE_WORD = r"(?:thousand|million|billion|trillion)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+pct\b|\s+percentage\s+points?\b)"
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
  )\b)
| (?P<fraction>\b(?:a|one|two|three)[-\s](?:third|quarter|fifth|tenth)s?(?=\s+of\b)
             |(?<!first\s)(?<!second\s)(?<!\bthe\s)\bhalf(?=\s+of\b))
| (?P<digits>
    (?P<currency>(?:US)?\$\s?|€\s?|£\s?|₽\s?)?
    (?<![\d.,])(?P<core>{_DIGITS})
    (?P<suffix>
        (?P<ordinal>st|nd|rd|th)\b
      | (?P<decade>s)\b
      | (?P<scale>\s?(?:mln|mn|bln|bn|tn)\b|(?:m|k)\b(?!\.\w)|\s+{_SCALE_WORD}\b)?(?P<percent>{_PERCENT})?
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
    """Turn one number as written ("4.1 million", "12,345", "15 per cent", "a dozen", "$475", "50s") into a float."""
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
        number = Decimal(m.group("core").replace(",", ""))
    except InvalidOperation:
        return None
    scale = (m.group("scale") or "").strip().lower()
    return number * SCALES[scale] if scale else number


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
    return [_hedge(text, n, start) for n in _join_ranges(text, _years(text, singles))]


def _number(text: str, m: re.Match) -> Number | None:
    s, e = m.span()
    if m.group("date_md") or m.group("date_dm"):
        return Number(s, e, m.group(0), "date", parts=((s, e),))
    if m.group("vague"):
        return Number(s, e, m.group(0), "vague", parts=((s, e),))
    if m.group("fraction"):
        return Number(s, e, m.group(0), "fraction", parts=((s, e),))
    if m.group("words"):
        return Number(s, e, m.group(0), "count", words_value(m.group(0)), parts=((s, e),))
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
    if m.group("currency"):
        s = m.start("digits")
    else:
        s = core_start
    return Number(s, e, text[s:e], kind, value, parts=((s, e),))


_MONEY_AFTER = re.compile(r"\s*(?:(?:US|U\.S\.)\s?)?(?:dollars?|\$|USD|rubles?|roubles?|RUB|somoni|soms?|tenge|sums?|"
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


def _range(text: str, a: Number, b: Number) -> Number | None:
    if a.kind not in ("count", "percent", "money") or b.kind not in ("count", "percent", "money"):
        return None
    gap = text[a.end:b.start]
    join = RANGE_JOIN.fullmatch(gap)
    if not join:
        return None
    word = join.group(0).strip().lower()
    left = text[max(0, a.start - 12):a.start]
    between = bool(re.search(r"between\s+$", left, re.I))
    if word == "and" and not between:
        return None  # "29 and 28 percent": a list, not a range
    if word == "or" or (word == "to" and re.search(r"from\s+$", left, re.I) and not _ranging(text, a.start)):
        return None  # "from A to B" is a change unless "ranging from"; "A or B" is a choice
    low, high = a.value, b.value
    if low is None or high is None:
        return None
    # A scale or percent written once applies to both ends: "1.5 to 2 million", "20-25%".
    kind = b.kind if a.kind == "count" else a.kind
    b_scale = _scale_of(b)
    if b_scale and not _scale_of(a) and low * b_scale <= high * 10:
        low = low * b_scale
    if low >= high:
        return None
    start = a.start - len(re.search(r"between\s+$", left, re.I).group(0)) if between else a.start
    return Number(start, b.end, text[start:b.end], kind, None, low, high, parts=(*a.parts, *b.parts))


def _ranging(text: str, at: int) -> bool:
    return bool(re.search(r"(?:rang(?:e|es|ed|ing)|estimates?\s+vary|vary|varies|varying)\s+(?:\w+\s+){0,2}from\s+$",
                          text[max(0, at - 40):at], re.I))


def _scale_of(n: Number) -> int:
    m = re.search(r"(?:\d|\s)(thousand|million|billion|trillion|mln|mn|bln|bn|tn|m|k)\b", n.text, re.I)
    if m:
        return SCALES[m.group(1).lower()]
    m = re.search(rf"\b({_SCALE_WORD})$", n.text, re.I)
    return SCALES[m.group(1).lower()] if m else 0


_HEDGE = re.compile(r"(?:^|(?<=[\s(“\"—–-]))(" + "|".join(re.escape(q) for q in sorted(QUALIFIER_WORDS, key=len,
                                                                                         reverse=True))
                    + r")\s+$", re.I)


def _hedge(text: str, n: Number, floor: int) -> Number:
    if n.kind in ("year", "date", "code", "ordinal"):
        return n
    window = text[max(floor, n.start - 16):n.start]
    m = _HEDGE.search(window)
    if not m:
        return n
    words = m.group(1).lower()
    q_start = n.start - len(window) + m.start(1)
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
