"""The apps stand in layers (STYLE.md): plumbing <- facility <- articles <- inquiries <-
website <- recovery_site, each importing only those below it, and no module imports one
that imports it back, directly or not, nor reaches a model through `apps.get_model()` to
hide such a cycle. Read from the source with `ast`; tests and migrations aside."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["plumbing", "facility", "articles", "inquiries", "website", "recovery_site"]


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules():
    found = {}
    for app in LAYERS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                found[module_name(path)] = path
    return found


def imports(name, path, known):
    """The site's modules `name` imports, anywhere in it, and the models modules it
    reaches through apps.get_model("app", ...)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get_model"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            app = str(node.args[0].value).split(".")[0]
            targets = [f"{app}.models"]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                found.add(target)
    return found


def graph():
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def test_each_app_imports_only_the_layers_below_it():
    wrong = [
        (name, target)
        for name, targets in graph().items()
        for target in targets
        if LAYERS.index(target.split(".")[0]) > LAYERS.index(name.split(".")[0])
    ]

    assert wrong == []


def cycles(edges):
    """Every chain of imports that comes back to where it started (up to six long)."""
    found = []

    def visit(name, path):
        for target in sorted(edges.get(name, ())):
            if target == path[0]:
                found.append([*path, target])
            elif target not in path and len(path) < 6:
                visit(target, [*path, target])

    for start in sorted(edges):
        visit(start, [start])
    return found


def inside_one_package(cycle):
    """A package and modules inside it only (facility.models and facility.models.content):
    how Python makes a package, not a cycle between modules."""
    top = min(cycle, key=len)
    return all(name == top or name.startswith(top + ".") for name in cycle)


def test_no_module_imports_one_that_imports_it_back():
    found = [cycle for cycle in cycles(graph()) if not inside_one_package(cycle)]

    assert found == []
