"""The index cache and safe writes."""

from __future__ import annotations

import os

import pytest

from tests.conftest import write


def test_index_rereads_only_changed_files_and_revalidates_them(project, monkeypatch):
    from claimcheck import records
    from claimcheck.project import Project
    from claimcheck.store import Store

    for i in range(5):
        write(project / "claims" / f"c{i}.yaml", f"claim: Claim number {i}.\n")
    Store(Project(project)).scan()

    parsed = []
    real = records.parse_record
    monkeypatch.setattr(records, "parse_record", lambda text, path: parsed.append(path.name) or real(text, path))
    store = Store(Project(project))
    assert store.scan() == [] and parsed == [], "a warm scan parses nothing"

    path = project / "claims" / "c3.yaml"
    write(path, "claim: Claim number 3.\nconfidence: high\n")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    (project / "claims" / "c4.yaml").unlink()
    problems = Store(Project(project)).scan()
    assert parsed == ["c3.yaml"]
    assert [p.field for p in problems] == ["confidence"]
    assert [r.id for r in Store(Project(project)).rows()] == ["c0", "c1", "c2"]


def test_a_project_whose_state_folder_cannot_be_made_is_listed_from_memory(project):
    from claimcheck.project import Project
    from claimcheck.store import Store

    write(project / "claims" / "a.yaml", "claim: A claim.\n")
    (project / ".claimcheck").write_text("not a folder")  # as on a read-only checkout: no index
    store = Store(Project(project))
    store.scan()
    assert [r.id for r in store.rows()] == ["a"]


def test_update_keeps_comments_quotes_and_order(tmp_path):
    from claimcheck.records import FileState
    from claimcheck.writer import update_file

    path = write(tmp_path / "c.yaml", "# top\nid: c\nclaim: 'Quoted'  # why\nsources:\n  # the ministry\n  - url: https://a\n    stance: supports\nnotes: >\n  folded\n  text\n")
    update_file(path, {"status": "supported", "sources": [{"url": "https://a", "stance": "refutes"}]}, FileState.of(path))
    assert path.read_text() == (
        "# top\nid: c\nclaim: 'Quoted'  # why\nsources:\n  # the ministry\n  - url: https://a\n    stance: refutes\n"
        "status: supported\nnotes: >\n  folded\n  text\n"
    )


def test_a_write_never_clobbers_a_change_made_after_reading(tmp_path):
    from claimcheck.errors import ConflictError
    from claimcheck.records import FileState
    from claimcheck.writer import update_file

    path = write(tmp_path / "c.yaml", "claim: A claim.\n")
    seen = FileState.of(path)
    write(path, "claim: A claim, edited by a person meanwhile.\n")
    os.utime(path, ns=(seen.mtime_ns + 5_000_000, seen.mtime_ns + 5_000_000))
    with pytest.raises(ConflictError, match="changed on disk after it was read"):
        update_file(path, {"status": "refuted"}, seen)
    assert path.read_text() == "claim: A claim, edited by a person meanwhile.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["c.yaml"], "no temporary file left behind"


def test_an_index_of_an_older_layout_is_rebuilt(project, monkeypatch):
    from claimcheck import store as store_module
    from claimcheck.project import Project
    from claimcheck.store import Store

    write(project / "claims" / "a.yaml", "claim: A claim.\n")
    Store(Project(project)).scan()
    monkeypatch.setattr(store_module, "INDEX_VERSION", store_module.INDEX_VERSION + 1)
    store = Store(Project(project))
    store.scan()
    assert [r.id for r in store.rows()] == ["a"]
