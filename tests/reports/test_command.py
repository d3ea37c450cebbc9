"""`claimcheck report`: formats, filters, output files, and a newsroom's own format."""

from __future__ import annotations

import json
import os
import stat

from .conftest import write_project

HOUSE_FORMAT = '''\
from claimcheck import hookimpl


class House:
    name = "house"
    description = "Our desk's morning list"
    extension = "txt"

    def render(self, report, options):
        prefix = options.settings.get("house", {}).get("prefix", "*")
        return "".join(f"{prefix} {c.id}: {c.status_label}\\n" for c in report.claims)


@hookimpl
def register_report_formats(register):
    register(House())
'''


def test_default_is_markdown_on_stdout(sample_project, run):
    result = run("report", cwd=sample_project)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Belarus 2022: verification report\n")  # [report] title
    assert "### arrests-35000" in result.stdout


def test_title_option_wins_over_the_config(sample_project, run):
    result = run("report", "--title", "Morning check", cwd=sample_project)
    assert result.stdout.startswith("# Morning check\n")


def test_filters(sample_project, run):
    result = run("report", "--format", "csv", "--status", "refuted", "--status", "supported", "--tag", "belarus",
                 cwd=sample_project)
    ids = [line.split(",")[0] for line in result.stdout.lstrip("\ufeff").splitlines()[1:]]
    assert ids == ["arrests-35000", "bysol-raised-65000-eur"]
    result = run("report", "--format", "json", "--collection", "world", cwd=sample_project)
    data = json.loads(result.stdout)
    assert [c["id"] for c in data["claims"]] == ["un-vote"] and data["filters"]["collection"] == ["world"]


def test_output_file_format_follows_its_extension_and_is_written_whole(sample_project, run, tmp_path):
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    old_umask = os.umask(0o022)
    try:
        result = run("report", "-o", str(target), cwd=sample_project)
    finally:
        os.umask(old_umask)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.endswith(f"wrote {target} (html, 5 claims)\n")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.html"]  # no temporary file left
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # readable by a web server, like any file
    for name, fmt in (("r.md", "markdown"), ("r.json", "json"), ("r.csv", "csv"), ("r.jsonld", "claimreview")):
        result = run("report", "-o", str(tmp_path / name), cwd=sample_project)
        assert f"({fmt}, " in result.stderr, result.output


def test_format_option_wins_over_the_extension(sample_project, run, tmp_path):
    run("report", "--format", "json", "-o", str(tmp_path / "report.txt"), cwd=sample_project)
    assert json.loads((tmp_path / "report.txt").read_text(encoding="utf-8"))["summary"]["total"] == 5


def test_unknown_format_is_one_clear_line(sample_project, run):
    result = run("report", "--format", "pdf", cwd=sample_project)
    assert result.exit_code == 1
    assert result.output.strip() == ("Error: no report format 'pdf'; choose one of markdown, html, json, csv, claimreview "
                                     "(see `claimcheck report --list-formats`)")


def test_list_formats(sample_project, run):
    result = run("report", "--list-formats", cwd=sample_project)
    assert [line.split("\t")[:2] for line in result.stdout.splitlines()] == [
        ["markdown", ".md"], ["html", ".html"], ["json", ".json"], ["csv", ".csv"], ["claimreview", ".jsonld"]]


def test_an_empty_project_gets_a_report_saying_so(tmp_path, run):
    project = write_project(tmp_path / "empty", {})
    result = run("report", cwd=project)
    assert result.exit_code == 0
    assert "This project has no claims yet." in result.stdout
    for fmt in ("html", "json", "csv", "claimreview"):
        assert run("report", "--format", fmt, cwd=project).exit_code == 0


def test_invalid_files_are_named_and_left_out(sample_project, run):
    (sample_project / "claims" / "broken.yaml").write_text("claim: [unclosed\n", encoding="utf-8")
    result = run("report", "--format", "json", cwd=sample_project)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["total"] == 5
    assert "broken.yaml:" in result.stderr and "(left out of the report)" in result.stderr


def test_claimreview_without_base_url_is_one_clear_line(tmp_path, run):
    from .conftest import RAISED

    project = write_project(tmp_path / "p", {"": [RAISED]}, "[report]\norganisation = 'Desk'\n")
    result = run("report", "--format", "claimreview", cwd=project)
    assert result.exit_code == 1
    assert result.output.startswith("Error: report format 'claimreview': ClaimReview needs the address where the "
                                    "report is published: set base_url in the [report] table of claimcheck.toml")


def test_html_snippet_with_another_format_says_it_does_nothing(sample_project, run):
    result = run("report", "--format", "json", "--html-snippet", cwd=sample_project)
    assert result.exit_code == 0
    assert "note: --html-snippet applies to the claimreview format, not 'json'; ignored" in result.stderr


def test_a_newsroom_adds_its_own_format_as_a_project_plugin(sample_project, run):
    (sample_project / "plugins").mkdir()
    (sample_project / "plugins" / "house.py").write_text(HOUSE_FORMAT, encoding="utf-8")
    with open(sample_project / "claimcheck.toml", "a", encoding="utf-8") as fh:
        fh.write("\n[report.house]\nprefix = \"->\"\n")
    result = run("report", "--format", "house", "--status", "refuted", cwd=sample_project)
    assert result.exit_code == 0, result.output
    assert result.stdout == "-> bysol-raised-65000-eur: Refuted\n"
    listed = run("report", "--list-formats", cwd=sample_project).stdout
    assert "house\t.txt\tOur desk's morning list" in listed


def test_missing_output_folder_is_an_error(sample_project, run, tmp_path):
    result = run("report", "-o", str(tmp_path / "nope" / "r.md"), cwd=sample_project)
    assert result.exit_code == 1 and "does not exist" in result.output


def test_a_failed_report_leaves_the_previous_file_in_place(tmp_path, run):
    from .conftest import RAISED

    project = write_project(tmp_path / "p", {"": [RAISED]}, "[report]\norganisation = 'Desk'\n")  # no base_url
    target = tmp_path / "claimreview.jsonld"
    target.write_text("[]\n", encoding="utf-8")
    target.chmod(0o640)
    result = run("report", "-o", str(target), cwd=project)
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "[]\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claimreview.jsonld", "p"]
    # a successful run replaces it and keeps its permissions
    (project / "claimcheck.toml").write_text("[report]\nbase_url = 'https://x.example/r.html'\n", encoding="utf-8")
    assert run("report", "-o", str(target), cwd=project).exit_code == 0
    assert "bysol-raised-65000-eur" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
