"""UN General Assembly votes on Russia's war: the resolutions, and each Central Asian state's position as reported."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from components.countries import Mention, country_name, mentions, other_country_regex
from components.extract.dates import MONTH, MONTHS, YEAR

# The eleventh emergency special session's resolutions (shared/NOTES-domain.md): number, adoption date, and the
# words by which articles name their subject. The only table of them: every stage that names a vote reads it here.
RESOLUTIONS = (
    ("A/RES/ES-11/1", date(2022, 3, 2), r"aggression\s+against\s+Ukraine|condemn\w*\s+(?:the\s+|Russia['’]s\s+)?"
                                        r"(?:invasion|aggression)|deplor\w*\s+(?:the\s+|Russia['’]s\s+)?aggression"),
    ("A/RES/ES-11/2", date(2022, 3, 24), r"humanitarian(?!\s+law)"),  # not "international humanitarian law"
    ("A/RES/ES-11/3", date(2022, 4, 7), r"suspen\w+\s+(?:of\s+)?(?:Russia|the\s+Russian\s+Federation|its|Moscow)"
                                        r"|Human\s+Rights\s+Council"),
    ("A/RES/ES-11/4", date(2022, 10, 12), r"annex\w*|territorial\s+integrity|sham\s+referend\w*|illegal\s+referend\w*"),
    ("A/RES/ES-11/5", date(2022, 11, 14), r"reparations?|remedy|register\s+of\s+damage"),
    ("A/RES/ES-11/6", date(2023, 2, 23), r"lasting\s+peace|just\s+peace|(?:first\s+)?anniversary"),
    # Two texts adopted on the third anniversary, told apart by their titles only.
    ("A/RES/ES-11/7", date(2025, 2, 24), r"(?:promot|advanc)\w*\s+(?:a\s+)?comprehensive,?\s+just,?\s+and\s+lasting"
                                         r"\s+peace"),
    ("A/RES/ES-11/8", date(2025, 2, 24), r"(?:path|road)\s+to\s+peace"),
)
SUBJECTS = tuple((rid, re.compile(pattern, re.I)) for rid, _, pattern in RESOLUTIONS)
BY_DAY: dict[tuple[int, int], list[tuple[str, date]]] = {}
for _rid, _day, _ in RESOLUTIONS:
    BY_DAY.setdefault((_day.month, _day.day), []).append((_rid, _day))
ADOPTED = {rid: day for rid, day, _ in RESOLUTIONS}
# A title that names one resolution and contains the words of an earlier one ("… just and lasting peace").
_NARROWER = {"A/RES/ES-11/7": "A/RES/ES-11/6"}
# Resolutions on other subjects reuse these words (Crimea in 2014, the 2023 Human Rights Council election).
OTHER_VOTE = re.compile(r"Crimea|Security\s+Council|re-?elect|bid\s+to\s+return|2014", re.I)

VOTE_INDICATOR = "un_ga_vote"
VOTE_CONTEXT = re.compile(r"General\s+Assembly|United\s+Nations|\bU\.?N\.?(?=[\s,.'’])|\bUNGA\b|resolution"
                          r"|\bvot(?:e|es|ed|ing)\b|emergency\s+(?:special\s+)?session|abstentions", re.I)

# Positions as reporters write them, each normalised to the contract's vocabulary.
POSITIONS = (
    ("did not vote", r"did\s+not\s+(?:vote|take\s+part|participate|cast\s+a\s+(?:vote|ballot))"
                     r"(?!\s+(?:for|against|in\s+favou?r|with|on\s+the\s+side))|didn['’]t\s+(?:vote|take\s+part|participate)(?!\s+(?:for|against|"
                     r"in\s+favou?r|with))|(?:was|were)\s+absent|skipped\s+the\s+vote|stayed\s+away|sat\s+out\s+the\s+vote"
                     r"|(?:was|were)\s+not\s+present|failed\s+to\s+vote|declined\s+to\s+vote|refused\s+to\s+vote"
                     r"|not\s+voting|cast\s+no\s+vote"),
    ("abstained", r"abstained|abstaining|abstain|(?:chose|opted|decided)\s+to\s+abstain|refrained\s+from\s+voting"
                  # "remained neutral in the vote", "65 countries remained neutral (…)": neutral on the text itself
                  r"|(?:remained|stayed)\s+neutral(?=\s*\(|\s+(?:in|on|during|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                  r"(?:vot\w*|resolution|ballot))"),
    ("against", r"voted\s+(?:against|no)|voting\s+against|vot(?:ed|ing)\s+[\"“‘']no[\"”’']"
                r"|(?:cast|casting)\s+(?:a\s+)?(?:vote|votes)\s+against|(?:rejected|opposed)(?=_OBJECT_)"),
    ("in favour", r"voted\s+(?:in\s+favou?r(?:\s+of)?|for|yes)|voting\s+(?:in\s+favou?r|for)"
                  r"|vot(?:ed|ing)\s+[\"“‘']yes[\"”’']|(?:supported|backed|endorsed)(?=_OBJECT_)"),
)
# A verb such as "supported" is a vote only with the vote as its object ("supported the resolution").
_OBJECT = (r"\s+(?:(?:the|a|this|that|its)\s+(?:[\w'’-]+\s+){0,4}(?:resolution|motion|draft|text|measure|document|"
           r"proposal|move)|it\b)")
POSITIONS = tuple((normal, pattern.replace("_OBJECT_", _OBJECT)) for normal, pattern in POSITIONS)
POSITION = "|".join(f"(?P<p{i}>{p})" for i, (_, p) in enumerate(POSITIONS))
_POSITION_RX = re.compile(POSITION, re.I)
_ADVERBS = (r"(?:\s+(?:also|again|all|both|each|too|once\s+again|likewise|similarly|instead|then|later|however|simply|"
            r"reportedly|apparently|officially|ultimately|eventually|itself|themselves|in\s+turn))*")
_NEGATED = re.compile(r"(?:not|n['’]t|never|neither|nor)\s+$", re.I)


@dataclass(frozen=True)
class VoteRow:
    """One state's position in one vote, with where the article says it."""

    mention: Mention
    position: str
    words: str
    start: int


_CA_ALTERNATION: list[str] = []


def _ca_alternation() -> str:
    if not _CA_ALTERNATION:
        from components.countries import country_pattern
        _CA_ALTERNATION.append(country_pattern())
    return _CA_ALTERNATION[0]


def _list_regex() -> str:
    """A coordinated list of states, Central Asian or not ("Kazakhstan, Kyrgyzstan and Tajikistan")."""
    name = (rf"(?:(?:the\s+)?(?:{_ca_alternation()})|{other_country_regex().pattern})"
            r"(?:['’]s\s+(?:delegation|representatives?|envoys?|ambassadors?|government|diplomats))?")
    return rf"(?P<list>{name}(?:\s*,\s*(?:and\s+)?{name}|\s+(?:and|as\s+well\s+as)\s+{name})*)"


# The vote as the object of a position ("voted against the resolution: …", "abstain their votes, including …").
_THE_TEXT = (r"(?:\s+(?:the|this|that)\s+(?:resolution|text|draft|measure|document|motion)|\s+(?:their|its)\s+votes?"
             r"|\s+from\s+(?:the\s+)?vot(?:e|ing))?")
# A table in prose: "Kazakhstan - abstained; Kyrgyzstan - against".
TABLE_POSITIONS = (("did not vote", r"did\s+not\s+vote|not\s+voting|absent|non-voting"),
                   ("abstained", r"abstained|abstention|abstain"),
                   ("in favour", r"in\s+favou?r|for|yes"),
                   ("against", r"against|no"))
TABLE_POSITION = "|".join(f"(?P<t{i}>{p})" for i, (_, p) in enumerate(TABLE_POSITIONS))
_COMPILED: dict[str, re.Pattern[str]] = {}


def _patterns() -> dict[str, re.Pattern[str]]:
    if not _COMPILED:
        lst = _list_regex()
        gap = r"(?:\s*,\s*(?:which|who|that)|\s+(?:which|who|that))?"
        aside = r"(?:\s*,\s*(?:like|as\s+in|along\s+with|together\s+with|as)\s[^,;.]{1,60},|\s*\([^()]{1,60}\))?"
        _COMPILED["subject"] = re.compile(
            rf"{lst}{aside}{gap}{_ADVERBS}(?:\s+(?:joined\s+[^,.;]{{1,40}}?\s+in|chose\s+to|opted\s+to|decided\s+to))?"
            rf"\s+(?P<position>{POSITION})", re.I)
        _COMPILED["among"] = re.compile(
            rf"{lst}\s+(?:were|was)\s+(?:also\s+)?among\s+(?:the\s+)?(?:\d[\d,]*\s+|\w+\s+)?(?:other\s+)?"
            rf"(?:countries|states|nations|members|member\s+states)\s+(?:that\s+|which\s+|who\s+)?(?P<position>{POSITION})",
            re.I)
        _COMPILED["predicate"] = re.compile(
            rf"(?P<position>{POSITION})(?:\s+(?:countries|states|nations|delegations))?{_THE_TEXT}\s*(?:were|was|"
            rf"included|,?\s*including|,?\s*among\s+them|came\s+from|[-–—]\s*(?:including|among\s+them)|:|—|–)\s+"
            rf"(?:those\s+of\s+)?{lst}", re.I)
        _COMPILED["including"] = re.compile(  # "nations, including Kazakhstan and Uzbekistan, abstained"
            rf"\b(?:including|such\s+as|namely|notably)\s+{lst}\s*,{_ADVERBS}\s+(?P<position>{POSITION})", re.I)
        _COMPILED["among_are"] = re.compile(  # "Among the countries that abstained are China and … such as Kazakhstan"
            rf"\bamong\s+(?:the\s+)?(?:\d[\d,]*\s+)?(?:countries|states|nations|members|delegations)\s+(?:that|which|"
            rf"who)\s+(?P<position>{POSITION})\s+(?:are|were|was|is)\s+(?P<list>[^.;]{{1,250}}?)"
            rf"(?=[.;]|$|,?\s+(?:while|whereas|but)\b)", re.I)
        # "35 countries abstained (Algeria, …, Kazakhstan, …)", "(including Kazakhstan)"
        _COMPILED["paren"] = re.compile(
            rf"(?P<position>{POSITION})(?:\s+from\s+(?:the\s+)?voting)?\s*\((?P<including>(?:including|among\s+them)"
            rf"\s+)?(?P<list>[^()]{{1,800}})\)", re.I)
        _COMPILED["noun"] = re.compile(  # "Abstentions included China, Iran, Kazakhstan …"
            rf"\b(?P<position>(?P<t1>abstentions|abstainers))\s+(?:included|include|were|came\s+from|:)\s+{lst}", re.I)
        _COMPILED["paren_subject"] = re.compile(  # "… allies (Armenia, Kyrgyzstan, Kazakhstan) abstained"
            rf"\((?P<list>[^()]{{1,300}})\){_ADVERBS}\s+(?P<position>{POSITION})", re.I)
        _COMPILED["as_did"] = re.compile(rf"(?P<position>{POSITION})[^.;]{{0,60}}?,\s+as\s+did\s+{lst}", re.I)
        _COMPILED["table"] = re.compile(rf"(?P<list>(?:the\s+)?(?:{_ca_alternation()}))\s*[-–—:]\s*"
                                        rf"(?P<position>{TABLE_POSITION})\b(?=\s*(?:[;,.)]|$|\n))")
        _COMPILED["chain"] = re.compile(rf"[^.;:]{{0,50}}?(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)"
                                        rf"(?:then\s+|later\s+)?(?P<position>{POSITION})", re.I)
    return _COMPILED


_NAME = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+|and\s+(?=[A-Z]\w*\s+(?:Republic|Islands))|the\s+)?[A-Z][\w'’.-]*)*"
_NAME_LIST = re.compile(rf"\s*{_NAME}(?:\s*,\s*(?:and\s+)?{_NAME}|\s+and\s+{_NAME})+\s*")  # names only, two or more
_ONE_NAME = re.compile(rf"\s*{_NAME}\s*")  # "(including Uzbekistan)": one name after "including"


def position_of(match: re.Match) -> str:
    for i, (normal, _) in enumerate(POSITIONS):
        if match.groupdict().get(f"p{i}"):
            return normal
    for i, (normal, _) in enumerate(TABLE_POSITIONS):
        if match.groupdict().get(f"t{i}"):
            return normal
    raise ValueError("no position group matched")


def positions_in(text: str, start: int, end: int) -> list[VoteRow]:
    """Each Central Asian state's position stated in text[start:end], in order of its words."""
    seen: set[tuple[str, int]] = set()
    found: list[VoteRow] = []
    for kind, regex in _patterns().items():
        if kind == "chain":
            continue
        for m in regex.finditer(text, start, end):
            states = mentions(text, m.start("list"), m.end("list"))
            matches = [m]
            if kind == "subject":  # "did not vote on March 2, was absent on October 12 and …"
                at = m.end("position")
                while (c := _patterns()["chain"].match(text, at, end)) and not mentions(text, at, c.start("position")):
                    matches.append(c)
                    at = c.end("position")
            if kind == "among_are" and re.search(POSITION, text[m.start("list"):m.end("list")], re.I):
                continue  # another position inside the list: its states are not all of this one
            listed = _NAME_LIST.fullmatch(text, m.start("list"), m.end("list")) or (
                kind == "paren" and m.group("including") and _ONE_NAME.fullmatch(text, m.start("list"), m.end("list")))
            if kind in ("paren", "paren_subject") and not listed:
                continue  # "(as in March)", "(141 in favour)": an aside, not the list of who took the position
            for p in matches:
                pos_start = p.start("position")
                if _NEGATED.search(text, max(start, pos_start - 12), pos_start):
                    continue
                for mention in states:
                    if (mention.iso3, pos_start) in seen:
                        continue
                    seen.add((mention.iso3, pos_start))
                    found.append(VoteRow(mention, position_of(p), p.group("position"), pos_start))
    return sorted(found, key=lambda v: (v.start, v.mention.start))


# A position taken on several resolutions at once ("abstained on both resolutions", "voted against the two
# resolutions"): no one resolution to key it to. Read only as the object right after the position's words, so that
# "abstained in the March 2 vote …, as it did in both previous votes" keeps its vote.
_SEVERAL = re.compile(_ADVERBS + r"\s*(?:(?:on|in|at|during|for|from|over)\s+)?(?:(?:the\s+)?voting\s+(?:on|for)\s+)?"
                      r"(?:(?:the|these|those|(?:either|each|all|both)\s+of\s+the)\s+)?(?:(?:two|three|four|both|several|"
                      r"all)\s+(?:[\w.'’-]+\s+){0,3}?(?:resolutions|votes|texts|drafts)\b|(?:[\w.'’-]+\s+){0,2}?votes\s+on\s+"
                      r"(?:[\w'’-]+\s+){0,3}?resolutions\b)", re.I)
# "The countries voting against included China. Others were Iran, Kazakhstan and Cuba": the list goes on.
_OTHERS_WERE = re.compile(r"(?i)^\W*(?:others|other\s+(?:countries|states|nations|members))\s+(?:were|are|included|"
                          r"include)\b")


def _continued_list(seed, sentences: list, i: int) -> list[VoteRow]:
    """The states of an "Others were …" sentence, with the position that introduced the list just before it."""
    sent = sentences[i]
    if i == 0 or not _OTHERS_WERE.match(sent.words) or sentences[i - 1].paragraph != sent.paragraph:
        return []
    prev = sentences[i - 1]
    lead = re.search(rf"(?P<position>{POSITION})(?:\s+(?:countries|states|nations|delegations))?{_THE_TEXT}\s*"
                     r"(?:were|are|included|include|,?\s*including|:)\s", seed.text[prev.start:prev.end], re.I)
    if not lead or _NEGATED.search(seed.text[prev.start:prev.start + lead.start("position")]):
        return []
    at = prev.start + lead.start("position")
    return [VoteRow(m, position_of(lead), lead.group("position"), at) for m in sent.ca]


# A list set out under a heading line: "Abstained:", "Member states that voted against the resolution", "For (141):",
# then one line per name or per letter ("- Kazakhstan", "K: Kazakhstan, Kyrgyzstan").
HEADING_POSITIONS = (("did not vote", r"no\s+vote(?:\s+recorded)?|did\s+not\s+vote|not\s+voting|absent|non-voting"),
                     ("abstained", r"abstained|abstaining|abstentions?"),
                     ("in favour", r"(?:voted\s+|voting\s+)?(?:in\s+favou?r|for|yes)"),
                     ("against", r"(?:voted\s+|voting\s+)?(?:against|no)"))
_HEADING = re.compile(
    r"(?i)(?:(?:the\s+)?(?:following\s+)?(?:\d+\s+)?(?:countries|member\s+states|states|nations|delegations)"
    r"(?:\s+(?:that|which|who))?\s+)?(?P<position>" + "|".join(f"(?P<h{i}>{p})" for i, (_, p) in
                                                               enumerate(HEADING_POSITIONS)) + r")"
    r"(?:\s+(?:the|this)\s+(?:resolution|motion|text|draft|measure)|\s+(?:of|from)\s+[a-z][\w\s'’]{0,40}?)?"
    r"(?:\s*\(\d+\))?\s*:?")
_LIST_PREFIX = re.compile(r"\s*(?:[-–•*·]\s*|[A-Z]\s*:\s*|\d{1,3}[.)]\s+)?")
_LIST_WORD = re.compile(r"(?:[A-Z][\w'’.-]*|of|the|and|de|da|del|d['’][A-Z][\w'’.-]*)$")


def _name_line(words: str) -> bool:
    """A line of a list of states: names only, one or several, with a bullet or a letter before them."""
    body = words[_LIST_PREFIX.match(words).end():].strip().rstrip(",;.")
    if not body or ":" in body:
        return False
    for item in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.sub(r"\s*\([^()]{1,40}\)", "", body)):
        names = item.split()
        if not 1 <= len(names) <= 6 or not names[0][:1].isupper() or not all(_LIST_WORD.match(w) for w in names):
            return False
    return True


def _heading_position(sentences: list, i: int) -> tuple[int, re.Match] | None:
    """For a line of state names, the heading its list is set out under (index, match), else None."""
    if not _name_line(sentences[i].words):
        return None
    for j in range(i - 1, max(-1, i - 250), -1):
        words = sentences[j].words
        heading = _HEADING.fullmatch(words)
        if heading:
            return (j, heading) if _in_vote_context(sentences, j) else None
        if not _name_line(words):
            return None
    return None


def _under_heading(seed, sentences: list, i: int) -> list[dict]:
    """The rows of a line of state names set out under a position heading, keyed by the vote the heading's
    sentence (or those before it, or the article) identifies."""
    found = _heading_position(sentences, i)
    if not found:
        return []
    j, heading = found
    position = next(normal for k, (normal, _) in enumerate(HEADING_POSITIONS) if heading.group(f"h{k}"))
    at = sentences[j].start + heading.start("position")
    vote = identify(seed.text, _scopes(sentences, j)) or _article_vote(sentences, j)
    if vote is None:
        return []
    sent = sentences[i]
    return [{"source": seed.name, "indicator": VOTE_INDICATOR, "country_iso3": m.iso3, "country": country_name(m.iso3),
             "value": None, "value_low": None, "value_high": None, "qualifier": "", "position": position,
             "vote": vote.vote, "value_text": heading.group("position"), "unit": "", "year": vote.year,
             "year_basis": "stated" if vote.year else "", "as_of": vote.as_of, "attribution": "", "review": "",
             "quote": seed.text[at:sent.end], "start": at, "end": sent.end,
             "value_start": at, "value_end": at + len(heading.group("position"))} for m in sent.ca]


def vote_rows(seed, sentences: list, i: int) -> list[dict]:
    """The vote rows of sentence i: each state's position, keyed by the vote the text identifies."""
    sent = sentences[i]
    if not sent.ca:
        return []
    listed = _under_heading(seed, sentences, i)
    if listed:
        return listed
    if not _in_vote_context(sentences, i):
        return []
    continued = _continued_list(seed, sentences, i)
    if not continued and not _POSITION_WORD.search(sent.words):
        return []
    found = [v for v in continued or positions_in(seed.text, sent.start, sent.end)
             if not _SEVERAL.match(seed.text, v.start + len(v.words))]
    quote_start = min([sent.start] + [v.start for v in continued])
    rows = []
    for k, v in enumerate(found):
        nxt = next((w.start for w in found[k + 1:] if w.start > v.start), sent.end)
        vote = _vote_of(sentences, i, v.start + len(v.words), nxt)
        if vote is None or (vote.vote in ADOPTED and seed.published and ADOPTED[vote.vote] > seed.published):
            continue  # a resolution adopted after the page was published: its subject words describe another vote
        rows.append({"source": seed.name, "indicator": VOTE_INDICATOR, "country_iso3": v.mention.iso3,
                     "country": country_name(v.mention.iso3), "value": None, "value_low": None, "value_high": None,
                     "qualifier": "", "position": v.position, "vote": vote.vote, "value_text": v.words, "unit": "",
                     "year": vote.year, "year_basis": "stated" if vote.year else "", "as_of": vote.as_of,
                     "attribution": "", "review": "", "quote": seed.text[quote_start:sent.end],
                     "start": quote_start, "end": sent.end,
                     "value_start": v.start, "value_end": v.start + len(v.words)})
    return rows


def _vote_of(sentences: list, i: int, after: int, until: int) -> VoteId | None:
    """The vote a position of sentence i speaks of: a date after its words (up to `until`), else the vote its
    sentence or the ones before name, else the next sentence's, else the one the whole article names."""
    sent = sentences[i]
    own = _identify_span(sent.text, after, until, dates_only=True) or _identify_span(sent.text, sent.start, sent.end)
    if own:
        return own
    vote = identify(sent.text, _scopes(sentences, i)[1:]) or _next_vote(sentences, i) or _article_vote(sentences, i)
    years = set(_OWN_YEAR.findall(sent.words))
    if vote and vote.vote in ADOPTED and years and str(ADOPTED[vote.vote].year) not in years:
        return None  # "in 2023, Uzbekistan also abstained" after a report of the 2025 votes: another year's vote
    return vote


_OWN_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def position_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Every position stated in text[start:end] as (start, end, normalised position), in order: the words the vote
    grammar reads ("abstained", "did not take part", "was absent"), negated ones ("did not abstain") left out."""
    found = []
    for m in _POSITION_RX.finditer(text, start, end):
        if not _NEGATED.search(text, max(start, m.start() - 12), m.start()):
            found.append((m.start(), m.end(), position_of(m)))
    return found


def votes_named(sentences: list, i: int, after: int) -> list[VoteId]:
    """The votes a position of sentence i (its words ending at `after`) can be keyed to: first the one extraction
    keys it to, then every other vote the article identifies, in the article's order, each once."""
    text = sentences[i].text
    first = _vote_of(sentences, i, after, sentences[i].end)
    named: dict[str, VoteId] = {}
    for vote in [first, *(_identify_span(text, s.start, s.end) for s in sentences)]:
        if vote is not None and vote.vote not in named:
            named[vote.vote] = vote
    return list(named.values())


def _next_vote(sentences: list, i: int) -> VoteId | None:
    """"Kazakhstan abstained on Wednesday. The text, which condemned the annexation, passed": the vote named by the
    next sentence of the same paragraph."""
    if i + 1 >= len(sentences) or sentences[i + 1].paragraph != sentences[i].paragraph:
        return None
    nxt = sentences[i + 1]
    if nxt.ca or OTHER_VOTE.search(nxt.words):
        return None  # it speaks of states (and their votes) of its own
    return _identify_span(nxt.text, nxt.start, nxt.end)


def _article_vote(sentences: list, i: int) -> VoteId | None:
    """The one resolution the whole article identifies, for a position stated before the article names it (a
    headline, a lead): None when the article names several, or when the sentence speaks of another vote."""
    if OTHER_VOTE.search(sentences[i].words):
        return None
    text = sentences[i].text
    found = {v.vote: v for s in sentences if (v := _identify_span(text, s.start, s.end)) and v.vote.startswith("A/RES")}
    return next(iter(found.values())) if len(found) == 1 else None


_POSITION_WORD = re.compile(r"(?i)abstain|abstention|neutral|vot(?:e|ed|ing)|favou?r|against|absent|oppos|support"
                            r"|backed|reject|endorse|part\b|stayed\s+away|sat\s+out|\s[-–—:]\s*(?:for|yes|no)\b")


def _in_vote_context(sentences: list, i: int) -> bool:
    sent = sentences[i]
    return any(s.vote_words for s in sentences[max(0, i - 12):i + 1] if s.paragraph >= sent.paragraph - 1)


def _scopes(sentences: list, i: int) -> list[tuple[int, int]]:
    """Where to look for the vote a sentence speaks of: itself, then the sentences before it, nearest first."""
    return [(s.start, s.end) for s in reversed(sentences[:i + 1])]


@dataclass(frozen=True)
class VoteId:
    """Which vote a sentence speaks of: the resolution when the text identifies it, else the article's words."""

    vote: str
    as_of: str
    year: str = ""


_DATE = re.compile(rf"(?P<md>(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>{YEAR}))?)(?!\d)"
                   rf"|(?P<dm>(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH})(?:,?\s+(?P<year2>{YEAR}))?)")


def identify(text: str, spans: list[tuple[int, int]]) -> VoteId | None:
    """The vote the given spans (a sentence, then the sentences before it) speak of, or None if they do not say."""
    for s, e in spans:
        found = _identify_span(text, s, e)
        if found:
            return found
    return None


def _identify_span(text: str, s: int, e: int, dates_only: bool = False) -> VoteId | None:
    chunk = text[s:e]
    on_day: list[str] = []
    as_of = ""
    year = ""
    for m in _DATE.finditer(chunk):
        month = m.group("month") or m.group("month2")
        day = int(m.group("day") or m.group("day2"))
        year = m.group("year") or m.group("year2") or ""
        as_of = m.group(0)
        on_day = [rid for rid, d in BY_DAY.get((_month_number(month), day), []) if not year or int(year) == d.year]
        break
    if dates_only:
        return VoteId(on_day[0], as_of, year) if len(on_day) == 1 else None
    other = bool(OTHER_VOTE.search(chunk))
    subjects = {rid for rid, rx in SUBJECTS if rx.search(chunk)} if not other else set()
    if len(subjects) > 1 and "A/RES/ES-11/1" in subjects:
        subjects.discard("A/RES/ES-11/1")  # "condemning the invasion" also appears in later resolutions' reports
    for narrow, broad in _NARROWER.items():
        if narrow in subjects:
            subjects.discard(broad)
    explicit = re.search(r"ES-11/[1-8]", chunk)
    if explicit:
        return VoteId("A/RES/" + explicit.group(0), as_of, year)
    if len(on_day) > 1:  # two texts adopted that day: the subject says which
        on_day = [rid for rid in on_day if rid in subjects]
    by_date = on_day[0] if len(on_day) == 1 else None
    if by_date and (not subjects or subjects == {by_date}):
        return VoteId(by_date, as_of, year)
    if not by_date and len(subjects) == 1 and _year_fits(year, next(iter(subjects))):
        return VoteId(subjects.pop(), as_of, year)
    if as_of and re.search(r"(?i)\bvot|\bresolution|\bsession|\bAssembly", chunk):
        return VoteId(f"the vote of {as_of}", as_of, year)
    return None


def _year_fits(year: str, rid: str) -> bool:
    """A date's year beside a subject: the resolution's own year, or (for those of 2022-23) the year after."""
    adopted = ADOPTED[rid].year
    return not year or int(year) == adopted or (year in ("2022", "2023") and adopted < 2024)


def _month_number(month: str) -> int:
    key = month.rstrip(".")[:3].lower()
    return next(i for i, name in enumerate(MONTHS, start=1) if name[:3].lower() == key)
