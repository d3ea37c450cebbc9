"""Bad claim files: each gets one clear line naming file, line and field; the other claims are
still listed, and nothing on disk is modified."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from tests.conftest import write

GOOD = "id: good\nclaim: More than 35,000 people were arrested.\nfigure: more than 35,000\n"


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((root / "claims").rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def list_with(project: Path, run, name: str, content: str | bytes):
    write(project / "claims" / "good.yaml", GOOD)
    bad = project / "claims" / name
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        write(bad, content)
    before = snapshot(project)
    result = run("list", "--format", "jsonl", cwd=project)
    assert snapshot(project) == before, "listing must never modify a claim file"
    assert result.exit_code == 0
    assert '"id": "good"' in result.stdout, "the valid claim is still listed"
    return result.stderr


@pytest.mark.parametrize(
    "content, expected",
    [
        ("claim: [unclosed\n", "bad.yaml:1: invalid YAML"),
        ("claim: x\nsources:\n\t- url: https://a\n", "bad.yaml:3: invalid YAML: tab character used for indentation"),
        ("claim: x\nconfidence: high\n", "bad.yaml:2: confidence: must be a number, got 'high'"),
        ("claim: x\nconfidence: 1.5\n", "bad.yaml:2: confidence: must be a number between 0 and 1, got 1.5"),
        ("claim: x\nstatus: proven\n", "bad.yaml:2: status: must be one of unchecked, supported"),
        ("claim: x\nstaus: supported\n", "bad.yaml:2: staus: unknown key (did you mean 'status'?)"),
        ("claim: x\nsources:\n  - url: https://a\n    stance: suports\n", "bad.yaml:4: sources[0].stance: must be one of"),
        ("claim: x\ndate: 21 March\n", "bad.yaml:2: date: must be a date like 2022-03-21"),
        ("figure: 800\n", "bad.yaml:1: claim: is required"),
        ("id: other\nclaim: x\n", "bad.yaml:1: id: 'other' does not match the file name 'bad.yaml'"),
        ("", "bad.yaml: file is empty"),
        ("- just\n- a list\n", "bad.yaml: a claim file must hold a mapping"),
    ],
    ids=["malformed", "tabs", "wrong-type", "confidence-range", "unknown-status", "unknown-key",
         "bad-stance", "bad-date", "missing-claim", "id-mismatch", "empty", "not-a-mapping"],
)
def test_bad_record_is_reported_with_file_line_and_field(project, run, content, expected):
    stderr = list_with(project, run, "bad.yaml", content)
    assert expected in stderr
    assert len([line for line in stderr.splitlines() if "bad.yaml" in line]) == 1


def test_non_utf8_file_names_the_line_of_the_bad_byte(project, run):
    stderr = list_with(project, run, "latin.yaml", "claim: ok\nnotes: caf\xe9\n".encode("latin-1"))
    assert "latin.yaml:2: not UTF-8 text (byte 0xe9" in stderr


def test_alias_bomb_is_refused_quickly(project, run):
    bomb = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        bomb.append(f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]")
    bomb.append("claim: *i")
    start = time.perf_counter()
    stderr = list_with(project, run, "bomb.yaml", "\n".join(bomb) + "\n")
    assert time.perf_counter() - start < 10
    assert "bomb.yaml:2: YAML aliases (*name) are not allowed" in stderr


def test_huge_file_is_refused_by_size_without_reading_it(project, run):
    stderr = list_with(project, run, "huge.yaml", "claim: " + "x" * (50 * 1024 * 1024) + "\n")
    assert "huge.yaml: file is 52.4 MB; a claim file may be at most 1024 KB" in stderr


def test_duplicate_ids_in_two_files_are_both_reported(project, run):
    write(project / "claims" / "a" / "same.yaml", "claim: First.\n")
    stderr = list_with(project, run, "same.yaml", "claim: Second.\n")
    assert "duplicate id 'same': also used by claims/a/same.yaml" in stderr
    assert "duplicate id 'same': also used by claims/same.yaml" in stderr


def test_symlink_loop_in_claims_does_not_hang(project, run):
    loop = project / "claims" / "loop"
    os.symlink(project / "claims", loop)
    stderr = list_with(project, run, "other.yaml", "claim: Another claim.\n")
    assert "loop: symlinked folder not followed" in stderr


def test_validate_reports_every_problem_and_exits_1(project, run):
    write(project / "claims" / "good.yaml", GOOD)
    write(project / "claims" / "bad.yaml", "claim: x\nconfidence: high\nstaus: supported\n")
    write(project / "claims" / "nourl.yaml", "claim: y\nsources:\n  - title: A page\n  - url: https://a\n")
    result = run("validate", cwd=project)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.endswith("bad.yaml:2: confidence: must be a number, got 'high'") for line in lines)
    assert any("bad.yaml:3: staus: unknown key" in line for line in lines)
    assert any("nourl.yaml:3: sources[0]: source has no url" in line for line in lines)
    assert any("nourl.yaml:4: sources[1]: source has no excerpt" in line for line in lines)


def test_errors_are_one_line_without_traceback(project, run):
    result = run("show", "nope", cwd=project)
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no claim with id 'nope'"
    assert "Traceback" not in result.output
