"""Fixtures for the `koers` command run as a real process."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.processes import KOERS, process_env


@pytest.fixture(scope="session")
def initialised_data(tmp_path_factory) -> Path:
    """A data folder after `koers init`, made once per session; copy it, never write to it."""
    data = tmp_path_factory.mktemp("initialised") / "data"
    result = subprocess.run(
        [*KOERS, "init"], env=process_env(data), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return data


@pytest.fixture
def data_copy(initialised_data) -> Callable[[Path], Path]:
    """``data_copy(folder)``: an initialised data folder of this test's own at ``folder``."""

    def copy(folder: Path) -> Path:
        shutil.copytree(initialised_data, folder)
        return folder

    return copy
