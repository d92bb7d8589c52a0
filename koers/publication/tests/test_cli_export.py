"""`koers export --format … --out DIR` writes the published files laid out like /open-data/."""

import pytest
from click.testing import CliRunner

from koers.cli.export import FORMATS, export

pytestmark = pytest.mark.django_db


def test_cli_offers_exactly_the_export_formats():
    from koers.publication.export import EXPORT_FORMATS

    assert list(EXPORT_FORMATS) == FORMATS


def test_cli_writes_only_the_requested_formats(deliveries, tmp_path):
    out = tmp_path / "export"
    result = CliRunner().invoke(
        export,
        ["--format", "csv", "--format", "sdmx", "--out", str(out), "--base-url", "https://x.nl"],
    )
    assert result.exit_code == 0, result.output
    assert "9 indicators, 3906 observations" in result.output
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"alle-indicatoren.csv", "alle-indicatoren.sdmx.xml", "structuur.sdmx.xml"} <= names
    assert "indicatoren/wind_vermogen.sdmx.csv" in names
    assert not {n for n in names if n.endswith((".parquet", ".json", ".ttl"))}


def test_cli_fails_in_one_line_when_nothing_is_published(register, tmp_path):
    result = CliRunner().invoke(export, ["--out", str(tmp_path / "x")])
    assert result.exit_code != 0
    assert "has no published observations" in str(result.exception)


def test_cli_rejects_an_unknown_licence(deliveries, tmp_path):
    result = CliRunner().invoke(export, ["--out", str(tmp_path / "x"), "--licence", "MIT"])
    assert result.exception is not None and result.exception.code == "unknown_licence"
