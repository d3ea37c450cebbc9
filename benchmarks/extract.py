"""Benchmark of ``claimcheck extract``: quality on the labelled seed article, and speed.

    python benchmarks/extract.py [--mb 3] [--article A.txt --labels A.yaml ...]

Prints recall of the check-worthy claims and precision (share of proposals that are
check-worthy) on ../shared/seed at the default --min-score, with the issue's quote-overlap
matching and with the stricter figure-aware matching; then the extraction throughput in MB of
text per second (no fetching: the text is in memory) on the seed article and on a news-like
text of several MB built from the seed article and the evidence passages of ../shared (figures
of three digits or more and 30% of the names varied; about a third of its sentences still repeat
word for word, and the extractor reads those once). Target: recall >= 90%, <= 20% not
check-worthy, >= 1 MB/s. The machine's load average and a fixed pure-Python reference loop are
printed with the figures: on a shared machine, compare runs made at a similar reference time.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from claimcheck.extract import load_document, parse_document  # noqa: E402
from claimcheck.extract.evaluate import evaluate  # noqa: E402
from claimcheck_plugins.extract_rules import RulesExtractor  # noqa: E402

MIN_SCORE = 0.5


def quality(article: Path, labels_path: Path) -> None:
    document = load_document(str(article))
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    proposals = RulesExtractor().extract(document)
    print(f"{article.name}: {len(labels)} labelled claims, {sum(1 for c in labels if c.get('checkworthy'))} check-worthy")
    for strict in (False, True):
        e = evaluate(proposals, labels, MIN_SCORE, strict)
        mode = "figure-aware  " if strict else "quote overlap "
        print(f"  {mode} recall {e.recall:6.1%} ({e.found}/{e.checkworthy})   precision {e.precision:6.1%} "
              f"({e.proposals - len(e.false_positives)}/{e.proposals} proposals check-worthy; "
              f"{1 - e.precision:.1%} not)")
    e = evaluate(proposals, labels, MIN_SCORE)
    if e.missed:
        print("  missed:", ", ".join(e.missed))


def corpus(target_bytes: int, seed: int = 7) -> str:
    """News-like text: the seed and the evidence passages, shuffled, with digits and names varied."""
    rng = random.Random(seed)
    paragraphs = [p.strip() for p in (SHARED / "seed" / "000_0291f574eafcc528.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    evidence = yaml.safe_load((SHARED / "seed" / "evidence.yaml").read_text(encoding="utf-8"))
    for item in evidence if isinstance(evidence, list) else evidence.get("passages", []):
        if isinstance(item, dict):
            text = item.get("excerpt") or item.get("text")
            if isinstance(text, str) and text.strip():
                paragraphs.append(" ".join(text.split()))
    names = sorted({w for p in paragraphs for w in re.findall(r"\b[A-Z][a-z]{3,}\b", p)})
    out: list[str] = []
    size = 0
    while size < target_bytes:
        p = rng.choice(paragraphs)
        # other figures (same number of digits; years and days of the month kept, so text stays plausible)
        p = re.sub(r"(?<![\d,.])\d{3,}(?![\d])", lambda m: m.group() if re.fullmatch(r"(?:19|20)\d\d", m.group())
                   else str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))), p)
        p = re.sub(r"\b[A-Z][a-z]{3,}\b", lambda m: rng.choice(names) if rng.random() < 0.3 else m.group(), p)
        out.append(p)
        size += len(p.encode("utf-8")) + 2
    return "\n\n".join(out)


def speed(megabytes: float, repeat: int = 3) -> None:
    """Best of ``repeat`` runs (the machine is shared: the best run is the least disturbed one)."""
    text = corpus(int(megabytes * 1024 * 1024))
    mb = len(text.encode("utf-8")) / (1024 * 1024)
    extractor = RulesExtractor()
    extractor.extract(parse_document(text[:20000]))  # warm up (regex compilation)
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        proposals = extractor.extract(parse_document(text))
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    wall, cpu = min(walls), min(cpus)
    kept = sum(1 for p in proposals if p.score >= MIN_SCORE)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    # a fixed pure-Python workload, to compare machines and moments: ~0.12 s on an idle modern core
    ref = time.process_time()
    total = 0
    for i in range(3_000_000):
        total += i
    ref = time.process_time() - ref
    print(f"python reference loop (3M additions): {ref:.2f} s CPU")
    print(f"speed (best of {repeat}): {mb:.2f} MB in {wall:.2f} s wall ({mb / wall:.2f} MB/s), {cpu:.2f} s CPU "
          f"({mb / cpu:.2f} MB/s); {len(proposals)} proposals, {kept} at >= {MIN_SCORE}; "
          f"load average {load:.1f} on {os.cpu_count()} CPUs")


def article_speed(article: Path, repeat: int = 100) -> None:
    """Throughput on one real article, extracted ``repeat`` times (best run)."""
    text = article.read_text(encoding="utf-8")
    extractor = RulesExtractor()
    best = float("inf")
    for _ in range(repeat):
        cpu = time.process_time()
        extractor.extract(parse_document(text))
        best = min(best, time.process_time() - cpu)
    mb = len(text.encode("utf-8")) / (1024 * 1024)
    print(f"speed on {article.name} ({len(text.encode('utf-8')) / 1024:.1f} KB, best of {repeat}): "
          f"{best * 1000:.1f} ms CPU ({mb / best:.2f} MB/s)")


def pathological() -> None:
    """Inputs that would expose a super-linear pattern: each should take a fraction of a second."""
    cases = {
        "1,1,1,... (1 MB)": "1," * 500_000 + ".",
        "100k nested parentheses": "(" * 100_000 + "800 people." + ")" * 100_000,
        "a.a.a.... (1 MB)": "a." * 500_000,
        "200k full stops, a letter": "." * 200_000 + "x",
        "capitalised names + says": "Marina Alexey Dina Gerard says " * 30_000 + ".",
        "month words": "in May and March " * 50_000 + ".",
    }
    extractor = RulesExtractor()
    for name, text in cases.items():
        cpu = time.process_time()
        extractor.extract(parse_document(text))
        print(f"  {name:28} {len(text) / 1e6:5.2f} MB  {time.process_time() - cpu:6.2f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="size of the speed corpus in MB (0: skip)")
    parser.add_argument("--article", type=Path, action="append",
                        help="an article to score (repeatable; default: the seed article)")
    parser.add_argument("--labels", type=Path, action="append",
                        help="its labelled claims, a YAML list with quote_spun/quote and checkworthy (one per --article)")
    args = parser.parse_args()
    articles = args.article or [SHARED / "seed" / "000_0291f574eafcc528.txt"]
    labels = args.labels or [SHARED / "seed" / "claims.yaml"]
    if len(articles) != len(labels):
        parser.error("give one --labels file per --article")
    for article, labelled in zip(articles, labels):
        quality(article, labelled)
    if args.mb > 0:
        article_speed(articles[0])
        speed(args.mb)
        print("pathological inputs:")
        pathological()


if __name__ == "__main__":
    main()
