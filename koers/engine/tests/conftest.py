"""Fixtures for the engine tests that read the real files in ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def cbs_dir(shared_data: Path) -> Path:
    return shared_data / "cbs"
