"""Self-check of the test corpus: python tests/corpus/check_corpus.py (exit 1 on any problem).

Every answers.csv value_text occurs in its article as a whole token, and not only inside trap numbers;
every traps.csv context occurs exactly once in its article and contains its value_text; fields use the
vocabularies of README.md; relative years are resolved only where a published date exists; every
phrasing tag is used at least 4 times; no article exceeds 8 KB. Prints the counts.
"""
import csv
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
ART = CORPUS / "articles"
TAGS = set("list_respectively list_paired elided_noun country_then_number parenthetical colon_list number_words "
           "scale_words decimal qualifier range demonym official_name possessive year_same_sentence year_paragraph "
           "year_relative_resolved year_relative_unresolved multi_year_series vote_multi vote_rejected_motion "
           "vote_synonym original_style one_liner disagreement".split())
QUALS = set(["", "about", "around", "approximately", "roughly", "some", "nearly", "almost", "over", "more than",
             "at least", "up to", "fewer than", "less than", "an estimated"])
REASONS = set("regional_total other_country population residence_permits work_permits returnees flows deaths "
              "remittance_share_from_russia remittances_money forecast decline unemployment income_share "
              "money_amount wages vote_tally rank age anaphora_ambiguous other".split())
INDICATORS = {"migrant_workers", "remittances_share_of_gdp", "citizenship_grants", "un_ga_vote"}
ISO = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
VOTES = {f"A/RES/ES-11/{i}" for i in range(1, 7)}
POSITIONS = {"in favour", "against", "abstained", "did not vote"}

errors = []
texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(ART.glob("*.txt"))}


def bounded(text, start, length):
    before = text[start - 1] if start > 0 else " "
    after = text[start + length] if start + length < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def occurrences(text, sub):
    out, i = [], text.find(sub)
    while i != -1:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def published(text):
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:  # a copied page's byline or date line in its first lines ("Jane Example Mar 3, 2024")
        head = "\n".join(text.splitlines()[:12])
        stamp = re.search(r"^.{0,30}\b[A-Z][a-z]{2,8}\.? \d{1,2}, ((?:19|20)\d\d)$", head, re.M)
        return (stamp.group(1) if stamp else None), False
    fm = dict(line.split(": ", 1) for line in m.group(1).splitlines())
    return fm.get("published"), True


for name, text in texts.items():
    size = len(text.encode("utf-8"))
    if size > 8192:
        errors.append(f"{name}: {size} bytes > 8 KB")
    first = text.splitlines()[0]
    if first != "---" and "TEST MATERIAL" not in first:
        errors.append(f"{name}: neither front matter nor a TEST MATERIAL first line")
    if first == "---" and "TEST MATERIAL" not in text.split("---")[1]:
        errors.append(f"{name}: front matter without TEST MATERIAL note")

answers = list(csv.DictReader(open(CORPUS / "answers.csv", encoding="utf-8")))
traps = list(csv.DictReader(open(CORPUS / "traps.csv", encoding="utf-8")))

# trap spans
trap_spans = {}
for i, t in enumerate(traps, 2):
    text = texts.get(t["article"])
    if text is None:
        errors.append(f"traps.csv row {i}: unknown article {t['article']}")
        continue
    occ = occurrences(text, t["context"])
    if len(occ) != 1:
        errors.append(f"traps.csv row {i}: context {t['context']!r} occurs {len(occ)} times in {t['article']}")
        continue
    if not 10 <= len(t["context"]) <= 60:
        errors.append(f"traps.csv row {i}: context length {len(t['context'])}")
    j = t["context"].find(t["value_text"])
    if j == -1:
        errors.append(f"traps.csv row {i}: value_text {t['value_text']!r} not in context")
        continue
    start = occ[0] + j
    if not bounded(text, start, len(t["value_text"])) and t["value_text"][0] not in "$£+(":
        errors.append(f"traps.csv row {i}: {t['value_text']!r} is not a whole token in its context")
    if t["reason"] not in REASONS:
        errors.append(f"traps.csv row {i}: reason {t['reason']!r}")
    trap_spans.setdefault(t["article"], []).append((start, start + len(t["value_text"])))

for i, a in enumerate(answers, 2):
    text = texts.get(a["article"])
    where = f"answers.csv row {i} ({a['article']} {a['value_text']!r})"
    if text is None:
        errors.append(f"{where}: unknown article")
        continue
    occ = [o for o in occurrences(text, a["value_text"]) if bounded(text, o, len(a["value_text"]))]
    if not occ:
        errors.append(f"{where}: value_text not in article as a whole token")
    spans = trap_spans.get(a["article"], [])
    if occ and all(any(s < o + len(a["value_text"]) and o < e for s, e in spans) for o in occ):
        errors.append(f"{where}: every occurrence of value_text is a trap")
    if a["indicator"] not in INDICATORS or a["family"] != a["indicator"]:
        errors.append(f"{where}: indicator/family")
    if a["country_iso3"] not in ISO:
        errors.append(f"{where}: country")
    if a["qualifier"] not in QUALS:
        errors.append(f"{where}: qualifier {a['qualifier']!r}")
    tags = a["phrasing"].split(";")
    bad = [t for t in tags if t not in TAGS]
    if bad:
        errors.append(f"{where}: unknown tags {bad}")
    pub, has_fm = published(text)
    if "year_relative_resolved" in tags and not pub:
        errors.append(f"{where}: relative year resolved without a published date")
    if "year_relative_unresolved" in tags and (pub or a["year"]):
        errors.append(f"{where}: relative year unresolved but published date or year present")
    if a["indicator"] == "un_ga_vote":
        if a["vote"] not in VOTES or a["position"] not in POSITIONS or a["value"] or a["value_low"]:
            errors.append(f"{where}: vote fields")
    else:
        if a["vote"] or a["position"]:
            errors.append(f"{where}: vote fields on a non-vote")
        if a["value"]:
            Decimal(a["value"])
            if a["value_low"] or a["value_high"] or "range" in tags:
                errors.append(f"{where}: value and range both")
        else:
            if not (a["value_low"] and a["value_high"]) or "range" not in tags:
                errors.append(f"{where}: neither value nor range")
            elif Decimal(a["value_low"]) >= Decimal(a["value_high"]):
                errors.append(f"{where}: low >= high")
    if bool(a["qualifier"]) != ("qualifier" in tags):
        errors.append(f"{where}: qualifier tag mismatch")
    if a["year"] and not re.fullmatch(r"\d{4}", a["year"]):
        errors.append(f"{where}: year")

# duplicate answer keys inside one article
keys = Counter((a["article"], a["indicator"], a["country_iso3"], a["value"], a["value_low"], a["value_high"],
                a["year"], a["vote"], a["position"]) for a in answers)
for k, n in keys.items():
    if n > 1:
        errors.append(f"duplicate answer key {k} x{n}")

tag_counts = Counter(t for a in answers for t in a["phrasing"].split(";"))
fam = Counter(a["family"] for a in answers)
print(f"articles: {len(texts)}  figures: {len(answers)}  traps: {len(traps)}")
print("no front matter:", [n for n, t in texts.items() if not t.startswith("---")])
print("front matter without published:", [n for n, t in texts.items() if t.startswith("---") and not published(t)[0]])
print("per family:", dict(fam))
print("per tag:")
for t in sorted(TAGS):
    flag = "" if tag_counts[t] >= 4 else "   <-- fewer than 4"
    print(f"  {t:26} {tag_counts[t]:4}{flag}")
print("trap reasons:", dict(Counter(t["reason"] for t in traps)))
print("sizes:", {n: len(t.encode()) for n, t in texts.items()})
for e in errors:
    print("ERROR", e)
sys.exit(1 if errors or any(tag_counts[t] < 4 for t in TAGS) else 0)
