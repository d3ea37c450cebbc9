"""The plugin manager: built-in plugins, installed plugins and a project's own plugin files.

Loading order: the built-ins below (always on: they are claimcheck's own behaviour), then
installed distributions' ``claimcheck`` entry points (``CLAIMCHECK_LOAD_PLUGINS`` narrows them
to a comma-separated allowlist of distribution names; empty loads none), then the ``*.py`` files
of the project's ``plugins/`` folder and of ``--plugins-dir``.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from typing import Any

import pluggy

from claimcheck import hookspecs
from claimcheck.errors import ClaimcheckError

#: Built-in plugins, by dotted module name. First-party plugins live in ``claimcheck_plugins``
#: and are written against the public API only, like any third-party plugin.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "claimcheck.default_status",
    "claimcheck.commands.claims",
    "claimcheck.commands.project",
    "claimcheck.commands.quantities",
    "claimcheck.commands.verify",
    "claimcheck.commands.report",
    "claimcheck.commands.extract",
    "claimcheck.commands.plugin_new",
    "claimcheck_plugins.source_text",
    "claimcheck_plugins.unit_consistency",
    "claimcheck_plugins.fact_check_search",
    "claimcheck_plugins.wayback",
    "claimcheck_plugins.link_check",
    "claimcheck_plugins.statistics_table",
    "claimcheck_plugins.report_markdown",
    "claimcheck_plugins.report_html",
    "claimcheck_plugins.report_json",
    "claimcheck_plugins.report_csv",
    "claimcheck_plugins.report_claimreview",
    "claimcheck_plugins.extract_rules",
)

ENTRY_POINT_GROUP = "claimcheck"

pm = pluggy.PluginManager("claimcheck")
pm.add_hookspecs(hookspecs)

#: Where each locally loaded plugin came from, for ``claimcheck plugins``.
LOCAL_PLUGIN_FILES: dict[str, Path] = {}
#: The distribution (name, version) of each plugin loaded from an entry point.
PLUGIN_DISTS: dict[str, tuple[str, str | None]] = {}

_loaded_builtins = False
_loaded_entrypoints = False


def load_builtin_plugins() -> list[ClaimcheckError]:
    """Register ``DEFAULT_PLUGINS``. One that fails to import is reported, the rest still load."""
    global _loaded_builtins
    if _loaded_builtins:
        return []
    _loaded_builtins = True
    errors = []
    for name in DEFAULT_PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                errors.append(ClaimcheckError(f"built-in plugin {name} failed to load: {exc}"))
            continue  # tests/test_packaging.py checks that every built-in exists
        except Exception as exc:
            errors.append(ClaimcheckError(f"built-in plugin {name} failed to load: {type(exc).__name__}: {exc}"))
            continue
        if not pm.is_registered(module):
            pm.register(module, name)
    return errors


def load_installed_plugins() -> list[ClaimcheckError]:
    """Load plugins from the ``claimcheck`` entry-point group, honouring the allowlist.

    Returns the errors of plugins that failed to load; the others still load.
    """
    global _loaded_entrypoints
    if _loaded_entrypoints:
        return []
    _loaded_entrypoints = True
    from importlib.metadata import entry_points

    allow = os.environ.get("CLAIMCHECK_LOAD_PLUGINS")
    allowed = None if allow is None else {_normal(n) for n in allow.split(",") if n.strip()}
    errors: list[ClaimcheckError] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist
        dist_name = dist.name if dist is not None else ep.name
        if allowed is not None and _normal(dist_name) not in allowed:
            continue
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
            check_hooks(plugin, f"plugin {dist_name!r} ({ep.value})")
            pm.register(plugin, name=ep.name)
        except ClaimcheckError as exc:
            _unregister(ep.name)
            errors.append(exc)
            continue
        except Exception as exc:  # a broken third-party plugin must not take the CLI down
            _unregister(ep.name)
            errors.append(ClaimcheckError(f"plugin {dist_name!r} ({ep.value}) failed to load: {type(exc).__name__}: {exc}"))
            continue
        PLUGIN_DISTS[ep.name] = (dist_name, dist.version if dist is not None else None)
    return errors


def _normal(name: str) -> str:
    return name.strip().lower().replace("_", "-").replace(".", "-")


def _unregister(name: str) -> None:
    if pm.get_plugin(name) is not None:
        pm.unregister(name=name)


def load_plugin_file(path: Path) -> Any:
    """Import one local plugin file as a real module (in ``sys.modules``) and register it."""
    path = path.resolve()
    name = f"claimcheck_local_{path.parent.name}_{path.stem}".replace("-", "_")
    if name in sys.modules and pm.is_registered(sys.modules[name]):
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ClaimcheckError(f"{path}: cannot load as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        del sys.modules[name]
        raise ClaimcheckError(f"{path}:{exc.lineno}: plugin has a syntax error: {exc.msg}") from None
    except Exception as exc:
        del sys.modules[name]
        raise ClaimcheckError(f"{path}: plugin failed to import: {type(exc).__name__}: {exc}") from None
    try:
        check_hooks(module, path)
        pm.register(module, name)
    except ClaimcheckError:
        if pm.is_registered(module):
            pm.unregister(module)
        del sys.modules[name]
        raise
    except pluggy.PluginValidationError as exc:
        if pm.is_registered(module):
            pm.unregister(module)
        del sys.modules[name]
        raise ClaimcheckError(f"{path}: {exc}") from None
    LOCAL_PLUGIN_FILES[name] = path
    return module


def load_plugin_dir(folder: Path) -> list[ClaimcheckError]:
    """Load every ``*.py`` file in ``folder``; returns the errors (the rest still load)."""
    errors = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        try:
            load_plugin_file(path)
        except ClaimcheckError as exc:
            errors.append(exc)
    return errors


def check_hooks(plugin: Any, where: Any) -> None:
    """Refuse hook implementations that match no hook (a misspelt name) or take arguments the
    hook does not have, naming the fix. Call it before ``pm.register`` (pluggy's own message
    for wrong arguments is three lines about its internals)."""
    import difflib

    known = [name for name in dir(pm.hook) if not name.startswith("_") and getattr(pm.hook, name).spec is not None]
    for impl_name, function in _hookimpls(plugin):
        if impl_name not in known:
            close = difflib.get_close_matches(impl_name, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known hooks: {', '.join(sorted(known))}"
            raise ClaimcheckError(f"{where}: unknown hook {impl_name!r}{hint}")
        expected = tuple(getattr(pm.hook, impl_name).spec.argnames)
        args = pluggy.HookImpl(plugin, "", function, function.claimcheck_impl).argnames  # as pluggy reads them
        wrong = [a for a in args if a not in expected]
        if wrong:
            close = difflib.get_close_matches(wrong[0], expected, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ClaimcheckError(
                f"{where}: {impl_name}({', '.join(args)}): {impl_name} has no argument {wrong[0]!r}{hint}; "
                f"its arguments are ({', '.join(expected)}), and you may take fewer"
            )


def _hookimpls(plugin: Any) -> list[tuple[str, Any]]:
    found = []
    for attr in dir(plugin):
        value = getattr(plugin, attr, None)
        opts = getattr(value, "claimcheck_impl", None)
        if opts is not None:
            found.append((opts.get("specname") or attr, value))
    return found


def plugin_label(name: str) -> str:
    """How error messages name a registered plugin: a local plugin by its file, an installed
    one by its distribution."""
    if name in LOCAL_PLUGIN_FILES:
        return str(LOCAL_PLUGIN_FILES[name])
    if name in PLUGIN_DISTS:
        return f"{PLUGIN_DISTS[name][0]} ({name})"
    return name


def is_first_party_checkout(folder: Path) -> bool:
    """True for the claimcheck repository itself, whose plugins/ is the first-party package."""
    try:
        import claimcheck_plugins
    except ImportError:
        return False
    return any(Path(p).resolve() == folder.resolve() for p in claimcheck_plugins.__path__)


def load_project_plugins(project_root: Path | None, extra_dirs: tuple[Path, ...] = ()) -> list[ClaimcheckError]:
    """The project's ``plugins/`` folder (unless it is claimcheck's own) and ``--plugins-dir``s."""
    errors: list[ClaimcheckError] = []
    folders = list(extra_dirs)
    if project_root is not None:
        local = project_root / "plugins"
        if local.is_dir() and not is_first_party_checkout(local):
            folders.insert(0, local)
    for folder in folders:
        if not folder.is_dir():
            errors.append(ClaimcheckError(f"{folder}: no such plugins folder"))
            continue
        errors += load_plugin_dir(folder)
    if os.environ.get("CLAIMCHECK_TRACE_PLUGINS") == "1":
        _trace()
    return errors


_tracing = False


def _trace() -> None:
    global _tracing
    if _tracing:
        return
    _tracing = True

    def before(hook_name: str, impls: list, kwargs: dict) -> None:
        names = ", ".join(pm.get_name(i.plugin) or "?" for i in impls)
        print(f"[claimcheck] hook {hook_name}({', '.join(kwargs)}) -> {names}", file=sys.stderr)

    def after(outcome: Any, hook_name: str, impls: list, kwargs: dict) -> None:
        pass

    pm.add_hookcall_monitoring(before, after)


def load_all() -> list[ClaimcheckError]:
    """Built-ins and installed plugins (local files are loaded by the CLI, which knows the project)."""
    errors = load_builtin_plugins()
    errors += load_installed_plugins()
    if os.environ.get("CLAIMCHECK_TRACE_PLUGINS") == "1":
        _trace()
    return errors


def plugin_info(include_builtins: bool = False) -> list[dict[str, Any]]:
    """What ``claimcheck plugins`` prints: name, version, hooks, and the file of local ones."""
    out = []
    for plugin in pm.get_plugins():
        name = pm.get_name(plugin) or repr(plugin)
        builtin = name in DEFAULT_PLUGINS
        if builtin and not include_builtins:
            continue
        info: dict[str, Any] = {"name": name, "hooks": sorted(h.name for h in pm.get_hookcallers(plugin) or [])}
        if name in PLUGIN_DISTS:
            info["distribution"], info["version"] = PLUGIN_DISTS[name]
        elif name in LOCAL_PLUGIN_FILES:
            info["name"] = LOCAL_PLUGIN_FILES[name].stem
            info["path"] = str(LOCAL_PLUGIN_FILES[name])
        elif builtin:
            from claimcheck import __version__

            info["version"] = __version__
            info["builtin"] = True
        out.append(info)
    return out
