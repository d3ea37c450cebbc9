"""Collecting the objects plugins register (verifiers, report formats, extractors).

Each ``register_*`` hook implementation is called on its own, so every object is known with the
plugin that registered it, and mistakes are reported with that plugin's name.
"""

from __future__ import annotations

import inspect
from typing import Any

import attrs

from claimcheck.errors import ClaimcheckError


@attrs.frozen
class Registered:
    obj: Any
    plugin: str

    @property
    def name(self) -> str:
        return self.obj.name


#: What each kind of object must have, and which of its methods must be coroutines.
KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "verifier": (("name", "description", "version", "applies_to", "verify"), ("verify",)),
    "report format": (("name", "description", "extension", "render"), ()),
    "extractor": (("name", "description", "extract"), ()),
}

_HOOKS = {"verifier": "register_verifiers", "report format": "register_report_formats", "extractor": "register_extractors"}


def check_object(obj: Any, kind: str, plugin: str) -> None:
    """Raise a ``ClaimcheckError`` naming the plugin and what to fix."""
    from claimcheck.plugins import plugin_label

    plugin = plugin_label(plugin)
    required, coroutines = KINDS[kind]
    missing = [a for a in required if not hasattr(obj, a)]
    label = getattr(obj, "name", None) or type(obj).__name__
    if missing:
        raise ClaimcheckError(f"plugin {plugin!r}: {kind} {label!r} has no {', '.join(missing)}; add {'them' if len(missing) > 1 else 'it'}")
    if not isinstance(obj.name, str) or not obj.name.strip():
        raise ClaimcheckError(f"plugin {plugin!r}: {kind} {label!r} needs a non-empty string `name`")
    for method in coroutines:
        if not inspect.iscoroutinefunction(getattr(obj, method)):
            raise ClaimcheckError(f"plugin {plugin!r}: {kind} {obj.name!r}: `{method}` must be a coroutine: write `async def {method}(...)`")


def collect(kind: str) -> dict[str, Registered]:
    """Every registered object of ``kind`` by name; duplicates and malformed ones are errors."""
    from claimcheck.plugins import load_all, pm

    load_all()
    found: dict[str, Registered] = {}
    hook = getattr(pm.hook, _HOOKS[kind])
    for impl in hook.get_hookimpls():  # registration order: built-ins first
        plugin = impl.plugin_name

        def register(obj: Any, _plugin: str = plugin) -> None:
            check_object(obj, kind, _plugin)
            if obj.name in found:
                from claimcheck.plugins import plugin_label

                raise ClaimcheckError(
                    f"plugin {plugin_label(_plugin)!r}: a {kind} named {obj.name!r} is already registered by plugin "
                    f"{plugin_label(found[obj.name].plugin)!r}; choose another name"
                )
            found[obj.name] = Registered(obj, _plugin)

        impl.function(**{name: register for name in impl.argnames})
    return found
