"""docs/hooks.md documents every hook of claimcheck/hookspecs.py, and nothing else.

Each hook has a section headed ``## `name(arg, ...)` `` whose arguments are the hook's; the
section says when the hook is historic or firstresult; its Python example registers cleanly as
a plugin (right hook name, right argument names) and implements that very hook.
"""

from __future__ import annotations

import re
import types

import pytest

from tests.conftest import REPO

DOC = REPO / "docs" / "hooks.md"
HEADING = re.compile(r"^## `(\w+)\(([^)]*)\)`\s*$", re.MULTILINE)


def hookspecs() -> dict[str, tuple[tuple[str, ...], dict]]:
    """Every hook declared in claimcheck.hookspecs: name -> (argument names, spec options)."""
    from claimcheck import hookspecs as module
    from claimcheck.plugins import pm

    out = {}
    for name in dir(module):
        opts = getattr(getattr(module, name), "claimcheck_spec", None)
        if opts is not None:
            out[name] = (tuple(getattr(pm.hook, name).spec.argnames), opts)
    return out


def sections() -> dict[str, tuple[tuple[str, ...], str]]:
    """Every hook section of the page: name -> (documented arguments, section text)."""
    text = DOC.read_text(encoding="utf-8")
    found = list(HEADING.finditer(text))
    out = {}
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        args = tuple(a.strip() for a in match.group(2).split(",") if a.strip())
        out[match.group(1)] = (args, text[match.end():end])
    return out


def test_every_hook_is_documented_and_every_documented_hook_exists():
    declared, documented = set(hookspecs()), set(sections())
    assert declared - documented == set(), "hooks missing from docs/hooks.md"
    assert documented - declared == set(), "docs/hooks.md documents hooks that do not exist"


@pytest.mark.parametrize("name", sorted(hookspecs()))
def test_the_documented_signature_is_the_hooks(name):
    args, _ = sections()[name]
    assert args == hookspecs()[name][0]


@pytest.mark.parametrize("name", sorted(hookspecs()))
def test_historic_and_firstresult_hooks_say_so(name):
    _, opts = hookspecs()[name]
    _, text = sections()[name]
    for option in ("historic", "firstresult"):
        if opts.get(option):
            assert option in text.lower(), f"{name} is {option}: say so and what it means"


@pytest.mark.parametrize("name", sorted(hookspecs()))
def test_the_example_registers_and_implements_the_hook(name, register_plugin):
    _, text = sections()[name]
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert blocks, f"the {name} section has no example"
    module = types.ModuleType(f"hooks_doc_example_{name}")
    exec(compile(blocks[0], f"docs/hooks.md ({name})", "exec"), module.__dict__)
    register_plugin(module, name=module.__name__)  # refuses unknown hooks and wrong argument names
    from claimcheck.plugins import pm

    assert name in [caller.name for caller in pm.get_hookcallers(module)]


def test_the_verifier_example_runs(register_plugin, run_verifier, make_claim):
    _, text = sections()["register_verifiers"]
    module = types.ModuleType("hooks_doc_verifier")
    exec(re.findall(r"```python\n(.*?)```", text, re.DOTALL)[0], module.__dict__)
    verdict = run_verifier(module.HasSources(), make_claim(sources=[]))
    assert verdict.note == "the claim cites no source"
