"""Mistakes plugin authors make, as they see them on the command line.

Each message names the plugin and says what to fix. The tests marked xfail describe messages
that need a change in claimcheck/plugins.py and claimcheck/registry.py (naming a local plugin
by its file rather than its internal module name; checking hook arguments before pluggy does):
the patch is in the issue-7 report. They are strict, so they fail loudly once it lands: then
drop the marks.
"""

from __future__ import annotations

import pytest

from tests.conftest import write


VERIFIER = '''
from claimcheck import hookimpl


class V:
    {attributes}

    def applies_to(self, claim):
        return True

    {verify}


@hookimpl
def register_verifiers(register):
    register(V())
'''

GOOD = dict(attributes='name, description, version = "twin", "A verifier.", "1.0"',
            verify="async def verify(self, claim, ctx):\n        return None")


def verifier_file(path, **changes):
    return write(path, VERIFIER.format(**{**GOOD, **changes}))


def test_two_verifiers_with_one_name(project, run):
    verifier_file(project / "plugins" / "first.py")
    verifier_file(project / "plugins" / "second.py")
    result = run("verifiers", cwd=project)
    assert result.exit_code == 1
    assert "a verifier named 'twin' is already registered by plugin" in result.output
    assert result.output.rstrip().endswith("; choose another name")
    assert "Traceback" not in result.output


def test_two_verifiers_with_one_name_name_both_files(project, run):
    first, second = verifier_file(project / "plugins" / "first.py"), verifier_file(project / "plugins" / "second.py")
    result = run("verifiers", cwd=project)
    assert f"Error: plugin '{second}': a verifier named 'twin' is already registered by plugin '{first}'; choose another name" in result.output


def test_a_verifier_missing_name_and_verify(project, run):
    verifier_file(project / "plugins" / "nameless.py", attributes='description, version = "x", "1"', verify="pass")
    result = run("verifiers", cwd=project)
    assert result.exit_code == 1
    assert "verifier 'V' has no name, verify; add them" in result.output


def test_a_verifier_missing_verify_names_its_file(project, run):
    path = verifier_file(project / "plugins" / "nameless.py", verify="pass")
    result = run("verifiers", cwd=project)
    assert f"Error: plugin '{path}': verifier 'twin' has no verify; add it" in result.output


def test_a_sync_verify_stops_verify_with_the_fix(project, run):
    verifier_file(project / "plugins" / "sync.py", verify="def verify(self, claim, ctx):\n        return None")
    for command in (("verifiers",), ("verify", "--offline")):
        result = run(*command, cwd=project)
        assert result.exit_code == 1
        assert "verifier 'twin': `verify` must be a coroutine: write `async def verify(...)`" in result.output


def test_a_misspelt_hook_is_a_warning_and_the_rest_works(project, run):
    path = write(project / "plugins" / "typo.py", "from claimcheck import hookimpl\n\n@hookimpl\ndef register_verifer(register):\n    pass\n")
    result = run("verifiers", "--format", "json", cwd=project)
    assert result.exit_code == 0, "the other plugins still load"
    assert [str(e) for e in result.load_errors] == [f"{path}: unknown hook 'register_verifer'; did you mean 'register_verifiers'?"]


def test_a_hook_nothing_resembles_lists_the_hooks(project, run):
    write(project / "plugins" / "odd.py", "from claimcheck import hookimpl\n\n@hookimpl\ndef on_startup():\n    pass\n")
    [error] = run("list", cwd=project).load_errors
    assert "unknown hook 'on_startup'; known hooks: claim_verified, register_commands" in str(error)


def test_wrong_argument_names_name_the_file_hook_and_argument(project, run):
    path = write(project / "plugins" / "args.py", "from claimcheck import hookimpl\n\n@hookimpl\ndef resolve_status(claim, verdict):\n    pass\n")
    result = run("list", cwd=project)
    assert result.exit_code == 0
    [error] = [str(e) for e in result.load_errors]
    assert error.startswith(f"{path}: ")
    assert "resolve_status" in error and "'verdict'" in error


def test_wrong_argument_names_say_what_the_hook_takes(project, run):
    path = write(project / "plugins" / "args.py", "from claimcheck import hookimpl\n\n@hookimpl\ndef resolve_status(claim, verdict):\n    pass\n")
    [error] = [str(e) for e in run("list", cwd=project).load_errors]
    assert error == (
        f"{path}: resolve_status(claim, verdict): resolve_status has no argument 'verdict' (did you mean 'verdicts'?); "
        "its arguments are (claim, verdicts), and you may take fewer"
    )


def test_register_plugin_explains_wrong_arguments(register_plugin):
    from claimcheck import hookimpl
    from claimcheck.errors import ClaimcheckError

    class Plugin:
        @hookimpl
        def register_verifiers(self, add):
            pass

    with pytest.raises(ClaimcheckError, match=r"register_verifiers has no argument 'add'; its arguments are \(register\)"):
        register_plugin(Plugin(), name="wrong-args")
