"""The indicator registry: each country indicator's id, heading, unit, axis label, kind and how its value reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    """One country indicator, as every stage names, describes and draws it."""

    id: str
    heading: str  # panel and profile heading
    kind: str  # "quantity" (a number per country) or "vote" (a position per country and vote)
    unit: str  # unit stored in data/figures.csv
    axis_label: str  # axis and colour-bar title
    description: str  # what the indicator is, for the data package and the README
    axis_suffix: str = ""  # tick suffix, e.g. "%"

    @property
    def is_vote(self) -> bool:
        return self.kind == "vote"

    def written(self, value_text: str, qualifier: str = "") -> str:
        """The figure as the page writes it: the article's hedge, then its own words for the number.

        Where the words leave the unit to the sentence ("29 percent of GDP" stores "29"), the axis suffix
        is added, so a share never reads as a bare count.
        """
        if self.axis_suffix and value_text[-1:].isdigit():
            value_text += self.axis_suffix
        return f"{qualifier} {value_text}".strip() if qualifier else value_text


INDICATORS = (
    Indicator("migrant_workers", "Migrant workers in Russia", "quantity", "workers", "workers",
              "Migrants or migrant workers from the country living or working in Russia, as the article counts them."),
    Indicator("remittances_share_of_gdp", "Remittances as a share of GDP", "quantity", "percent of GDP", "% of GDP",
              "Remittances received as a percentage of the country's gross domestic product.", axis_suffix="%"),
    Indicator("citizenship_grants", "Russian citizenship grants", "quantity", "people", "people granted citizenship",
              "People from the country who acquired Russian citizenship in the period the article gives."),
    Indicator("un_ga_vote", "UN General Assembly votes on Russia's war", "vote", "", "position",
              "The country's position in a UN General Assembly vote on Russia's war, keyed by the vote."),
)

BY_ID = {i.id: i for i in INDICATORS}
IDS = tuple(BY_ID)
QUANTITIES = tuple(i.id for i in INDICATORS if not i.is_vote)
VOTE = next(i.id for i in INDICATORS if i.is_vote)


def indicator(indicator_id: str) -> Indicator:
    """The registry entry of an indicator id; KeyError names the known ids."""
    try:
        return BY_ID[indicator_id]
    except KeyError:
        raise KeyError(f"unknown indicator {indicator_id!r}; known: {', '.join(IDS)}") from None
