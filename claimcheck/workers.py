"""A worker process that runs one module's functions for the event loop, over two pipes.

A large verify run is CPU-bound on the event loop's core, and some of its work needs nothing
from that process: writing a claim back (composing the file for its offsets, the splice, the
temporary file and the rename) is text in, file out. ``Worker`` hands such calls to a child
Python process, so the second core does them while the loop goes on verifying.

Why not ``concurrent.futures.ProcessPoolExecutor``: its results come back through a manager
thread and a queue feeder thread, and on a busy loop those threads fight it for the GIL on
every call (measured: a thread doing the writes cost more CPU than writing on the loop). Here
the loop itself writes a request to the child's stdin and reads answers from its stdout: no
thread in this process, one pickle each way.

Life cycle. The child ignores Ctrl-C (the terminal sends it to the whole process group): the
parent decides, and on ``close`` the child finishes what it was sent and exits. When the
parent dies (``kill -9``), the child notices before its next call (its parent changed, or its
stdin ended without the closing frame) and exits, finishing only the call it is in: what was
still queued was "in flight" and is lost, as the claims a killed run was verifying are. A call
in the child never leaves half a file, since the functions given to it write atomically.

    worker = await Worker.start("claimcheck.http.documents")
    fields = await worker.call("extract", body, kind="html", content_type="text/html", url=url)
    await worker.close()

Calls raise what the function raised in the child (or ``WorkerGone`` when the child died).
The child is a fresh interpreter (``python -m claimcheck.workers MODULE``), not a fork or a
spawn of the program, so it works from any program, with no ``__main__`` guard. Arguments and
results are pickled: plain values (str, tuples, dicts) cost least.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import struct
import sys
from pathlib import Path
from typing import Any

_HEADER = struct.Struct("!I")
_STOP = 0  # call id of the closing frame
_BEHIND = 4 << 20  # bytes of unsent calls past which a caller waits for the child


class WorkerGone(Exception):
    """The worker process could not start, or exited before answering."""


class Worker:
    """One child process serving calls to the functions of ``module``; see the module docstring."""

    def __init__(self, process: asyncio.subprocess.Process, module: str) -> None:
        self.module = module
        self._process = process
        self._pending: dict[int, asyncio.Future] = {}
        self._next_id = _STOP + 1
        self._gone: str | None = None
        #: frames of this turn of the loop, written together by ``_flush``
        self._outbox: list[bytes] = []
        self._reader = asyncio.ensure_future(self._read_answers())

    @classmethod
    async def start(cls, module: str) -> "Worker":
        """Start a child that imports ``module`` (raises ``WorkerGone`` if it cannot be started)."""
        # The child must import this very claimcheck, also when it was put on sys.path by hand
        # (a benchmark, a test) rather than installed.
        package_parent = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
        try:
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "claimcheck.workers", module,
                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
                env=env,
            )
        except OSError as exc:
            raise WorkerGone(f"cannot start a worker process: {exc}") from None
        return cls(process, module)

    @property
    def alive(self) -> bool:
        return self._gone is None

    @property
    def pending(self) -> int:
        """Calls sent and not answered yet."""
        return len(self._pending)

    async def call(self, function: str, *args: Any, **kwargs: Any) -> Any:
        """``module.function(*args, **kwargs)`` in the child; returns its result or raises its
        exception."""
        if self._gone is not None:
            raise WorkerGone(self._gone)
        call_id, self._next_id = self._next_id, self._next_id + 1
        future = asyncio.get_running_loop().create_future()
        self._pending[call_id] = future
        self._send((call_id, function, args, kwargs))
        stdin = self._process.stdin
        if stdin is not None and stdin.transport.get_write_buffer_size() > _BEHIND:
            try:
                await stdin.drain()  # the child is far behind: wait for it to catch up
            except (ConnectionError, OSError):
                pass  # the reader notices the child is gone and fails the future
        return await future

    def _send(self, message: tuple) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        self._outbox.append(_HEADER.pack(len(data)) + data)
        if len(self._outbox) == 1:
            # One write to the pipe for all the calls made in this turn of the loop.
            asyncio.get_running_loop().call_soon(self._flush)

    def _flush(self) -> None:
        frames, self._outbox = self._outbox, []
        stdin = self._process.stdin
        if not frames or stdin is None or self._gone is not None:
            return
        try:
            stdin.write(b"".join(frames))
        except (ConnectionError, OSError, RuntimeError):
            self._fail_all("the worker process closed its input")

    async def _read_answers(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        try:
            while True:
                head = await stdout.readexactly(_HEADER.size)
                call_id, ok, value = pickle.loads(await stdout.readexactly(_HEADER.unpack(head)[0]))
                future = self._pending.pop(call_id, None)
                if future is None or future.done():
                    continue
                if ok:
                    future.set_result(value)
                else:
                    future.set_exception(value)
        except (asyncio.IncompleteReadError, ConnectionError, OSError, pickle.UnpicklingError, EOFError):
            pass
        self._fail_all(f"the worker process for {self.module} exited (code {self._process.returncode})")

    def _fail_all(self, why: str) -> None:
        if self._gone is None:
            self._gone = why
        for future in self._pending.values():
            if not future.done():
                future.set_exception(WorkerGone(why))
        self._pending.clear()

    async def close(self) -> None:
        """Let the child finish every call it was sent, then wait for it to exit."""
        if self._gone is None:
            self._send((_STOP, None, (), {}))
            self._flush()
            stdin = self._process.stdin
            assert stdin is not None
            try:
                await stdin.drain()
                stdin.close()
            except (ConnectionError, OSError):
                pass
        await self._reader
        await self._process.wait()


# -- the child -------------------------------------------------------------------------------------


def _serve(module_name: str) -> int:
    import importlib
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # see the module docstring
    # Answers go to a private copy of stdout; anything the module prints goes to stderr and
    # cannot corrupt the frames.
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    requests = sys.stdin.buffer
    parent = os.getppid()
    module = importlib.import_module(module_name)
    quiet_gc()
    while True:
        head = requests.read(_HEADER.size)
        if len(head) < _HEADER.size or os.getppid() != parent:
            # The parent is gone (killed): what it sent and we did not start was in flight.
            # Not starting it keeps a rerun begun at once from racing this process for a file.
            return 0
        body = requests.read(_HEADER.unpack(head)[0])
        call_id, function, args, kwargs = pickle.loads(body)
        if call_id == _STOP:
            return 0
        try:
            if function.startswith("_"):
                raise AttributeError(f"{module_name}.{function} is private")
            answer = (call_id, True, getattr(module, function)(*args, **kwargs))
        except Exception as exc:
            answer = (call_id, False, exc)
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
            if not answer[1]:
                pickle.loads(data)  # some exceptions pickle but do not unpickle: find out here
        except Exception:  # an unpicklable result or exception still gets an answer
            failed = answer[2] if not answer[1] else TypeError(f"{function} returned an unpicklable value")
            data = pickle.dumps((call_id, False, RuntimeError(f"{type(failed).__name__}: {failed}")))
        answers.write(_HEADER.pack(len(data)) + data)
        answers.flush()


def quiet_gc() -> tuple[int, ...]:
    """Freeze what exists now (modules, loaded data: it lives on) and collect young objects less
    often: bulk work allocates many short-lived objects, and each full collection would
    otherwise scan every long-lived one again (5-10% of an offline verify run's CPU). Returns
    the thresholds it replaced, for ``gc.set_threshold`` and ``gc.unfreeze`` to undo it."""
    import gc

    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], 20000), *thresholds[1:])
    return thresholds


if __name__ == "__main__":
    sys.exit(_serve(sys.argv[1]))
