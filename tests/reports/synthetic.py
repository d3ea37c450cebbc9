"""Realistic generated claim records, for the 10,000-claim browser test and the benchmark.

Each record looks like the example project's: a claim with a figure and measure, a quote, a
claimant and date, tags, two to four sources with excerpts and stances, and (for most) verdicts
from two verifiers and a resolved status; some carry an editorial review.
"""

from __future__ import annotations

import random
from typing import Any

STATUSES = ("supported", "refuted", "conflicting", "not-enough-evidence", "unchecked")
WEIGHTS = (40, 20, 10, 15, 15)
TAGS = ("belarus", "ukraine", "repression", "economy", "migration", "elections", "war", "sanctions", "health")
PUBLISHERS = ("Reuters", "Associated Press", "BBC News", "Viasna", "UNHCR", "Eurostat", "Belsat", "Le Monde")
PLACES = ("Minsk", "Kyiv", "Vilnius", "Warsaw", "Riga", "Przemyśl", "Brest", "Gomel")
UNITS = ("people", "protesters", "refugees", "euros", "troops", "political prisoners", "volunteers")


def record(i: int, rng: random.Random) -> dict[str, Any]:
    """One claim record as plain data, as in a claim file."""
    n = rng.randrange(100, 90_000)
    unit = rng.choice(UNITS)
    place = rng.choice(PLACES)
    status = rng.choices(STATUSES, WEIGHTS)[0]
    year = rng.choice((2020, 2021, 2022))
    data: dict[str, Any] = {
        "id": f"claim-{i:05d}",
        "claim": f"More than {n:,} {unit} were counted in {place} between August {year} and March {year + 1}, "
                 f"according to figure {i} of the article.",
        "figure": f"more than {n:,}",
        "measure": f"{unit} counted in {place} since August {year}",
        "quote": f"Officials say extra than {n:,} {unit} have been counted in {place} in the last year and a half.",
        "claimant": rng.choice(("Al Jazeera", "Alexander Lukashenko", "UN News", "Hanna Liubakova")),
        "date": f"{year + 1}-03-{rng.randrange(1, 29):02d}",
        "appeared_in": {"url": f"https://news.example.org/{year + 1}/story-{i}", "title": f"Story number {i}",
                        "publisher": "Al Jazeera"},
        "tags": sorted(rng.sample(TAGS, rng.randrange(1, 4))),
        "sources": [
            {
                "url": f"https://{rng.choice(('www.reuters.com', 'apnews.com', 'spring96.org', 'www.unhcr.org'))}/article/{i}-{k}",
                "title": f"{rng.choice(PUBLISHERS)} report on {unit} in {place}, part {k + 1}",
                "publisher": rng.choice(PUBLISHERS),
                "published": f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                "excerpt": f"By the end of the period more than {n + rng.randrange(-500, 500):,} {unit} had been recorded "
                           f"in {place}, the report says, citing figures gathered by local monitors and "
                           f"cross-checked against court records.",
                "archived": f"https://web.archive.org/web/{year}0101000000/https://example.org/{i}-{k}",
                "stance": rng.choice(("supports", "refutes", "inconclusive")),
                "added_by": rng.choice(("person", "source-text")),
            }
            for k in range(rng.randrange(2, 5))
        ],
    }
    if status != "unchecked":
        data["verdicts"] = {
            "source-text": {"status": status, "confidence": round(rng.uniform(0.5, 0.99), 2),
                            "checked": "2026-11-25T21:40:00Z", "note": f"{rng.randrange(1, 4)} of the sources agree on the figure.",
                            "version": "1.0.0"},
            "unit-consistency": {"status": "supported", "confidence": 0.9, "checked": "2026-11-25T21:40:00Z",
                                 "note": "Units are consistent.", "version": "1.0.0"},
        }
        data["status"] = status
        data["confidence"] = data["verdicts"]["source-text"]["confidence"]
        if rng.random() < 0.1:
            data["review"] = {"status": status, "by": "Jane Doe", "date": "2026-11-25", "note": "Checked with the desk."}
    return data


def records(count: int, seed: int = 5) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [record(i, rng) for i in range(count)]
