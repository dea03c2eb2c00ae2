"""Production code uses no private attribute of Django or of a library (a name starting
with `_`): those change without notice from one release to the next.

Read from the source with `ast`, tests and migrations aside. A name starting with `_` may
be used only when the site's own code defines it (a function, a class, a module-level
name, or an attribute it sets on `self` or `cls`), or when Django documents it (the
allow list). The names a review found in use are refused even then.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["recovery_site", "plumbing", "facility", "articles", "inquiries", "website"]

# Private in name, documented by Django as public API.
DOCUMENTED = {
    "_meta",  # the Model _meta API
    "_default_manager",  # Model._default_manager
    "_base_manager",  # Model._base_manager
}

# What the last speed round reached for (plumbing/prepared.py, the hand-filled prefetch
# caches of facility/models/centers.py, plumbing/security.py's reading of django-csp),
# and their kin.
REFUSED = {
    "_result_cache",
    "_prefetch_done",
    "_deferred_filter",
    "_prefetched_objects_cache",
    "_prefetch_related_lookups",
    "_iterable_class",
    "_fields",
    "_db",
    "_hints",
    "_known_related_objects",
    "_state",
    "_committed",
    "_csp_nonce",
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
    "_csp_nonce_post_response",
    "_make_nonce",
    # Django's cache backends' own workings.
    "_class",
    "_cache",
    "_table",
    "_servers",
    "_options",
    "_get_connection_pool",
    "_client",
}

ATTRIBUTE_FUNCTIONS = {"getattr", "setattr", "hasattr", "delattr"}


def production_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path
    yield ROOT / "gunicorn.conf.py"


def private(name):
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def is_self(node):
    return isinstance(node, ast.Name) and node.id in ("self", "cls")


def attribute_string(node):
    """The attribute name a getattr(x, "_name")-like call names, or None."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ATTRIBUTE_FUNCTIONS
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
    ):
        return node.args[1].value
    return None


def defined_names(trees):
    """The private names the site's own code defines."""
    ours = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                ours.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for part in ast.walk(target):
                        if isinstance(part, ast.Name):
                            ours.add(part.id)
                        elif isinstance(part, ast.Attribute) and is_self(part.value):
                            ours.add(part.attr)
            elif isinstance(node, ast.Global):
                ours.update(node.names)
            elif isinstance(node, ast.arg):
                ours.add(node.arg)
    return {name for name in ours if private(name)}


def violations(trees):
    """(file, line, name) of every private name used that is not the site's own."""
    ours = defined_names(trees) - REFUSED
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Attribute) and private(node.attr):
                names.append(node.attr)
            elif isinstance(node, ast.ImportFrom):
                names += [alias.name for alias in node.names if private(alias.name)]
            elif (name := attribute_string(node)) is not None and private(name):
                names.append(name)
            for name in names:
                if name in REFUSED or (name not in ours and name not in DOCUMENTED):
                    found.append((path, node.lineno, name))
    return found


def parse(sources):
    return {path: ast.parse(text, filename=str(path)) for path, text in sources.items()}


def test_production_code_uses_no_private_internals():
    trees = parse({path.relative_to(ROOT): path.read_text() for path in production_files()})

    assert len(trees) > 50  # the apps were found
    assert violations(trees) == []


@pytest.mark.parametrize(
    "line",
    [
        # What the review found, as it was written.
        "queryset._result_cache = mine",
        "queryset._prefetch_done = True",
        'queryset._deferred_filter = (False, (), {"center": center})',
        "queryset._prefetch_related_lookups = stored._prefetch_related_lookups[:]",
        "queryset._iterable_class = stored._iterable_class",
        'center._prefetched_objects_cache = {"hours": hours}',
        'getattr(request, "_csp_nonce", None)',
        "request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)",
        "if field_file and not field_file._committed: pass",
        # And what the general rule refuses: a library's private name of any kind.
        "from django.db.models.query import _get_related_objects",
        "connection._cursor()",
        "request._facility = cached_facility()",
    ],
)
def test_the_check_refuses_what_the_review_found(line):
    assert [name for _, _, name in violations(parse({"x.py": line}))]


@pytest.mark.parametrize(
    "source",
    [
        "model._meta.get_field('body')",
        "sender._base_manager.filter(pk=1)",
        "def _helper():\n    pass\n_helper()",
        "class A:\n    def f(self):\n        self._centers = []\n        return self._centers",
        "__all__ = []\nx.__class__",
    ],
)
def test_the_check_allows_the_sites_own_and_documented_names(source):
    assert violations(parse({"x.py": source})) == []
