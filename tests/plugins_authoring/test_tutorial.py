"""The tutorial's first step works as written: its CSV and its one-file plugin, in a project."""

from __future__ import annotations

import json
import re

from tests.conftest import REPO, write

DOC = (REPO / "docs" / "writing-plugins.md").read_text(encoding="utf-8")


def block(language: str, first_line: str) -> str:
    for body in re.findall(rf"```{language}\n(.*?)```", DOC, re.DOTALL):
        if body.startswith(first_line):
            return body
    raise AssertionError(f"no {language} block starting with {first_line!r} in docs/writing-plugins.md")


def test_the_one_file_plugin_of_step_1_verifies_claims(project, run):
    write(project / "data" / "figures.csv", block("csv", "measure,value,unit,source_url"))
    write(project / "plugins" / "official_figures.py", block("python", "# plugins/official_figures.py"))
    write(project / "claims" / "belarus-population.yaml",
          "claim: Belarus has about 9.2 million inhabitants.\nfigure: about 9.2 million\nmeasure: population of Belarus\n")
    write(project / "claims" / "unemployment.yaml",
          "claim: One in ten Belarusians is out of work.\nfigure: 10%\nmeasure: unemployment rate in Belarus\n")
    listed = json.loads(run("verifiers", "--format", "json", cwd=project).stdout)
    assert "official-figures" in [v["name"] for v in listed]
    result = run("verify", "--offline", "--verifier", "official-figures", cwd=project)
    assert result.exit_code == 0, result.output
    shown = {cid: json.loads(run("show", cid, "--format", "json", cwd=project).stdout)
             for cid in ("belarus-population", "unemployment")}
    assert shown["belarus-population"]["status"] == "supported"
    assert shown["unemployment"]["status"] == "refuted"
    assert shown["unemployment"]["sources"][0]["added_by"] == "official-figures"
