"""``claimcheck extract``: dry runs, drafts written, duplicates skipped, extractor plugins."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from tests.conftest import write

ARTICLE = """Belarus arrests

On February 27, more than 800 people were arrested by police in Belarus, the Interior Ministry said.
The European Union imposed new sanctions on the Belarusian government in June 2021.
“I felt sheer horror,” says Marina, a 33-year-old IT specialist.
"""


def claim_files(project: Path) -> dict[str, dict]:
    return {p.relative_to(project / "claims").as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((project / "claims").rglob("*.yaml"))}


def test_dry_run_json_lists_ranked_proposals_and_writes_nothing(project, run):
    source = write(project / "article.txt", ARTICLE)
    result = run("extract", str(source), "--dry-run", "--format", "json", cwd=project)
    assert result.exit_code == 0, result.output
    proposals = json.loads(result.stdout)
    assert sorted(p["figure"] for p in proposals[:2]) == ["February 27", "more than 800"]
    for p in proposals:
        assert {"id", "claim", "quote", "figure", "kind", "score"} <= set(p)
        assert p["quote"] in ARTICLE, "quotes are verbatim"
    scores = [p["score"] for p in proposals]
    assert scores == sorted(scores, reverse=True)
    assert all(s >= 0.5 for s in scores)
    assert not any("Marina" in p["quote"] for p in proposals), "feelings and private ages stay out"
    assert claim_files(project) == {}


def test_writes_draft_records_then_reports_them_as_already_tracked(project, run):
    source = write(project / "article.txt", ARTICLE)
    result = run("extract", str(source), "--collection", "belarus", cwd=project)
    assert result.exit_code == 0, result.output
    files = claim_files(project)
    assert len(files) == 3 and all(name.startswith("belarus/") for name in files)
    arrests = next(r for r in files.values() if r.get("figure") == "more than 800")
    assert arrests["status"] == "unchecked"
    assert arrests["quote"] in ARTICLE
    assert arrests["extra"]["checkworthiness"] >= 0.5
    assert arrests["appeared_in"] == {"url": "article.txt", "title": "Belarus arrests"}
    assert arrests["measure"]
    assert len(arrests["id"]) <= 40

    again = run("extract", str(source), "--collection", "belarus", cwd=project)
    assert again.exit_code == 0
    assert again.stdout.count("already tracked: ") == 3
    assert claim_files(project) == files, "nothing new, nothing overwritten"
    assert run("validate", cwd=project).exit_code == 0


def test_a_claim_tracked_in_other_words_is_recognised(project, run):
    write(project / "claims" / "arrests-800.yaml",
          "id: arrests-800\nclaim: More than 800 people were arrested in Belarus on 27 February 2022.\n"
          "figure: more than 800\nquote: more than 800 people were arrested by police in Belarus\n")
    source = write(project / "article.txt", ARTICLE)
    result = run("extract", str(source), cwd=project)
    assert "already tracked: arrests-800" in result.stdout
    assert sum(1 for r in claim_files(project).values() if r.get("figure") == "more than 800") == 1


def test_ids_never_overwrite_an_existing_file(project, run):
    source = write(project / "article.txt", ARTICLE)
    preview = json.loads(run("extract", str(source), "--dry-run", "--format", "json", cwd=project).stdout)
    taken = project / "claims" / f"{preview[0]['id']}.yaml"
    write(taken, "id: " + preview[0]["id"] + "\nclaim: Something else entirely, about the weather in Lisbon.\n")
    before = taken.read_text()
    assert run("extract", str(source), cwd=project).exit_code == 0
    assert taken.read_text() == before
    assert (project / "claims" / f"{preview[0]['id']}-2.yaml").exists()


def test_standard_input_markdown_and_html(project, run):
    md = "# Title\n\nThe **Interior Ministry** said police [arrested](https://x.org) more than 800 people in Minsk.\n"
    result = run("extract", "-", "--dry-run", "--format", "json", cwd=project, input=md)
    assert result.exit_code == 0, result.output
    [found] = [p for p in json.loads(result.stdout) if p["figure"]]
    assert found["quote"] == "The Interior Ministry said police arrested more than 800 people in Minsk."

    html = write(project / "page.html", HTML)
    result = run("extract", str(html), "--format", "yaml", cwd=project)
    assert result.exit_code == 0, result.output
    record = next(r for r in claim_files(project).values() if r.get("figure") == "more than 35,000")
    assert record["appeared_in"] == {"url": "https://news.example.org/belarus/arrests", "title": "Belarus arrests",
                                     "publisher": "Example News"}
    assert str(record["date"]) == "2022-03-21"
    assert record["claimant"] == "Example News"


HTML = """<!doctype html><html><head><title>Belarus arrests | Example News</title>
<link rel="canonical" href="https://news.example.org/belarus/arrests">
<meta property="og:site_name" content="Example News"><meta property="og:title" content="Belarus arrests">
<meta property="article:published_time" content="2022-03-21T09:00:00Z"></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Log in</a></nav>
<article><h1>Belarus arrests</h1>
<p>In the past year and a half, the Belarusian authorities have arrested more than 35,000 people in an effort to suppress the country's pro-democracy movement, according to the rights group Viasna.</p>
<p>On February 27, the day of a constitutional referendum, more than 800 people were detained while protesting against the war in Ukraine, the Interior Ministry said.</p>
<p>The European Union and the United States imposed sanctions on the government after the disputed election of August 2020, which observers said was rigged.</p>
</article><footer>© Example News. All rights reserved. Subscribe to our newsletter.</footer></body></html>"""


def test_unknown_extractor_is_named_with_the_registered_ones(project, run):
    source = write(project / "article.txt", ARTICLE)
    result = run("extract", str(source), "--extractor", "nope", "--dry-run", cwd=project)
    assert result.exit_code != 0
    assert "no extractor named 'nope'; registered: rules" in result.output


def test_a_project_plugin_can_add_an_extractor(project, run):
    write(project / "plugins" / "shouty.py", '''
from claimcheck import hookimpl
from claimcheck.extract import Proposal, split_sentences

class Shouty:
    name = "shouty"
    description = "every sentence, score 1"
    def extract(self, document):
        return [Proposal(id=f"s{i}", claim=s.text, quote=s.text, score=1.0)
                for i, s in enumerate(split_sentences(document.text))]

@hookimpl
def register_extractors(register):
    register(Shouty())
''')
    source = write(project / "article.txt", ARTICLE)
    result = run("extract", str(source), "--extractor", "shouty", "--dry-run", "--format", "json", cwd=project)
    assert result.exit_code == 0, result.output
    assert [p["id"] for p in json.loads(result.stdout)] == ["s0", "s1", "s2", "s3"]


def test_a_url_is_fetched_and_its_page_metadata_kept(project, run):
    import http.server
    import threading

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = HTML.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/belarus/arrests?utm_source=x"
        result = run("extract", url, "--collection", "web", cwd=project)
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.output
    records = list(claim_files(project).values())
    assert records and all(r["appeared_in"]["url"] == "https://news.example.org/belarus/arrests" for r in records)
    assert any(r.get("figure") == "more than 800" for r in records)


def _pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` in Helvetica, built by hand (no PDF writer needed)."""
    content = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    return out + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def test_a_pdf_report_is_read(project, run):
    (project / "report.pdf").write_bytes(_pdf("More than 800 people were arrested in Minsk on February 27, the Interior Ministry said."))
    result = run("extract", str(project / "report.pdf"), "--dry-run", "--format", "json", cwd=project)
    assert result.exit_code == 0, result.output
    assert "more than 800" in {p["figure"].lower() for p in json.loads(result.stdout) if p["figure"]}
