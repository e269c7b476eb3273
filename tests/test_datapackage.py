"""data/datapackage.json is a valid Frictionless Data Package that matches the CSVs and the seed."""

from __future__ import annotations

import csv
import json
import re

import frictionless
import pytest
from conftest import DATA_DIR, SEED_PATH

from components.schema import INPUTS, TABLES
from components.store import load_package

PACKAGE_PATH = DATA_DIR / "datapackage.json"


@pytest.fixture(scope="module")
def package() -> dict:
    return json.loads(PACKAGE_PATH.read_text(encoding="utf-8"))


def _resources(package: dict) -> dict[str, dict]:
    return {r["name"]: r for r in package["resources"]}


def test_frictionless_says_it_is_valid() -> None:
    report = frictionless.validate(str(PACKAGE_PATH))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_would_catch_a_broken_row(tmp_path) -> None:
    """The validation above checks the rows, not only the descriptor."""
    for p in DATA_DIR.iterdir():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    figures = (tmp_path / "figures.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    figures[1] = figures[1].replace(",UZB,", ",XXX,", 1)
    assert ",XXX," in figures[1]
    (tmp_path / "figures.csv").write_text("".join(figures), encoding="utf-8")
    assert not frictionless.validate(str(tmp_path / "datapackage.json")).valid


def test_resources_are_the_contract_tables(package: dict) -> None:
    resources = _resources(package)
    assert set(resources) == set(TABLES) | set(INPUTS)  # the extracted tables and the newsroom's decisions
    for name, resource in resources.items():
        assert resource["path"] == f"{name}.csv" and (DATA_DIR / resource["path"]).is_file()


@pytest.mark.parametrize("table", list(TABLES))
def test_descriptor_fields_equal_csv_header(package: dict, table: str) -> None:
    resource = _resources(package)[table]
    with (DATA_DIR / resource["path"]).open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    fields = [f["name"] for f in resource["schema"]["fields"]]
    assert fields == header == [f.name for f in TABLES[table]["fields"]]
    assert set(resource["schema"]["primaryKey"]) <= set(fields)


def test_title_and_outlet_are_the_seeds(package: dict) -> None:
    lines = [line.strip() for line in SEED_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    outlet = re.fullmatch(r"Support\s+(.+?)!", lines[0])
    assert outlet, lines[0]
    headline = lines[1]
    assert package["article"]["title"] == headline
    assert package["article"]["outlet"] == outlet.group(1)
    assert package["article"]["file"] == SEED_PATH.name
    assert package["sources"] == [{"title": headline, "publisher": outlet.group(1)}]
    assert headline in package["title"]


def test_no_date_or_url_the_seed_does_not_state(package: dict) -> None:
    seed = SEED_PATH.read_text(encoding="utf-8")
    assert not re.search(r"https?://", seed), "the seed states a URL now; update this test"
    assert "published" not in package["article"]
    assert "url" not in package["article"]
    assert set(package["article"]) == {"file", "title", "outlet"}
    assert not re.search(r"https?://", PACKAGE_PATH.read_text(encoding="utf-8"))


def test_load_package_returns_the_descriptor(package: dict) -> None:
    assert load_package() == package
