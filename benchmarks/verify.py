"""`claimcheck verify` over HTTP: 1,000 claims with 2 http sources each, through source-text and
link-check, against a local server that answers every request after 100 ms.

For each concurrency (16 and 64) it verifies a fresh copy of the project with a fresh HTTP cache
(in a child process, so peak memory is the run's own), then verifies it again with `--stale 0`
(every verdict re-run, every page served from the HTTP cache), and a third time as a plain
rerun (nothing stale: no verifier runs, no request). It prints the wall time against
the ideal (network requests x 0.1 s / concurrency), the ratio, the CPU time the run used (its
process and its extraction workers: on a shared machine wall times swing with other jobs, CPU
time says what the run itself cost), the cached run's time and speed-up, and the peak RSS. Targets (issue 4): ratio <= 1.3 at both concurrencies, cached run
>= 20x faster, memory under 300 MB.

    python benchmarks/verify.py [--claims 1000] [--concurrency 16 64]

The server (benchmarks/_slow_server.py) runs in its own process on 32 ports of 127.0.0.1, each
a separate host for the per-host limit (4). source-text and link-check read the same pages, and
a page is fetched once per run for both (the engine remembers each page for the run), so a run
makes one request per source.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CLAIM = """\
claim: More than 35,000 people have been arrested in Belarus since August 2020 ({i}).
figure: more than 35,000
sources:
  - url: {a}
  - url: {b}
"""


def build(root: Path, urls: list[str], claims: int) -> None:
    folder = root / "claims" / "bench"
    folder.mkdir(parents=True)
    for i in range(claims):
        (folder / f"claim-{i:04d}.yaml").write_text(CLAIM.format(i=i, a=urls[2 * i], b=urls[2 * i + 1]), encoding="utf-8")


def child(root: Path, concurrency: int, stale: bool) -> None:
    """One verify run in this process; prints a JSON line with its figures."""
    os.chdir(root)
    from claimcheck.plugins import load_all
    from claimcheck.store import Query, open_store
    from claimcheck.project import Project
    from claimcheck.verify.engine import Engine, Options, select_verifiers
    from claimcheck.verify.freshness import parse_duration

    load_all()
    # Import the libraries a run loads lazily (httpx, hishel, aiohttp, trafilatura, the quantity engine)
    # before the clock starts: process start-up is the same at every concurrency and is not
    # what this benchmark measures (benchmarks/list.py measures start-up).
    import hishel  # noqa: F401
    import httpx  # noqa: F401
    import trafilatura  # noqa: F401

    from claimcheck.http.pool import _aiohttp_available

    if _aiohttp_available():  # the transport the pool picks
        import aiohttp  # noqa: F401
    from claimcheck.quantities import find_quantities

    find_quantities("more than 35,000 people")
    project = Project(root)
    store = open_store(project)
    rows = store.rows(Query(sort="path"))
    options = Options(concurrency=concurrency, per_host=4, timeout=60, stale=parse_duration("0") if stale else None)
    engine = Engine(project, store, select_verifiers(("source-text", "link-check")), options)
    started = time.perf_counter()
    cpu_before = _cpu()
    result = asyncio.run(engine.run(rows))
    wall = time.perf_counter() - started
    cpu = _cpu() - cpu_before
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    statuses: dict[str, int] = {}
    for c in result.claims:
        statuses[c.new_status] = statuses.get(c.new_status, 0) + 1
    print(json.dumps({"wall": wall, "cpu": cpu, "requests": result.requests, "cache_hits": engine.web.cache_hits,
                      "rss_mb": rss, "failures": len(result.failures), "statuses": statuses}))


def _cpu() -> float:
    """CPU seconds of this process and its extraction workers (on a shared machine, wall times
    swing with other jobs' load; CPU time says how much work the run itself did)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers already gone
    total = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):  # workers still alive (Linux)
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def run_child(root: Path, concurrency: int, stale: bool) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(root), "--concurrency", str(concurrency)]
                         + (["--stale"] if stale else []), capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[16, 64])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stale", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.concurrency[0], args.stale)
        return
    from benchmarks._slow_server import SlowServer

    delay = 0.1
    with SlowServer(delay=delay, ports=32) as server:
        urls = server.urls(2 * args.claims, prefix="/article")
        print(f"{args.claims} claims x 2 http sources, source-text + link-check, server delay {delay * 1000:.0f} ms")
        for concurrency in args.concurrency:
            root = Path(tempfile.mkdtemp(prefix=f"cc-verify-bench-{concurrency}-"))
            try:
                build(root, urls, args.claims)
                first = run_child(root, concurrency, stale=False)
                second = run_child(root, concurrency, stale=True)
                third = run_child(root, concurrency, stale=False)
            finally:
                shutil.rmtree(root, ignore_errors=True)
            ideal = first["requests"] * delay / concurrency
            print(f"concurrency {concurrency:3d}: {first['requests']} requests, wall {first['wall']:.2f} s "
                  f"(cpu {first['cpu']:.2f} s), "
                  f"ideal {ideal:.2f} s, ratio {first['wall'] / ideal:.2f} (target <= 1.3); "
                  f"peak RSS {first['rss_mb']:.0f} MB (target < 300); statuses {first['statuses']}, "
                  f"failures {first['failures']}")
            print(f"                 cached rerun: wall {second['wall']:.2f} s (cpu {second['cpu']:.2f} s), "
                  f"{second['requests']} requests, "
                  f"{second['cache_hits']} cache hits, {first['wall'] / second['wall']:.1f}x faster (target >= 20x); "
                  f"peak RSS {second['rss_mb']:.0f} MB")
            print(f"                 rerun, nothing stale: wall {third['wall']:.2f} s, {third['requests']} requests, "
                  f"{first['wall'] / third['wall']:.0f}x faster")


if __name__ == "__main__":
    main()
