"""build_open_data(): a complete build or none, and the newer data wins when two overlap."""

import json
import os

import pytest
from click.testing import CliRunner

from koers.publication.build import KEEP_BUILDS, build_open_data
from koers.publication.prebuilt import CURRENT, current_build, open_data_root

pytestmark = pytest.mark.django_db


def served_folder():
    return os.path.realpath(open_data_root() / CURRENT)


def assert_complete(build) -> None:
    """Every file the manifest names is there with its size: nothing half-written is served."""
    assert build is not None
    for relative, entry in build.files.items():
        assert (build.folder / relative).stat().st_size == entry["size"], relative
    assert {"index.html", "index.en.html", "alle-indicatoren.csv"} <= set(build.files)


def test_a_build_writes_every_download_and_both_pages_then_points_current_at_it(deliveries):
    report = build_open_data()
    assert not report.superseded and report.indicators == 9
    assert served_folder() == str(report.folder)
    assert (open_data_root() / CURRENT).is_symlink()
    build = current_build()
    assert_complete(build)
    manifest = json.loads((report.folder / "manifest.json").read_text())
    assert manifest["files"]["catalogus.ttl"]["content_type"].startswith("text/turtle")
    assert not [p for p in (open_data_root() / "builds").iterdir() if p.name.startswith(".")]


def test_a_build_that_started_earlier_never_replaces_a_newer_one(deliveries):
    """Build A is overtaken by build B (as two jobs after two refreshes may be)."""
    seen = {}

    def overtaken(step: str) -> None:
        if "b" not in seen:  # while A writes its files, B runs from start to end
            seen["b"] = build_open_data()
            seen["served during A"] = current_build()

    a = build_open_data(progress=overtaken)
    b = seen["b"]
    assert a.superseded and not b.superseded
    assert served_folder() == str(b.folder)
    assert not a.folder.exists(), "the overtaken build is removed, never served"
    assert_complete(seen["served during A"])
    later = build_open_data()
    assert served_folder() == str(later.folder), "a build that starts later wins"


def test_a_failed_build_leaves_the_served_build_alone(deliveries):
    first = build_open_data()

    def crash(step: str) -> None:
        if step == "sdmx":
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        build_open_data(progress=crash)
    assert served_folder() == str(first.folder)
    assert_complete(current_build())
    leftovers = [p for p in (open_data_root() / "builds").iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_old_builds_are_removed(deliveries):
    reports = [build_open_data() for _ in range(KEEP_BUILDS + 2)]
    kept = sorted(p for p in (open_data_root() / "builds").iterdir())
    assert kept == sorted(r.folder for r in reports[-KEEP_BUILDS:])


def test_the_operator_command_builds_and_says_what(deliveries):
    from koers.cli.export import open_data

    result = CliRunner().invoke(open_data, ["build", "--base-url", "https://koers.example.nl"])
    assert result.exit_code == 0, result.output
    assert "9 indicators, 3906 observations" in result.output
    catalogue = (current_build().folder / "catalogus.ttl").read_text()
    assert "https://koers.example.nl/open-data/" in catalogue
