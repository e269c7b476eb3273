"""The desk's vote form as data: sentences with position words, the words, states and votes each offers."""

from __future__ import annotations

from dataclasses import dataclass

from components.countries import CENTRAL_ASIA
from components.extract.decisions import vote_countries
from components.extract.desk import Desk, base_decision, now
from components.extract.indicator_rules import article_sentences
from components.extract.text import Seed
from components.extract.un_votes import RESOLUTIONS, VOTE_INDICATOR, VoteId, position_words, votes_named

ADOPTED = {rid: day for rid, day, _ in RESOLUTIONS}


@dataclass(frozen=True)
class Words:
    """Position words of a sentence, as the vote grammar reads them, and what the article gives around them."""

    start: int
    end: int
    text: str
    position: str  # normalised: in favour, against, abstained, did not vote
    countries: tuple[str, ...]  # the states its sentence names (else its paragraph), in order: whose vote it can be
    votes: tuple[VoteId, ...]  # the vote extraction would key it to first, then every other the article names
    given: tuple[str, ...]  # states (ISO3) these words are a vote figure of already: extracted or accepted


@dataclass(frozen=True)
class VoteSentence:
    """A sentence of the article with position words in it."""

    start: int
    end: int
    text: str
    words: tuple[Words, ...]

    @property
    def missed(self) -> bool:
        """Does it have position words that are no state's vote figure yet?"""
        return any(not w.given for w in self.words)


def vote_sentences(desk: Desk) -> list[VoteSentence]:
    """Every sentence of the article body with position words ("abstained", "did not take part"), in order."""
    text = desk.text
    sentences = article_sentences(Seed(desk.source, text))
    found = []
    for i, sent in enumerate(sentences):
        words = []
        for start, end, position in position_words(text, sent.start, sent.end):
            given = tuple(dict.fromkeys(f["country_iso3"] for f in (*desk.extracted, *desk.figures)
                                        if f["indicator"] == VOTE_INDICATOR and f["value_start"] == start))
            words.append(Words(start, end, text[start:end], position, tuple(vote_countries(text, sent.start, sent.end)),
                               tuple(votes_named(sentences, i, end)), given))
        if words:
            found.append(VoteSentence(sent.start, sent.end, sent.words, tuple(words)))
    return found


def vote_label(vote: VoteId) -> str:
    """A vote for a picker, short enough to read whole: the resolution, its adoption date, the article's words."""
    day = ADOPTED.get(vote.vote)
    adopted = f", {day.day} {day:%b %Y}" if day else ""
    said = f" (“{vote.as_of}”)" if vote.as_of and vote.as_of not in vote.vote else ""
    return f"{vote.vote}{adopted}{said}"


def country_options(words: Words) -> list[str]:
    """The states the words can still become the vote of: those their sentence (else paragraph) names, or any of the
    five when neither names one ("It abstained"), less those whose vote they are already."""
    return [c for c in (words.countries or CENTRAL_ASIA) if c not in words.given]


def accept_vote_decision(desk: Desk, sentence: VoteSentence, words: Words, *, country_iso3: str, vote: str,
                         reason: str, reviewer: str) -> dict:
    """Position words extraction left out become a vote figure, quoted by their sentence, with the position the
    vote grammar reads in them (a different reading is a correction of the accepted figure, with its reason)."""
    row = base_decision(desk.source, desk.text, (words.start, words.end), (sentence.start, sentence.end))
    row.update(decision="accept", field="figure", indicator=VOTE_INDICATOR, country_iso3=country_iso3,
               position=words.position, vote=vote, reason=reason.strip(), reviewer=reviewer.strip(), decided_at=now())
    return row
