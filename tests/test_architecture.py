"""The layers of docs/architecture.md, checked on the source: imports run one way only.

Apps form a ladder (an app imports only apps below it); inside an app, and across apps,
``models/`` -> ``domain/`` -> ``interfaces/`` -> ``views/`` import downward only; the pure
engines import no Django at all.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import fairmatch

PACKAGE = Path(fairmatch.__file__).parent
# Lowest first. conference (editions, rules configuration, rates) sits below enterprises:
# enterprises depends on conference, never the reverse.
APP_LADDER = (
    "core",
    "conference",
    "enterprises",
    "accounts",
    "matching",
    "exhibition",
    "scheduling",
    "onsite",
    "outcomes",
    "reports",
    "spreadsheets",
    "api",
    "web",
    "demo",
)
LAYERS = ("models", "domain", "interfaces", "views")
ENGINES = (
    "fairmatch.conference.qualification",
    "fairmatch.exhibition.engine",
    "fairmatch.matching.engine",
    "fairmatch.scheduling.engine",
)
# Pure modules an engine may use besides its own package.
PURE_MODULES = ("fairmatch.conference.money",)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    """Every module the file imports, anywhere in it (lazy imports count), made absolute."""
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found += [base] + [f"{base}.{alias.name}" for alias in node.names]
    return found


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "fairmatch" or len(parts) < 2 or not (PACKAGE / parts[1]).is_dir():
        return None
    return parts[1]


def _layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[2] in LAYERS else None


def test_every_app_has_a_place_on_the_ladder():
    apps = {p.parent.name for p in PACKAGE.glob("*/apps.py")}
    assert apps - set(APP_LADDER) == set(), "add the new app to APP_LADDER, where it belongs"


def test_apps_import_only_the_apps_below_them():
    wrong = []
    for path in _sources():
        importer = _app_of(_module_name(path))
        if importer not in APP_LADDER:
            continue
        allowed = set(APP_LADDER[: APP_LADDER.index(importer) + 1])
        for module in _imports(path):
            app = _app_of(module)
            if app is not None and app not in allowed:
                wrong.append(f"{_module_name(path)} imports {module}")
    assert wrong == []


def test_conference_imports_none_of_the_apps_that_use_it():
    users = ("enterprises", "accounts", "matching", "scheduling", "reports", "demo")
    wrong = [
        f"{_module_name(path)} imports {module}"
        for path in _sources()
        if _app_of(_module_name(path)) == "conference"
        for module in _imports(path)
        if _app_of(module) in users
    ]
    assert wrong == []


def test_layers_import_downward_only():
    wrong = []
    for path in _sources():
        layer = _layer_of(_module_name(path))
        if layer is None:
            continue
        for module in _imports(path):
            target = _layer_of(module)
            if target is not None and LAYERS.index(target) > LAYERS.index(layer):
                wrong.append(f"{_module_name(path)} ({layer}) imports {module} ({target})")
    assert wrong == []


@pytest.mark.parametrize("engine", ENGINES)
def test_engines_import_only_themselves_and_pure_modules(engine):
    folder = PACKAGE.joinpath(*engine.split(".")[1:])
    wrong = [
        f"{_module_name(path)} imports {module}"
        for path in sorted(folder.rglob("*.py"))
        for module in _imports(path)
        if module.split(".")[0] in {"django", "fairmatch"}
        and not module.startswith((engine, *PURE_MODULES))
    ]
    assert wrong == []


def test_engines_load_without_django():
    # Checked in a fresh interpreter: importing them must not pull Django in, even indirectly.
    code = (
        "import sys\n"
        f"for name in {[*ENGINES, *PURE_MODULES]!r}: __import__(name)\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# Modules Django or the console script load by name, not by import.
ENTRY_POINTS = (
    "__main__",
    "admin",
    "apps",
    "settings",
    "urls",
    "wsgi",
    "context_processors",
    "middleware",  # MIDDLEWARE
    "formats",  # FORMAT_MODULE_PATH: <package>.<locale>.formats
)
# Modules named in settings or on a server's command line, never imported.
LOADED_BY_NAME = (
    "fairmatch.accounts.interfaces.adapters",  # ACCOUNT_ADAPTER, MFA_ADAPTER
    "fairmatch.gunicorn_conf",  # gunicorn --config python:fairmatch.gunicorn_conf
)


def _is_entry_point(path: Path) -> bool:
    name = path.stem
    return (
        name == "__init__"
        or name in ENTRY_POINTS
        or name.startswith("urls_")
        or {"commands", "templatetags"} & set(path.parts)
    )


def test_every_module_serves_the_product():
    """Code used only by benchmarks or tests (generators of made-up fairs) lives in benchmarks/."""
    imported = set()
    for path in _sources():
        imported |= set(_imports(path)) - {_module_name(path)}
    unused = [
        _module_name(path)
        for path in _sources()
        if not _is_entry_point(path)
        and _module_name(path) not in imported
        and _module_name(path) not in LOADED_BY_NAME
    ]
    assert unused == []
