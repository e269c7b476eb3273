"""The README's promises match the repository: its two commands, CI's command, the data contract's columns."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from components.schema import TABLES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_gives_the_run_command():
    assert re.search(r"^python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && "
                     r".venv/bin/streamlit run dashboard.py$", README, flags=re.M)


def test_ci_runs_exactly_the_readme_test_command(tmp_path):
    block = re.search(r"<!-- test-command -->\n```bash\n(.+?)\n```\n<!-- /test-command -->", README, flags=re.S)
    assert block, "README must mark its test command"
    # Run .ci/run's extraction step alone, with the command replaced by an echo of what it found.
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace('bash -c "$cmd"', 'printf "%s" "$cmd"')
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "run").write_text(script, encoding="utf-8")
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    out = subprocess.run(["bash", str(tmp_path / ".ci" / "run")], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1].endswith(block.group(1))


def test_setup_script_installs_chromium_and_the_pins():
    setup = (ROOT / "tests" / "setup.sh").read_text(encoding="utf-8")
    assert "apt-get install" in setup and "chromium" in setup
    assert "-r tests/requirements.txt" in setup
    assert "-r ../requirements.txt" in (ROOT / "tests" / "requirements.txt").read_text(encoding="utf-8")


def test_pins_are_exact():
    for name in ("requirements.txt", "tests/requirements.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith(("#", "-r")):
                assert "==" in line, f"{name}: {line} is not pinned"


def data_contract_section(readme: str) -> str:
    """The README's "Data contract" section, up to the next second-level heading."""
    found = re.search(r"^## Data contract\n(.*?)(?=^## |\Z)", readme, flags=re.M | re.S)
    assert found, "README has no '## Data contract' section"
    return found.group(1)


def documented_tables(section: str) -> dict[str, tuple[list[str], list[str]]]:
    """Each bullet `- `data/NAME.csv`, ..., key (`a`, `b`): `c1`, `c2`.` as NAME -> (key columns, columns)."""
    tables = {}
    for bullet in re.findall(r"^- (`data/.*?)(?=^- |^$)", section, flags=re.M | re.S):
        name = re.match(r"`data/(\w+)\.csv`", bullet)
        key, columns = re.fullmatch(r".*?key \((.*?)\): (.*?)\.?\s*", " ".join(bullet.split()), flags=re.S).groups()
        tables[name.group(1)] = (re.findall(r"`(\w+)`", key), re.findall(r"`(\w+)`", columns))
    return tables


def test_readme_data_contract_lists_every_column_of_every_table_in_order():
    documented = documented_tables(data_contract_section(README))
    assert set(documented) == set(TABLES)
    for table, spec in TABLES.items():
        key, columns = documented[table]
        assert columns == [f.name for f in spec["fields"]], table
        assert key == list(spec["key"]), table


def test_the_data_contract_check_notices_a_missing_or_extra_column():
    section = data_contract_section(README)
    assert documented_tables(section.replace("`year_basis`, ", ""))["figures"][1] != [f.name for f in
                                                                                   TABLES["figures"]["fields"]]
    assert documented_tables(section.replace("`language`.", "`language`, `extra`."))["articles"][1][-1] == "extra"
    with pytest.raises(AssertionError, match="no '## Data contract'"):
        data_contract_section(README.replace("## Data contract", "## Data"))


def test_readme_states_the_contracts_allowed_values():
    section = " ".join(data_contract_section(README).split())
    positions = next(f for f in TABLES["figures"]["fields"] if f.name == "position").enum
    assert f"({', '.join(positions)})" in section


def test_every_data_column_has_a_description():
    for table in TABLES.values():
        for field in table["fields"]:
            assert field.description.strip(), field.name
