"""The HTTP verifiers against a real server on 127.0.0.1 and recorded real responses."""

from __future__ import annotations

import json

from tests.verify.conftest import FIXTURES, load

HTTP_CONFIG = """
[http]
retries = 1
backoff = 0.05
max_bytes = 5_000_000
"""


def test_source_text_reads_the_page_and_writes_back_stance_and_excerpt(run, make_project, server):
    url = server.article("/viasna", "Rights groups say 36,000 people have been arrested in Belarus since August 2020. "
                         "Another 1,200 remain in prison.")
    root = make_project({"arrests": {"claim": "More than 35,000 people have been arrested in Belarus since August 2020.",
                                     "sources": [{"url": url}]}}, config=HTTP_CONFIG)
    result = run("verify", "--verifier", "source-text", cwd=root)
    assert result.exit_code == 0, result.output
    data = load(root, "arrests")
    assert data["status"] == "supported"
    source = data["sources"][0]
    assert source["stance"] == "supports"
    assert source["excerpt"] == "Rights groups say 36,000 people have been arrested in Belarus since August 2020."
    # a second run is served from the HTTP cache and changes nothing
    requests = len(server.log)
    assert run("verify", "--verifier", "source-text", "--stale", "0", cwd=root).exit_code == 0
    assert len(server.log) == requests


def test_source_text_and_link_check_read_a_page_once_and_without_its_metadata(run, make_project, server, monkeypatch):
    """Neither verifier uses a page's title, site name, date or author, so a run does not pay for
    reading them (half of trafilatura's time on a news page), and one extraction serves both."""
    import trafilatura.core

    from claimcheck.http import documents

    def no_metadata_wanted(*args, **kwargs):
        raise AssertionError("the page's metadata was read")

    extracted = []
    real_extract = documents.extract

    def counting_extract(*args, **kwargs):
        extracted.append(kwargs.get("url"))
        return real_extract(*args, **kwargs)

    monkeypatch.setattr(trafilatura.core, "extract_metadata", no_metadata_wanted)
    monkeypatch.setattr(trafilatura, "extract_metadata", no_metadata_wanted)
    monkeypatch.setattr("claimcheck.http.pool.extract", counting_extract)  # small runs extract in-process
    url = server.article("/viasna-2", "Rights groups say 36,000 people have been arrested in Belarus since August 2020.")
    root = make_project({"arrests": {"claim": "More than 35,000 people have been arrested in Belarus since August 2020.",
                                     "sources": [{"url": url}]}}, config=HTTP_CONFIG)
    result = run("verify", "--verifier", "source-text", "--verifier", "link-check", cwd=root)
    assert result.exit_code == 0, result.output
    data = load(root, "arrests")
    assert data["verdicts"]["source-text"]["status"] == "supported"
    assert data["sources"][0]["http_status"] == 200
    assert extracted == [url]


def test_misbehaving_servers_never_crash_the_run(run, make_project, server):
    claim = "More than 35,000 people have been arrested in Belarus since August 2020."
    paths = ["/rate-limited", "/error", "/huge", "/image", "/bad-utf8", "/loop-a", "/reset", "/gone"]
    sources = [{"url": server.url(p), "excerpt": "Viasna counted 36,000 arrests since August 2020."} for p in paths]
    root = make_project({"arrests": {"claim": claim, "sources": sources}}, config=HTTP_CONFIG)
    result = run("verify", "--verifier", "source-text", "--verifier", "link-check", cwd=root)
    assert result.exit_code == 0, result.output
    data = load(root, "arrests")
    assert data["verdicts"]["source-text"]["status"] == "supported"
    by_path = {s["url"].rsplit("/", 1)[-1]: s for s in data["sources"]}
    # 429 with Retry-After was retried and the page read
    assert by_path["rate-limited"]["http_status"] == 200
    assert server.counts["/rate-limited"] >= 2
    assert by_path["gone"]["http_status"] == 410
    note = data["verdicts"]["link-check"]["note"]
    assert "warning: dead" in note and "/gone (410)" in note
    assert "loop-a" in note  # a redirect loop is reported, not followed forever


def test_link_check_records_status_and_final_url(run, make_project, server, closed_port):
    live = server.article("/live", "Nothing to see.")
    sources = [
        {"url": live},
        {"url": server.url("/redirect-to/live")},
        {"url": server.url("/missing")},
        {"url": f"http://127.0.0.1:{closed_port}/nobody-home"},
    ]
    root = make_project({"links": {"claim": "A claim with links.", "sources": sources}}, config=HTTP_CONFIG)
    result = run("verify", "--verifier", "link-check", cwd=root)
    assert result.exit_code == 0, result.output
    data = load(root, "links")
    statuses = [s.get("http_status") for s in data["sources"]]
    assert statuses[:3] == [200, 200, 404]
    assert data["sources"][1]["final_url"] == live
    assert "final_url" not in data["sources"][0]
    note = data["verdicts"]["link-check"]["note"]
    assert note.startswith("2 of 4 links alive")
    assert "/missing (404)" in note and "nobody-home" in note


def test_link_check_says_why_a_source_certificate_is_refused(run, make_project):
    """An https source whose certificate has expired is a finding, said as such in the note."""
    import pytest

    trustme = pytest.importorskip("trustme")
    from tests._tls import start_tls_servers

    servers = start_tls_servers(trustme)
    try:
        expired = servers.urls["expired"]
        root = make_project({"tls": {"claim": "A claim with an old source.", "sources": [{"url": expired}]}},
                            config=HTTP_CONFIG)
        with pytest.MonkeyPatch.context() as env:
            bundle = root / "ca.pem"
            servers.ca.cert_pem.write_to_path(str(bundle))
            env.setenv("SSL_CERT_FILE", str(bundle))  # the CA is trusted: only the expiry is wrong
            result = run("verify", "--verifier", "link-check", cwd=root)
    finally:
        servers.close()
    assert result.exit_code == 0, result.output
    data = load(root, "tls")
    assert "http_status" not in data["sources"][0]
    assert data["verdicts"]["link-check"]["note"] == f"0 of 1 links alive; failing: {expired} (TLS: certificate has expired)"


def test_wayback_records_the_closest_snapshot(run, make_project, server):
    server.options["wayback"] = {"url": "https://example.org/a", "archived_snapshots": {"closest": {
        "status": "200", "available": True, "url": "http://web.archive.org/web/20210809000000/https://example.org/a",
        "timestamp": "20210809000000"}}}
    config = HTTP_CONFIG + f'\n[verifiers.wayback]\navailability_url = "{server.url("/wayback/available")}"\n'
    root = make_project({"a": {"claim": "A claim.", "sources": [
        {"url": "https://example.org/a", "published": "2021-08-09"},
        {"url": "https://example.org/kept", "archived": "https://web.archive.org/web/2020/https://example.org/kept"}]}},
        config=config)
    assert run("verify", "--verifier", "wayback", cwd=root).exit_code == 0
    sources = load(root, "a")["sources"]
    assert sources[0]["archived"] == "https://web.archive.org/web/20210809000000/https://example.org/a"
    assert sources[1]["archived"] == "https://web.archive.org/web/2020/https://example.org/kept"
    asked = [p for m, p, h in server.log if p.startswith("/wayback")]
    assert len(asked) == 1 and "timestamp=20210809" in asked[0]


def _factcheck_payload() -> bytes:
    recorded = json.loads((FIXTURES / "google-factcheck-claims-search-claim.json").read_text(encoding="utf-8"))
    english = {
        "text": "Doctor beats patient at Hallet hospital in Kanpur",
        "claimReview": [
            {"publisher": {"name": "Example Check", "site": "check.example"}, "url": "https://check.example/kanpur",
             "textualRating": "Pants on Fire!"},
            {"url": "https://other.example/review"},  # no publisher, no rating, no date: all optional
            {"title": "no url: skipped"},
        ],
    }
    return json.dumps({"claims": [recorded, english, {"unexpected": True}], "nextPageToken": "x"}).encode()


def test_fact_check_search_adds_published_fact_checks(run, make_project, server, monkeypatch):
    secret = "AIzaSyTEST-not-a-real-key-123456"
    monkeypatch.setenv("CLAIMCHECK_FACTCHECK_API_KEY", secret)
    server.options["factcheck"] = _factcheck_payload()
    config = HTTP_CONFIG + f'\n[verifiers.fact-check-search]\nendpoint = "{server.url("/factcheck")}"\nmin_similarity = 0\n'
    root = make_project({"doctor": {"claim": "A video shows a doctor beating a patient at Hallet hospital in Kanpur."}},
                        config=config)
    result = run("verify", "--verifier", "fact-check-search", cwd=root)
    assert result.exit_code == 0, result.output
    data = load(root, "doctor")
    by_url = {s["url"]: s for s in data["sources"]}
    vishvas = by_url["https://www.vishvasnews.com/urdu/society/viral-video-of-doctor-beating-patient-is-of-jaipur-sms-hospital-not-from-kanpur-hallet-hospital/"]
    assert vishvas["publisher"] == "vishvasnews.com" and vishvas["rating"] == "False"
    assert vishvas["stance"] == "refutes" and vishvas["added_by"] == "fact-check-search"
    assert str(vishvas["published"]) == "2019-06-20"
    assert by_url["https://check.example/kanpur"]["stance"] == "refutes"
    assert by_url["https://other.example/review"]["stance"] == "inconclusive"
    assert data["verdicts"]["fact-check-search"]["status"] == "refuted"
    # the key travels in a header, never in the URL, and is nowhere in output or files
    assert {k.lower(): v for k, v in server.options["factcheck_headers"].items()}["x-goog-api-key"] == secret
    assert all(secret not in path for _, path, _ in server.log)
    assert secret not in result.output
    assert all(secret not in p.read_text() for p in root.rglob("*.yaml"))


def test_fact_check_search_without_a_key_is_skipped_with_one_line(run, make_project, monkeypatch):
    monkeypatch.delenv("CLAIMCHECK_FACTCHECK_API_KEY", raising=False)
    root = make_project({"a": {"claim": "A claim."}})
    result = run("verify", "--verifier", "fact-check-search", cwd=root)
    assert result.exit_code == 0
    assert result.output.count("skipped verifier fact-check-search: no API key: set CLAIMCHECK_FACTCHECK_API_KEY") == 1


def test_a_key_in_an_error_is_blanked(run, make_project, monkeypatch, closed_port):
    secret = "AIzaSyTEST-secret-in-errors-999"
    monkeypatch.setenv("CLAIMCHECK_FACTCHECK_API_KEY", secret)
    config = HTTP_CONFIG + f'\n[verifiers.fact-check-search]\nendpoint = "http://127.0.0.1:{closed_port}/x?key={secret}"\n'
    root = make_project({"a": {"claim": "A claim."}}, config=config)
    result = run("verify", "--verifier", "fact-check-search", cwd=root)
    assert result.exit_code == 3  # the verifier failed, and says so
    assert secret not in result.output
    assert secret not in (root / "claims" / "c" / "a.yaml").read_text()
    assert "fact-check search failed" in load(root, "a")["verdicts"]["fact-check-search"]["note"]


def test_unit_consistency_checks_a_figure_in_two_units(run, make_project):
    root = make_project({
        "ok": {"claim": "Przemyśl is 14km (8.7 miles) from the Ukrainian border.", "date": "2022-03-21"},
        "bad": {"claim": "Przemyśl is 14km (12 miles) from the Ukrainian border.", "date": "2022-03-21"},
        "money": {"claim": "The campaign raised 65,000 euros ($72,000).", "date": "2022-03-21"},
        "single": {"claim": "Przemyśl is 14km from the Ukrainian border."},
    })
    assert run("verify", "--offline", "--verifier", "unit-consistency", cwd=root).exit_code == 0
    assert load(root, "ok")["verdicts"]["unit-consistency"]["status"] == "not-enough-evidence"
    assert load(root, "bad")["verdicts"]["unit-consistency"]["status"] == "refuted"
    assert load(root, "bad")["status"] == "refuted"
    assert "ECB rate of 2022-03-21" in load(root, "money")["verdicts"]["unit-consistency"]["note"]
    assert "verdicts" not in load(root, "single")


def test_a_slow_source_times_out_that_verifier_only(run, make_project, server):
    server.options["slow"] = 5.0
    fast = server.article("/fast", "Police said 36,000 people have been arrested in Belarus since August 2020.")
    root = make_project({
        "slow": {"claim": "More than 35,000 people have been arrested in Belarus since August 2020.",
                 "sources": [{"url": server.url("/slow")}]},
        "fast": {"claim": "More than 35,000 people have been arrested in Belarus since August 2020.",
                 "sources": [{"url": fast}]},
    }, config=HTTP_CONFIG)
    started = __import__("time").monotonic()
    result = run("verify", "--verifier", "source-text", "--timeout", "1", cwd=root)
    assert __import__("time").monotonic() - started < 5
    assert result.exit_code == 3
    assert load(root, "slow")["verdicts"]["source-text"]["note"] == "timed out after 1 s"
    assert load(root, "fast")["status"] == "supported"
