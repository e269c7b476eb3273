"""Score the figure extractor against the labelled test corpus in tests/corpus/.

    python tests/score_extraction.py                      # runs the extractor on tests/corpus/articles
    python tests/score_extraction.py --figures out/figures.csv
    python tests/score_extraction.py --min-precision 0.9 --min-recall 0.8   # exit 1 below either

Without --figures it runs `python -m components.extract --seeds tests/corpus/articles --out <tempdir>`
(same interpreter, repository root as working directory) and reads the figures.csv it writes.

An extracted row matches an answer when article (the row's `source`), indicator, country_iso3, value,
value_low, value_high, year, vote and position agree. Numbers are compared as decimals parsed from
their CSV text ("4100000" == "4100000.0"). For a UN vote whose resolution is identified (`vote`
set in the answer) the year is implied by the resolution and is not compared. The qualifier is
compared separately: a right figure with a wrong qualifier counts as found and is listed as a
qualifier error. Each answer matches at most one extracted row.

A trap (tests/corpus/traps.csv) is hit when an extracted row's value_start..value_end overlaps the
trap's number, located as the first whole-token occurrence of value_text inside its context.

Missing columns in figures.csv are read as empty, so the script also runs against an extractor
that does not yet write every column. Standard library only. Exit code 0 unless --min-precision /
--min-recall are given and not met.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "tests" / "corpus"
FAMILIES = ("migrant_workers", "remittances_share_of_gdp", "citizenship_grants", "un_ga_vote")
TAGS = ("list_respectively", "list_paired", "elided_noun", "country_then_number", "parenthetical",
        "colon_list", "number_words", "scale_words", "decimal", "qualifier", "range", "demonym",
        "official_name", "possessive", "year_same_sentence", "year_paragraph", "year_relative_resolved",
        "year_relative_unresolved", "multi_year_series", "vote_multi", "vote_rejected_motion",
        "vote_synonym", "original_style", "one_liner", "disagreement")
# Resolutions of the eleventh emergency special session by adoption date (for older indicator ids
# such as "un_vote_2022_03_02").
VOTE_BY_DATE = {"2022_03_02": "A/RES/ES-11/1", "2022_03_24": "A/RES/ES-11/2", "2022_04_07": "A/RES/ES-11/3",
                "2022_10_12": "A/RES/ES-11/4", "2022_11_14": "A/RES/ES-11/5", "2023_02_23": "A/RES/ES-11/6"}
POSITION_ALIASES = {"in favor": "in favour", "yes": "in favour", "no": "against", "abstain": "abstained",
                    "abstention": "abstained", "non-voting": "did not vote", "absent": "did not vote"}


# --- reading ---------------------------------------------------------------------------------------

def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [{k: (v or "") for k, v in row.items() if k is not None} for row in csv.DictReader(fh)]


def _number(text: str) -> Decimal | str | None:
    """A CSV number as a Decimal (None when empty; the stripped text when it is not a number)."""
    t = (text or "").strip().replace(",", "")
    if not t:
        return None
    try:
        return Decimal(t).normalize()
    except InvalidOperation:
        return t


def _year(text: str) -> str:
    n = _number(text)
    if n is None:
        return ""
    if isinstance(n, Decimal) and n == n.to_integral_value():
        return str(int(n))
    return str(n)


def _position(text: str) -> str:
    p = " ".join((text or "").lower().split())
    return POSITION_ALIASES.get(p, p)


def normalise(row: dict[str, str]) -> dict:
    """One figures.csv or answers.csv row with the fields the match uses, normalised."""
    get = lambda k: (row.get(k) or "").strip()  # noqa: E731 - missing columns read as empty
    indicator = get("indicator")
    vote = get("vote").upper()
    if indicator.startswith("un_vote_"):  # older id naming the vote by date
        vote = vote or VOTE_BY_DATE.get(indicator[len("un_vote_"):], "")
        indicator = "un_ga_vote"
    article = Path(get("article") or get("source")).name
    return {
        "article": article,
        "indicator": indicator,
        "country_iso3": get("country_iso3").upper(),
        "value": _number(get("value")),
        "value_low": _number(get("value_low")),
        "value_high": _number(get("value_high")),
        "year": _year(get("year")),
        "vote": vote,
        "position": _position(get("position")),
        "qualifier": " ".join(get("qualifier").lower().split()),
        "value_text": get("value_text"),
        "phrasing": [t for t in get("phrasing").split(";") if t],
        "value_start": get("value_start"),
        "value_end": get("value_end"),
    }


def match_key(r: dict, ignore_year: bool) -> tuple:
    return (r["article"], r["indicator"], r["country_iso3"], r["value"], r["value_low"], r["value_high"],
            "" if ignore_year else r["year"], r["vote"], r["position"])


# --- traps -----------------------------------------------------------------------------------------

def _whole_token_at(text: str, sub: str) -> int:
    """Index of the first occurrence of sub in text not glued to letters or digits, else -1."""
    i = text.find(sub)
    while i != -1:
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(sub)] if i + len(sub) < len(text) else " "
        if not (before.isalnum() and sub[:1].isalnum()) and not (after.isalnum() and sub[-1:].isalnum()):
            return i
        i = text.find(sub, i + 1)
    return -1


def trap_spans(traps: list[dict[str, str]], texts: dict[str, str]) -> list[tuple[dict, int, int]]:
    spans = []
    for t in traps:
        text = texts.get(t["article"])
        if text is None:
            continue
        at = text.find(t["context"])
        inner = _whole_token_at(t["context"], t["value_text"])
        if at == -1 or inner == -1:
            continue
        spans.append((t, at + inner, at + inner + len(t["value_text"])))
    return spans


# --- scoring ---------------------------------------------------------------------------------------

def _ratio(n: int, d: int) -> float | None:
    return n / d if d else None


def score(figures_csv_path: str | Path | None, corpus_dir: str | Path = CORPUS_DIR) -> dict:
    """Compare an extracted figures.csv with the corpus answers; returns counts, rates and lists.

    figures_csv_path None (or a missing file) scores an empty extraction.
    """
    corpus = Path(corpus_dir)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((corpus / "articles").glob("*.txt"))}
    answers = [normalise(r) for r in _read_csv(corpus / "answers.csv")]
    traps = _read_csv(corpus / "traps.csv")
    extracted_all = []
    if figures_csv_path is not None and Path(figures_csv_path).is_file():
        extracted_all = [normalise(r) for r in _read_csv(Path(figures_csv_path))]
    extracted = [r for r in extracted_all if r["article"] in texts]
    ignored = len(extracted_all) - len(extracted)

    # Pair answers with extracted rows key by key, preferring pairs whose qualifier also agrees.
    pool: dict[tuple, list[dict]] = defaultdict(list)
    for r in extracted:
        pool[match_key(r, ignore_year=False)].append(r)
        if r["indicator"] == "un_ga_vote" and r["vote"]:
            pool[match_key(r, ignore_year=True)].append(r)
    used: set[int] = set()
    found, misses, qualifier_errors = [], [], []
    for a in sorted(answers, key=lambda a: a["qualifier"] == ""):  # qualified answers pick first
        candidates = [r for r in pool[match_key(a, ignore_year=a["indicator"] == "un_ga_vote" and bool(a["vote"]))]
                      if id(r) not in used]
        if not candidates:
            misses.append(a)
            continue
        best = next((r for r in candidates if r["qualifier"] == a["qualifier"]), candidates[0])
        used.add(id(best))
        found.append((a, best))
        if best["qualifier"] != a["qualifier"]:
            qualifier_errors.append((a, best))
    false_positives = [r for r in extracted if id(r) not in used]

    # Near misses: a false positive that agrees with a missed answer on article, indicator, country
    # and the number (or position), naming the fields that differ.
    near_misses = []
    compared = ("value", "value_low", "value_high", "year", "vote", "position")
    for r in false_positives:
        for a in misses:
            same_figure = (a["value"], a["value_low"], a["value_high"], a["position"]) == \
                          (r["value"], r["value_low"], r["value_high"], r["position"])
            if (a["article"], a["indicator"], a["country_iso3"]) == (r["article"], r["indicator"],
                                                                     r["country_iso3"]) and same_figure:
                skip = {"year"} if a["indicator"] == "un_ga_vote" and a["vote"] else set()
                near_misses.append((a, r, [f for f in compared if a[f] != r[f] and f not in skip]))
                break

    per_family = {}
    for fam in FAMILIES + tuple(sorted({r["indicator"] for r in extracted} - set(FAMILIES))):
        n_ans = sum(a["indicator"] == fam for a in answers)
        n_ext = sum(r["indicator"] == fam for r in extracted)
        n_found = sum(a["indicator"] == fam for a, _ in found)
        per_family[fam] = {"answers": n_ans, "extracted": n_ext, "found": n_found,
                           "precision": _ratio(n_found, n_ext), "recall": _ratio(n_found, n_ans)}
    tag_total = Counter(t for a in answers for t in a["phrasing"])
    tag_found = Counter(t for a, _ in found for t in a["phrasing"])
    per_tag = {t: {"answers": tag_total[t], "found": tag_found[t], "recall": _ratio(tag_found[t], tag_total[t])}
               for t in TAGS + tuple(sorted(set(tag_total) - set(TAGS)))}

    # Traps: an extracted value span overlapping a trap's number.
    traps_hit, offset_problems = [], []
    spans = trap_spans(traps, texts)
    for r in extracted:
        try:
            vs, ve = int(r["value_start"]), int(r["value_end"])
        except ValueError:
            continue
        text = texts[r["article"]]
        if r["value_text"] and text[vs:ve] != r["value_text"]:
            offset_problems.append(r)
        for t, s, e in spans:
            if t["article"] == r["article"] and vs < e and s < ve:
                traps_hit.append((t, r))
    with_offsets = sum(1 for r in extracted if r["value_start"].strip() and r["value_end"].strip())

    return {
        "articles": len(texts), "answers": len(answers), "extracted": len(extracted), "ignored_rows": ignored,
        "found": len(found), "precision": _ratio(len(found), len(extracted)),
        "recall": _ratio(len(found), len(answers)),
        "per_family": per_family, "per_tag": per_tag,
        "misses": misses, "false_positives": false_positives, "qualifier_errors": qualifier_errors,
        "near_misses": near_misses,
        "traps": len(traps), "traps_hit": traps_hit, "rows_with_offsets": with_offsets,
        "offset_problems": offset_problems,
    }


# --- running the extractor -------------------------------------------------------------------------

def run_extractor(corpus_dir: Path, out_dir: Path) -> tuple[Path | None, str]:
    """Run the extractor on the corpus articles; returns (figures.csv or None, a message)."""
    cmd = [sys.executable, "-m", "components.extract", "--seeds", str(corpus_dir / "articles"), "--out", str(out_dir)]
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as err:
        return None, f"extractor could not run: {err}"
    figures = out_dir / "figures.csv"
    message = f"$ {' '.join(cmd)}\n(exit {proc.returncode}) {proc.stdout.strip()} {proc.stderr.strip()}".strip()
    if proc.returncode != 0 or not figures.is_file():
        return None, message + "\nscoring an empty extraction"
    return figures, message


# --- report ----------------------------------------------------------------------------------------

def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def _show(n: Decimal | str | None) -> str:
    return f"{n:f}" if isinstance(n, Decimal) else str(n)


def _fmt_value(r: dict) -> str:
    if r["indicator"] == "un_ga_vote":
        return f"{r['vote'] or '?vote'} {r['position']}"
    if r["value"] is None and (r["value_low"] is not None or r["value_high"] is not None):
        return f"{_show(r['value_low'])}-{_show(r['value_high'])}"
    return _show(r["value"])


def _line(r: dict) -> str:
    q = f" [{r['qualifier']}]" if r["qualifier"] else ""
    return (f"  {r['article']}: {r['indicator']} {r['country_iso3']} {_fmt_value(r)}{q} "
            f"year={r['year'] or '-'}  value_text={r['value_text']!r}")


def report(result: dict, out=sys.stdout) -> None:
    p = lambda *a: print(*a, file=out)  # noqa: E731
    p(f"corpus: {result['articles']} articles, {result['answers']} answers, {result['traps']} traps")
    p(f"extracted rows: {result['extracted']}" + (f" (+{result['ignored_rows']} for files outside the corpus, "
                                                   "ignored)" if result["ignored_rows"] else ""))
    p(f"OVERALL  precision {_pct(result['precision'])}  recall {_pct(result['recall'])}  "
      f"(found {result['found']}, false positives {len(result['false_positives'])}, "
      f"misses {len(result['misses'])}, qualifier errors {len(result['qualifier_errors'])})")
    p("")
    p(f"{'family':28} {'answers':>7} {'extracted':>9} {'found':>6} {'precision':>9} {'recall':>7}")
    for fam, s in result["per_family"].items():
        p(f"{fam:28} {s['answers']:7} {s['extracted']:9} {s['found']:6} {_pct(s['precision']):>9} "
          f"{_pct(s['recall']):>7}")
    p("")
    p(f"{'phrasing tag':28} {'answers':>7} {'found':>6} {'recall':>7}   (precision per tag: not defined, "
      "false positives carry no tag)")
    for tag, s in result["per_tag"].items():
        p(f"{tag:28} {s['answers']:7} {s['found']:6} {_pct(s['recall']):>7}")
    p("")
    p(f"MISSES ({len(result['misses'])}):")
    for r in result["misses"]:
        p(_line(r))
    p(f"FALSE POSITIVES ({len(result['false_positives'])}):")
    for r in result["false_positives"]:
        p(_line(r))
    p(f"NEAR MISSES ({len(result['near_misses'])}): a false positive that is a missed answer but for these fields")
    for a, r, fields in result["near_misses"]:
        diff = ", ".join(f"{f} {_show(r[f]) or '-'} (answer {_show(a[f]) or '-'})" for f in fields)
        p(f"{_line(a)}  -> {diff}")
    p(f"QUALIFIER ERRORS ({len(result['qualifier_errors'])}):")
    for a, r in result["qualifier_errors"]:
        p(f"{_line(a)}  -> extracted qualifier {r['qualifier']!r}")
    p(f"TRAPS HIT: {len(result['traps_hit'])} of {result['traps']} trap numbers became figures "
      f"({result['rows_with_offsets']} of {result['extracted']} extracted rows carry value offsets)")
    for t, r in result["traps_hit"]:
        p(f"  {t['article']}: {t['value_text']!r} ({t['reason']}) in {t['context']!r} -> "
          f"{r['indicator']} {r['country_iso3']} {_fmt_value(r)}")
    if result["offset_problems"]:
        p(f"OFFSET PROBLEMS ({len(result['offset_problems'])}): article[value_start:value_end] != value_text")
        for r in result["offset_problems"][:20]:
            p(_line(r) + f"  offsets {r['value_start']}..{r['value_end']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=Path, help="score this figures.csv instead of running the extractor")
    parser.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="corpus folder (articles/, answers.csv, "
                                                                        "traps.csv)")
    parser.add_argument("--min-precision", type=float, help="exit 1 if overall precision is below this (0-1)")
    parser.add_argument("--min-recall", type=float, help="exit 1 if overall recall is below this (0-1)")
    args = parser.parse_args(argv)

    if args.figures:
        result = score(args.figures, args.corpus)
        report(result)
    else:
        with tempfile.TemporaryDirectory(prefix="score-extraction-") as tmp:
            figures, message = run_extractor(args.corpus, Path(tmp) / "out")
            print(message)
            result = score(figures, args.corpus)
            report(result)

    failed = []
    if args.min_precision is not None and (result["precision"] or 0.0) < args.min_precision:
        failed.append(f"precision {_pct(result['precision']).strip()} < {args.min_precision:.0%}")
    if args.min_recall is not None and (result["recall"] or 0.0) < args.min_recall:
        failed.append(f"recall {_pct(result['recall']).strip()} < {args.min_recall:.0%}")
    if failed:
        print("FAILED: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
