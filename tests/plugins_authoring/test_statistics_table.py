"""statistics-table: a claim's figure against the project's CSV of official statistics.

Written with the same fixtures a third-party plugin's tests use (claims_project, make_claim,
run_verifier), since the plugin is the worked example of docs/writing-plugins.md.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from claimcheck import Stance, VerdictStatus
from claimcheck_plugins.statistics_table import StatisticsTable

TABLE = """\
measure,value,low,high,unit,date,source_url,source_title
population of Belarus,9155000,,,,2023-01-01,https://www.belstat.gov.by/en/population-2023,Belstat: population on 1 January 2023
population of Belarus,9349645,,,,2020-01-01,https://www.belstat.gov.by/en/population-2020,Belstat: population on 1 January 2020
unemployment rate in Belarus,3.6,,,%,2022-12-31,https://www.belstat.gov.by/en/labour,Belstat: labour market
distance from Minsk to the Polish border,,250,400,km,,,
"""


@pytest.fixture
def project(claims_project):
    """A claims project holding the statistics table at the default path."""
    project = claims_project()
    (project.root / "data").mkdir()
    (project.root / "data" / "statistics.csv").write_text(TABLE, encoding="utf-8")
    return project


@pytest.fixture
def check(project, make_claim, run_verifier):
    """Run statistics-table on a claim given as fields; returns the verdict."""

    def run(**fields):
        return run_verifier(StatisticsTable(), make_claim(**fields), project=project)

    return run


def test_a_figure_matching_the_official_one_is_supported(check):
    verdict = check(claim="Belarus has about 9.2 million people.", figure="about 9.2 million",
                    measure="population of Belarus", date="2023-05-01")
    assert verdict.status is VerdictStatus.SUPPORTED
    assert verdict.confidence == 0.9
    assert "9155000 lies inside claim: about 9.2 million" in verdict.note
    [source] = verdict.sources
    assert source.url == "https://www.belstat.gov.by/en/population-2023"
    assert source.title == "Belstat: population on 1 January 2023"
    assert source.published == dt.date(2023, 1, 1)
    assert source.stance is Stance.SUPPORTS


def test_a_figure_outside_the_official_one_is_refuted(check):
    verdict = check(claim="Belarus has more than 10 million people.", figure="more than 10 million",
                    measure="population of Belarus", date="2023-05-01")
    assert verdict.status is VerdictStatus.REFUTED
    assert verdict.sources[0].stance is Stance.REFUTES


def test_the_row_in_force_on_the_claims_date_is_used(check):
    fields = dict(claim="Belarus has 9.35 million people.", figure="9.35 million", measure="population of Belarus")
    assert check(**fields, date="2021-03-01").status is VerdictStatus.SUPPORTED, "the 2020 figure"
    assert check(**fields, date="2023-03-01").status is VerdictStatus.REFUTED, "the 2023 figure"
    assert check(**fields).status is VerdictStatus.REFUTED, "no date: the latest figure"


def test_a_reworded_measure_still_matches_and_lowers_the_confidence(check):
    verdict = check(claim="Belarus's population is about 9.2 million.", figure="about 9.2 million",
                    measure="Belarus's population")
    assert verdict.status is VerdictStatus.SUPPORTED
    assert 0.8 < verdict.confidence < 0.9
    assert "measure matched 95%" in verdict.note


def test_without_a_measure_the_claim_sentence_is_matched(check):
    verdict = check(claim="The unemployment rate in Belarus was 3.6% at the end of 2022.")
    assert verdict.status is VerdictStatus.SUPPORTED


def test_units_written_in_words_are_read_by_the_quantity_engine(check):
    assert check(claim="x", figure="7%", measure="unemployment rate in Belarus").status is VerdictStatus.REFUTED
    no_unit = check(claim="x", figure="3.6", measure="unemployment rate in Belarus")
    assert no_unit.status is VerdictStatus.NOT_ENOUGH_EVIDENCE, "a count is not a percentage"
    assert no_unit.sources[0].stance is Stance.NO_FIGURE


def test_a_range_row_and_a_table_without_source_url(check):
    verdict = check(claim="Minsk is 330km from Poland.", figure="330km", measure="distance from Minsk to the Polish border")
    assert verdict.status is VerdictStatus.NOT_ENOUGH_EVIDENCE, "a claim inside a wide official range is inconclusive"
    verdict = check(claim="Minsk is 500 km from Poland.", figure="500 km", measure="distance from Minsk to the Polish border")
    assert verdict.status is VerdictStatus.REFUTED
    assert verdict.sources[0].url == "data/statistics.csv", "the table itself is the source"
    assert verdict.sources[0].title == "data/statistics.csv, line 5"


def test_a_measure_the_table_does_not_have_gets_no_verdict(check):
    assert check(claim="Poland has 38 million people.", figure="38 million", measure="population of Poland") is None


def test_min_score_and_path_come_from_claimcheck_toml(claims_project, make_claim, run_verifier):
    project = claims_project(config='[verifiers.statistics-table]\npath = "official/figures.csv"\nmin_score = 99\n')
    (project.root / "official").mkdir()
    (project.root / "official" / "figures.csv").write_text(TABLE, encoding="utf-8")
    claim = make_claim(claim="x", figure="about 9.2 million", measure="Belarus's population")
    assert run_verifier(StatisticsTable(), claim, project=project) is None, "95% is below min_score 99"
    exact = make_claim(claim="x", figure="about 9.2 million", measure="population of Belarus")
    assert run_verifier(StatisticsTable(), exact, project=project).sources[0].url.startswith("https://www.belstat")


def test_a_broken_table_names_the_file_and_line(project, make_claim, run_verifier):
    (project.root / "data" / "statistics.csv").write_text("measure,value\npopulation of Belarus,lots\n", encoding="utf-8")
    claim = make_claim(claim="x", figure="9 million", measure="population of Belarus")
    with pytest.raises(ValueError, match=r"data/statistics.csv:2: value 'lots' is not a number"):
        run_verifier(StatisticsTable(), claim, project=project)
    (project.root / "data" / "statistics.csv").write_text("name,figure\nx,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"data/statistics.csv: needs a 'measure' column and a 'value' column"):
        run_verifier(StatisticsTable(), claim, project=project)


def test_without_a_table_the_verifier_is_skipped_for_the_run(claims_project):
    from claimcheck.context import Context

    ctx = Context(name="statistics-table", project=claims_project(), web=None)
    assert StatisticsTable().unavailable(ctx) == (
        "no statistics table at data/statistics.csv (set [verifiers.statistics-table] path in claimcheck.toml)"
    )


def test_claimcheck_verify_writes_the_verdict_into_the_claim_file(project, run):
    (project.root / "claims" / "population.yaml").write_text(
        "# checked against Belstat\nclaim: Belarus has about 9.2 million people.\nfigure: about 9.2 million\n"
        "measure: population of Belarus\ndate: 2023-05-01\n",
        encoding="utf-8",
    )
    result = run("verify", "--offline", "--verifier", "statistics-table", cwd=project.root)
    assert result.exit_code == 0, result.output
    text = (project.root / "claims" / "population.yaml").read_text(encoding="utf-8")
    assert text.startswith("# checked against Belstat\n"), "the person's comment is kept"
    shown = json.loads(run("show", "population", "--format", "json", cwd=project.root).stdout)
    assert shown["status"] == "supported"
    assert shown["verdicts"]["statistics-table"]["status"] == "supported"
    assert shown["sources"][0]["added_by"] == "statistics-table"
