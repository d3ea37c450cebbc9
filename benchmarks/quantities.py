"""Benchmark: claimcheck's figure reader side by side with quantulum3 and Recognizers-Text.

    python benchmarks/quantities.py            # everything (about a minute)
    python benchmarks/quantities.py --quick    # smaller repeats

Reads the development sentences of ../shared/eval/quantities-dev.yaml with each reader and
prints, per reader:

- sentences per second;
- accuracy "fully right": a figure overlapping the labelled span with exactly the labelled
  interval (ends and openness within 1e-9 where the reader has them) and unit;
- "span too": the same with exactly the labelled span (only claimcheck reports spans with
  qualifiers, so only its column means much);
- accuracy "point inside": the reader's value for a figure overlapping the labelled span lies
  inside the labelled interval (what a reader without intervals can reach).

Then the time claimcheck takes on a 10 MB news-like text built from the dev sentences, and on
the bad inputs of the issue (empty text, 10 MB of "1,1,1,...", 100,000 nested parentheses,
mixed scripts and non-ASCII digits, emoji, NUL bytes).

The peers are optional (``pip install quantulum3 recognizers-text-suite 'emoji<1.0'``, the
``bench`` extra); a missing peer is skipped with a line.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from claimcheck.quantities.reader import find_quantities  # noqa: E402

DEV_SET = REPOSITORY.parent / "shared" / "eval" / "quantities-dev.yaml"

# A figure as every reader reports it: (start, end, low, high, unit, point value).
Figure = tuple[int, int, float | None, float | None, str | None, float | None]


# --- readers --------------------------------------------------------------------------------


def claimcheck_reader() -> Callable[[str], list[Figure]]:
    def read(text: str) -> list[Figure]:
        return [(q.start, q.end, q.low, q.high, q.unit, q.value) for q in find_quantities(text)]

    return read


_QUANTULUM_UNITS = {
    "dimensionless": None, "dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "yen": "JPY",
    "percentage": "percent", "kilometre": "kilometer", "metre": "meter", "mile": "mile",
    "millimetre": "millimeter", "centimetre": "centimeter", "hectare": "hectare", "tonne": "tonne",
    "kilogram": "kilogram", "hour": "hour", "minute": "minute", "second": "second", "day": "day",
    "week": "week", "month": "month", "year": "year", "degree Celsius": "degree_Celsius",
    "foot": "foot", "square kilometre": "square_kilometer",
}


def quantulum_reader() -> Callable[[str], list[Figure]] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception as error:  # noqa: BLE001 - any import failure means "not installed here"
        print(f"quantulum3: skipped ({error.__class__.__name__}: {error})")
        return None

    def read(text: str) -> list[Figure]:
        out = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        for q in found:
            unit = _QUANTULUM_UNITS.get(q.unit.name, q.unit.name)
            u = q.uncertainty or 0.0
            out.append((q.span[0], q.span[1], q.value - u, q.value + u, unit, q.value))
        return out

    return read


def recognizers_reader() -> Callable[[str], list[Figure]] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from recognizers_number import NumberRecognizer
            from recognizers_number_with_unit import NumberWithUnitRecognizer
            from recognizers_text import Culture
    except Exception as error:  # noqa: BLE001
        print(f"recognizers-text: skipped ({error.__class__.__name__}: {error})")
        return None
    from tests.quantities.conformance import RECOGNIZERS_UNITS

    numbers = NumberRecognizer(Culture.English)
    units = NumberWithUnitRecognizer(Culture.English)
    # Unit models first: their results win over a bare number on the same words.
    models = [
        ("currency", units.get_currency_model()),
        ("dimension", units.get_dimension_model()),
        ("temperature", units.get_temperature_model()),
        ("age", units.get_age_model()),
        ("percent", numbers.get_percentage_model()),
        ("ordinal", numbers.get_ordinal_model()),
        ("number", numbers.get_number_model()),
    ]

    def read(text: str) -> list[Figure]:
        out: list[Figure] = []
        taken: list[tuple[int, int]] = []
        for kind, model in models:
            try:
                results = model.parse(text)
            except Exception:  # noqa: BLE001 - a peer's crash is its miss, not ours
                continue
            for r in results:
                start, end = r.start, r.end + 1
                if any(a < end and start < b for a, b in taken):
                    continue
                res = r.resolution or {}
                raw = res.get("value")
                try:
                    value = float(str(raw).rstrip("%"))
                except (TypeError, ValueError):
                    continue
                unit = None
                if kind == "percent":
                    unit = "percent"
                elif kind == "ordinal":
                    unit = "ordinal"
                elif kind != "number":
                    unit, factor = RECOGNIZERS_UNITS.get(res.get("unit"), (res.get("isoCurrency") or res.get("unit"), 1))
                    if res.get("isoCurrency"):
                        unit = res["isoCurrency"]
                    value *= factor
                taken.append((start, end))
                out.append((start, end, value, value, unit, value))
        out.sort()
        return out

    return read


# --- scoring --------------------------------------------------------------------------------


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _inside(value: float | None, low: float | None, high: float | None) -> bool:
    if value is None:
        return False
    return (low is None or value >= low - 1e-9 * abs(low)) and (high is None or value <= high + 1e-9 * abs(high))


def accuracy(cases: list[dict], read: Callable[[str], list[Figure]]) -> tuple[float, float, float]:
    total = full = point = spanned = 0
    for case in cases:
        text = case["text"]
        found = read(text)
        cursor = 0
        for figure in case["expect"]:
            total += 1
            span = str(figure["span"])
            start = text.find(span, cursor)
            if start < 0:
                start = text.find(span)
            end = start + len(span)
            cursor = end
            near = [f for f in found if f[0] < end and start < f[1]]
            right = [f for f in near if _same(f[2], figure["low"]) and _same(f[3], figure["high"]) and f[4] == figure["unit"]]
            if right:
                full += 1
            if any(f[0] == start and f[1] == end for f in right):
                spanned += 1
            if any(_inside(f[5], figure["low"], figure["high"]) for f in near):
                point += 1
    return full / total, spanned / total, point / total


def throughput(texts: list[str], read: Callable[[str], object], min_seconds: float) -> float:
    """Sentences per second of CPU time (the machine may be shared; wall time would vary)."""
    count = 0
    start = time.process_time()
    while True:
        for text in texts:
            read(text)
        count += len(texts)
        elapsed = time.process_time() - start
        if elapsed >= min_seconds:
            return count / elapsed


def timed(label: str, text: str) -> None:
    start = time.perf_counter()
    cpu = time.process_time()
    found = find_quantities(text)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    size = len(text.encode("utf-8"))
    print(f"  {label:44s} {size / 1e6:6.2f} MB {elapsed:8.3f} s wall {cpu:8.3f} s cpu {len(found):8d} figures")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="shorter timings")
    args = ap.parse_args()
    if not DEV_SET.exists():
        sys.exit(f"{DEV_SET} is not here: the shared folder sits beside the checkout")
    cases = yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))
    texts = [case["text"] for case in cases]
    n_figures = sum(len(case["expect"]) for case in cases)
    print(f"dev set: {len(texts)} sentences, {n_figures} labelled figures")
    print(f"{'reader':18s} {'sentences/s':>12s} {'fully right':>12s} {'span too':>9s} {'point inside':>13s}")
    readers = [("claimcheck", claimcheck_reader()), ("quantulum3", quantulum_reader()),
               ("recognizers-text", recognizers_reader())]
    rates: dict[str, float] = {}
    for name, read in readers:
        if read is None:
            continue
        read(texts[0])  # warm up: lazy imports and model building are not reading
        seconds = (0.5 if args.quick else 3.0) if name == "claimcheck" else (0.5 if args.quick else 2.0)
        rate = throughput(texts, read, seconds)
        rates[name] = rate
        full, spanned, point = accuracy(cases, read)
        print(f"{name:18s} {rate:12.0f} {full:12.1%} {spanned:9.1%} {point:13.1%}")
    for peer in ("quantulum3", "recognizers-text"):
        if peer in rates:
            print(f"claimcheck reads {rates['claimcheck'] / rates[peer]:.0f}x as many sentences/s as {peer}")

    print("claimcheck on large and bad input:")
    news = " ".join(texts)
    ten_mb = (news + "\n") * (10_000_000 // (len(news) + 1) + 1)
    timed("10 MB news-like text (dev sentences)", ten_mb)
    timed("empty text", "")
    timed('10 MB of "1,1,1,..."', "1," * 5_000_000)
    timed("100,000 nested parentheses", "(" * 100_000 + "35,000 people" + ")" * 100_000)
    mixed = "Полиция: ٣٥٬٠٠٠ 人 ３５，０００ and 35 000 people, 中文 ١٢٣ עברית ₹500 "
    timed("mixed scripts, Arabic-Indic/full-width digits", mixed * (1_000_000 // len(mixed)))
    emoji = "🎉🔥 35,000 😀 people 👍🏽 🇺🇦 more than 2,000 🤷‍♀️ "
    timed("emoji", emoji * (1_000_000 // len(emoji)))
    timed("NUL bytes", ("\x00" * 50 + "about 3,000 people\x00") * 15_000)
    timed("10 MB of digits", "7" * 10_000_000)


if __name__ == "__main__":
    warnings.filterwarnings("ignore")
    main()
