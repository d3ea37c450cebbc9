"""`claimcheck plugin new`: the scaffold, its own tests, and the package installed for real.

The end-to-end test builds and installs the scaffolded package with pip, without network
(``--no-deps --no-build-isolation``), into a folder of its own (``--target``) that the claimcheck
subprocesses get on ``PYTHONPATH``. Not into site-packages: other test runs share this
environment, and an installed plugin would show up in their ``claimcheck plugins`` output; a test
killed before its teardown would leave it there for good. Entry points are found the same way
in both places (a ``*.dist-info`` folder on ``sys.path``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import write


def test_plugin_new_writes_a_package(run, tmp_path):
    result = run("plugin", "new", "population-check", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    root = tmp_path / "claimcheck-population-check"
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) == [
        ".gitignore",
        "README.md",
        "claimcheck_population_check.py",
        "pyproject.toml",
        "tests/test_claimcheck_population_check.py",
    ]
    meta = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["name"] == "claimcheck-population-check"
    assert meta["project"]["entry-points"]["claimcheck"] == {"population-check": "claimcheck_population_check"}
    module = (root / "claimcheck_population_check.py").read_text(encoding="utf-8")
    assert 'name = "population-check"' in module and "class PopulationCheckVerifier:" in module
    compile(module, "claimcheck_population_check.py", "exec")
    assert "claimcheck verify --verifier population-check" in (root / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("given", ["Population_Check", "claimcheck-population-check", "population check"])
def test_plugin_names_are_normalised(given):
    from claimcheck.commands.plugin_new import PluginNames

    names = PluginNames.parse(given)
    assert (names.name, names.dist, names.module) == ("population-check", "claimcheck-population-check", "claimcheck_population_check")


@pytest.mark.parametrize("bad", ["9lives", "a--b", "x-", "ünïcode", ""])
def test_an_unusable_name_is_refused_with_the_rule(run, tmp_path, bad):
    result = run("plugin", "new", bad, "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "use lower-case letters, digits and hyphens, starting with a letter" in result.output
    assert not any(tmp_path.iterdir())


def test_an_existing_folder_is_never_overwritten(run, tmp_path):
    write(tmp_path / "claimcheck-tally" / "mine.py", "# my work\n")
    result = run("plugin", "new", "tally", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "claimcheck-tally already exists and is not empty" in result.output
    assert (tmp_path / "claimcheck-tally" / "mine.py").read_text() == "# my work\n"


def test_a_name_taken_by_a_verifier_is_warned_about(run, tmp_path):
    result = run("plugin", "new", "statistics-table", "--dir", str(tmp_path))
    assert result.exit_code == 0
    assert "a verifier named 'statistics-table' already exists (plugin 'claimcheck_plugins.statistics_table')" in result.stderr


def test_the_scaffolded_package_passes_its_own_tests(run, tmp_path):
    run("plugin", "new", "tally", "--dir", str(tmp_path))
    root = tmp_path / "claimcheck-tally"
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=root,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "6 passed" in out.stdout


# -- installed for real ---------------------------------------------------------------------------


def _can_build_offline() -> bool:
    """setuptools builds wheels itself from 70.1 on; before that it needs the `wheel` package."""
    import importlib.util
    from importlib.metadata import version

    if importlib.util.find_spec("wheel") is not None:
        return True
    major, minor = (int(p) for p in version("setuptools").split(".")[:2])
    return (major, minor) >= (70, 1)


CLAIM = """\
claim: The Eiffel Tower is 330 metres tall.
figure: 330 metres
measure: height of the Eiffel Tower
sources:
  - url: https://www.toureiffel.paris/en/the-monument/key-figures
    excerpt: "The Eiffel Tower is 330 metres high."
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The scaffolded `claimcheck-tally` built and installed by pip into a folder of its own."""
    if not _can_build_offline():
        pytest.skip("building without network needs the `wheel` package or setuptools >= 70.1")
    from claimcheck.commands.plugin_new import scaffold_plugin

    base = tmp_path_factory.mktemp("installed")
    package, _ = scaffold_plugin("tally", base)
    target = base / "site"
    out = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "--quiet", "--target", str(target), str(package)],
        capture_output=True, text=True, timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert (target / "claimcheck_tally.py").is_file()
    project = base / "project"
    write(project / "claims" / "eiffel-tower-height.yaml", CLAIM)
    yield target, project, package
    shutil.rmtree(target, ignore_errors=True)


def claimcheck(installed, *args: str, allow: str | None = None) -> subprocess.CompletedProcess:
    """`claimcheck ARGS` in a fresh process that sees the installed package."""
    target, project, _ = installed
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=project, env=_env(target, allow),
                          capture_output=True, text=True, timeout=120)


def _env(target: Path, allow: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMCHECK_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), env.get("PYTHONPATH")]))
    if allow is not None:
        env["CLAIMCHECK_LOAD_PLUGINS"] = allow
    return env


def test_claimcheck_plugins_lists_the_installed_package(installed):
    out = claimcheck(installed, "plugins")
    assert out.returncode == 0, out.stderr
    assert {"name": "tally", "hooks": ["register_verifiers"], "distribution": "claimcheck-tally", "version": "0.1.0"} in json.loads(out.stdout)


def test_claimcheck_verifiers_shows_its_verifier(installed):
    out = claimcheck(installed, "verifiers", "--format", "json")
    assert out.returncode == 0, out.stderr
    found = {v["name"]: v for v in json.loads(out.stdout)}
    assert found["tally"] == {"name": "tally", "plugin": "tally", "version": "0.1.0",
                              "description": "Finds the claim's figure word for word in its sources."}


def test_claimcheck_verify_runs_it_on_a_project(installed):
    out = claimcheck(installed, "verify", "--offline", "--verifier", "tally")
    assert out.returncode == 0, out.stdout + out.stderr
    shown = json.loads(claimcheck(installed, "show", "eiffel-tower-height", "--format", "json").stdout)
    assert shown["status"] == "supported"
    assert shown["verdicts"]["tally"]["status"] == "supported"
    assert shown["verdicts"]["tally"]["version"] == "0.1.0"
    assert shown["sources"][0]["stance"] == "supports"


def test_the_allowlist_hides_or_shows_it(installed):
    def names(allow):
        return [p["name"] for p in json.loads(claimcheck(installed, "plugins", allow=allow).stdout)]

    assert "tally" not in names(""), "empty: no installed plugin"
    assert "tally" not in names("some-other-plugin")
    assert "tally" in names("claimcheck-tally")
    assert "tally" in names("claimcheck_tally, some-other-plugin"), "names compare like pip's"


def test_the_package_tests_still_pass_once_it_is_installed(installed):
    """Installed, the module is also loaded through its entry point: register_plugin copes."""
    target, _, package = installed
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=package,
                         env=_env(target), capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
