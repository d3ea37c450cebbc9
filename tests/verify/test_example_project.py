"""`claimcheck verify --offline` on the repository's example project gives every claim the status
a careful reader reaches from its stored excerpts (tests/example_expected.yaml)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def test_offline_statuses_match_the_careful_reader(run, tmp_path):
    expected = yaml.safe_load((REPO / "tests" / "example_expected.yaml").read_text(encoding="utf-8"))
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    result = run("verify", "--offline", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    got = {}
    for path in (tmp_path / "claims").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        got[path.stem] = data["status"]
    assert set(got) == set(expected)
    wrong = {i: (got[i], expected[i]["status"]) for i in expected if got[i] != expected[i]["status"]}
    assert wrong == {}
    # a second offline run finds everything fresh and rewrites nothing
    again = run("verify", "--offline", cwd=tmp_path)
    assert f"0 verified, {len(expected)} fresh" in again.output
