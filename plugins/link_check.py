"""link-check: is every http(s) source still there? Records its HTTP status and final URL.

A dead source (404, 410, DNS failure, refused connection) is a warning in the verdict's note,
never a crash; the run goes on. The page is fetched through ``ctx.fetch_text``, so when
source-text reads the same page in the same run, one request serves both.
Its verdict is ``not-enough-evidence`` (a live link says nothing on the claim), with a note.
"""

from __future__ import annotations

from typing import Any

from claimcheck import Claim, FetchError, Source, SourceRefused, Verdict, VerdictStatus, hookimpl

DEAD = frozenset({404, 410})


def _http(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))


class LinkCheck:
    name = "link-check"
    description = "Records each http(s) source's HTTP status and final URL; warns about dead links."
    version = "1.0.0"

    def unavailable(self, ctx: Any) -> str | None:
        return "offline run (no HTTP requests)" if ctx.offline else None

    def applies_to(self, claim: Claim) -> bool:
        return any(_http(s.url) for s in claim.sources)

    async def verify(self, claim: Claim, ctx: Any) -> Verdict:
        urls = [s.url for s in claim.sources if _http(s.url)]
        checked = await _gather(*(self._check(u, ctx) for u in urls))
        sources, dead, broken = [], [], []
        for url, (status, final, problem) in zip(urls, checked):
            sources.append(Source(url=url, http_status=status, final_url=final if final and final != url else None))
            if status in DEAD or (status is None and problem and ("DNS" in problem or problem in ("connect", "redirect-loop"))):
                dead.append(f"{url} ({status or problem})")
            elif status is not None and status >= 400:
                broken.append(f"{url} (HTTP {status})")
            elif status is None:
                broken.append(f"{url} ({problem})")
        alive = len(urls) - len(dead) - len(broken)
        note = f"{alive} of {len(urls)} links alive"
        if dead:
            note += "; warning: dead: " + ", ".join(dead[:3]) + (" ..." if len(dead) > 3 else "")
        if broken:
            note += "; failing: " + ", ".join(broken[:3])
        return Verdict(status=VerdictStatus.NOT_ENOUGH_EVIDENCE, note=note, sources=tuple(sources))

    async def _check(self, url: str, ctx: Any) -> tuple[int | None, str | None, str | None]:
        """(status, final URL, problem). The page itself when it can be read (shared with
        source-text); otherwise the link checker's HEAD/GET, which never raises."""
        try:
            doc = await ctx.fetch_text(url, metadata=False)  # as source-text asks: one fetch for both
            return doc.status, doc.final_url, None
        except SourceRefused as exc:
            return None, None, str(exc)
        except FetchError as exc:
            if exc.status is not None:
                return exc.status, exc.final_url, None
        link = await ctx.check_link(url)
        problem = None if link.status is not None else (link.reason or "no answer")
        if link.reason == "dns":
            problem = "DNS failure: no such host"
        elif link.reason == "tls" and link.error:
            # "the TLS certificate of host is not trusted: certificate has expired (url)": the why
            problem = "TLS: " + link.error.split(": ", 1)[-1].removesuffix(f" ({url})")
        return link.status, link.final_url, problem


@hookimpl
def register_verifiers(register: Any) -> None:
    register(LinkCheck())


async def _gather(*aws: Any) -> list:
    import asyncio  # here, not at the top: plugin modules load on every CLI start

    return await asyncio.gather(*aws)
