"""The read side of the prebuilt open data: which build is current, and what it holds."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from koers.config import data_dir

MANIFEST = "manifest.json"
CURRENT = "current"


def open_data_root() -> Path:
    """``<data folder>/open-data``: ``builds/`` and the ``current`` symlink to one of them."""
    return data_dir() / "open-data"


@dataclass(frozen=True)
class Build:
    folder: Path
    manifest: dict

    @property
    def files(self) -> dict[str, dict]:
        """Relative path → sha256, size, content_type and last_modified (ISO 8601)."""
        return self.manifest["files"]

    @property
    def datasets(self) -> list[dict]:
        return self.manifest["datasets"]

    @property
    def licence(self) -> str:
        return self.manifest["licence"]


def read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, json.JSONDecodeError):
        return None


_builds: dict[str, Build] = {}  # per process: a build never changes once it is current


def current_build() -> Build | None:
    """The build ``current`` points at (one readlink per call), or None before the first."""
    root = open_data_root()
    try:
        target = os.readlink(root / CURRENT)
    except (FileNotFoundError, OSError):
        return None
    if target not in _builds:
        manifest = read_manifest(root / target)
        if manifest is None:
            return None
        _builds.clear()  # only the current build is worth keeping
        _builds[target] = Build(root / target, manifest)
    return _builds[target]
