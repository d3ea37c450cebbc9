"""run_verifier: one verifier, one claim, a mocked HTTP layer; what a plugin author's tests rely on."""

from __future__ import annotations

import re

import httpx
import pytest

from claimcheck import Verdict, VerdictStatus
from claimcheck.errors import ClaimcheckError


class Probe:
    """A verifier that does what the test tells it to, and keeps what it saw."""

    name, description, version = "probe", "A verifier for tests.", "1.0"

    def __init__(self, action=None):
        self.action = action
        self.seen = {}

    def applies_to(self, claim):
        return True

    async def verify(self, claim, ctx):
        self.seen["offline"] = ctx.offline
        self.seen["settings"] = dict(ctx.settings)
        note = await self.action(claim, ctx) if self.action else "ok"
        return Verdict(status=VerdictStatus.SUPPORTED, note=note)


async def page_text(claim, ctx):
    return (await ctx.fetch_text(claim.sources[0].url)).text


async def failure(claim, ctx):
    try:
        await ctx.fetch_text(claim.sources[0].url)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return "no failure"


def html(text: str) -> str:
    """A page the HTTP layer's text extractor reads like a real article."""
    return f"<html><head><title>A page</title></head><body><article><h1>News</h1><p>{text}</p></article></body></html>"


def with_source(make_claim, url="https://example.org/page"):
    return make_claim(sources=[{"url": url}])


def test_without_responses_the_run_is_offline(make_claim, run_verifier):
    probe = Probe(failure)
    verdict = run_verifier(probe, with_source(make_claim))
    assert probe.seen["offline"] is True
    assert verdict.note.startswith("Offline:")
    assert run_verifier.requests == []


def test_a_routing_table_answers_with_pages(make_claim, run_verifier):
    page = "<html><head><title>T</title></head><body><article><p>Police detained 36,000 people.</p></article></body></html>"
    verdict = run_verifier(Probe(page_text), with_source(make_claim), responses={"https://example.org/page": page})
    assert "Police detained 36,000 people." in verdict.note
    assert run_verifier.requests == [("GET", "https://example.org/page")]


def test_a_status_answer_reaches_the_verifier_as_a_fetch_error(make_claim, run_verifier):
    verdict = run_verifier(Probe(failure), with_source(make_claim), responses={"https://example.org/page": 404})
    assert verdict.note.startswith("FetchError:") and "404" in verdict.note


def test_an_exception_answer_is_raised_in_the_http_layer(make_claim, run_verifier):
    responses = {"https://example.org/page": httpx.ConnectError}
    verdict = run_verifier(Probe(failure), with_source(make_claim), responses=responses)
    assert verdict.note.startswith("FetchError:")


def test_json_answers_headers_and_query_strings(make_claim, run_verifier):
    async def search(claim, ctx):
        data = await ctx.get_json("https://api.example.org/search?query=arrests&key=abc")
        return data["claims"][0]["text"]

    responses = {"https://api.example.org/search": {"json": {"claims": [{"text": "found it"}]}}}
    verdict = run_verifier(Probe(search), make_claim(), responses=responses)
    assert verdict.note == "found it", "a key without a query string matches any query string"


def test_successive_answers_let_a_test_see_the_retry(make_claim, run_verifier):
    url = "https://example.org/page"
    responses = {url: [{"status": 429, "headers": {"Retry-After": "0"}}, html("second time lucky")]}
    verdict = run_verifier(Probe(page_text), with_source(make_claim, url), responses=responses)
    assert "second time lucky" in verdict.note
    assert run_verifier.requests == [("GET", url), ("GET", url)]


def test_prefix_and_regular_expression_keys(make_claim, run_verifier):
    responses = {"https://example.org/a/*": html("prefix"), re.compile(r"/b/\d+$"): html("pattern")}
    assert "prefix" in run_verifier(Probe(page_text), with_source(make_claim, "https://example.org/a/1"), responses=responses).note
    assert "pattern" in run_verifier(Probe(page_text), with_source(make_claim, "https://example.org/b/22"), responses=responses).note


def test_recorded_responses_from_a_file(make_claim, run_verifier, tmp_path):
    recorded = tmp_path / "recorded.yaml"
    recorded.write_text(
        "- url: https://example.org/page\n  status: 200\n  headers: {content-type: text/plain}\n  body: a recorded body\n",
        encoding="utf-8",
    )
    assert run_verifier(Probe(page_text), with_source(make_claim), responses=recorded).note == "a recorded body"


def test_a_request_nothing_answers_fails_the_test_by_name(make_claim, run_verifier):
    with pytest.raises(pytest.fail.Exception, match=r"does not answer:\n  GET https://example.org/elsewhere"):
        run_verifier(Probe(page_text), with_source(make_claim, "https://example.org/elsewhere"), responses={"https://x.org/": ""})


def test_not_strict_lets_the_verifier_see_an_unreachable_host(make_claim, run_verifier):
    verdict = run_verifier(Probe(failure), with_source(make_claim, "https://example.org/elsewhere"),
                           responses={"https://x.org/": ""}, strict=False)
    assert verdict.note.startswith("FetchError:")


def test_a_verifier_with_its_own_httpx_client_cannot_reach_the_network(make_claim, run_verifier):
    async def direct(claim, ctx):
        async with httpx.AsyncClient() as client:
            return (await client.get("https://example.org/direct")).text

    assert run_verifier(Probe(direct), make_claim(), responses={"https://example.org/direct": "mocked"}).note == "mocked"


@pytest.mark.parametrize("transport", ["aiohttp", "httpcore"])
def test_no_request_of_the_http_layer_reaches_the_network_whichever_its_transport(
    make_claim, run_verifier, monkeypatch, transport
):
    import socket

    from claimcheck.http import pool

    monkeypatch.setattr(pool, "_aiohttp_available", lambda: transport == "aiohttp")  # what "auto" picks
    seen = {}

    async def fetch(claim, ctx):
        seen["transport"] = ctx.http.transport
        return (await ctx.fetch_text(claim.sources[0].url)).text

    # A real server that never answers: a request reaching it would hang the run until its timeout.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/page"
        verdict = run_verifier(Probe(fetch), with_source(make_claim, url), responses={url: "from the table"}, timeout=5)
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected
    assert seen["transport"] == transport
    assert verdict.note == "from the table"


def test_each_run_sees_its_own_responses(make_claim, run_verifier):
    claim = with_source(make_claim)
    assert "first" in run_verifier(Probe(page_text), claim, responses={"https://example.org/page": html("first")}).note
    assert "second" in run_verifier(Probe(page_text), claim, responses={"https://example.org/page": html("second")}).note


def test_settings_come_from_the_project_and_can_be_overridden(make_claim, run_verifier, claims_project):
    project = claims_project(config="[verifiers.probe]\nlevel = 1\nmode = 'fast'\n")
    probe = Probe()
    run_verifier(probe, make_claim(), project=project, settings={"level": 2})
    assert probe.seen["settings"] == {"level": 2, "mode": "fast"}


def test_a_claim_can_be_given_as_fields_or_as_a_sentence(run_verifier):
    assert run_verifier(Probe(), {"claim": "The tower is 330 metres tall.", "figure": "330 metres"}).note == "ok"
    assert run_verifier(Probe(), "The tower is 330 metres tall.").note == "ok"


def test_mistakes_in_the_verifier_are_named(make_claim, run_verifier):
    class Sync(Probe):
        def verify(self, claim, ctx):
            return None

    with pytest.raises(ClaimcheckError, match=r"verifier 'probe': `verify` must be a coroutine: write `async def verify"):
        run_verifier(Sync(), make_claim())

    class Wrong(Probe):
        async def verify(self, claim, ctx):
            return "supported"

    with pytest.raises(pytest.fail.Exception, match=r"probe.verify returned str, not a claimcheck.Verdict or None"):
        run_verifier(Wrong(), make_claim())

    class Picky(Probe):
        def applies_to(self, claim):
            return False

    with pytest.raises(pytest.fail.Exception, match=r"applies_to\(claim\) is False"):
        run_verifier(Picky(), make_claim())


def test_an_exception_in_verify_reaches_the_test(make_claim, run_verifier):
    async def boom(claim, ctx):
        raise KeyError("the bug")

    with pytest.raises(KeyError, match="the bug"):
        run_verifier(Probe(boom), make_claim())


def test_an_offline_run_refuses_even_a_verifiers_own_client(make_claim, run_verifier):
    async def direct(claim, ctx):
        async with httpx.AsyncClient() as client:
            await client.get("https://example.org/direct")

    with pytest.raises(pytest.fail.Exception, match=r"made requests, and no responses= were given:\n  GET https://example.org/direct"):
        run_verifier(Probe(direct), make_claim())


def test_the_first_party_link_checker_runs_under_run_verifier(make_claim, run_verifier):
    from claimcheck_plugins.link_check import LinkCheck

    alive, dead = "https://example.org/alive", "https://example.org/gone"
    claim = make_claim(sources=[{"url": alive}, {"url": dead}])
    verdict = run_verifier(LinkCheck(), claim, responses={alive: html("Still here."), dead: 404})
    assert verdict.note.startswith("1 of 2 links alive; warning: dead: https://example.org/gone")
    assert {s.url: s.http_status for s in verdict.sources} == {alive: 200, dead: 404}


def test_redirects_are_followed_by_the_http_layer(make_claim, run_verifier):
    old, new = "https://example.org/old", "https://example.org/new"
    responses = {old: {"status": 301, "headers": {"Location": new}}, new: html("Moved here.")}
    verdict = run_verifier(Probe(page_text), with_source(make_claim, old), responses=responses)
    assert "Moved here." in verdict.note
    assert run_verifier.requests == [("GET", old), ("GET", new)]
