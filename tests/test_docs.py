"""The README's promises match the repository: its two commands, CI's command, the data contract."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

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


def test_every_data_column_is_described():
    for table in TABLES.values():
        for field in table["fields"]:
            assert field.description.strip(), field.name
