"""How fast is `claimcheck list`? Side by side with the floor: a bare stat walk and a bare parse.

    python benchmarks/list.py [--sizes 10000 100000] [--dir /tmp/claimcheck-bench]

Generates synthetic projects of realistic ~40-line records (like the example project's), then
times, in one run: a bare ``os.scandir`` + ``stat`` walk, a bare PyYAML C-loader parse of every
file, a cold ``claimcheck list`` (no index), a warm one, ``list --status refuted --format json``,
and ``claimcheck --version`` / ``--help`` beside ``python -c 'import click'``.

Targets (issue 2): warm list over 100,000 claims within 3x the stat walk and under 1 s; cold
within 1.3x the C-loader parse; --version and --help within 3x importing click.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

STATUSES = ["unchecked", "supported", "refuted", "conflicting", "not-enough-evidence"]
TAGS = ["belarus", "ukraine", "repression", "money", "exile", "un", "protest", "nato", "geography"]


def record(i: int, rng: random.Random) -> str:
    status = rng.choice(STATUSES)
    n = rng.randint(1000, 99000)
    tags = ", ".join(rng.sample(TAGS, 2))
    lines = [
        "# synthetic claim for the list benchmark",
        f"id: claim-{i:06d}",
        f"claim: Authorities have detained more than {n:,} people since August 2020 in region {i % 97}.",
        f"figure: more than {n:,}",
        "measure: people detained for political reasons since August 2020",
        f'quote: "In the past year and a half, the regime has arrested more than {n:,} people"',
        "claimant: Example News",
        "date: 2022-03-21",
        "appeared_in: {url: 'https://example.org/article', title: Example article, publisher: Example News}",
        f"tags: [{tags}]",
        "sources:",
    ]
    for s in range(2):
        lines += [
            f"  - url: https://example.org/source-{i}-{s}",
            f"    title: Source {s} on detentions",
            "    publisher: Example Rights Group",
            "    published: 2021-08-09",
            f'    excerpt: "More than {n + s * 100:,} people have been arrested since the protests began."',
            "    stance: supports",
            "    added_by: person",
        ]
    if status != "unchecked":
        lines += [
            "verdicts:",
            "  source-text:",
            f"    status: {status}",
            "    confidence: 0.8",
            "    checked: 2026-11-25T21:40:00Z",
            "    note: source figure lies inside the claimed interval",
            "    version: 1.0.0",
            f"status: {status}",
            "confidence: 0.8",
        ]
    lines += ["notes: generated", ""]
    return "\n".join(lines)


def generate(root: Path, count: int) -> None:
    marker = root / f".generated-{count}"
    if marker.exists():
        return
    shutil.rmtree(root, ignore_errors=True)
    rng = random.Random(count)
    for i in range(count):
        folder = root / "claims" / f"c{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"claim-{i:06d}.yaml").write_text(record(i, rng))
    marker.write_text("")


def stat_walk(root: Path) -> int:
    n = 0
    stack = [str(root / "claims")]
    while stack:
        for entry in os.scandir(stack.pop()):
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.name.endswith(".yaml"):
                entry.stat()
                n += 1
    return n


def c_parse(root: Path) -> int:
    n = 0
    for path in (root / "claims").rglob("*.yaml"):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        n += 1
    return n


def timed(fn, *args) -> float:
    start = time.perf_counter()
    if fn is subprocess.run:
        fn(*args, stdout=subprocess.DEVNULL)
    else:
        fn(*args)
    return time.perf_counter() - start


def cli(root: Path, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(["claimcheck", *args], cwd=root, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def best(fn, *args, repeat: int = 3) -> float:
    return min(timed(fn, *args) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--dir", type=Path, default=Path("/tmp/claimcheck-bench"))
    args = parser.parse_args()

    def command(*argv: str) -> float:
        return min(timed(subprocess.run, list(argv)) for _ in range(7))

    click_import = command(sys.executable, "-c", "import click")
    version = command("claimcheck", "--version")
    help_ = command("claimcheck", "--help")
    print(f"python -c 'import click'   {click_import * 1000:7.0f} ms")
    print(f"claimcheck --version        {version * 1000:7.0f} ms   {version / click_import:4.1f}x import click (target <= 3x)")
    print(f"claimcheck --help           {help_ * 1000:7.0f} ms   {help_ / click_import:4.1f}x import click (target <= 3x)")

    for count in args.sizes:
        root = args.dir / f"p{count}"
        generate(root, count)
        walk = best(stat_walk, root)
        parse = timed(c_parse, root)
        shutil.rmtree(root / ".claimcheck", ignore_errors=True)
        cold = cli(root, "list")
        warm = min(cli(root, "list") for _ in range(3))
        refuted = min(cli(root, "list", "--status", "refuted", "--format", "json") for _ in range(3))
        print(f"\n{count:,} claims")
        print(f"  bare stat walk                   {walk:7.2f} s")
        print(f"  bare C-loader parse              {parse:7.2f} s")
        print(f"  claimcheck list (cold, no index) {cold:7.2f} s   {cold / parse:4.2f}x parse (target <= 1.3x)")
        print(f"  claimcheck list (warm)           {warm:7.2f} s   {warm / walk:4.2f}x stat walk (target <= 3x, < 1 s)")
        print(f"  list --status refuted --format json {refuted:4.2f} s   {refuted / walk:4.2f}x stat walk")


if __name__ == "__main__":
    main()
