"""Functions the worker-process tests call in a child (``tests/test_workers.py``)."""

from __future__ import annotations

import os
import time
from pathlib import Path


def add(a: int, b: int) -> int:
    return a + b


def pid() -> int:
    return os.getpid()


def fail(message: str) -> None:
    raise ValueError(message)


def touch_after(path: str, seconds: float) -> str:
    time.sleep(seconds)
    Path(path).write_text("done", encoding="utf-8")
    return path


class Unpicklable(Exception):
    def __init__(self, a: int, b: int) -> None:  # pickles, but does not unpickle with one argument
        super().__init__(f"{a}/{b}")


def fail_oddly() -> None:
    raise Unpicklable(1, 2)


def shout() -> str:
    print("this goes to stderr, not into the answers")
    return "answered"
