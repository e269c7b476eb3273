"""The tree follows the pipeline: seeds → extract → data → store → views → page | publish, never backwards."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

COMPONENTS = ROOT / "components"

# What each stage may not import: anything downstream of it, and Streamlit outside the page layer.
FORBIDDEN = {
    # Extraction writes data/ through the store's CSV writer and validation (one home for the contract).
    "components/extract": ("streamlit", "components.views", "components.page", "components.publish"),
    "components/views": ("streamlit", "components.extract", "components.page", "components.publish"),
    "components/publish": ("streamlit", "components.page", "components.extract"),
    "components/page": ("components.publish", "components.extract.indicator_rules", "components.extract.context_rules"),
    "components/store.py": ("streamlit", "components.views", "components.page", "components.publish"),
    "components/schema.py": ("streamlit", "components.views", "components.page", "components.publish",
                             "components.store"),
    "components/indicators.py": ("streamlit", "components"),
    "components/countries.py": ("streamlit", "components.views", "components.page", "components.publish"),
}


def imported_modules(source: str) -> list[str]:
    """Every module a Python source imports, absolute names (`from a import b` gives `a` and `a.b`)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def violations(source: str, forbidden: tuple[str, ...]) -> list[str]:
    """Imports of `source` that are a forbidden module or inside one."""
    return sorted({m for m in imported_modules(source) for f in forbidden if m == f or m.startswith(f + ".")})


def _files(where: str) -> list[Path]:
    path = ROOT / where
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


CASES = [pytest.param(p, rules, id=str(p.relative_to(ROOT)))
         for where, rules in FORBIDDEN.items() for p in _files(where)]


@pytest.mark.parametrize(("path", "forbidden"), CASES)
def test_no_import_runs_against_the_flow(path: Path, forbidden: tuple[str, ...]) -> None:
    assert violations(path.read_text(encoding="utf-8"), forbidden) == []


def test_every_stage_folder_has_modules() -> None:
    """The rules above would pass vacuously on an empty or renamed folder."""
    for where in FORBIDDEN:
        assert _files(where), f"{where} holds no Python module: update FORBIDDEN with the tree"


@pytest.mark.parametrize("source", [
    "import streamlit as st",
    "from streamlit import session_state",
    "from components.views.article import article_html",
    "from components import views",
    "from components.page import panels",
])
def test_the_check_catches_a_backward_import(source: str) -> None:
    assert violations(source, FORBIDDEN["components/extract"])


def test_every_components_module_is_covered_by_a_rule() -> None:
    covered = {p for where in FORBIDDEN for p in _files(where)}
    loose = [p.relative_to(ROOT) for p in COMPONENTS.rglob("*.py") if p not in covered and p.name != "__init__.py"]
    assert set(map(str, loose)) <= {"components/links.py", "components/geometry.py"}, loose
