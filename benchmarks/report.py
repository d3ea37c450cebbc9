"""Benchmark: HTML and Markdown reports for 10,000 claims (target: under 3 s each).

    python benchmarks/report.py [--claims 10000] [--keep DIR]

Generates a claims project of realistic records (tests/reports/synthetic.py: a claim with figure
and measure, quote, claimant, tags, 2-4 sources with excerpts, verdicts from two verifiers),
builds its index once (a warm index is the normal state of a project), then measures, side by
side:

- ``claimcheck report --format html -o FILE`` and ``--format markdown`` end to end, as a user
  runs them (process start, plugin loading, index check, report, writing the file);
- in-process: building the Report from the index, and rendering each format.

Figures are seconds, best of three runs: wall-clock time, and the CPU time the run itself used
(user + system). On a shared machine the wall clock also counts the time other programs had
the CPU; the CPU figure is what the report costs, and what a quiet machine shows as wall time.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 3.0


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", REPO / "tests" / "reports" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_project(root: Path, count: int) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    folder = root / "claims" / "generated"
    folder.mkdir(parents=True)
    for data in _synthetic().records(count):
        text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=4096)
        (folder / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
    (root / "claimcheck.toml").write_text(
        '[report]\ntitle = "Generated project"\nbase_url = "https://example.org/r.html"\norganisation = "Bench"\n',
        encoding="utf-8")


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def best_of(runs: int, fn, who: int = resource.RUSAGE_SELF) -> tuple[float, float]:
    """(wall, cpu) seconds of the best of ``runs`` calls; ``who`` says whose CPU time counts."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = _cpu(who), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu(who) - cpu)
    return min(walls), min(cpus)


def cli(root: Path, *args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    subprocess.run([sys.executable, "-m", "claimcheck", "--project", str(root), *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the project here and keep it")
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    from claimcheck import RenderOptions, Report
    from claimcheck.project import Project
    from claimcheck.registry import collect
    from claimcheck.store import open_store

    root = args.keep or Path(tempfile.mkdtemp(prefix="claimcheck-report-bench-"))
    try:
        if not (root / "claims").exists():
            start = time.perf_counter()
            make_project(root, args.claims)
            print(f"generated {args.claims:,} claim files in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        open_store(Project(root)).close()
        print(f"index brought up to date (not part of the figures): {time.perf_counter() - start:.1f} s\n")

        out = root / "out"
        out.mkdir(exist_ok=True)
        print(f"end to end, `claimcheck report` over {args.claims:,} claims (best of {args.runs}):")
        figures = {}
        for fmt, name in (("html", "report.html"), ("markdown", "report.md")):
            wall, cpu = best_of(args.runs, lambda: cli(root, "report", "--format", fmt, "-o", str(out / name)),
                                resource.RUSAGE_CHILDREN)
            size = (out / name).stat().st_size / 1e6
            figures[fmt] = cpu
            verdict = "ok" if cpu < TARGET_SECONDS else "OVER TARGET"
            print(f"  {fmt:<9} wall {wall:5.2f} s   cpu {cpu:5.2f} s   ({size:4.1f} MB)   "
                  f"target < {TARGET_SECONDS:.0f} s: {verdict}")

        store = open_store(Project(root))
        wall, cpu = best_of(args.runs, lambda: Report.from_store(store))
        report = Report.from_store(store)
        formats = collect("report format")
        options = RenderOptions(settings=store.project.settings("report"), note=lambda message: None)
        print(f"\nin process (best of {args.runs}):")
        print(f"  building the Report from the index    wall {wall:5.2f} s   cpu {cpu:5.2f} s")
        for fmt in ("html", "markdown", "json", "csv", "claimreview"):
            wall, cpu = best_of(args.runs, lambda: formats[fmt].obj.render(report, options))
            print(f"  rendering {fmt:<27} wall {wall:5.2f} s   cpu {cpu:5.2f} s")
        store.close()
        if any(s >= TARGET_SECONDS for s in figures.values()):
            sys.exit(1)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
