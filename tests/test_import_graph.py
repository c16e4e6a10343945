"""No import of the project's own code goes round in a circle: not between two modules, however far apart, and not
between two apps. `make lint` checks the layers on top of this (pyproject.toml, [tool.importlinter]): home above
the feature apps above portal, and no circle between the packages side by side inside an app.

Migrations are left out: nothing imports them.
"""

import itertools
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]


@pytest.fixture(scope="module")
def graph():
    graph = grimp.build_graph(*APPS, cache_dir=None)
    for module in list(graph.modules):
        if ".migrations" in f"{module}.":
            graph.remove_module(module)
    return graph


def circles(nodes, imports, path_back):
    """One circle (a list of nodes, the first again at the end) for each import that has a way back."""
    found = []
    for importer in sorted(nodes):
        for imported in sorted(imports(importer)):
            back = path_back(imported, importer)
            if back:
                found.append([importer, *back])
    return found


def test_no_module_imports_itself_through_others(graph):
    found = circles(
        graph.modules,
        graph.find_modules_directly_imported_by,
        lambda imported, importer: graph.find_shortest_chain(importer=imported, imported=importer),
    )
    assert not found, "Import circles:\n" + "\n".join(" -> ".join(circle) for circle in found)


def test_no_app_imports_itself_through_others(graph):
    def imports(app):
        return {
            other
            for other in APPS
            if other != app and graph.direct_import_exists(importer=app, imported=other, as_packages=True)
        }

    app_imports = {app: imports(app) for app in APPS}

    def path_back(start, goal):
        """The shortest way from app `start` to app `goal`, both included; None when there is none."""
        paths = [[start]]
        while paths:
            path = paths.pop(0)
            if path[-1] == goal:
                return path
            paths += [[*path, app] for app in sorted(app_imports[path[-1]]) if app not in path]
        return None

    found = circles(APPS, app_imports.get, path_back)
    details = [
        " -> ".join(circle)
        + "".join(
            f"\n    {' -> '.join(chain)}"
            for importer, imported in itertools.pairwise(circle)
            for chain in sorted(graph.find_shortest_chains(importer=importer, imported=imported, as_packages=True))
            if len(chain) == 2  # the imports from one app into the next
        )
        for circle in found
    ]
    assert not found, "Apps importing each other:\n" + "\n".join(details)
