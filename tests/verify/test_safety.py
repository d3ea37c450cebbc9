"""Bad input: source references claimcheck refuses, and the run goes on."""

from __future__ import annotations

from tests.verify.conftest import load

CLAIM = "More than 35,000 people have been arrested in Belarus since August 2020."


def test_other_schemes_and_paths_outside_the_project_are_refused(run, make_project, tmp_path):
    secret_file = tmp_path / "outside.txt"
    secret_file.write_text("Police said 36,000 people have been arrested since August 2020.")
    sources = [
        {"url": "file:///etc/passwd"},
        {"url": "ftp://example.org/report.txt"},
        {"url": "javascript:alert(1)"},
        {"url": "../outside.txt"},
        {"url": "../../../../etc/passwd"},
    ]
    root = make_project({"arrests": {"claim": CLAIM, "sources": sources}})
    result = run("verify", "--verifier", "source-text", cwd=root)
    assert result.exit_code == 0, result.output
    verdict = load(root, "arrests")["verdicts"]["source-text"]
    # nothing was read: the file outside the project would have supported the claim
    assert verdict["status"] == "not-enough-evidence"
    assert "refus" in verdict["note"] and "file" in verdict["note"]
    assert "stance" not in load(root, "arrests")["sources"][3]


def test_a_local_document_inside_the_project_is_read(run, make_project):
    root = make_project({"arrests": {"claim": CLAIM, "sources": [{"url": "documents/viasna.txt"}]}})
    (root / "documents").mkdir()
    (root / "documents" / "viasna.txt").write_text("Viasna: 36,000 people have been arrested in Belarus since August 2020.\n")
    assert run("verify", "--offline", "--verifier", "source-text", cwd=root).exit_code == 0
    data = load(root, "arrests")
    assert data["status"] == "supported"
    assert data["sources"][0]["excerpt"].startswith("Viasna: 36,000 people")
