"""Data flows one way: each stage imports only earlier ones, and no modules import each other in a loop."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.process
def test_the_import_contracts_hold():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "0 broken" in result.stdout, result.stdout + result.stderr


@pytest.mark.pure
def test_no_modules_import_each_other_in_a_loop():
    graph = grimp.build_graph("acuguide")
    modules = sorted(graph.modules)
    state: dict[str, int] = {}  # 1: being visited, 2: done
    loops = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported.startswith("acuguide") and imported in graph.modules and not _is_package_of(imported, module):
                if state.get(imported) == 1:
                    loops.append(path[path.index(imported) :] + [imported] if imported in path else [module, imported])
                elif imported not in state:
                    visit(imported, [*path, imported])
        state[module] = 2

    for module in modules:
        if module not in state:
            visit(module, [module])
    assert not loops, loops


def _is_package_of(package: str, module: str) -> bool:
    """`from . import x` inside a package's module imports the package's __init__: not a loop of modules."""
    return module.startswith(package + ".")
