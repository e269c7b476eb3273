"""The page never states a figure more strongly than its words, and a busy trend chart stays readable.

Test material: the sentences and numbers here are invented for these tests.
"""

from __future__ import annotations

import pandas as pd

from components.indicators import BY_ID
from components.views.summary import summary_sentences
from components.views.svg_charts import MAX_KEYED_SOURCES, MAX_LABELLED_POINTS, trend_svg
from tests import story_builder as sb
from tests.html_tree import parse

SEED = ("Test article, invented numbers.\n"
        "Over 3 million workers from Uzbekistan and 900 from Kyrgyzstan worked in Russia in 2023.\n"
        "Remittances reached 31 percent of Tajikistan's GDP and 12% of Kyrgyzstan's.\n")
SOURCE = "901_wording.txt"


def story():
    f = sb.figure
    workers, remit = SEED.splitlines()[1], SEED.splitlines()[2]
    figures = [f(SEED, SOURCE, "migrant_workers", "UZB", workers, "3 million", 3e6, year="2023", qualifier="over"),
               f(SEED, SOURCE, "migrant_workers", "KGZ", workers, "900", 900.0, year="2023"),
               f(SEED, SOURCE, "remittances_share_of_gdp", "TJK", remit, "31", 31.0),
               f(SEED, SOURCE, "remittances_share_of_gdp", "KGZ", remit, "12%", 12.0)]
    return sb.story({SOURCE: SEED}, figures, [], [{"source": SOURCE, "title": "Test", "outlet": "Test Outlet"}])


def test_summary_keeps_the_hedge_and_the_percent_sign():
    first = summary_sentences(story().figures)[0]
    assert first.startswith("Reports count over 3 million workers from Uzbekistan in 2023")  # not credited to Russia
    assert "equals 31% of Tajikistan's GDP" in first


def test_a_share_written_without_its_sign_gets_the_axis_suffix():
    share, count = BY_ID["remittances_share_of_gdp"], BY_ID["migrant_workers"]
    assert share.written("31") == "31%"
    assert share.written("30%") == "30%"
    assert share.written("29", "about") == "about 29%"
    assert count.written("920,000") == "920,000"


def _lines(n_sources: int, per_source: int) -> pd.DataFrame:
    rows = []
    for s in range(n_sources):
        for k in range(per_source):
            value = 1000.0 + 10 * s + k
            rows.append({"source": f"{s:03d}_test.txt", "outlet": f"Outlet {s}", "year": str(2015 + k),
                         "indicator": "citizenship_grants", "value": value, "value_low": float("nan"),
                         "value_high": float("nan"), "value_text": f"{value:,.0f}", "qualifier": ""})
    return pd.DataFrame(rows)


def test_few_sources_are_keyed_and_few_points_labelled():
    root = parse(trend_svg(_lines(2, 2), "Test"))
    texts = [t.text for t in root.find_all("text")]
    assert "Outlet 0" in texts and "Outlet 1" in texts
    assert "1,000" in texts and "1,011" in texts  # each point labelled as written


def test_many_sources_share_one_key_line_and_points_carry_titles_not_labels():
    lines = _lines(MAX_KEYED_SOURCES + 2, 2)
    assert len(lines) > MAX_LABELLED_POINTS
    root = parse(trend_svg(lines, "Test"))
    texts = [t.text for t in root.find_all("text")]
    assert not any(t.startswith("Outlet") for t in texts)  # no rainbow key of seven outlets
    assert any(t.startswith(f"{MAX_KEYED_SOURCES + 2} sources") for t in texts)
    assert "1,000" not in texts  # labels would collide; the value is in the point's title
    titles = [t.text for t in root.find_all("title")]
    assert "2015: 1,000 (Outlet 0)" in titles and len(titles) == len(lines)


def test_vote_columns_are_headed_upright_in_a_narrow_wrap():
    from components.views.plotly_charts import vote_tick

    assert vote_tick("ES-11/5, 14 November 2022") == "ES-11/5<br>14<br>November<br>2022"
    assert vote_tick("ES-11/3") == "ES-11/3"
    assert all(len(line) <= 9 for line in vote_tick("ES-11/2, 24 March 2022").split("<br>"))
