"""Mutation score of the modules where a silent change would mislead a reader, with mutmut and the unit suite.

    .venv/bin/python tests/mutation.py                         # every module below, one after the other
    .venv/bin/python tests/mutation.py components/links.py     # one (or a few) of them
    .venv/bin/python tests/mutation.py --survivors components/links.py   # also print each surviving mutant's diff
    .venv/bin/python tests/mutation.py --again run.log components/store.py   # only the mutants that survived in run.log

Each module is mutated in a fresh copy of the project in a temporary folder (mutmut's `mutants/` and its caches
never touch the repository), its mutants run against the unit suite (`-m "not e2e and not load"`: no browser),
and one line per module says killed/total. A mutant counts as killed when a test fails or times out on it; a
mutant no test reaches counts as surviving. It takes minutes per module: not part of CI. Exit code 1 when a
module is under --target (90 %).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = (
    "components/links.py",
    "components/store.py",
    "components/views/article.py",
    "components/views/profile.py",
    "components/views/context.py",
    "components/extract/text.py",
    "components/extract/numbers.py",
    "components/extract/indicator_rules.py",
)
# What the unit tests read besides the code: data, seed, map file, app script and config, and the docs they check.
ALSO_COPY = ("data", "seeds", "static", "dashboard.py", ".streamlit", "README.md", "requirements.txt", ".ci")
PYTEST_ARGS = ("-m", "not e2e and not load", "-p", "no:cacheprovider", "-q", "-x")
# Tests that read the source text, not its behaviour: mutmut writes every mutant's changed constant into the
# module ("- 199" → "- 200"), so a scan for the article's numbers in the code finds some of them in every run.
SOURCE_TESTS = ("tests/test_expected_figures.py::test_no_figure_of_the_article_is_typed_in_the_code",)
SKIP = {".git", ".venv", "mutants", "site", ".cache", ".hypothesis", ".pytest_cache", ".ruff_cache", "__pycache__",
        "node_modules"}


def copy_project(target: Path) -> None:
    """The working tree as it is (committed or not), without caches, virtualenv or build output."""
    shutil.copytree(ROOT, target, ignore=lambda _dir, names: [n for n in names if n in SKIP])


def mutmut_config(module: str, deselect: tuple[str, ...] = ()) -> str:
    """setup.cfg's [mutmut] section: mutate one module; copy what the tests read; run the unit suite only."""
    def lines(values: tuple[str, ...]) -> str:
        return "".join(f"\n    {v}" for v in values)

    pytest_args = PYTEST_ARGS + tuple(a for test in (*SOURCE_TESTS, *deselect) for a in ("--deselect", test))
    return (f"[mutmut]\nsource_paths = components\nonly_mutate = {module}\nalso_copy ={lines(ALSO_COPY)}\n"
            f"pytest_add_cli_args ={lines(pytest_args)}\n")


def mutmut(project: Path, *args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=project, env=env, text=True, check=False,
                          capture_output=capture)


def earlier_run(log: str, module: str) -> tuple[int, int, list[str]]:
    """(killed, total, survivors) of `module` as an earlier run of this script printed them."""
    killed = total = None
    survivors: list[str] = []
    current = False
    for line in Path(log).read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{module}: "):
            killed, total = (int(n) for n in line.split(": ", 1)[1].split(" ", 1)[0].split("/"))
            current = True
        elif line.startswith("components/"):
            current = False
        elif current and line.strip().startswith("survived: "):
            survivors.append(line.strip().removeprefix("survived: "))
    if total is None:
        sys.exit(f"{log}: no result line for {module}; run the module whole first.")
    return killed, total, survivors


def score(module: str, max_children: int, survivors: bool, deselect: tuple[str, ...] = (),
          only: list[str] | None = None) -> dict:
    """Mutate one module in a temporary copy of the project; return its counts and surviving mutants.

    `only`: run just these mutants (the others count as not run)."""
    with tempfile.TemporaryDirectory(prefix="mutation-") as tmp:
        project = Path(tmp) / "project"
        copy_project(project)
        (project / "setup.cfg").write_text(mutmut_config(module, deselect), encoding="utf-8")
        started = time.monotonic()
        run = mutmut(project, "run", "--max-children", str(max_children), *(only or ()), capture=True)
        if run.returncode != 0:
            sys.exit(f"mutmut run failed on {module}:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
        mutmut(project, "export-cicd-stats", capture=True)
        stats = json.loads((project / "mutants" / "mutmut-cicd-stats.json").read_text(encoding="utf-8"))
        listed = mutmut(project, "results", capture=True).stdout.splitlines()
        alive = [line.strip().split(":")[0] for line in listed if line.strip().endswith((": survived", ": no tests"))]
        diffs = {name: mutmut(project, "show", name, capture=True).stdout for name in alive} if survivors else {}
    total = stats["total"] - stats["skipped"]
    killed = stats["killed"] + stats["timeout"]
    return {"module": module, "killed": killed, "total": total, "survived": alive, "diffs": diffs,
            "seconds": round(time.monotonic() - started)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests/mutation.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", default=list(MODULES), help="paths of modules to mutate")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1, help="mutants run in parallel")
    parser.add_argument("--survivors", action="store_true", help="print the diff of every surviving mutant")
    parser.add_argument("--target", type=float, default=90.0, help="lowest acceptable score, percent")
    parser.add_argument("--again", metavar="LOG",
                        help="run only the mutants that survived in LOG (an earlier run's output, same module code): "
                             "after new tests, the score without re-running the mutants already killed")
    parser.add_argument("--deselect", action="append", default=[], metavar="NODEID",
                        help="leave out a unit test that fails on the unmutated code (mutmut needs a green suite)")
    args = parser.parse_args(argv)
    for module in args.modules:
        if not (ROOT / module).is_file():
            parser.error(f"{module}: no such module in {ROOT}")
    below = []
    if args.deselect:
        print(f"left out (failing before any mutation): {', '.join(args.deselect)}")
    for module in args.modules:
        if args.again:
            killed_before, total_before, alive = earlier_run(args.again, module)
            if not alive:
                print(f"{module}: {killed_before}/{total_before} killed (100.0 %): no survivor to run again")
                continue
            result = score(module, args.max_children, args.survivors, tuple(args.deselect), only=alive)
            if result["total"] != total_before:
                sys.exit(f"{module}: {result['total']} mutants now, {total_before} in {args.again}: the module "
                         "changed, so its mutants are not the same ones; run it whole.")
            result["killed"] += killed_before
            print(f"  ({len(alive) - len(result['survived'])} of the {len(alive)} survivors of {args.again} "
                  "killed now)")
        else:
            result = score(module, args.max_children, args.survivors, tuple(args.deselect))
        percent = 100 * result["killed"] / result["total"] if result["total"] else 100.0
        print(f"{module}: {result['killed']}/{result['total']} killed ({percent:.1f} %) in {result['seconds']} s",
              flush=True)
        for name in result["survived"]:
            print(f"    survived: {name}")
            if result["diffs"]:
                print("\n".join("        " + line for line in result["diffs"][name].splitlines()))
        if percent < args.target:
            below.append(module)
    if below:
        print(f"under {args.target:g} %: {', '.join(below)}")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
