"""The report model: what goes in a report, in which order, and its JSON form."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files

import pytest

from claimcheck import Claim, Report, Status
from claimcheck.project import Project
from claimcheck.store import Query, open_store

from .conftest import ARRESTS, BARE, FIXED, RAISED, write_project


def test_claims_are_ordered_by_collection_then_id(sample_report):
    assert [(c.collection, c.id) for c in sample_report.claims] == [
        ("belarus-2022", "arrests-35000"),
        ("belarus-2022", "bysol-raised-65000-eur"),
        ("belarus-2022", "rtl-emoji"),
        ("belarus-2022", "xss-claim"),
        ("world/un", "un-vote"),
    ]


def test_summary_counts_every_builtin_status_and_other(sample_report):
    assert sample_report.summary.total == 5
    assert dict(sample_report.summary.counts) == {
        "supported": 1, "refuted": 1, "conflicting": 1, "not-enough-evidence": 1, "unchecked": 1, "other": 0,
    }
    # "other" is only shown when some claim has a status outside the vocabulary
    assert [s for s, _ in sample_report.summary.rows] == ["supported", "refuted", "conflicting", "not-enough-evidence", "unchecked"]


def test_a_claim_carries_its_verdicts_sources_and_who_decided(sample_report):
    arrests = sample_report.claims[0]
    assert arrests.status == "supported" and arrests.confidence == 0.86
    assert arrests.decided_by.kind == "review"
    assert arrests.decided_by.text == "Editorial review by Jane Doe (2026-11-25)"
    # verdicts by verifier name, whatever the order in the file
    assert [(v.verifier, v.status) for v in arrests.verdicts] == [("link-check", "skipped"), ("source-text", "supported")]
    assert arrests.verdicts[1].checked == "2026-11-25T21:40:00Z"
    # sources keep the record's order
    assert [s.publisher for s in arrests.sources] == ["Viasna", "Human Rights Watch"]
    assert arrests.sources[0].excerpt == "More than 35,000 people have been arrested since August 2020."
    assert arrests.sources[1].dead and not arrests.sources[0].dead

    raised = sample_report.claims[1]
    assert raised.decided_by.kind == "verifiers" and raised.decided_by.text == "Resolved from the verdicts of source-text"
    bare = sample_report.claims[-1]
    assert bare.decided_by.text == "Not checked yet"


def test_filters_narrow_the_report_and_are_recorded(sample_project):
    store = open_store(Project(sample_project))
    report = Report.from_store(store, Query(tag=("belarus",), status=("supported", "refuted")), generated_at=FIXED)
    assert [c.id for c in report.claims] == ["arrests-35000", "bysol-raised-65000-eur"]
    assert report.filters.text == "status supported or refuted; tag belarus"
    assert report.summary.total == 2
    by_collection = Report.from_store(store, Query(collection=("world",)), generated_at=FIXED)
    assert [c.id for c in by_collection.claims] == ["un-vote"]


def test_unknown_statuses_pass_through_and_count_as_other():
    # A plugin with its own vocabulary ("misleading", "satire") hands the report Claim objects
    # or record mappings; the report shows the status as written and counts it under "other".
    claims = [
        Claim(id="a", claim="First claim.", status="misleading"),
        {"id": "b", "claim": "Second claim.", "status": "satire"},
        {"id": "c", "claim": "Third claim.", "status": "misleading"},
        Claim(id="d", claim="Fourth claim.", status=Status.REFUTED),
    ]
    report = Report.build(claims, generated_at=FIXED)
    assert [c.status for c in report.claims] == ["misleading", "satire", "misleading", "refuted"]
    assert [c.status_label for c in report.claims] == ["misleading", "satire", "misleading", "Refuted"]
    assert report.summary.count("other") == 3
    assert report.summary.other == (("misleading", 2), ("satire", 1))
    assert report.summary.rows[-1] == ("other", 3)
    assert report.statuses == ("refuted", "misleading", "satire")


def test_claims_sharing_an_id_in_two_collections_get_distinct_anchors():
    report = Report.build([
        {"id": "budget", "claim": "One.", "collection": "b"},
        {"id": "budget", "claim": "Two.", "collection": "a"},
        {"id": "cc-summary", "claim": "An id the HTML page uses itself."},
    ], generated_at=FIXED)
    assert [(c.collection, c.anchor) for c in report.claims] == [("", "cc-summary-2"), ("a", "budget"), ("b", "budget-2")]


def test_an_empty_project_gives_an_empty_report_that_says_so(tmp_path):
    store = open_store(Project(write_project(tmp_path, {})))
    report = Report.from_store(store, generated_at=FIXED)
    assert report.is_empty and report.summary.total == 0
    assert report.empty_message == "This project has no claims yet."
    filtered = Report.from_store(store, Query(status=("refuted",)), generated_at=FIXED)
    assert filtered.empty_message == "No claims match the filters (status refuted)."


def test_generated_at_defaults_to_now_or_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764104400")
    assert Report.build([]).generated_at_text == "2025-11-25T21:00:00Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    assert Report.build([]).generated_at >= before


def test_json_form_follows_the_shipped_schema(sample_report):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema validates the report schema (dev dependency)")
    schema = json.loads(files("claimcheck").joinpath("report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(sample_report.to_json())
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["schema_version"] == "1.0"
    empty = json.loads(Report.build([], generated_at=FIXED).to_json())
    jsonschema.Draft202012Validator(schema).validate(empty)
    odd = json.loads(Report.build([{"id": "x", "claim": "X.", "status": "satire"}], generated_at=FIXED).to_json())
    jsonschema.Draft202012Validator(schema).validate(odd)


def test_json_form_holds_summary_claims_verdicts_and_sources(sample_report):
    data = json.loads(sample_report.to_json())
    assert data["generated_at"] == "2026-11-25T21:00:00Z"
    assert data["summary"]["counts"]["supported"] == 1
    arrests = data["claims"][0]
    assert arrests["id"] == "arrests-35000"
    assert arrests["decided_by"] == {"kind": "review", "by": "Jane Doe", "date": "2026-11-25",
                                     "text": "Editorial review by Jane Doe (2026-11-25)"}
    assert arrests["verdicts"][1] == {"verifier": "source-text", "status": "supported", "confidence": 0.86,
                                      "note": "One source gives more than 35,000; the other gives no figure.",
                                      "checked": "2026-11-25T21:40:00Z", "version": "1.0.0"}
    assert arrests["sources"][0]["archived"] == "https://web.archive.org/web/2021/https://spring96.org/en/news/105000"
    bare = data["claims"][-1]
    assert bare["figure"] is None and bare["sources"] == [] and bare["appeared_in"] is None


def test_a_report_built_from_claim_objects_equals_one_built_from_record_data():
    from claimcheck.convert import structure_claim

    records = [ARRESTS, RAISED, BARE]
    from_claims = Report.build([structure_claim(r) for r in records], generated_at=FIXED)
    from_data = Report.build(records, generated_at=FIXED)
    assert from_claims.to_json() == from_data.to_json()
