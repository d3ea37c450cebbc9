"""What a verify run shows: progress while it runs, a summary when it ends.

On a terminal: a rich progress bar with counts and an ETA. Otherwise (CI logs, pipes): one plain
line per claim that ran. The summary is plain text either way, so it reads the same in a log.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any, TextIO

#: a summary lists at most this many changed claims and failures (then counts the rest)
MAX_LISTED = 50
STATUS_ORDER = ("supported", "refuted", "conflicting", "not-enough-evidence", "unchecked")


class Reporter:
    """Progress and warnings on ``err`` (stderr); ``quiet`` keeps only warnings."""

    def __init__(self, err: TextIO | None = None, *, quiet: bool = False, rich: bool | None = None) -> None:
        self.err = err or sys.stderr
        self.quiet = quiet
        self.rich = self.err.isatty() if rich is None else rich
        self.total = 0
        self.done = 0
        self.failed = 0
        self._progress: Any = None
        self._task: Any = None

    def start(self, total: int) -> None:
        self.total = total
        if self.quiet or not self.rich or total == 0:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("verifying"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[failed]} failed"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(file=self.err), transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task("verify", total=total, failed=0)

    def advance(self, result: Any) -> None:
        self.done += 1
        if result.failures:
            self.failed += 1
        if self.quiet:
            return
        if self._progress is not None:
            self._progress.update(self._task, advance=1, failed=self.failed)
        elif not result.fresh:
            change = f"{result.old_status} -> {result.new_status}" if result.old_status != result.new_status else result.new_status
            fails = f"; failed: {', '.join(v for v, _ in result.failures)}" if result.failures else ""
            print(f"[{self.done}/{self.total}] {result.id}: {change}{fails}", file=self.err, flush=False)

    def warn(self, message: str) -> None:
        if self._progress is not None:
            self._progress.console.print(f"warning: {message}", markup=False, highlight=False)
        else:
            print(f"warning: {message}", file=self.err)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        self.err.flush()


def summary_text(run: Any, *, dry_run: bool = False) -> str:
    """The end-of-run summary: statuses, what changed, what failed, what was skipped."""
    lines = []
    claims = run.claims
    counts = Counter(c.new_status for c in claims)
    ran = [c for c in claims if not c.fresh]
    verb = "would change" if dry_run else "changed"
    lines.append(f"{len(claims)} claims: {len(ran)} verified, {len(claims) - len(ran)} fresh (skipped), "
                 f"{sum(1 for c in ran if c.changed_keys)} {'would be ' if dry_run else ''}updated"
                 f"{'' if not dry_run else ' (dry run: nothing written)'}  [{run.elapsed:.1f} s]")
    if claims:
        lines.append("")
        lines.append(f"{'status':<22}{'claims':>7}")
        for status in [*STATUS_ORDER, *sorted(set(counts) - set(STATUS_ORDER))]:
            if counts.get(status):
                lines.append(f"{status:<22}{counts[status]:>7}")
    changes = [c for c in claims if c.old_status != c.new_status]
    if changes:
        lines.append("")
        lines.append(f"status {verb} ({len(changes)}):")
        for c in sorted(changes, key=lambda c: c.id)[:MAX_LISTED]:
            lines.append(f"  {c.id}: {c.old_status} -> {c.new_status}")
        if len(changes) > MAX_LISTED:
            moves = Counter(f"{c.old_status} -> {c.new_status}" for c in changes)
            lines.append(f"  ... and {len(changes) - MAX_LISTED} more ("
                         + ", ".join(f"{n} {m}" for m, n in moves.most_common()) + ")")
    failures = run.failures
    if failures:
        lines.append("")
        lines.append(f"failures ({len(failures)}):")
        for claim_id, verifier, why in failures[:MAX_LISTED]:
            lines.append(f"  {claim_id}: {verifier}: {why}")
        if len(failures) > MAX_LISTED:
            lines.append(f"  ... and {len(failures) - MAX_LISTED} more")
    if run.skipped_verifiers:
        lines.append("")
    for name, why in run.skipped_verifiers.items():
        lines.append(f"skipped verifier {name}: {why}")
    return "\n".join(lines) + "\n"
