"""The data contract: fields of figures.csv and context.csv, and the Data Package that describes them."""

from __future__ import annotations

from dataclasses import dataclass

from components.countries import CENTRAL_ASIA
from components.indicators import IDS as INDICATORS
from components.indicators import INDICATORS as REGISTRY


@dataclass(frozen=True)
class Field:
    """One column: Table Schema type, description, and whether a value is required."""

    name: str
    type: str  # Table Schema: string, number, integer, year, date
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()


PROVENANCE = (
    Field("quote", "string", "The sentence of the article that states the figure, verbatim.", True),
    Field("start", "integer", "Character offset where the quote starts in the seed text (Python str index).", True),
    Field("end", "integer", "Character offset where the quote ends: seed_text[start:end] == quote.", True),
    Field("value_start", "integer", "Offset where value_text starts in the seed text.", True),
    Field("value_end", "integer", "Offset where value_text ends: text[value_start:value_end] == value_text.", True),
)

QUALIFIERS = ("about", "around", "approximately", "roughly", "some", "nearly", "almost", "over", "more than",
              "at least", "up to", "fewer than", "less than", "an estimated",
              # further hedges reporters use, kept as written rather than forced onto a near synonym
              "close to", "just over", "just under", "well over", "under", "as many as", "upwards of", "below", "above",
              "just below", "just above", "well below", "well above", "at most", "no more than", "no fewer than",
              "in excess of", "slightly more than", "slightly less than", "a little over", "a little under", "perhaps",
              "possibly", "maybe")
POSITIONS = ("in favour", "against", "abstained", "did not vote")
YEAR_BASES = ("stated", "paragraph", "publication date")
REVIEWS = ("accepted", "corrected")

FIGURES = (
    Field("source", "string", "Seed file name in seeds/ the row was extracted from.", True),
    Field("indicator", "string", "Which country indicator the row gives (components/indicators.py): "
          + "; ".join(f"{i.id}, {i.description[0].lower()}{i.description[1:].rstrip('.')}" for i in REGISTRY) + ".",
          True, INDICATORS),
    Field("country_iso3", "string", "ISO 3166-1 alpha-3 code of the country.", True, CENTRAL_ASIA),
    Field("country", "string", "English short name of the country (pycountry).", True),
    Field("value", "number", "The figure as a number, exactly what the words say; empty for a range and for a vote."),
    Field("value_low", "number", "Low end of a range the article gives ('between 600,000 and 700,000'); else empty."),
    Field("value_high", "number", "High end of that range; never averaged with the low end. Else empty."),
    Field("qualifier", "string", "The article's hedge on the number ('about', 'more than', 'up to'...), if any.",
          enum=QUALIFIERS),
    Field("position", "string", "Vote position, normalised (in favour, against, abstained, did not vote); "
          "value_text keeps the article's words. Empty for quantities.", enum=POSITIONS),
    Field("vote", "string", "The vote a position belongs to: the UN resolution where the text identifies it by date "
          "or subject (e.g. A/RES/ES-11/1), else the article's own words for it. Empty for quantities."),
    Field("value_text", "string", "The figure (or position) exactly as written in the article.", True),
    Field("unit", "string", "Unit of value; empty for the vote."),
    Field("year", "year", "Year the figure is for: stated by the article, or resolved from its publication date "
          "(see year_basis); empty where it states none."),
    Field("year_basis", "string", "How the year was found: stated in the sentence, stated earlier in the paragraph, "
          "or resolved from the article's publication date (for 'last year'...).", enum=YEAR_BASES),
    Field("as_of", "string", "The period or date in the article's own words (e.g. 'in 2021', 'March 2', "
          "'last year'); empty if none."),
    Field("attribution", "string", "Whom the article credits for the figure, where it says."),
    Field("review", "string", "Newsroom review: accepted (a number the extractor left out, added by a journalist) "
          "or corrected (a field changed by a journalist); empty when the row is as extracted.", enum=REVIEWS),
    *PROVENANCE,
)

ARTICLES = (
    Field("source", "string", "Seed file name in seeds/.", True),
    Field("title", "string", "Headline, from the front matter or the text.", True),
    Field("outlet", "string", "Publisher, where the seed states it."),
    Field("published", "date", "Publication date from the seed's front matter (YYYY-MM-DD); empty if not stated."),
    Field("url", "string", "Address of the article, where the seed states it."),
    Field("language", "string", "Language code from the front matter, where stated."),
)

CONTEXT = (
    Field("source", "string", "Seed file name in seeds/ the row was extracted from.", True),
    Field("fact", "string", "Identifier of the fact.", True),
    Field("label", "string", "What the fact is, in a short phrase.", True),
    Field("category", "string", "Group the fact belongs to in the context list.", True),
    Field("countries", "string", "ISO3 codes of Central Asian states named in the quote, ';'-separated."),
    Field("value", "number", "The number, where the fact is one; empty for dates."),
    Field("value_text", "string", "The number or date exactly as written in the article.", True),
    Field("qualifier", "string", "The article's hedge on the number ('up to', 'at least'...), if any."),
    Field("unit", "string", "Unit of value; empty for dates."),
    Field("year", "year", "Year a date states; empty where it states none."),
    *PROVENANCE,
)

DECISION_KINDS = ("accept", "reject", "correct")
DECISION_FIELDS = ("figure", "country_iso3", "year", "qualifier", "vote", "position")

# An INPUT of extraction, written only by the journalist's desk (components/page/review.py); never rebuilt.
DECISIONS = (
    Field("source", "string", "Seed file name in seeds/ the decision is about.", True),
    Field("decision", "string", "accept (a number, range or vote position the extractor left out becomes a "
          "figure), reject (a wrong figure is dropped) or correct (one field of a figure is changed).", True,
          DECISION_KINDS),
    Field("field", "string", "What the decision changes: 'figure' for accept and reject, else the corrected "
          "column of figures.csv.", True, DECISION_FIELDS),
    Field("indicator", "string", "Indicator of the figure: the extracted one (reject, correct) or the accepted "
          "one.", True, INDICATORS),
    Field("country_iso3", "string", "Country of the figure as extracted (reject, correct) or as accepted.", True,
          CENTRAL_ASIA),
    Field("value_text", "string", "The number, range (\"60,000 and 70,000\", \"2 to 2.5\") or position words "
          "exactly as written, as they read when decided.", True),
    Field("value_start", "integer", "Offset where value_text starts in the seed text when decided.", True),
    Field("value_end", "integer", "Offset where value_text ends: seed_text[value_start:value_end] == value_text, "
          "else the decision is stale.", True),
    Field("quote", "string", "The sentence(s) around the number, copied when decided; a different text there "
          "makes the decision stale.", True),
    Field("start", "integer", "Offset where the quote starts in the seed text.", True),
    Field("end", "integer", "Offset where the quote ends: seed_text[start:end] == quote.", True),
    Field("new_value", "string", "correct: the field's new value (empty clears it); else empty."),
    Field("year", "year", "accept of a number: the year the figure is for, as the quote or its paragraph states "
          "it; else empty (a vote's year is the one its date states)."),
    Field("qualifier", "string", "accept: the article's hedge on the number, if any; else empty.", enum=QUALIFIERS),
    Field("position", "string", "accept of a vote: the position its words state, normalised; else empty. Added "
          "after the first files: a file without this column reads as empty.", enum=POSITIONS),
    Field("vote", "string", "accept of a vote: the resolution the article's date or subject names (e.g. "
          "A/RES/ES-11/1), else the article's words for the vote; else empty. A file without this column reads as "
          "empty."),
    Field("reason", "string", "Why, in the journalist's words (required to reject)."),
    Field("reviewer", "string", "Who decided.", True),
    Field("decided_at", "string", "When, in UTC (ISO 8601, e.g. 2026-01-31T09:15:00Z).", True),
)

TABLES = {
    "figures": {"fields": FIGURES, "key": ("source", "indicator", "country_iso3", "value_start"),
                "description": "One row per figure: a country's value (or vote position) as one article states it."},
    "context": {"fields": CONTEXT, "key": ("source", "fact"),
                "description": "Every other number or date in the article body, with a short label."},
    "articles": {"fields": ARTICLES, "key": ("source",),
                 "description": "One row per article in seeds/: its title, outlet, date and address where stated."},
}

# Tables of data/ that extraction reads and never writes; the data package describes them beside its outputs.
INPUTS = {
    "review_decisions": {"fields": DECISIONS,
                         "key": ("source", "decision", "field", "indicator", "country_iso3", "value_start"),
                         "description": "The newsroom's review, an input of extraction: each row accepts a number "
                                        "the extractor left out, rejects a figure or corrects one of its fields, "
                                        "keyed to the exact words it was made on."},
}


def datapackage(articles: list[dict[str, str]]) -> dict:
    """The Frictionless Data Package descriptor of data/, with every source article's metadata."""
    resources = []
    for name, table in {**TABLES, **INPUTS}.items():
        fields = []
        for f in table["fields"]:
            field = {"name": f.name, "type": f.type, "description": f.description}
            constraints = {}
            if f.required:
                constraints["required"] = True
            if f.enum:
                constraints["enum"] = list(f.enum)
            if constraints:
                field["constraints"] = constraints
            fields.append(field)
        resources.append({
            "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": table["description"],
            "schema": {"fields": fields, "primaryKey": list(table["key"]), "missingValues": [""]},
        })
    sources = []
    for a in articles:
        source = {"title": a["title"]}
        source.update({key: a[field] for key, field in (("publisher", "outlet"), ("path", "url")) if a.get(field)})
        sources.append(source)
    first = articles[0]
    # The first article (by file name) keeps the descriptor's original single-article fields.
    article = {"file": first["source"], "title": first["title"]}
    article.update({k: first[k] for k in ("outlet", "published", "url") if first.get(k)})
    title = (f"Figures from “{first['title']}”" if len(articles) == 1
             else f"Figures from {len(articles)} articles on Central Asians in Russia")
    return {
        "profile": "tabular-data-package",
        "name": "central-asia-russia-ukraine-figures",
        "title": title,
        "description": ("Every figure of the source articles, extracted by code from the text in seeds/; "
                        "each row carries the verbatim quote and its character offsets."),
        "sources": sources,
        "article": article,
        "resources": resources,
    }
