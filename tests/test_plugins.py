"""The plugin system: built-ins, a project's own plugin files, and clear errors for authors."""

from __future__ import annotations

import json
import sys

from tests.conftest import REPO, write

HELLO = '''
import click
from claimcheck import hookimpl


@hookimpl
def register_commands(cli):
    @cli.command()
    def hello():
        """Say hello."""
        click.echo("hello from a local plugin")
'''

VERIFIER = '''
from claimcheck import hookimpl


class Always:
    name = "always"
    description = "Supports everything."
    version = "1.0"

    def applies_to(self, claim):
        return True

    async def verify(self, claim, ctx):
        return None


@hookimpl
def register_verifiers(register):
    register(Always())
'''


def test_a_project_plugin_file_adds_a_command(project, run):
    write(project / "plugins" / "hello.py", HELLO)
    result = run("hello", cwd=project)
    assert result.exit_code == 0 and result.stdout == "hello from a local plugin\n"
    assert "claimcheck_local_plugins_hello" in sys.modules, "loaded as a real module"


def test_plugins_lists_local_plugins_with_their_file(project, run):
    write(project / "plugins" / "hello.py", HELLO)
    listed = json.loads(run("plugins", cwd=project).stdout)
    assert listed == [{"name": "hello", "hooks": ["register_commands"], "path": str(project / "plugins" / "hello.py")}]


def test_plugins_all_includes_builtins_and_filters_by_hook(project, run):
    listed = json.loads(run("plugins", "--all", "--hook", "resolve_status", cwd=project).stdout)
    assert [p["name"] for p in listed] == ["claimcheck.default_status"]
    assert listed[0]["builtin"] is True


def test_plugins_dir_option_loads_another_folder(project, run, tmp_path_factory):
    extra = tmp_path_factory.mktemp("more")
    write(extra / "always.py", VERIFIER)
    result = run("--plugins-dir", str(extra), "verifiers", "--format", "json", cwd=project)
    found = {v["name"]: v for v in json.loads(result.stdout)}
    assert found["always"]["description"] == "Supports everything."
    assert found["always"]["plugin"] == "claimcheck_local_more0_always"


def test_a_plugin_with_a_syntax_error_is_named_and_the_cli_still_works(project, run):
    write(project / "plugins" / "broken.py", "def oops(:\n    pass\n")
    write(project / "plugins" / "hello.py", HELLO)
    result = run("hello", cwd=project)
    assert result.exit_code == 0
    assert [str(e) for e in result.load_errors] == [f"{project / 'plugins' / 'broken.py'}:1: plugin has a syntax error: invalid syntax"]


def test_a_misspelt_hook_is_refused_with_a_suggestion(project, run):
    write(project / "plugins" / "typo.py", "from claimcheck import hookimpl\n\n@hookimpl\ndef register_verifier(register):\n    pass\n")
    result = run("list", cwd=project)
    assert result.exit_code == 0
    assert [str(e) for e in result.load_errors] == [
        f"{project / 'plugins' / 'typo.py'}: unknown hook 'register_verifier'; did you mean 'register_verifiers'?"
    ]


def test_wrong_argument_names_are_refused(project, run):
    write(project / "plugins" / "args.py", "from claimcheck import hookimpl\n\n@hookimpl\ndef register_verifiers(add):\n    pass\n")
    errors = [str(e) for e in run("list", cwd=project).load_errors]
    assert len(errors) == 1
    assert "args.py" in errors[0] and "'add'" in errors[0] and "register_verifiers" in errors[0]


def test_the_repository_plugins_folder_is_not_loaded_twice(run):
    listed = json.loads(run("plugins", cwd=REPO).stdout)
    assert all("path" not in p for p in listed), "claimcheck's own plugins/ is the first-party package"


def test_make_cli_builds_independent_groups(register_plugin):
    import click

    from claimcheck import hookimpl
    from claimcheck.cli import make_cli

    class Extra:
        @hookimpl
        def register_commands(self, cli):
            @cli.command()
            def extra():
                click.echo("extra")

    plain = make_cli()
    register_plugin(Extra())
    with_extra = make_cli()
    assert "extra" in with_extra.commands
    assert "extra" not in plain.commands or plain is not with_extra


def test_duplicate_verifier_names_name_both_plugins(register_plugin):
    import pytest

    from claimcheck import hookimpl
    from claimcheck.errors import ClaimcheckError
    from claimcheck.registry import collect

    class V:
        name, description, version = "twin", "A verifier.", "1"

        def applies_to(self, claim):
            return True

        async def verify(self, claim, ctx):
            return None

    class First:
        @hookimpl
        def register_verifiers(self, register):
            register(V())

    register_plugin(First(), name="first")
    register_plugin(First(), name="second")
    with pytest.raises(ClaimcheckError, match="plugin 'second': a verifier named 'twin' is already registered by plugin 'first'"):
        collect("verifier")


def test_a_sync_verify_or_missing_name_is_explained(register_plugin):
    import pytest

    from claimcheck import hookimpl
    from claimcheck.errors import ClaimcheckError
    from claimcheck.registry import check_object

    class Sync:
        name, description, version = "sync", "x", "1"

        def applies_to(self, claim):
            return True

        def verify(self, claim, ctx):
            return None

    with pytest.raises(ClaimcheckError, match=r"plugin 'p': verifier 'sync': `verify` must be a coroutine: write `async def verify"):
        check_object(Sync(), "verifier", "p")

    class Nameless:
        description, version = "x", "1"

    with pytest.raises(ClaimcheckError, match="verifier 'Nameless' has no name, applies_to, verify"):
        check_object(Nameless(), "verifier", "p")


def test_the_allowlist_env_var_limits_installed_plugins(monkeypatch):
    from claimcheck import plugins

    monkeypatch.setenv("CLAIMCHECK_LOAD_PLUGINS", "")
    monkeypatch.setattr(plugins, "_loaded_entrypoints", False)
    assert plugins.load_installed_plugins() == []
    assert not plugins.PLUGIN_DISTS or all(name in plugins.PLUGIN_DISTS for name in plugins.PLUGIN_DISTS)


def test_resolve_status_builtin_rule(make_claim):
    from claimcheck import Status, Verdict, VerdictStatus
    from claimcheck.plugins import pm

    def resolve(**verdicts):
        claim = make_claim()
        return pm.hook.resolve_status(claim=claim, verdicts={k: Verdict(status=VerdictStatus(v[0]), confidence=v[1]) for k, v in verdicts.items()})

    assert resolve() == (Status.UNCHECKED, None)
    assert resolve(a=("supported", 0.8), b=("not-enough-evidence", 0.5)) == (Status.SUPPORTED, 0.8)
    assert resolve(a=("supported", 0.8), b=("refuted", 0.6)) == (Status.CONFLICTING, 0.7)
    assert resolve(a=("refuted", 0.6), b=("error", None)) == (Status.REFUTED, 0.6)
    assert resolve(a=("error", None)) == (Status.UNCHECKED, None)
    reviewed = make_claim(review={"status": "refuted", "by": "Jane"})
    assert pm.hook.resolve_status(claim=reviewed, verdicts={"a": Verdict(status=VerdictStatus.SUPPORTED)}) == (Status.REFUTED, None)


def test_a_plugin_can_override_resolve_status(make_claim, register_plugin):
    from claimcheck import Status, hookimpl
    from claimcheck.plugins import pm

    class Strict:
        @hookimpl
        def resolve_status(self, claim, verdicts):
            return Status.NOT_ENOUGH_EVIDENCE, None

    register_plugin(Strict())
    assert pm.hook.resolve_status(claim=make_claim(), verdicts={}) == (Status.NOT_ENOUGH_EVIDENCE, None)


def test_trace_prints_hook_calls(project, tmp_path):
    import subprocess

    env = {"CLAIMCHECK_TRACE_PLUGINS": "1", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-m", "claimcheck", "list"], cwd=project, env=env, capture_output=True, text=True)
    assert "[claimcheck] hook register_commands(cli)" in out.stderr
