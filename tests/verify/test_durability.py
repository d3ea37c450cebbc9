"""An interrupted run (kill -9) leaves every claim file valid and complete; the rerun finishes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]

SLOW_VERIFIER = '''
import asyncio
from claimcheck import hookimpl, Verdict, VerdictStatus

class Slow:
    name = "slow"
    description = "takes a while per claim"
    version = "1"
    def applies_to(self, claim):
        return True
    async def verify(self, claim, ctx):
        await asyncio.sleep(0.05)
        return Verdict(status=VerdictStatus.SUPPORTED, confidence=0.5, note="slowly checked")

@hookimpl
def register_verifiers(register):
    register(Slow())
'''


def _project(root: Path, n: int) -> None:
    folder = root / "claims" / "bulk"
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"claim-{i:04d}.yaml").write_text(textwrap.dedent(f"""\
            # claim {i}: written by a person
            claim: Police detained more than {1000 + i} people after the vote.
            figure: more than {1000 + i}
            sources:
              - url: https://example.org/{i}
                excerpt: "Police detained {1100 + i} people, the ministry said."
            """), encoding="utf-8")
    (root / "plugins").mkdir()
    (root / "plugins" / "slow.py").write_text(SLOW_VERIFIER, encoding="utf-8")


def _verify(root: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "claimcheck", "verify", "--offline", "--concurrency", "4", "-q", *args],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _verified(root: Path) -> int:
    return sum("verdicts:" in p.read_text(encoding="utf-8") for p in (root / "claims").rglob("*.yaml"))


def test_kill_9_mid_run_leaves_valid_files_and_the_rerun_finishes(tmp_path: Path):
    n = 400
    _project(tmp_path, n)
    proc = _verify(tmp_path)
    deadline = time.monotonic() + 60
    while _verified(tmp_path) < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = _verified(tmp_path)
    assert 0 < done < n, "the kill must land mid-run for this test to mean anything"
    # every file is valid YAML and a complete record: either untouched or fully written
    for path in (tmp_path / "claims").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["claim"].startswith("Police detained")
        assert path.read_text(encoding="utf-8").startswith("# claim ")
        if "verdicts" in data:
            assert set(data["verdicts"]) == {"source-text", "slow"} and data["status"] == "supported"
    # a write cut short can leave only a hidden temporary file, which is never read as a claim
    assert all(p.name.startswith(".") for p in (tmp_path / "claims").rglob("*.tmp"))
    # the rerun skips what was written and finishes the rest
    rerun = _verify(tmp_path)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err.decode()
    assert f"{n} claims: {n - done} verified, {done} fresh" in out.decode()
    assert _verified(tmp_path) == n


def test_kill_9_while_the_write_worker_runs_loses_only_claims_in_flight(tmp_path: Path):
    """Past ``WORKERS_FROM`` claims a worker process writes the files: killing the run there
    leaves every file whole, the worker exits without writing anything more, and the rerun
    finishes the rest."""
    from claimcheck.verify.engine import WORKERS_FROM

    n = WORKERS_FROM + 400
    _project(tmp_path, n)
    proc = _verify(tmp_path, "--concurrency", "16")
    deadline = time.monotonic() + 120
    while _verified(tmp_path) < WORKERS_FROM + 100 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(0.3)  # an orphaned worker would go on writing here
    done = _verified(tmp_path)
    assert WORKERS_FROM < done < n, "the kill must land while the worker writes"
    time.sleep(0.5)
    assert _verified(tmp_path) == done, "the worker must stop with its parent"
    for path in (tmp_path / "claims").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["claim"].startswith("Police detained")
        if "verdicts" in data:
            assert set(data["verdicts"]) == {"source-text", "slow"} and data["status"] == "supported"
    rerun = _verify(tmp_path)
    out, err = rerun.communicate(timeout=180)
    assert rerun.returncode == 0, err.decode()
    assert f"{n} claims: {n - done} verified, {done} fresh" in out.decode()
    assert _verified(tmp_path) == n
