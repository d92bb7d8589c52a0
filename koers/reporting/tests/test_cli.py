"""`koers rapportage --jaar --format html|pdf --out DIR`."""

from click.testing import CliRunner

from koers.cli import cli
from koers.reporting.models import Report


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_the_command_writes_a_new_version_to_the_folder(register, tmp_path):
    first = run("rapportage", "--jaar", "2026", "--format", "html", "--out", str(tmp_path))
    assert first.exit_code == 0, first.output
    written = tmp_path / "voortgangsrapportage-2026-v1.html"
    assert first.output.strip() == f"{written} (version 1, not published)"
    assert "<title>Voortgangsrapportage 2026</title>" in written.read_text(encoding="utf-8")
    second = run("rapportage", "--jaar", "2026", "--format", "pdf", "--out", str(tmp_path),
                 "--publiceren")  # fmt: skip
    assert second.exit_code == 0, second.output
    assert (tmp_path / "voortgangsrapportage-2026-v2.pdf").read_bytes().startswith(b"%PDF-")
    assert [(r.version, r.is_published) for r in Report.objects.order_by("version")] == [
        (1, False), (2, True),
    ]  # fmt: skip


def test_a_year_out_of_range_is_refused(register, tmp_path):
    result = CliRunner().invoke(cli, ["rapportage", "--jaar", "26", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "--jaar" in result.output
