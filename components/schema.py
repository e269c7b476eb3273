"""The data contract: fields of figures.csv and context.csv, and the Data Package that describes them."""

from __future__ import annotations

from dataclasses import dataclass

from components.countries import CENTRAL_ASIA
from components.indicators import IDS as INDICATORS


@dataclass(frozen=True)
class Field:
    """One column: Table Schema type, description, and whether a value is required."""

    name: str
    type: str  # Table Schema: string, number, integer, year
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

FIGURES = (
    Field("source", "string", "Seed file name in seeds/ the row was extracted from.", True),
    Field("indicator", "string", "Which country indicator the row gives.", True, INDICATORS),
    Field("country_iso3", "string", "ISO 3166-1 alpha-3 code of the country.", True, CENTRAL_ASIA),
    Field("country", "string", "English short name of the country (pycountry).", True),
    Field("value", "number", "The figure as a number; empty for the vote, which is a position."),
    Field("position", "string", "Vote position as the article states it; empty for numeric indicators."),
    Field("value_text", "string", "The figure (or position) exactly as written in the article.", True),
    Field("unit", "string", "Unit of value; empty for the vote."),
    Field("year", "year", "Year the article gives for the figure; empty where it states none."),
    Field("as_of", "string", "The period in the article's own words (e.g. 'in 2021', 'March 2'); empty if none."),
    Field("attribution", "string", "Whom the article credits for the figure, where it says."),
    *PROVENANCE,
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

TABLES = {
    "figures": {"fields": FIGURES, "key": ("source", "indicator", "country_iso3"),
                "description": "One row per (source, indicator, country): the four country indicators."},
    "context": {"fields": CONTEXT, "key": ("source", "fact"),
                "description": "Every other number or date in the article body, with a short label."},
}


def datapackage(article: dict[str, str]) -> dict:
    """The Frictionless Data Package descriptor of data/, with the source article's metadata."""
    resources = []
    for name, table in TABLES.items():
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
    source = {"title": article["title"]}
    if article.get("outlet"):
        source["publisher"] = article["outlet"]
    return {
        "profile": "tabular-data-package",
        "name": "central-asia-russia-ukraine-figures",
        "title": f"Figures from “{article['title']}”",
        "description": ("Every figure of the source article, extracted by code from the text in seeds/; "
                        "each row carries the verbatim quote and its character offsets."),
        "sources": [source],
        "article": article,
        "resources": resources,
    }
