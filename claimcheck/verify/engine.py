"""The verify run: every (claim, verifier) pair on one event loop, each claim written as it finishes.

Flow per claim: read its file, run the verifiers that apply and whose verdict is not fresh
(concurrently, each under a timeout, each isolated: an exception or a hang becomes an ``error``
verdict), merge the sources they report, resolve the status through the ``resolve_status`` hook,
write the file (only when its text changes; atomically; keeping comments), tell the
``claim_verified`` hook. A run interrupted at any point loses only the claims in flight.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import inspect
import json
import time
from pathlib import Path
from typing import Any, Callable

import attrs

from claimcheck.errors import ClaimcheckError, ConflictError, RecordError
from claimcheck.model import Claim, Verdict, VerdictStatus
from claimcheck.verify.freshness import claim_digest, claim_hash, is_fresh
from claimcheck.verify.merge import merge_sources

#: The keys a run may change in a claim file, in file order.
RUN_KEYS = ("sources", "verdicts", "status", "confidence")
#: Written files are indexed in batches of this many (each batch rewrites the index's snapshot).
INDEX_BATCH = 2000
#: A run that verifies at least this many claims uses worker processes: one writes the claim
#: files back (the splice and the rename cost ~0.7 ms a claim, which the event loop's core
#: would otherwise spend), and online runs extract pages in others (trafilatura costs 2-4 ms of
#: CPU a page). Below this, starting a process costs more than it saves.
WORKERS_FROM = 200


@attrs.frozen
class Options:
    """What ``claimcheck verify`` was asked to do."""

    ids: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    verifiers: tuple[str, ...] = ()
    offline: bool = False
    stale: dt.timedelta | None = None
    dry_run: bool = False
    concurrency: int = 16
    per_host: int = 4
    timeout: float = 30.0
    archive: bool = False


@attrs.define
class ClaimResult:
    """What happened to one claim in this run."""

    id: str
    path: str
    old_status: str
    new_status: str
    confidence: float | None = None
    ran: tuple[str, ...] = ()
    failures: list[tuple[str, str]] = attrs.field(factory=list)
    changed_keys: tuple[str, ...] = ()
    written: bool = False
    fresh: bool = False


@attrs.define
class RunResult:
    claims: list[ClaimResult] = attrs.field(factory=list)
    skipped_verifiers: dict[str, str] = attrs.field(factory=dict)
    warnings: list[str] = attrs.field(factory=list)
    elapsed: float = 0.0
    requests: int = 0

    @property
    def failures(self) -> list[tuple[str, str, str]]:
        return [(c.id, v, why) for c in self.claims for v, why in c.failures]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _record_plain(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """An attrs record as plain data the way a claim file holds it: empty values left out."""
    cls = type(obj)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(a.name for a in attrs.fields(cls))
    out = {}
    for name in names:
        value = getattr(obj, name)
        if value is None or value == () or value == {} or name in skip:
            continue
        out[name] = value.value if isinstance(value, enum.Enum) else value
    return out


def _plain(claim: Claim) -> dict[str, Any]:
    """The parts of a claim a run may change, plus what ``claim_hash`` reads, as plain data
    (a cheap stand-in for ``unstructure_claim`` on the hot path; same shapes for these keys)."""
    out: dict[str, Any] = {"claim": claim.claim, "figure": claim.figure, "measure": claim.measure, "date": claim.date}
    if claim.sources:
        out["sources"] = [_record_plain(src) for src in claim.sources]
    if claim.verdicts:
        out["verdicts"] = {name: _record_plain(v, skip=("sources",)) for name, v in claim.verdicts.items()}
    if claim.status.value != "unchecked" or claim.verdicts or claim.review is not None:
        out["status"] = claim.status.value
    if claim.confidence is not None:
        out["confidence"] = claim.confidence
    return out


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class Engine:
    """One verify run over a project. ``await engine.run(rows)``; see ``run_verify`` for the CLI."""

    def __init__(self, project: Any, store: Any, verifiers: list[Any], options: Options, *,
                 reporter: Any = None, web: Any = None, pm: Any = None) -> None:
        from claimcheck.context import Context

        self.project = project
        self.store = store
        self.options = options
        self.reporter = reporter
        self.now = _now()
        self.result = RunResult()
        if pm is None:
            from claimcheck.plugins import pm as default_pm

            pm = default_pm
        self.pm = pm
        if web is None:
            web = make_web(project, options)
        self.web = web
        self.contexts: dict[str, Context] = {}
        self.verifiers: list[Any] = []
        for v in verifiers:
            ctx = Context(
                name=v.name, project=project, web=web, offline=options.offline,
                settings=project.settings("verifiers", v.name), options={"archive": options.archive},
                dry_run=options.dry_run, warn=self._warn,
            )
            reason = _unavailable(v, ctx)
            if reason:
                self.result.skipped_verifiers[v.name] = ctx.redact(reason)
                continue
            self.contexts[v.name] = ctx
            self.verifiers.append(v)
        self.not_applicable = NotApplicable(project.state_dir / "verify-not-applicable.json", enabled=not options.dry_run)
        self._pairs: asyncio.Semaphore | None = None
        #: the index rows of the files this run wrote (``store.row_from``)
        self._written: list[tuple] = []
        self._index_states: dict[str, tuple[int, int]] = {}
        #: the write-back worker process, once started (``_start_workers``)
        self._write_worker: asyncio.Future | None = None

    def _warn(self, message: str) -> None:
        self.result.warnings.append(message)
        if self.reporter is not None:
            self.reporter.warn(message)

    # -- planning ----------------------------------------------------------------------------------

    def needs_work(self, rel: str, data: dict[str, Any], digest: str | None = None) -> bool:
        """Cheap check on the index's copy of a record: is any verdict missing or stale?

        A verifier that did not apply to this very content at this version is not asked again
        (``NotApplicable``), so a rerun with nothing stale reads no claim file at all.
        ``digest``: the data's ``claim_hash``, when the caller has it.
        """
        verdicts = data.get("verdicts") or {}
        digest = digest or claim_hash(data)
        for v in self.verifiers:
            verdict = verdicts.get(v.name)
            if verdict is None and self.not_applicable.says(rel, v, digest):
                continue
            if not is_fresh(verdict, version=v.version, digest=digest, now=self.now, stale=self.options.stale):
                return True
        return False

    # -- running -----------------------------------------------------------------------------------

    async def run(self, rows: list[Any]) -> RunResult:
        """Verify the claims of ``rows`` (index rows with their record JSON)."""
        started = time.perf_counter()
        # Pairs (claim, verifier) in flight: twice the requests allowed in flight, so that when a
        # response comes back and its verifier turns to CPU work (extraction, reading, writing)
        # another pair's request is already waiting for the freed HTTP slot. The HTTP pool is
        # what bounds requests to --concurrency; with pairs bounded to the same number, the
        # network sat idle while finished pairs did their CPU work (1.45x the ideal at 16).
        self._pairs = asyncio.Semaphore(max(1, self.options.concurrency * 2))
        self._index_states = self._read_index_states()
        # Claims in flight are bounded so memory stays flat and an interrupted run loses little.
        slots = asyncio.Semaphore(max(2, self.options.concurrency * 2))  # claims in flight
        if self.reporter is not None:
            self.reporter.start(len(rows))
        tasks: set[asyncio.Task] = set()
        due: list[tuple[Any, str]] = []
        # The run allocates millions of short-lived objects beside long-lived ones (modules, the
        # index rows): the GC quieted for the run, as in worker processes.
        import gc

        from claimcheck.workers import quiet_gc

        thresholds = quiet_gc()
        try:
            for row in rows:
                data = json.loads(row.record_json)
                digest = claim_hash(data)
                if self.verifiers and self.needs_work(row.path, data, digest):
                    due.append((row, digest))
                else:
                    self._done(ClaimResult(row.id, row.path, row.status, row.status, data.get("confidence"), fresh=True))
            if len(due) >= WORKERS_FROM:
                self._start_workers()  # now, so that they are up by the first claims' writes
            for row, digest in due:
                # parsed again rather than kept from above: memory stays flat on a large run
                data = json.loads(row.record_json)
                await slots.acquire()
                task = asyncio.create_task(self._claim_isolated(row, data, digest))
                tasks.add(task)
                task.add_done_callback(lambda t: (tasks.discard(t), slots.release()))
            if tasks:
                await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await self._stop_write_worker()  # writes already sent complete: files stay whole
            self._refresh_index()
            self.not_applicable.save()
            close = getattr(self.web, "aclose", None)
            if close is not None:
                await close()
            gc.set_threshold(*thresholds)
            gc.unfreeze()
        self.result.elapsed = time.perf_counter() - started
        self.result.requests = getattr(self.web, "requests_made", 0)
        if self.reporter is not None:
            self.reporter.stop()
        return self.result

    def _start_workers(self) -> None:
        """Worker processes for a large run: the write-back worker, and page extraction (one
        per spare core) when online."""
        if not self.options.dry_run:
            from claimcheck.workers import Worker

            # Started in the background: until it is up, claims are written on the loop.
            self._write_worker = asyncio.ensure_future(Worker.start("claimcheck.verify.writeback"))
        if self.options.offline:
            return
        import os

        start = getattr(self.web, "start_extractors", None)
        if start is not None:
            start(max(1, min(4, (os.cpu_count() or 1) - 1)))

    def _ready_write_worker(self) -> Any:
        task = self._write_worker
        if task is None or not task.done() or task.cancelled() or task.exception() is not None:
            return None
        worker = task.result()
        return worker if worker.alive else None

    async def _stop_write_worker(self) -> None:
        task, self._write_worker = self._write_worker, None
        if task is None:
            return
        try:
            worker = await task
        except Exception:
            return
        await worker.close()

    async def _write(self, path: Path, rel: str, text: str | None, state: Any, values: dict[str, Any],
                     old_data: dict[str, Any], columns: tuple) -> tuple[tuple[str, ...], tuple | None]:
        """Write one claim back (``writeback.write_claim``): in the worker process when it is
        up, else here. Returns the keys that changed and the file's new index row."""
        from claimcheck.verify.writeback import write_claim
        from claimcheck.workers import WorkerGone

        worker = self._ready_write_worker()
        args = (str(path), rel, text, (state.size, state.mtime_ns), values, old_data, columns)
        if worker is not None:
            try:
                return await worker.call("write_claim", *args)
            except WorkerGone:
                # The worker died (killed, out of memory): this claim and the rest are written
                # here. It may have written this one before dying: then the file is no longer
                # in ``state`` and the write is refused as a conflict, which a rerun clears.
                pass
        return write_claim(*args)

    def _read_index_states(self) -> dict[str, tuple[int, int]]:
        """(size, mtime_ns) of every indexed file: when a file still matches, its index JSON is
        its data, and the engine need not parse it again."""
        if self.store is None:
            return {}
        try:
            rows = self.store._connect().execute("SELECT path, size, mtime_ns FROM records WHERE problems IS NULL")
            return {p: (s, m) for p, s, m in rows}
        except Exception:
            return {}

    def _done(self, result: ClaimResult) -> None:
        self.result.claims.append(result)
        if self.reporter is not None:
            self.reporter.advance(result)

    async def _claim_isolated(self, row: Any, index_data: dict[str, Any], index_digest: str) -> None:
        """One claim; an unexpected failure of the engine on it is reported and the run goes on."""
        try:
            await self._claim(row, index_data, index_digest)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._done(ClaimResult(row.id, row.path, row.status, row.status, index_data.get("confidence"),
                                   failures=[("(engine)", _describe(exc))]))

    async def _claim(self, row: Any, index_data: dict[str, Any], index_digest: str) -> None:
        from claimcheck.records import FileState, parse_record, read_text

        path = self.project.root / row.path
        result = ClaimResult(row.id, row.path, row.status, row.status, index_data.get("confidence"))
        try:
            state = FileState.of(path)
            text: str | None = None
            if self._index_states.get(row.path) == (state.size, state.mtime_ns):
                # The index holds this very file's data, validated: no second YAML parse, and
                # no read here (the write-back reads the text, refusing a file changed since).
                from claimcheck.convert import structure_claim

                old_data = {k: v for k, v in index_data.items() if k not in ("collection", "path")}
                claim = structure_claim(old_data)
                digest = index_digest
            else:
                text = read_text(path)
                old_data, claim = parse_record(text, path)
                digest = claim_hash(old_data)
        except (RecordError, OSError) as exc:
            result.failures.append(("(read)", _describe(exc)))
            self._done(result)
            return
        result.old_status = claim.status.value
        due = []
        not_applicable: list[Any] = []
        for v in self.verifiers:
            old = claim.verdicts.get(v.name)
            old_plain = _verdict_plain(old) if old is not None else None
            if is_fresh(old_plain, version=v.version, digest=digest, now=self.now, stale=self.options.stale):
                continue
            try:
                applies = bool(v.applies_to(claim))
            except Exception as exc:  # a verifier's bug is that verifier's error, not the run's
                due.append((v, exc))
                continue
            if applies:
                due.append((v, None))
            else:
                not_applicable.append(v)
        if not due:
            for v in not_applicable:
                self.not_applicable.remember(row.path, v, digest)
            result.fresh = True
            result.new_status = result.old_status
            result.confidence = claim.confidence
            self._done(result)
            return
        if len(due) == 1:  # the common case, without gather's task
            verdicts = [await self._pair(due[0][0], claim, due[0][1])]
        else:
            verdicts = await asyncio.gather(*(self._pair(v, claim, err) for v, err in due))
        new_claim, new_digest = self._merge(claim, [(v, verdict) for (v, _), verdict in zip(due, verdicts)])
        result.ran = tuple(v.name for v, _ in due)
        for v, _ in due:
            final = new_claim.verdicts.get(v.name)
            if final is not None and final.status is VerdictStatus.ERROR:
                result.failures.append((v.name, final.note or "error"))
        result.new_status = new_claim.status.value
        result.confidence = new_claim.confidence
        new_plain = _plain(new_claim)
        values = {k: new_plain.get(k) for k in RUN_KEYS}
        for v in not_applicable:
            self.not_applicable.remember(row.path, v, new_digest)
        if self.options.dry_run:
            from claimcheck.verify.writeback import changed

            result.changed_keys = tuple(changed(old_data, values))
        else:
            try:
                from claimcheck.store import claim_columns

                result.changed_keys, index_row = await self._write(
                    path, row.path, text, state, values, old_data, claim_columns(new_claim))
                if index_row is not None:
                    result.written = True
                    self._written.append(index_row)
                    if len(self._written) >= INDEX_BATCH:  # memory stays flat on a large run
                        self._refresh_index()
            except ConflictError as exc:
                result.failures.append(("(write)", str(exc)))
            except OSError as exc:
                result.failures.append(("(write)", f"cannot write {row.path}: {exc.strerror}"))
        if not self.options.dry_run:
            for (v, _), verdict in zip(due, verdicts):
                if verdict is not None:
                    await self._notify(new_claim, new_claim.verdicts.get(v.name, verdict))
        self._done(result)

    async def _pair(self, verifier: Any, claim: Claim, early: BaseException | None) -> Verdict | None:
        """One verifier on one claim, isolated: whatever goes wrong becomes an ``error`` verdict."""
        ctx = self.contexts[verifier.name]
        if early is not None:
            return self._error(verifier, ctx, f"applies_to failed: {_describe(early)}")
        assert self._pairs is not None
        async with self._pairs:
            # ``asyncio.timeout`` rather than ``wait_for``: no extra task per pair
            deadline = asyncio.timeout(self.options.timeout)
            try:
                async with deadline:
                    verdict = await verifier.verify(claim, ctx)
            except TimeoutError as exc:
                if deadline.expired():
                    return self._error(verifier, ctx, f"timed out after {self.options.timeout:g} s")
                return self._error(verifier, ctx, f"raised {_describe(exc)}")
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                return self._error(verifier, ctx, f"raised {_describe(exc)}")
        if verdict is None:
            return None
        if not isinstance(verdict, Verdict):
            return self._error(verifier, ctx, f"returned {type(verdict).__name__}, not a Verdict")
        return verdict  # completed (time, version, redacted note) in ``_merge``

    def _error(self, verifier: Any, ctx: Any, why: str) -> Verdict:
        return Verdict(status=VerdictStatus.ERROR, note=ctx.redact(why), checked=self.now, version=str(verifier.version))

    def _merge(self, claim: Claim, results: list[tuple[Any, Verdict | None]]) -> tuple[Claim, str]:
        """The claim with the verdicts and the sources they report, its status resolved; and
        its ``claim_hash`` (what the new verdicts were reached on)."""
        sources = claim.sources
        for v, verdict in results:
            if verdict is not None and verdict.sources:
                sources = merge_sources(sources, verdict.sources, v.name)
        # the hash of what the verdicts were reached on: the claim with the sources as merged
        digest = claim_digest(claim, sources)
        verdicts = dict(claim.verdicts)
        for v, verdict in results:
            if verdict is not None:
                # one evolve per verdict: its sources live on the claim; the time, version and
                # hash say when, by what and on what it was reached; secrets never reach a note
                ctx = self.contexts.get(v.name)
                note = ctx.redact(verdict.note) if verdict.note and ctx is not None else verdict.note
                verdicts[v.name] = attrs.evolve(
                    verdict, sources=(), claim_hash=digest, checked=verdict.checked or self.now,
                    version=verdict.version or str(v.version), note=note)
        merged = attrs.evolve(claim, sources=sources, verdicts=verdicts)
        resolved = self.pm.hook.resolve_status(claim=merged, verdicts=verdicts)
        if resolved:
            status, confidence = resolved
            merged = attrs.evolve(merged, status=status, confidence=confidence)
        return merged, digest

    def _refresh_index(self) -> None:
        """Bring the index up to date with the files this run wrote, so the next command starts
        warm. The run holds each written file's parsed data and validated claim already, so the
        store indexes them as they are (``Store.index_rows``) instead of re-reading and
        re-parsing every file in a scan, which cost as much as the writes themselves."""
        if not self._written or self.store is None:
            return
        try:
            self.store.index_rows(self._written)
        except Exception:  # the index is a cache: the store's own scan repairs it
            try:
                self.store.scan()
            except Exception:
                pass
        self._written = []

    async def _notify(self, claim: Claim, verdict: Verdict) -> None:
        try:
            results = self.pm.hook.claim_verified(claim=claim, verdict=verdict)
            for value in results:
                if inspect.isawaitable(value):
                    await value
        except Exception as exc:
            self._warn(f"claim_verified hook failed for {claim.id}: {_describe(exc)}")


class NotApplicable:
    """Which verifiers did not apply to which claim content (machine state under .claimcheck/,
    safe to delete: then ``applies_to`` is simply asked again)."""

    def __init__(self, path: Path, *, enabled: bool = True) -> None:
        self.path = path
        self.enabled = enabled
        self.changed = False
        try:
            self.data: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8")) if enabled else {}
        except (OSError, ValueError):
            self.data = {}

    @staticmethod
    def _mark(verifier: Any, digest: str) -> str:
        return f"{digest}:{verifier.version}"

    def says(self, rel: str, verifier: Any, digest: str) -> bool:
        return self.data.get(rel, {}).get(verifier.name) == self._mark(verifier, digest)

    def remember(self, rel: str, verifier: Any, digest: str) -> None:
        if self.enabled and not self.says(rel, verifier, digest):
            self.data.setdefault(rel, {})[verifier.name] = self._mark(verifier, digest)
            self.changed = True

    def save(self) -> None:
        if not (self.enabled and self.changed):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.data, separators=(",", ":")), encoding="utf-8")
            tmp.replace(self.path)
            self.changed = False
        except OSError:
            pass  # only slower next time


def _verdict_plain(verdict: Verdict) -> dict[str, Any]:
    return {"status": verdict.status.value, "version": verdict.version, "claim_hash": verdict.claim_hash,
            "checked": verdict.checked}


def _unavailable(verifier: Any, ctx: Any) -> str | None:
    """A verifier may say it cannot run at all (offline, no API key) with ``unavailable(ctx)``."""
    check: Callable[[Any], str | None] | None = getattr(verifier, "unavailable", None)
    if check is None:
        return None
    try:
        return check(ctx)
    except Exception as exc:
        return f"unavailable: {_describe(exc)}"


def make_web(project: Any, options: Options) -> Any:
    from claimcheck.verify.web import make_web as make

    # A dry run writes nothing, the HTTP cache included.
    return make(project, concurrency=options.concurrency, per_host=options.per_host, timeout=options.timeout,
                offline=options.offline, cache=not options.dry_run)


def select_verifiers(names: tuple[str, ...]) -> list[Any]:
    """The registered verifiers, or the ones named (an unknown name is an error with a hint)."""
    from claimcheck.registry import collect

    found = collect("verifier")
    if not names:
        return [r.obj for r in found.values()]
    out = []
    for name in names:
        if name not in found:
            import difflib

            close = difflib.get_close_matches(name, list(found), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(found) or 'none'}"
            raise ClaimcheckError(f"no verifier named {name!r}{hint}")
        out.append(found[name].obj)
    return out
