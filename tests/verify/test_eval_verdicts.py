"""../shared/eval/verdicts-dev.yaml end to end through `claimcheck verify`: a temporary project
built from it (every other source as a stored excerpt, the rest as local files), verified
offline, must get at least 90% of the labels right. The sources carry no stance: source-text
reads every passage itself."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
DEV = REPO.parent / "shared" / "eval" / "verdicts-dev.yaml"


def build(root: Path, cases: list[dict]) -> None:
    (root / "claims" / "eval").mkdir(parents=True)
    (root / "documents").mkdir()
    for case in cases:
        sources = []
        for i, src in enumerate(case["sources"]):
            if i % 2 == 0:
                sources.append({"url": f"https://example.org/{case['id']}/{i}", "excerpt": src["text"]})
            else:
                name = f"documents/{case['id']}-{i}.txt"
                (root / name).write_text(src["text"] + "\n", encoding="utf-8")
                sources.append({"url": name})
        record = {"id": case["id"], "claim": case["claim"], "sources": sources}
        (root / "claims" / "eval" / f"{case['id']}.yaml").write_text(
            yaml.safe_dump(record, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.skipif(not DEV.exists(), reason="../shared/eval is not beside the checkout")
def test_verdicts_dev_labels_through_verify(run, tmp_path):
    cases = yaml.safe_load(DEV.read_text(encoding="utf-8"))
    build(tmp_path, cases)
    result = run("verify", "--offline", "--verifier", "source-text", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    right, wrong = 0, []
    for case in cases:
        data = yaml.safe_load((tmp_path / "claims" / "eval" / f"{case['id']}.yaml").read_text(encoding="utf-8"))
        if data["status"] == case["label"]:
            right += 1
        else:
            wrong.append(f"{case['id']}: {data['status']} (label {case['label']})")
    score = right / len(cases)
    print(f"verdicts-dev through verify: {right}/{len(cases)} = {score:.1%}")
    assert score >= 0.90, "\n".join(wrong)
