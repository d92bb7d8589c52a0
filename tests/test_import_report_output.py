"""`koers import` on a file with many errors: the first of each rule in detail, then how
many more, in text and in JSON (error_counts / warning_counts). A real process."""

import json
import os
import subprocess
import sys

from koers.cli.findings_text import findings_lines

KOERS = [sys.executable, "-c", "from koers.cli import main; main()"]
HEADER = "indicator,gebied,periode,uitsplitsing,waardetype,waarde,status\n"


def test_a_file_with_150_bad_areas_shows_ten_and_counts_the_rest(tmp_path):
    env = {**os.environ, "KOERS_DATA_DIR": str(tmp_path / "data")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("KOERS_DATABASE_URL", None)  # keep PostgreSQL runs isolated from the test database
    run = lambda *args: subprocess.run(  # noqa: E731
        [*KOERS, *args], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert run("init").returncode == 0
    rows = "".join(f"ammoniakemissie_mest,XX{i:03d},2020,,,5,\n" for i in range(150))
    path = tmp_path / "levering.csv"
    path.write_text(HEADER + rows + "ammoniakemissie_mest,PV20,2099,,,1e30,\n", encoding="utf-8")

    text = run("import", str(path))
    assert text.returncode == 1
    lines = text.stderr.splitlines()
    assert sum("unknown_area:" in line for line in lines) == 10
    assert "  … en 140 meer van deze regel (unknown_area)" in lines
    assert any("period_not_ended:" in line for line in lines)
    assert any("ligt buiten" not in line and "1 × 10^30" in line for line in lines)

    data = json.loads(run("import", str(path), "--format", "json").stdout)
    assert data["error_counts"] == {"out_of_range": 1, "period_not_ended": 1, "unknown_area": 150}
    assert data["warning_counts"] == {}
    assert len(data["errors"]) == 102  # every rule keeps its first 100 in detail


def test_the_text_lines_in_english():
    findings = [
        {"file": "f.csv", "row": r, "column": "gebied", "rule": "unknown_area", "value": "X",
         "message": "Rij …", "message_en": f"Row {r} …"}
        for r in range(2, 5)
    ]  # fmt: skip
    lines = list(findings_lines(findings, {"unknown_area": 3000}, language="en", per_rule=2))
    assert lines == [
        '  f.csv:2 [gebied] unknown_area: Row 2 … ("X")',
        '  f.csv:3 [gebied] unknown_area: Row 3 … ("X")',
        "  … and 2998 more of this rule (unknown_area)",
    ]
