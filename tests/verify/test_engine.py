"""The verify engine through `claimcheck verify`: isolation, freshness, dry runs, the CI gate,
write-back that keeps what people wrote, and the hooks."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml

from tests.verify.conftest import load, snapshot

ARRESTS = {
    "claim": "Belarusian authorities have arrested more than 35,000 people since August 2020.",
    "figure": "more than 35,000",
    "sources": [
        {"url": "https://example.org/viasna", "excerpt": "Police have detained 36,000 people since August 2020, Viasna said."},
    ],
}

TEST_VERIFIERS = '''
import asyncio
from claimcheck import hookimpl, Verdict, VerdictStatus

class Boom:
    name = "boom"
    description = "always raises"
    version = "1"
    def applies_to(self, claim):
        return True
    async def verify(self, claim, ctx):
        raise RuntimeError("the parser fell over")

class Hang:
    name = "hang"
    description = "never finishes"
    version = "1"
    def applies_to(self, claim):
        return True
    async def verify(self, claim, ctx):
        await asyncio.sleep(3600)

@hookimpl
def register_verifiers(register):
    register(Boom())
    register(Hang())
'''


def _plugin(root: Path, name: str, text: str) -> None:
    (root / "plugins").mkdir(exist_ok=True)
    (root / "plugins" / f"{name}.py").write_text(textwrap.dedent(text), encoding="utf-8")


def test_offline_run_writes_verdict_stances_and_status(run, make_project):
    root = make_project({"arrests": ARRESTS})
    result = run("verify", "--offline", cwd=root)
    assert result.exit_code == 0, result.output
    data = load(root, "arrests")
    assert data["status"] == "supported"
    verdict = data["verdicts"]["source-text"]
    assert verdict["status"] == "supported" and 0 < verdict["confidence"] <= 1
    assert verdict["version"] == "1.0.0" and verdict["claim_hash"]
    # the source's stance is written back, marked as the verifier's reading
    assert data["sources"][0]["stance"] == "supports"
    assert data["sources"][0]["stance_by"] == "source-text"
    assert "unchecked -> supported" in result.output


def test_a_raising_or_hanging_verifier_gives_an_error_verdict_and_the_run_goes_on(run, make_project):
    root = make_project({"arrests": ARRESTS, "second": {**ARRESTS, "claim": "More than 35,000 people were arrested."}})
    _plugin(root, "broken", TEST_VERIFIERS)
    result = run("verify", "--offline", "--timeout", "0.5", cwd=root)
    assert result.exit_code == 3, result.output  # some verifiers failed
    for claim_id in ("arrests", "second"):
        data = load(root, claim_id)
        assert data["verdicts"]["boom"]["status"] == "error"
        assert "RuntimeError: the parser fell over" in data["verdicts"]["boom"]["note"]
        assert data["verdicts"]["hang"]["status"] == "error"
        assert "timed out after 0.5 s" in data["verdicts"]["hang"]["note"]
        # the working verifier still did its job, and errors do not decide the status
        assert data["verdicts"]["source-text"]["status"] == "supported"
        assert data["status"] == "supported"
    assert "failures (4)" in result.output


def test_rerun_skips_fresh_verdicts_and_writes_nothing(run, make_project):
    root = make_project({"arrests": ARRESTS})
    assert run("verify", "--offline", cwd=root).exit_code == 0
    before = snapshot(root)
    again = run("verify", "--offline", cwd=root)
    assert again.exit_code == 0
    assert "0 verified, 1 fresh" in again.output
    assert snapshot(root) == before


def test_a_changed_claim_or_stale_age_makes_verdicts_run_again(run, make_project):
    root = make_project({"arrests": ARRESTS})
    run("verify", "--offline", cwd=root)
    path = root / "claims" / "c" / "arrests.yaml"
    # a person edits the figure: the verdict is stale now
    path.write_text(path.read_text().replace("figure: more than 35,000", "figure: more than 40,000"))
    result = run("verify", "--offline", cwd=root)
    assert "1 verified" in result.output
    assert load(root, "arrests")["status"] == "refuted"  # 36,000 is not more than 40,000
    # nothing changed, but --stale 0 re-runs every verdict
    assert "1 verified" in run("verify", "--offline", "--stale", "0", cwd=root).output
    assert "0 verified" in run("verify", "--offline", "--stale", "7d", cwd=root).output


def test_dry_run_shows_changes_and_writes_nothing(run, make_project):
    root = make_project({"arrests": ARRESTS})
    before = snapshot(root)
    result = run("verify", "--offline", "--dry-run", cwd=root)
    assert result.exit_code == 0
    assert "would update claims/c/arrests.yaml: sources, verdicts, status, confidence" in result.output
    assert "unchecked -> supported" in result.output
    assert snapshot(root) == before
    assert not (root / ".claimcheck" / "http-cache").exists()


def test_fail_on_makes_a_ci_gate(run, make_project):
    refuted = {**ARRESTS, "figure": "more than 50,000", "claim": "More than 50,000 people have been arrested since August 2020."}
    root = make_project({"arrests": ARRESTS, "inflated": refuted})
    result = run("verify", "--offline", "--fail-on", "refuted,conflicting", cwd=root)
    assert result.exit_code == 4
    assert "inflated" in result.output
    # fresh claims still count: the gate looks at every selected claim's status
    assert run("verify", "--offline", "--fail-on", "refuted", cwd=root).exit_code == 4
    assert run("verify", "--offline", "--fail-on", "conflicting", cwd=root).exit_code == 0
    assert run("verify", "--offline", "arrests", "--fail-on", "refuted", cwd=root).exit_code == 0


def test_comments_and_layout_survive_a_verify(run, make_project):
    text = textwrap.dedent("""\
        # Checked for the March newsletter -- keep this comment
        claim: Belarusian authorities have arrested more than 35,000 people since August 2020.
        figure: more than 35,000   # as the article put it
        tags: [belarus, repression]
        sources:
          # Viasna is the primary count
          - url: https://example.org/viasna
            excerpt: "Police have detained 36,000 people since August 2020, Viasna said."   # verbatim
          - url: https://example.org/other
            excerpt: 'A 2019 report counted 2,000 detentions.'
        notes: |
          Ask the desk about the 2021 figure.
        """)
    root = make_project({"arrests": text})
    assert run("verify", "--offline", cwd=root).exit_code == 0
    new = (root / "claims" / "c" / "arrests.yaml").read_text()
    for kept in ("# Checked for the March newsletter -- keep this comment", "figure: more than 35,000   # as the article put it",
                 "tags: [belarus, repression]", "  # Viasna is the primary count", "said.\"   # verbatim",
                 "excerpt: 'A 2019 report counted 2,000 detentions.'", "notes: |\n  Ask the desk about the 2021 figure.\n"):
        assert kept in new
    assert new.startswith(text.split("notes:")[0].split("    excerpt: 'A")[0][:200])
    data = yaml.safe_load(new)
    assert data["status"] == "supported" and data["sources"][0]["stance"] == "supports"


def test_a_persons_stance_is_never_overwritten(run, make_project):
    record = {**ARRESTS, "sources": [{**ARRESTS["sources"][0], "stance": "refutes", "added_by": "person"}]}
    root = make_project({"arrests": record})
    run("verify", "--offline", cwd=root)
    data = load(root, "arrests")
    assert data["sources"][0]["stance"] == "refutes" and "stance_by" not in data["sources"][0]
    assert data["status"] == "refuted"  # the person's reading decides
    assert "differently from the person's stance" in data["verdicts"]["source-text"]["note"]


def test_a_claim_with_no_figure_and_no_sources_is_not_enough_evidence(run, make_project):
    root = make_project({"vague": {"claim": "The government has been criticised by human rights groups."}})
    result = run("verify", "--offline", cwd=root)
    assert result.exit_code == 0
    verdict = load(root, "vague")["verdicts"]["source-text"]
    assert verdict["status"] == "not-enough-evidence"
    assert "no sources" in verdict["note"] and "no figure" in verdict["note"]
    assert load(root, "vague")["status"] == "not-enough-evidence"


def test_review_wins_over_verdicts(run, make_project):
    record = {**ARRESTS, "review": {"status": "conflicting", "by": "Desk", "date": "2026-11-20"}}
    root = make_project({"arrests": record})
    run("verify", "--offline", cwd=root)
    data = load(root, "arrests")
    assert data["verdicts"]["source-text"]["status"] == "supported"
    assert data["status"] == "conflicting"


def test_hooks_resolve_status_and_claim_verified(run, make_project):
    root = make_project({"arrests": ARRESTS})
    _plugin(root, "hooks", f'''
        import asyncio
        from claimcheck import hookimpl, Status
        SEEN = []

        @hookimpl
        def resolve_status(claim, verdicts):
            if "source-text" in verdicts:
                return Status.CONFLICTING, 0.5

        @hookimpl
        def claim_verified(claim, verdict):
            async def post():
                await asyncio.sleep(0)
                with open({str(root / "seen.txt")!r}, "a") as fh:
                    fh.write(claim.id + " " + verdict.status.value + "\\n")
            return post()
    ''')
    assert run("verify", "--offline", cwd=root).exit_code == 0
    assert load(root, "arrests")["status"] == "conflicting"
    assert (root / "seen.txt").read_text() == "arrests supported\n"


def test_selection_by_id_collection_verifier(run, make_project):
    root = make_project({"arrests": ARRESTS, "other": {**ARRESTS, "claim": "More than 35,000 were detained."}})
    result = run("verify", "--offline", "arrests", "--verifier", "source-text", cwd=root)
    assert result.exit_code == 0
    assert "verdicts" in load(root, "arrests") and "verdicts" not in load(root, "other")
    bad = run("verify", "--offline", "--verifier", "source-txt", cwd=root)
    assert bad.exit_code == 1 and "did you mean 'source-text'" in bad.output
    missing = run("verify", "--offline", "arests", cwd=root)
    assert missing.exit_code == 1 and "did you mean 'arrests'" in missing.output


def test_network_verifiers_are_skipped_offline_with_one_line(run, make_project):
    root = make_project({"arrests": ARRESTS})
    result = run("verify", "--offline", cwd=root)
    assert result.output.count("skipped verifier link-check: offline") == 1
    assert "link-check" not in load(root, "arrests")["verdicts"]


def test_a_large_run_writes_through_the_worker_process_exactly_as_a_small_one(run, make_project, monkeypatch):
    """From ``WORKERS_FROM`` verified claims on, files are written by a worker process (the
    splice and the rename off the event loop's core); the files and the index are the same."""
    import json
    import re
    import shutil

    import claimcheck.verify.engine as engine

    records = {f"c{i}": {**ARRESTS, "figure": f"more than {35000 + 1000 * i:,}",
                         "claim": f"More than {35000 + 1000 * i:,} people have been arrested since August 2020."}
               for i in range(6)}
    here = make_project(records)
    there = here.parent / "copy"
    shutil.copytree(here, there)
    assert run("verify", "--offline", cwd=here).exit_code == 0
    monkeypatch.setattr(engine, "WORKERS_FROM", 1)  # the worker from the first claim on
    # Claims are written here until the worker is up; hold them back until it is, so that
    # every claim goes through it.
    from claimcheck.workers import Worker

    sent: list[str] = []
    call = Worker.call

    async def counting_call(self, function, *args):
        sent.append(function)
        return await call(self, function, *args)

    async def wait_for_worker(self, *args):
        await self._write_worker
        return await original_write(self, *args)

    original_write = engine.Engine._write
    monkeypatch.setattr(Worker, "call", counting_call)
    monkeypatch.setattr(engine.Engine, "_write", wait_for_worker)
    result = run("verify", "--offline", cwd=there)
    assert result.exit_code == 0, result.output
    assert "6 updated" in result.output
    assert sent == ["write_claim"] * 6

    def without_times(text: str) -> str:
        return re.sub(r"checked: [0-9TZ:-]+", "checked: T", text)

    for i in range(6):
        mine = (here / "claims" / "c" / f"c{i}.yaml").read_text(encoding="utf-8")
        theirs = (there / "claims" / "c" / f"c{i}.yaml").read_text(encoding="utf-8")
        assert without_times(mine) == without_times(theirs)
    # the index holds what the worker wrote: a listing needs no re-read, a rerun finds all fresh
    statuses = {c["id"]: c["status"] for c in json.loads(run("list", "--format", "json", cwd=there).output)}
    assert statuses == {c["id"]: c["status"] for c in json.loads(run("list", "--format", "json", cwd=here).output)}
    assert statuses["c0"] == "supported" and statuses["c5"] == "refuted"
    assert "0 verified, 6 fresh" in run("verify", "--offline", cwd=there).output


def test_a_rewritten_claim_file_keeps_its_permissions(run, make_project):
    import stat

    root = make_project({"shared": ARRESTS, "private": ARRESTS})
    folder = root / "claims" / "c"
    (folder / "shared.yaml").chmod(0o664)
    (folder / "private.yaml").chmod(0o600)
    assert run("verify", "--offline", cwd=root).exit_code == 0
    assert "verdicts" in load(root, "shared") and "verdicts" in load(root, "private")
    assert stat.S_IMODE((folder / "shared.yaml").stat().st_mode) == 0o664
    assert stat.S_IMODE((folder / "private.yaml").stat().st_mode) == 0o600
    assert not list(folder.glob(".*.tmp"))
