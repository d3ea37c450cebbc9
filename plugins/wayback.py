"""wayback: the closest Internet Archive snapshot of each http(s) source without ``archived``.

Asks the availability API (``https://archive.org/wayback/available?url=...&timestamp=...``,
nearest to the source's ``published`` date when it has one) and records the snapshot URL in the
source's ``archived``. With ``claimcheck verify --archive`` it also asks the Save Page Now
endpoint for a capture when none exists (never in ``--dry-run``). Settings
(``[verifiers.wayback]``): ``availability_url``, ``save_url``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from claimcheck import Claim, FetchError, Source, Verdict, VerdictStatus, hookimpl

AVAILABILITY_URL = "https://archive.org/wayback/available"
SAVE_URL = "https://web.archive.org/save/"


def _http(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))


def snapshot_url(payload: Any) -> str | None:
    """The closest available snapshot in an availability API answer (every field optional)."""
    if not isinstance(payload, dict):
        return None
    closest = (payload.get("archived_snapshots") or {}).get("closest") or {}
    if not isinstance(closest, dict) or closest.get("available") is False:
        return None
    url = closest.get("url")
    if not isinstance(url, str) or not url:
        return None
    return "https://" + url[len("http://"):] if url.startswith("http://") else url


class Wayback:
    name = "wayback"
    description = "Records the closest Internet Archive snapshot of each source (--archive: asks for one)."
    version = "1.0.0"

    def unavailable(self, ctx: Any) -> str | None:
        return "offline run (no HTTP requests)" if ctx.offline else None

    def applies_to(self, claim: Claim) -> bool:
        return any(_http(s.url) and not s.archived for s in claim.sources)

    async def verify(self, claim: Claim, ctx: Any) -> Verdict:
        todo = [s for s in claim.sources if _http(s.url) and not s.archived]
        found = await _gather(*(self._snapshot(s, ctx) for s in todo))
        sources = [Source(url=s.url, archived=url) for s, (url, _) in zip(todo, found) if url]
        problems = [why for _, why in found if why]
        note = f"archived {len(sources)} of {len(todo)} sources"
        missing = len(todo) - len(sources)
        if missing:
            note += f"; {missing} without a snapshot" + ("" if ctx.options.get("archive") else " (run with --archive to request captures)")
        if problems:
            note += "; " + "; ".join(problems[:2])
        return Verdict(status=VerdictStatus.NOT_ENOUGH_EVIDENCE, note=note, sources=tuple(sources))

    async def _snapshot(self, source: Source, ctx: Any) -> tuple[str | None, str | None]:
        base = ctx.setting("availability_url", AVAILABILITY_URL)
        params = {"url": source.url}
        if source.published:
            params["timestamp"] = source.published.strftime("%Y%m%d")
        try:
            payload = await ctx.get_json(base, params=params)
        except FetchError as exc:
            return None, f"availability lookup failed: {exc}"
        url = snapshot_url(payload)
        if url or not ctx.options.get("archive") or ctx.dry_run:
            return url, None
        save = ctx.setting("save_url", SAVE_URL)
        try:
            response = await ctx.request("GET", save + quote(source.url, safe=":/?=&%"))
        except FetchError as exc:
            return None, f"capture request failed: {exc}"
        location = response.headers.get("content-location")
        if response.status < 400 and location:
            return "https://web.archive.org" + location if location.startswith("/") else location, None
        if response.status < 400 and "/web/" in response.final_url:
            return response.final_url, None
        return None, f"capture request answered HTTP {response.status}"


@hookimpl
def register_verifiers(register: Any) -> None:
    register(Wayback())


async def _gather(*aws: Any) -> list:
    import asyncio  # here, not at the top: plugin modules load on every CLI start

    return await asyncio.gather(*aws)
