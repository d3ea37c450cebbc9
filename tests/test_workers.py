"""A worker process runs one module's functions for the event loop (``claimcheck.workers``)."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import pytest

from claimcheck.workers import Worker, WorkerGone

MODULE = "tests._worker_functions"


def run(coro):
    return asyncio.run(coro)


def test_calls_run_in_another_process_and_answer_in_order_of_asking():
    async def main():
        worker = await Worker.start(MODULE)
        try:
            sums = await asyncio.gather(*(worker.call("add", i, i) for i in range(50)))
            child = await worker.call("pid")
        finally:
            await worker.close()
        return sums, child

    sums, child = run(main())
    assert sums == [2 * i for i in range(50)]
    assert child != os.getpid()


def test_an_exception_in_the_child_is_raised_by_the_call_and_the_worker_goes_on():
    async def main():
        worker = await Worker.start(MODULE)
        try:
            with pytest.raises(ValueError, match="no such claim"):
                await worker.call("fail", "no such claim")
            with pytest.raises(RuntimeError, match="Unpicklable: 1/2"):
                await worker.call("fail_oddly")
            with pytest.raises(AttributeError, match="private"):
                await worker.call("_serve")
            return await worker.call("add", 1, 2)
        finally:
            await worker.close()

    assert run(main()) == 3


def test_printing_in_the_child_does_not_corrupt_the_answers():
    async def main():
        worker = await Worker.start(MODULE)
        try:
            return [await worker.call("shout") for _ in range(3)]
        finally:
            await worker.close()

    assert run(main()) == ["answered"] * 3


def test_close_waits_for_every_call_already_sent(tmp_path: Path):
    marker = tmp_path / "written"

    async def main():
        worker = await Worker.start(MODULE)
        pending = asyncio.ensure_future(worker.call("touch_after", str(marker), 0.3))
        await asyncio.sleep(0)  # the call is sent
        await worker.close()
        return await pending

    assert run(main()) == str(marker)
    assert marker.read_text(encoding="utf-8") == "done"


def test_a_worker_that_dies_fails_its_calls_with_worker_gone():
    async def main():
        worker = await Worker.start(MODULE)
        child = await worker.call("pid")
        os.kill(child, signal.SIGKILL)
        with pytest.raises(WorkerGone, match="exited"):
            await worker.call("touch_after", "/nonexistent/never", 5)
        assert not worker.alive
        with pytest.raises(WorkerGone):
            await worker.call("add", 1, 1)
        await worker.close()

    run(main())


def test_the_write_back_refuses_a_file_changed_since_it_was_verified_through_the_worker(tmp_path: Path):
    from claimcheck.errors import ConflictError

    path = tmp_path / "claims" / "c" / "arrests.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("claim: More than 35,000 people were arrested.\n", encoding="utf-8")
    st = path.stat()
    old = {"claim": "More than 35,000 people were arrested."}
    values = {"status": "supported"}
    columns = ("arrests", "supported", None, None, old["claim"], None, None, "[]", 0, old["claim"].casefold(), "", "", "")

    async def main():
        worker = await Worker.start("claimcheck.verify.writeback")
        try:
            with pytest.raises(ConflictError, match="changed on disk"):
                await worker.call("write_claim", str(path), "claims/c/arrests.yaml", None,
                                  (st.st_size + 1, st.st_mtime_ns), values, old, columns)
            return await worker.call("write_claim", str(path), "claims/c/arrests.yaml", None,
                                     (st.st_size, st.st_mtime_ns), values, old, columns)
        finally:
            await worker.close()

    changed, row = run(main())
    assert changed == ("status",)
    assert row[0] == "claims/c/arrests.yaml" and row[3] == "arrests" and row[5] == "supported"
    assert path.read_text(encoding="utf-8") == "claim: More than 35,000 people were arrested.\nstatus: supported\n"
