"""The store: every claim of a project, read through an index cache.

Parsing YAML is the slow part of listing claims, so the store keeps an SQLite index under
``.claimcheck/index.sqlite`` with one row per file, keyed by path, size and mtime_ns. A scan
``stat``s every file and re-reads (and re-validates) only the ones whose key changed; listing
and filtering are then SQL queries. The index keeps each record as JSON too, so
``list --format json`` never re-parses YAML. Deleting the folder is always safe: it is rebuilt on the next run.
"""

from __future__ import annotations

import itertools
import json
import marshal
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterator

from typing import TYPE_CHECKING, NamedTuple

import attrs

from claimcheck.errors import ClaimcheckError, Problem, RecordError
from claimcheck.project import Project

if TYPE_CHECKING:
    from claimcheck.model import Claim
    from claimcheck.records import Record

# Validation (cattrs, PyYAML) is imported only when a file changed: a warm `list` never needs it.

#: Bump when the row layout or the validation rules change: old indexes are rebuilt.
INDEX_VERSION = 9

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS records (
    path TEXT PRIMARY KEY,      -- relative to the project root, POSIX separators
    size INTEGER, mtime_ns INTEGER,
    id TEXT, collection TEXT, status TEXT, confidence REAL, figure TEXT, claim TEXT,
    claimant TEXT, date TEXT, tags TEXT, n_sources INTEGER, search TEXT,
    problems TEXT,              -- JSON list of problems when the file is not valid
    -- the plain table's cells, formatted once when the file is indexed, not on every listing
    conf_text TEXT, figure_text TEXT, tags_text TEXT,
    line TEXT                   -- the row of the plain table, at the widths in meta 'widths'
);
-- The full record as JSON (keys in file order, plus path), apart from the slim rows above:
-- a listing scans every row, and records are a hundred times larger than what a table shows.
CREATE TABLE IF NOT EXISTS documents (path TEXT PRIMARY KEY, record TEXT);
CREATE INDEX IF NOT EXISTS records_by_id ON records (id);
CREATE INDEX IF NOT EXISTS records_with_problems ON records (path) WHERE problems IS NOT NULL;
"""

_INSERT_RECORD = "INSERT OR REPLACE INTO records VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL)"

#: The plain table's columns (the claim last, in full) and the index columns they show.
TABLE_HEADERS = ("id", "status", "conf", "figure", "tags", "src", "claim")
_TABLE_COLUMNS = ("id", "status", "conf_text", "figure_text", "tags_text", "CAST(n_sources AS TEXT)")

SORT_KEYS = {
    "id": "id",
    "status": "status, id",
    "confidence": "confidence IS NULL, confidence DESC, id",
    "date": "date IS NULL, date, id",
    "path": "path",
}


class Row(NamedTuple):
    """One claim as the index holds it: the fields ``list`` shows, and the full record as JSON.

    A named tuple, not an attrs class: ``list`` makes 100,000 of these and every microsecond shows.
    """

    path: str
    id: str
    collection: str
    status: str
    confidence: float | None
    figure: str | None
    claim: str
    tags: str  # JSON list, as stored
    n_sources: int
    record_json: str | None  # None unless asked for (``rows(..., full=True)``)

    @property
    def tag_list(self) -> list[str]:
        return json.loads(self.tags)


@attrs.frozen
class Query:
    """Filters for listing claims. Empty filters match everything."""

    status: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()
    collection: tuple[str, ...] = ()
    search: str | None = None
    claimant: str | None = None
    ids: tuple[str, ...] = ()
    sort: str = "id"


def record_json(claim: "Claim", path: str, collection: str) -> str:
    from claimcheck.convert import unstructure_claim

    data = unstructure_claim(claim)
    data.setdefault("status", claim.status.value)
    data["collection"] = collection
    data["path"] = path
    return json.dumps(data, ensure_ascii=False, default=str)


class Store:
    """The claims of one project."""

    def __init__(self, project: Project):
        self.project = project
        self._db: sqlite3.Connection | None = None
        #: problems found by the last scan: invalid files, duplicate ids, unreadable folders
        self.problems: list[Problem] = []

    # -- the index ------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        db = None
        try:
            self.project.state_dir.mkdir(exist_ok=True)
            _ignore_state_dir(self.project.state_dir)
            db = sqlite3.connect(self.project.state_dir / "index.sqlite", isolation_level=None, timeout=60)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            version = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            if version is None or version[0] != str(INDEX_VERSION):
                # another layout (an older claimcheck): start over, the files are the truth
                db.executescript("DROP TABLE IF EXISTS records; DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS meta;")
                db.executescript(_SCHEMA)
                db.execute("INSERT INTO meta VALUES ('version', ?)", (str(INDEX_VERSION),))
        except (OSError, sqlite3.Error):
            # A read-only project or a broken index: work from memory rather than fail.
            db = sqlite3.connect(":memory:", isolation_level=None)
            db.executescript(_SCHEMA)
        self._db = db
        return db

    def scan(self) -> list[Problem]:
        """Bring the index up to date with the files; returns the problems found.

        A warm scan is a ``stat`` walk compared with one stored snapshot of (size, mtime_ns)
        per path: when nothing changed, no row is read or written.
        """
        db = self._connect()
        root = self.project.root
        problems: list[Problem] = []
        on_disk: dict[str, tuple[int, int]] = {}
        prefix = len(str(root)) + 1
        posix = os.sep == "/"
        for entry in self.project.claim_files(problems):
            try:
                st = entry.stat()
            except OSError as exc:
                problems.append(Problem(Path(entry.path), None, None, f"cannot read file: {exc.strerror}"))
                continue
            rel = entry.path[prefix:]
            on_disk[rel if posix else rel.replace(os.sep, "/")] = (st.st_size, st.st_mtime_ns)
        known = self._snapshot(db)
        if on_disk != known:
            stale = [p for p in known if p not in on_disk]
            changed = [p for p, key in on_disk.items() if known.get(p) != key]
            # Short transactions: another claimcheck process may read the index meanwhile. The
            # snapshot is written last, so an interrupted scan simply redoes the rest next time.
            rows = _index_rows([(p, *on_disk[p], str(root / p)) for p in changed])
            for chunk in iter(lambda: list(itertools.islice(rows, 2000)), []):
                db.execute("BEGIN IMMEDIATE")
                db.executemany(_INSERT_RECORD, [r[:-1] for r in chunk])
                db.executemany("INSERT OR REPLACE INTO documents VALUES (?,?)", [(r[0], r[-1]) for r in chunk])
                db.execute("COMMIT")
            db.execute("BEGIN IMMEDIATE")
            db.executemany("DELETE FROM records WHERE path = ?", [(p,) for p in stale])
            db.executemany("DELETE FROM documents WHERE path = ?", [(p,) for p in stale])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('snapshot', ?)", (marshal.dumps(on_disk),))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('duplicates', ?)", (json.dumps(self._duplicate_ids(db)),))
            self._render_lines(db)
            db.execute("COMMIT")
        for (text,) in db.execute("SELECT problems FROM records WHERE problems IS NOT NULL ORDER BY path"):
            problems += [Problem(Path(d["path"]), d["line"], d["field"], d["message"]) for d in json.loads(text)]
        duplicates = db.execute("SELECT value FROM meta WHERE key = 'duplicates'").fetchone()
        problems += [Problem(root / p, None, "id", m) for p, m in json.loads(duplicates[0] if duplicates else "[]")]
        self.problems = problems
        return problems

    def index_rows(self, rows: list[tuple]) -> None:
        """Index files whose rows a caller already made (``row_from``), from data it holds
        parsed and validated.

        For a command that has just written claim files (``verify``): re-reading and re-parsing
        them in ``scan`` would cost as much as the write. Only these rows and their entries in the
        snapshot change, so any other file changed meanwhile is still seen by the next ``scan``;
        the ids must be the ones already indexed (a run never changes an id).
        """
        if not rows:
            return
        db = self._connect()
        db.execute("BEGIN IMMEDIATE")
        try:
            snapshot = self._snapshot(db)
            db.executemany(_INSERT_RECORD, [r[:-1] for r in rows])
            db.executemany("INSERT OR REPLACE INTO documents VALUES (?,?)", [(r[0], r[-1]) for r in rows])
            for r in rows:
                snapshot[r[0]] = (r[1], r[2])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('snapshot', ?)", (marshal.dumps(snapshot),))
            self._render_lines(db)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _snapshot(self, db: sqlite3.Connection) -> dict[str, tuple[int, int]]:
        row = db.execute("SELECT value FROM meta WHERE key = 'snapshot'").fetchone()
        try:
            return marshal.loads(row[0]) if row else {}
        except (EOFError, ValueError, TypeError):
            return {}

    def _duplicate_ids(self, db: sqlite3.Connection) -> list[tuple[str, str]]:
        """(path, message) for every file whose id another file uses too."""
        out = []
        rows = db.execute(
            "SELECT id, group_concat(path, '\n') FROM records WHERE problems IS NULL "
            "GROUP BY id HAVING count(*) > 1 ORDER BY id"
        )
        for claim_id, paths in rows:
            listed = sorted(paths.split("\n"))
            for p in listed:
                others = ", ".join(o for o in listed if o != p)
                out.append((p, f"duplicate id {claim_id!r}: also used by {others}"))
        return out

    # -- queries --------------------------------------------------------------------------------

    def rows(self, query: Query = Query(), full: bool = True) -> list[Row]:
        """The valid claims matching ``query``, from the index (call ``scan()`` first).

        ``full=False`` leaves out each record's JSON, which a table does not need.
        """
        where, args, order = self._where(query)
        if full:
            sql = (
                "SELECT records.path, id, collection, status, confidence, figure, claim, tags, n_sources, record "
                f"FROM records JOIN documents USING (path) WHERE {' AND '.join(where)} ORDER BY {order}"
            )
        else:
            sql = (
                "SELECT path, id, collection, status, confidence, figure, claim, tags, n_sources, NULL "
                f"FROM records WHERE {' AND '.join(where)} ORDER BY {order}"
            )
        return list(map(Row._make, self._connect().execute(sql, args)))

    def _where(self, query: Query) -> tuple[list[str], list, str]:
        where, args = ["problems IS NULL"], []

        def any_of(column: str, values: tuple[str, ...]) -> None:
            if values:
                where.append(f"{column} IN ({','.join('?' * len(values))})")
                args.extend(values)

        any_of("status", query.status)
        any_of("id", query.ids)
        if query.collection:
            parts = []
            for c in query.collection:
                parts.append("(collection = ? OR collection LIKE ? ESCAPE '\\')")
                args += [c.strip("/"), _like_prefix(c.strip("/")) + "/%"]
            where.append("(" + " OR ".join(parts) + ")")
        for tag in query.tag:
            where.append("EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ?)")
            args.append(tag)
        if query.search:
            where.append("instr(search, ?) > 0")
            args.append(query.search.casefold())
        if query.claimant:
            where.append("instr(lower(claimant), ?) > 0")
            args.append(query.claimant.casefold())
        order = SORT_KEYS.get(query.sort)
        if order is None:
            raise ClaimcheckError(f"cannot sort by {query.sort!r}; choose one of {', '.join(SORT_KEYS)}")
        return where, args, order

    def table(self, query: Query = Query()) -> str:
        """``list``'s plain table: id, status, confidence, figure, tags, sources, then the claim.

        Each row's line is rendered when its file is indexed, at widths shared by the whole
        index, so listing 100,000 claims is one query for one column. A filtered listing keeps the
        same column positions as the full one.
        """
        where, args, order = self._where(query)
        db = self._connect()
        widths = self._widths(db)
        lines = db.execute(f"SELECT line FROM records WHERE {' AND '.join(where)} ORDER BY {order}", args)
        header = "  ".join(h.rjust(w) if h in ("conf", "src") else h.ljust(w) for h, w in zip(TABLE_HEADERS, widths))
        return "\n".join([header + "  claim", *(line for (line,) in lines)]) + "\n"

    def _widths(self, db: sqlite3.Connection) -> list[int]:
        row = db.execute("SELECT value FROM meta WHERE key = 'widths'").fetchone()
        return json.loads(row[0]) if row else [len(h) for h in TABLE_HEADERS[:-1]]

    def _render_lines(self, db: sqlite3.Connection) -> None:
        """Render the table line of new rows; of every row when a column's width changed."""
        found = db.execute(
            f"SELECT {', '.join(f'max(length({c}))' for c in _TABLE_COLUMNS)} FROM records WHERE problems IS NULL"
        ).fetchone()
        widths = [max(len(h), w or 0) for h, w in zip(TABLE_HEADERS, found)]
        spec = "  ".join(f"%!{'' if h in ('conf', 'src') else '-'}*s" for h in TABLE_HEADERS[:-1]) + "  %s"
        values = ", ".join(f"{w}, {c}" for w, c in zip(widths, _TABLE_COLUMNS))
        only_new = "" if widths != self._widths(db) else " AND line IS NULL"
        db.execute(f"UPDATE records SET line = rtrim(printf('{spec}', {values}, claim)) WHERE problems IS NULL{only_new}")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('widths', ?)", (json.dumps(widths),))

    def get(self, claim_id: str) -> "Record":
        """One record by id; a clear error when there is none, or more than one."""
        from claimcheck.records import read_record

        rows = self.rows(Query(ids=(claim_id,)), full=False)
        if not rows:
            hint = self._suggest(claim_id)
            raise ClaimcheckError(f"no claim with id {claim_id!r}{hint}")
        if len(rows) > 1:
            raise ClaimcheckError(f"id {claim_id!r} is used by several files: {', '.join(r.path for r in rows)}")
        return read_record(self.project.root / rows[0].path, self.project.claims_dir)

    def _suggest(self, claim_id: str) -> str:
        import difflib

        ids = [i for (i,) in self._connect().execute("SELECT id FROM records WHERE problems IS NULL")]
        close = difflib.get_close_matches(claim_id, ids, n=1)
        return f" (did you mean {close[0]!r}?)" if close else ""

    def ids(self) -> set[str]:
        return {i for (i,) in self._connect().execute("SELECT id FROM records")}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


#: Below this many changed files, reading them in this process beats starting workers.
PARALLEL_THRESHOLD = 2000


def _index_rows(changed: list[tuple[str, int, int, str]]) -> Iterator[tuple]:
    """Index rows for changed files: parsed and validated, in worker processes when many.

    Parsing is CPU-bound (PyYAML's C loader, then validation), so a cold index of a large
    project uses every core; results come back in order, ready for one transaction.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(changed) < PARALLEL_THRESHOLD or workers < 2:
        return map(index_row, changed)
    from concurrent.futures import ProcessPoolExecutor

    def parallel() -> Iterator[tuple]:
        from claimcheck.workers import quiet_gc

        with ProcessPoolExecutor(workers, initializer=quiet_gc) as pool:
            yield from pool.map(index_row, changed, chunksize=256)

    return parallel()


def index_row(item: tuple[str, int, int, str]) -> tuple:
    """One file's index row; a file with problems gets a row that records them."""
    from claimcheck.records import parse_record, read_text

    rel, size, mtime_ns, full = item
    path = Path(full)
    collection = rel.rsplit("/", 1)[0][len("claims/"):] if rel.count("/") > 1 else ""
    try:
        data, claim = parse_record(read_text(path), path)
    except (RecordError, OSError) as exc:
        if isinstance(exc, RecordError):
            found = [{"path": str(p.path or path), "line": p.line, "field": p.field, "message": p.message} for p in exc.problems]
        else:
            found = [{"path": str(path), "line": None, "field": None, "message": f"cannot read file: {exc.strerror}"}]
        return (rel, size, mtime_ns, path.stem, collection, None, None, None, None, None, None,
                "[]", 0, None, json.dumps(found), None, None, None, None)
    return row_from(rel, size, mtime_ns, data, claim_columns(claim))


def claim_columns(claim: "Claim") -> tuple:
    """What an index row takes from the validated claim (the rest comes from the file)."""
    return (
        claim.id, claim.status.value, claim.confidence, claim.figure, claim.claim, claim.claimant,
        claim.date.isoformat() if claim.date else None, json.dumps(list(claim.tags), ensure_ascii=False),
        len(claim.sources), " ".join(filter(None, (claim.claim, claim.quote, claim.measure, claim.figure))).casefold(),
        "" if claim.confidence is None else f"{claim.confidence:.2f}", shorten(claim.figure or ""),
        shorten(", ".join(claim.tags)),
    )


def row_from(rel: str, size: int, mtime_ns: int, data: Any, columns: tuple) -> tuple:
    """The index row of a file from its parsed data and its ``claim_columns`` (a verify run makes
    those where it holds the claim, and the row where it wrote the file)."""
    claim_id, status = columns[0], columns[1]
    collection = rel.rsplit("/", 1)[0][len("claims/"):] if rel.count("/") > 1 else ""
    # The JSON is the file's own data (already validated), so listing shows what the file says.
    record = {"id": claim_id, **data, "status": status, "collection": collection, "path": rel}
    return (
        rel, size, mtime_ns, claim_id, collection, *columns[1:10], None, *columns[10:],
        json.dumps(record, ensure_ascii=False, default=_json_default),
    )


def shorten(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _json_default(value: Any) -> str:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _like_prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _ignore_state_dir(state_dir: Path) -> None:
    ignore = state_dir / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# claimcheck's machine state (index, HTTP cache); safe to delete\n*\n")


def open_store(project: Project) -> Store:
    store = Store(project)
    store.scan()
    return store
