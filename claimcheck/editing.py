"""Changes people ask for from the CLI: a new claim, an editorial review."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import unicodedata
from pathlib import Path

import attrs
import yaml

from claimcheck.convert import structure_claim, unstructure_claim
from claimcheck.errors import ClaimcheckError, RecordError
from claimcheck.model import Review, Status
from claimcheck.project import Project
from claimcheck.records import Record
from claimcheck.writer import update_file


def slugify(text: str, max_words: int = 8, max_length: int = 60) -> str:
    """A short, readable, file-name-safe id from a sentence: 'more-than-35000-arrested'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace(",", ""))
    slug = "-".join(words[:max_words])[:max_length].strip("-")
    return slug or "claim"


def add_claim(
    project: Project,
    *,
    text: str,
    claim_id: str | None = None,
    figure: str | None = None,
    measure: str | None = None,
    claimant: str | None = None,
    date: str | None = None,
    tags: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
    collection: str = "",
) -> Path:
    """Write a new claim file and return its path; never overwrites an existing file."""
    claim_id = claim_id or slugify(text)
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", claim_id):
        raise ClaimcheckError(f"id {claim_id!r} must be letters, digits, '.', '_' or '-' (it is the file name)")
    data = {
        "id": claim_id, "claim": text, "figure": figure, "measure": measure, "claimant": claimant, "date": date,
        "tags": list(tags), "sources": [{"url": s, "added_by": "person"} for s in sources],
    }
    try:
        claim = structure_claim({k: v for k, v in data.items() if v not in (None, [], "")})
    except RecordError as exc:
        raise ClaimcheckError("; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in exc.problems)) from None
    folder = project.claims_dir / collection.strip("/") if collection else project.claims_dir
    if ".." in Path(collection).parts:
        raise ClaimcheckError(f"collection {collection!r} must stay inside claims/")
    path = folder / f"{claim_id}.yaml"
    if path.exists():
        raise ClaimcheckError(f"{path} already exists; choose another --id")
    folder.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(unstructure_claim(claim), sort_keys=False, allow_unicode=True, width=4096)
    with open(path, "x", encoding="utf-8") as fh:  # "x": refuse to overwrite, even in a race
        fh.write(body)
    return path


def git_user_name(cwd: Path) -> str | None:
    try:
        out = subprocess.run(["git", "config", "user.name"], cwd=cwd, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def record_review(record: Record, *, status: str, note: str | None = None, by: str | None = None,
                  today: dt.date | None = None) -> str:
    """Write ``review:`` and the resolved ``status`` into the record's file, keeping its comments."""
    from claimcheck.plugins import load_all, pm

    load_all()
    review = Review(status=Status(status), by=by or git_user_name(record.path.parent), date=today or dt.date.today(), note=note)
    claim = record.claim
    reviewed = attrs.evolve(claim, review=review)
    resolved = pm.hook.resolve_status(claim=reviewed, verdicts=reviewed.verdicts)
    new_status, confidence = resolved if resolved else (review.status, None)
    review_data = unstructure_claim(attrs.evolve(reviewed, verdicts={}))["review"]
    return update_file(
        record.path,
        {"review": review_data, "status": str(new_status), "confidence": confidence},
        record.state,
    )
