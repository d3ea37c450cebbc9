"""Keep secrets (API keys from the environment) out of URLs, messages and logs.

Verifiers get keys from the environment only. Keys often travel in query strings
(``?key=...``), so any URL or error message may carry one: everything the HTTP layer
shows (errors, ``Response.url``, cached request URLs) goes through a ``Redactor``.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Iterable, Mapping
from urllib.parse import quote, quote_plus

MASK = "***"
# Environment variables whose values are secrets: *_KEY, *_TOKEN, *_SECRET, *_PASSWORD...
_SECRET_NAME = re.compile(r"(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$", re.IGNORECASE)
# Query parameters that hold a secret whatever their value.
_SECRET_PARAM = re.compile(
    r"(?i)([?&;](?:api[_-]?key|key|token|access[_-]?token|secret|password|sig|signature)=)([^&#;]*)"
)
# Values shorter than this are not redacted: "1" or "on" would blank out half a message.
MIN_SECRET_LENGTH = 6


class Redactor:
    """Replaces known secret values (and their URL-encoded forms) with ``***``."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        variants: set[str] = set()
        for secret in secrets:
            if secret and len(secret) >= MIN_SECRET_LENGTH:
                variants.update({secret, quote(secret, safe=""), quote_plus(secret)})
        # Longest first, so a secret containing another is masked whole.
        self._secrets = sorted(variants, key=len, reverse=True)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None, extra: Iterable[str] = ()) -> "Redactor":
        """A redactor for every secret-looking variable of the environment (``*_KEY``, ``*_TOKEN``...)."""
        env = os.environ if environ is None else environ
        values = [value for name, value in env.items() if _SECRET_NAME.search(name)]
        return cls([*values, *extra])

    def add(self, secret: str) -> None:
        """Also redact ``secret`` from now on (a key a verifier read from elsewhere)."""
        merged = Redactor([*self._secrets, secret])
        self._secrets = merged._secrets

    def redact(self, text: str) -> str:
        """``text`` with every known secret, and every ``key=``/``token=`` query value, masked."""
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        return _SECRET_PARAM.sub(lambda m: m.group(1) + (MASK if m.group(2) else ""), text)

    __call__ = redact

    def logging_filter(self) -> logging.Filter:
        """A logging filter that redacts every record passing through a handler."""
        return _RedactingFilter(self)


class _RedactingFilter(logging.Filter):
    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redactor.redact(record.getMessage())
        record.args = None
        return True
