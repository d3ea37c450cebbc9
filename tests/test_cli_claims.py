"""The everyday CLI: init, list, show, add, review, schema."""

from __future__ import annotations

import csv
import io
import json

import yaml

from tests.conftest import write

ARRESTS = """\
# Checked by the desk on Monday
id: arrests
claim: Belarusian authorities have arrested more than 35,000 people since August 2020.
figure: more than 35,000   # as the article words it
measure: people detained in Belarus since August 2020
claimant: Al Jazeera
date: 2022-03-21
tags: [belarus, repression]
sources:
  - url: https://example.org/viasna
    excerpt: "More than 35,000 people have been arrested."
    stance: supports
status: supported
confidence: 0.9
"""

RAISED = """\
id: raised
claim: BySol raised more than 65,000 euros.
figure: more than 65,000 euros
claimant: Al Jazeera
date: 2022-03-20
tags: [belarus, money]
status: refuted
confidence: 0.4
"""

UN_VOTE = """\
id: un-vote
claim: 141 countries voted for the UN resolution.
figure: "141"
claimant: UN News
tags: [un]
"""


def make_project(root):
    write(root / "claims" / "belarus" / "arrests.yaml", ARRESTS)
    write(root / "claims" / "belarus" / "money" / "raised.yaml", RAISED)
    write(root / "claims" / "un" / "un-vote.yaml", UN_VOTE)
    return root


def ids(result) -> list[str]:
    return [r["id"] for r in json.loads(result.stdout)]


def test_list_prints_a_plain_table_when_not_a_terminal(project, run):
    make_project(project)
    out = run("list", cwd=project).stdout.splitlines()
    assert out[0].split() == ["id", "status", "conf", "figure", "tags", "src", "claim"]
    assert out[1].startswith("arrests") and "supported" in out[1] and "0.90" in out[1]
    assert out[1].endswith("Belarusian authorities have arrested more than 35,000 people since August 2020.")
    assert len(out) == 4


def test_list_filters(project, run):
    make_project(project)
    assert ids(run("list", "--format", "json", "--status", "refuted", cwd=project)) == ["raised"]
    assert ids(run("list", "--format", "json", "--tag", "belarus", cwd=project)) == ["arrests", "raised"]
    assert ids(run("list", "--format", "json", "--tag", "belarus", "--tag", "money", cwd=project)) == ["raised"]
    assert ids(run("list", "--format", "json", "--collection", "belarus", cwd=project)) == ["arrests", "raised"]
    assert ids(run("list", "--format", "json", "--collection", "belarus/money", cwd=project)) == ["raised"]
    assert ids(run("list", "--format", "json", "--search", "DETAINED", cwd=project)) == ["arrests"]
    assert ids(run("list", "--format", "json", "--claimant", "un news", cwd=project)) == ["un-vote"]


def test_list_sorts(project, run):
    make_project(project)
    assert ids(run("list", "--format", "json", "--sort", "confidence", cwd=project)) == ["arrests", "raised", "un-vote"]
    assert ids(run("list", "--format", "json", "--sort", "date", cwd=project)) == ["raised", "arrests", "un-vote"]
    assert ids(run("list", "--format", "json", "--sort", "status", cwd=project)) == ["raised", "arrests", "un-vote"]


def test_list_json_carries_every_field_and_the_path(project, run):
    make_project(project)
    record = json.loads(run("list", "--format", "json", "--status", "supported", cwd=project).stdout)[0]
    assert record["path"] == "claims/belarus/arrests.yaml"
    assert record["collection"] == "belarus"
    assert record["sources"][0]["stance"] == "supports"
    assert record["date"] == "2022-03-21"
    assert record["measure"] == "people detained in Belarus since August 2020"


def test_list_jsonl_csv_and_yaml(project, run):
    make_project(project)
    lines = run("list", "--format", "jsonl", cwd=project).stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["arrests", "raised", "un-vote"]
    rows = list(csv.DictReader(io.StringIO(run("list", "--format", "csv", cwd=project).stdout)))
    assert rows[1]["id"] == "raised" and rows[1]["tags"] == "belarus;money" and rows[1]["confidence"] == "0.40"
    data = yaml.safe_load(run("list", "--format", "yaml", cwd=project).stdout)
    assert data[2]["figure"] == "141"


def test_project_is_found_from_a_subfolder_or_given(project, run, tmp_path_factory):
    make_project(project)
    assert ids(run("list", "--format", "json", cwd=project / "claims" / "un")) == ["arrests", "raised", "un-vote"]
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    assert ids(run("--project", str(project), "list", "--format", "json", cwd=elsewhere)) == ["arrests", "raised", "un-vote"]
    result = run("list", cwd=elsewhere)
    assert result.exit_code == 1 and "no claims project here" in result.stderr


def test_show_prints_the_claim_with_sources(project, run):
    make_project(project)
    out = run("show", "arrests", cwd=project).stdout
    assert "arrests" in out and "supported" in out
    assert "More than 35,000 people have been arrested." in out
    assert "https://example.org/viasna" in out
    assert json.loads(run("show", "arrests", "--format", "json", cwd=project).stdout)["claimant"] == "Al Jazeera"


def test_show_suggests_a_close_id(project, run):
    make_project(project)
    result = run("show", "arrest", cwd=project)
    assert result.exit_code == 1
    assert "no claim with id 'arrest' (did you mean 'arrests'?)" in result.stderr


def test_add_writes_a_valid_record_with_a_slug_id(project, run):
    result = run("add", "--claim", "Lukashenko has ruled Belarus since 1994.", "--figure", "1994", "--tag", "belarus",
                 "--source", "https://example.org/a", "--collection", "belarus", cwd=project)
    assert result.exit_code == 0, result.output
    path = project / "claims" / "belarus" / "lukashenko-has-ruled-belarus-since-1994.yaml"
    data = yaml.safe_load(path.read_text())
    assert data == {
        "id": "lukashenko-has-ruled-belarus-since-1994",
        "claim": "Lukashenko has ruled Belarus since 1994.",
        "figure": "1994",
        "tags": ["belarus"],
        "sources": [{"url": "https://example.org/a", "added_by": "person"}],
    }
    again = run("add", "--claim", "Lukashenko has ruled Belarus since 1994.", "--collection", "belarus", cwd=project)
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert yaml.safe_load(path.read_text())["figure"] == "1994", "refused to overwrite"


def test_add_without_claim_outside_a_terminal_is_a_usage_error(project, run):
    result = run("add", "--figure", "12", cwd=project)
    assert result.exit_code == 2 and "--claim is required" in result.stderr


def test_review_records_the_decision_and_keeps_comments(project, run):
    make_project(project)
    result = run("review", "raised", "--status", "not-enough-evidence", "--note", "No source found", "--by", "Jane Doe", cwd=project)
    assert result.exit_code == 0, result.output
    arrests = project / "claims" / "belarus" / "arrests.yaml"
    run("review", "arrests", "--status", "supported", "--by", "Jane Doe", cwd=project)
    text = arrests.read_text()
    assert text.startswith("# Checked by the desk on Monday\n")
    assert "figure: more than 35,000   # as the article words it\n" in text
    data = yaml.safe_load(text)
    assert data["review"]["by"] == "Jane Doe" and data["review"]["status"] == "supported"
    raised = yaml.safe_load((project / "claims" / "belarus" / "money" / "raised.yaml").read_text())
    assert raised["status"] == "not-enough-evidence"
    assert raised["review"]["note"] == "No source found"
    assert "confidence" not in raised, "a person's decision carries no machine confidence"
    assert ids(run("list", "--format", "json", "--status", "not-enough-evidence", cwd=project)) == ["raised"]


def test_init_scaffolds_a_project_that_lists_and_validates(tmp_path, run):
    result = run("init", str(tmp_path / "desk"), cwd=tmp_path)
    assert result.exit_code == 0
    desk = tmp_path / "desk"
    assert (desk / "claimcheck.toml").read_text().startswith("# claimcheck project settings")
    assert "register_commands" in (desk / "plugins" / "example_plugin.py").read_text()
    assert run("validate", cwd=desk).exit_code == 0
    assert ids(run("list", "--format", "json", cwd=desk)) == ["eiffel-tower-height"]
    again = run("init", str(desk), cwd=tmp_path)
    assert again.exit_code == 1 and "already" in again.stderr


def test_schema_describes_the_record(run, tmp_path):
    schema = json.loads(run("schema", cwd=tmp_path).stdout)
    assert schema["required"] == ["claim"]
    assert schema["additionalProperties"] is False
    stance = schema["$defs"]["Source"]["properties"]["stance"]["anyOf"][0]
    assert stance["enum"] == ["supports", "refutes", "inconclusive", "no-figure", "unrelated"]


def test_shipped_schema_is_current():
    from importlib.resources import files

    from claimcheck.schema import schema_text

    assert files("claimcheck").joinpath("claim.schema.json").read_text() == schema_text(), (
        "run: python -c 'from claimcheck.schema import schema_text; "
        "open(\"claimcheck/claim.schema.json\", \"w\").write(schema_text())'"
    )


def test_add_asks_for_what_is_missing_in_a_terminal(project, run, monkeypatch):
    monkeypatch.setattr("claimcheck.commands.claims.stdin_is_terminal", lambda: True)
    result = run("add", cwd=project, input="Half a million people fled.\nhalf a million\nUNHCR\nrefugees, ukraine\n")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((project / "claims" / "half-a-million-people-fled.yaml").read_text())
    assert data == {"id": "half-a-million-people-fled", "claim": "Half a million people fled.",
                    "figure": "half a million", "claimant": "UNHCR", "tags": ["refugees", "ukraine"]}
