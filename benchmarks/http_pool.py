"""HttpPool against a local server that answers every request after 100 ms.

For each concurrency (16 and 64 by default) it sends 2,000 GETs through a fresh HttpPool
with a fresh cache, then sends them again through a new pool (as a second
`claimcheck verify` would) so they are served from the cache. It prints the wall time
against the ideal (requests x delay / concurrency), the ratio, the cached run's time and
speed-up, and the peak RSS. Targets (issue 4): ratio <= 1.3 at both concurrencies, cached
run >= 20x faster, memory under 300 MB.

    python benchmarks/http_pool.py                      # the default transport
    python benchmarks/http_pool.py --transport both     # aiohttp and httpcore side by side
    python benchmarks/http_pool.py --mode fetch_text    # documents instead of plain GETs

The server runs in its own process (benchmarks/_slow_server.py) on 32 ports of 127.0.0.1,
each a separate host for the pool's per-host limit (4), the way real sources are spread
over many sites.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._slow_server import SlowServer  # noqa: E402
from claimcheck.http import HttpPool, HttpSettings  # noqa: E402


async def one_run(
    urls: list[str], settings: HttpSettings, cache_dir: Path, transport: str, mode: str
) -> tuple[float, float, int]:
    started, cpu = time.perf_counter(), time.process_time()
    async with HttpPool(settings, cache_dir=cache_dir, transport=transport) as pool:
        if mode == "fetch_text":
            results = await asyncio.gather(*(pool.fetch_text(url) for url in urls))
        else:
            results = await asyncio.gather(*(pool.get(url) for url in urls))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    bad = [r for r in results if getattr(r, "status", 200) != 200]
    if bad:
        raise SystemExit(f"{len(bad)} requests failed, e.g. {bad[0]}")
    return elapsed, cpu, sum(1 for r in results if r.from_cache)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[16, 64])
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--ports", type=int, default=32, help="distinct hosts (ports) the URLs are spread over")
    parser.add_argument("--transport", choices=["auto", "aiohttp", "httpcore", "both"], default="auto")
    parser.add_argument("--mode", choices=["get", "fetch_text"], default="get")
    parser.add_argument("--extract-processes", type=int, default=0, help="worker processes for fetch_text")
    parser.add_argument(
        "--repeat", type=int, default=3,
        help="runs per configuration; the best is reported (other processes on the machine only ever slow a run down)",
    )
    args = parser.parse_args()

    transports = ["aiohttp", "httpcore"] if args.transport == "both" else [args.transport]
    if transports == ["auto"]:
        transports = [HttpPool(transport="auto").transport]  # show which one "auto" picked
    print(f"{args.requests} {args.mode} requests, server delay {args.delay * 1000:g} ms, {args.ports} hosts, per-host limit 4")
    print(f"best of {args.repeat} runs per row; cpu s = CPU time of this process (server in its own process)")
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs (other processes slow both runs)")
    header = (
        f"{'transport':9} {'conc':>4} {'wall s':>7} {'ideal s':>7} {'ratio':>6} {'cpu s':>6}"
        f" {'cached s':>8} {'cpu s':>6} {'speed-up':>8} {'hits':>5}"
    )
    print(header)
    print("-" * len(header))
    failures = []
    with SlowServer(delay=args.delay, ports=args.ports) as server:
        urls = server.urls(args.requests)
        for transport in transports:
            for concurrency in args.concurrency:
                settings = HttpSettings(max_concurrency=concurrency, extract_processes=args.extract_processes)
                runs = []
                for _ in range(args.repeat):
                    workdir = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
                    try:
                        cache_dir = workdir / ".claimcheck" / "http-cache"
                        gc.collect()
                        server_cpu = server.cpu_seconds()
                        cold, cold_cpu, _ = asyncio.run(one_run(urls, settings, cache_dir, transport, args.mode))
                        server_cpu = server.cpu_seconds() - server_cpu
                        gc.collect()
                        warm, warm_cpu, hits = asyncio.run(one_run(urls, settings, cache_dir, transport, args.mode))
                    finally:
                        shutil.rmtree(workdir, ignore_errors=True)
                    runs.append((cold, cold_cpu, warm, warm_cpu, hits, server_cpu))
                colds = sorted(run[0] for run in runs)
                cold, cold_cpu, _, _, _, server_cpu = min(runs, key=lambda run: run[0])
                _, _, warm, warm_cpu, hits, _ = min(runs, key=lambda run: run[2])
                ideal = args.requests * args.delay / concurrency
                ratio, speedup = cold / ideal, cold / warm
                print(
                    f"{transport:9} {concurrency:>4} {cold:>7.2f} {ideal:>7.2f} {ratio:>6.2f} {cold_cpu:>6.2f}"
                    f" {warm:>8.3f} {warm_cpu:>6.3f} {speedup:>7.1f}x {hits:>5}"
                    f"   (cold runs: {', '.join(f'{c:.2f}' for c in colds)} s; server cpu {server_cpu:.2f} s)"
                )
                if ratio > 1.3:
                    failures.append(f"{transport} at {concurrency}: ratio {ratio:.2f} > 1.3")
                if speedup < 20:
                    failures.append(f"{transport} at {concurrency}: cached speed-up {speedup:.1f}x < 20x")
    rss = peak_rss_mb()
    print(f"peak RSS {rss:.0f} MB (target < 300 MB)")
    if rss >= 300:
        failures.append(f"peak RSS {rss:.0f} MB")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print("targets met" if not failures else "targets missed: " + "; ".join(failures))


if __name__ == "__main__":
    main()
