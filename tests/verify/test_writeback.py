"""The fast write-back: text splices that keep everything a person wrote, checked against a
re-parse, with the ruamel.yaml round-trip as the fallback."""

from __future__ import annotations

import datetime as dt
import textwrap

import yaml

from claimcheck.verify.writeback import splice, updated_text

CHECKED = dt.datetime(2026, 11, 25, 21, 40, tzinfo=dt.timezone.utc)
VERDICTS = {"source-text": {"status": "supported", "confidence": 0.86, "checked": CHECKED,
                            "note": "claim: more than 35,000; sources: 1 supports", "version": "1.0.0"}}


def test_machine_keys_go_in_documented_order_before_a_persons_notes():
    text = textwrap.dedent("""\
        claim: More than 35,000 people were arrested.
        # the desk's notes
        notes: ask Viasna
        """)
    new, data = updated_text(text, {"verdicts": VERDICTS, "status": "supported", "confidence": 0.86})
    assert new == textwrap.dedent("""\
        claim: More than 35,000 people were arrested.
        verdicts:
          source-text: {status: supported, confidence: 0.86, checked: 2026-11-25T21:40:00Z, note: "claim: more than 35,000; sources: 1 supports", version: "1.0.0"}
        status: supported
        confidence: 0.86
        # the desk's notes
        notes: ask Viasna
        """)
    assert data["verdicts"]["source-text"]["checked"] == CHECKED


def test_a_verdict_block_is_replaced_whole_and_the_next_comment_stays():
    text = textwrap.dedent("""\
        claim: A claim.
        verdicts:
          source-text: {status: refuted, confidence: 0.6}
          other: {status: supported}
        status: refuted   # why: see source 2
        # keep me
        notes: x
        """)
    new = splice(text, {"verdicts": VERDICTS, "status": "supported"})
    assert "other:" not in new and "refuted" not in new
    assert "status: supported   # why: see source 2\n# keep me\nnotes: x\n" in new


def test_sources_are_edited_in_place():
    text = textwrap.dedent("""\
        claim: A claim.
        sources:
          - url: https://a.example   # primary
            excerpt: |
              Police detained 36,000 people.
            stance: inconclusive   # machine
            stance_by: source-text
        """)
    sources = [{"url": "https://a.example", "excerpt": "Police detained 36,000 people.\n", "stance": "supports",
                "stance_by": "source-text", "http_status": 200},
               {"url": "https://b.example", "added_by": "wayback", "archived": "https://web.archive.org/web/1/b"}]
    new, data = updated_text(text, {"sources": sources})
    assert "  - url: https://a.example   # primary\n    excerpt: |\n      Police detained 36,000 people.\n" in new
    assert "    stance: supports   # machine\n" in new
    assert "    http_status: 200\n" in new
    assert new.endswith('  - url: "https://b.example"\n    added_by: wayback\n    archived: "https://web.archive.org/web/1/b"\n')
    assert data["sources"] == sources


def test_shapes_the_splice_does_not_handle_fall_back_to_the_round_trip():
    text = "claim: A claim.  # keep\nsources: [{url: 'https://a.example', stance: refutes}]\n"
    new, data = updated_text(text, {"sources": [{"url": "https://a.example", "stance": "supports"}]})
    assert data["sources"] == [{"url": "https://a.example", "stance": "supports"}]
    assert "# keep" in new
    assert yaml.safe_load(new)["claim"] == "A claim."


def test_unchanged_values_leave_the_text_byte_for_byte():
    text = "claim: A claim.\nsources:\n  - url: 'https://a.example'\n    stance: supports\nstatus: supported\n"
    new, _ = updated_text(text, {"sources": [{"url": "https://a.example", "stance": "supports"}], "status": "supported"})
    assert new == text
