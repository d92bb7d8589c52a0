"""The engine is a plain library: importing every module loads no Django."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import koers.engine


def test_engine_modules_import_without_django():
    modules = [
        m.name
        for m in pkgutil.walk_packages(koers.engine.__path__, "koers.engine.")
        if ".tests" not in m.name
    ]
    assert "koers.engine.pipeline" in modules and "koers.engine.progress" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
        "print(json.dumps(sorted(loaded)))"
    )
    env = {"PATH": "/usr/bin:/bin"}  # no DJANGO_SETTINGS_MODULE either
    repo = Path(koers.engine.__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=repo,
    )
    assert json.loads(out.stdout) == []
