"""Merging what a verifier found about sources into the claim's own list of sources.

Sources are matched by URL (or, for a source without one, by its excerpt). A verifier fills in
what a source lacks and updates what verifiers own; it never overwrites what a person wrote:

- ``url``, ``title``, ``publisher``, ``published``, ``excerpt``, ``added_by``: filled when empty;
- ``stance``: set unless a person gave it (then the person's reading stands), with ``stance_by``;
- ``archived``: filled when empty; ``http_status``, ``final_url``, ``rating``: replaced.

A source the claim does not have yet is appended, with ``added_by`` the verifier's name.
"""

from __future__ import annotations

import attrs

from claimcheck.model import Source

_FILL = ("url", "title", "publisher", "published", "excerpt", "archived", "added_by")
_REPLACE = ("http_status", "final_url", "rating")


def _key(source: Source) -> tuple[str, str] | None:
    if source.url:
        return ("url", source.url.strip())
    if source.excerpt:
        return ("excerpt", " ".join(source.excerpt.split()))
    return None


def merge_sources(existing: tuple[Source, ...], found: tuple[Source, ...], verifier: str) -> tuple[Source, ...]:
    out = list(existing)
    index = {}
    for i, s in enumerate(out):
        k = _key(s)
        if k is not None and k not in index:
            index[k] = i
    for new in found:
        k = _key(new)
        if k is None:
            continue
        if k not in index:
            added = attrs.evolve(new, added_by=new.added_by or verifier)
            if added.stance is not None and added.stance_by is None:
                added = attrs.evolve(added, stance_by=verifier)
            index[k] = len(out)
            out.append(added)
            continue
        old = out[index[k]]
        changes = {}
        for name in _FILL:
            value = getattr(new, name)
            if value is not None and getattr(old, name) is None:
                changes[name] = value
        for name in _REPLACE:
            value = getattr(new, name)
            if value is not None and value != getattr(old, name):
                changes[name] = value
        if new.stance is not None and not old.person_stance:
            if old.stance != new.stance or old.stance_by != (new.stance_by or verifier):
                changes["stance"] = new.stance
                changes["stance_by"] = new.stance_by or verifier
        if changes:
            out[index[k]] = attrs.evolve(old, **changes)
    return tuple(out)
