"""Every real CBS file and the Canadian Open SDG file import end to end with its mapping."""

import json
import os
import subprocess
import sys

import pytest

from koers.deliveries.ingest import load_mapping
from koers.deliveries.models import Observation
from koers.deliveries.storing import receive

FILES = [
    ("cbs/70960ned_windenergie_op_land.csv", "cbs-70960ned"),
    ("cbs/85004ned_hernieuwbare_elektriciteit.csv", "cbs-85004ned"),
    ("cbs/84071ned_dierlijke_mest_ammoniak.csv", "cbs-84071ned"),
    ("cbs/37259_bevolkingsontwikkeling_regio.csv", "cbs-37259"),
    ("cbs/80202ned_doodsoorzaken_regio.csv", "cbs-80202ned"),
    ("sdg/canada_indicator_13-1-1.csv", "sdg-canada-13-1-1"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "mapping_name"), FILES)
def test_real_file_imports_with_counts_matching_the_source(
    catalogue, shared_data, mapping, name, mapping_name
):
    from koers.deliveries.context import validation_context
    from koers.deliveries.ingest import read_delivery

    path = shared_data / name
    mapping_path = mapping(mapping_name)
    # Count independently: every kept source row × mapped value column.
    probe = read_delivery(path, load_mapping(mapping_path), validation_context(province=None))
    expected = sum(batch.num_rows for batch in probe.batches())
    value_columns = len(load_mapping(mapping_path).values)
    assert expected == (probe.rows_read - probe.rows_skipped) * value_columns
    delivery = receive(path, mapping_path=mapping_path)
    assert delivery.status == "validated", delivery.report["errors"][:3]
    assert delivery.observations_created == expected == Observation.objects.count()


def test_cli_import_reports_json_and_exit_codes(
    catalogue, shared_data, mapping, tmp_path, settings
):
    # Jobs (the refresh after publication) run in the command itself, as without a worker.
    env = {**os.environ, "KOERS_DATA_DIR": str(tmp_path), "KOERS_JOBS_BACKEND": "immediate"}
    env.pop("KOERS_DATABASE_URL", None)
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-c", "from koers.cli import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
    )
    assert run("init").returncode == 0
    wind = shared_data / "cbs" / "70960ned_windenergie_op_land.csv"
    ok = run("import", str(wind), "--mapping", str(mapping("70960")), "--format", "json",
             "--publish")  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    report = json.loads(ok.stdout)
    assert set(report) >= {
        "delivery",
        "status",
        "rows",
        "observations_created",
        "observations_superseded",
        "errors",
        "warnings",
    }
    assert report["status"] == "published" and report["rows"] == 455
    again = json.loads(
        run("import", str(wind), "--mapping", str(mapping("70960")), "--format", "json").stdout
    )
    assert again["observations_created"] == 0 and again["no_changes"]  # nothing new vs published
    republish = run("import", str(wind), "--mapping", str(mapping("70960")), "--publish")
    assert republish.returncode == 3  # never a silent success
    last_line = republish.stderr.strip().splitlines()[-1]
    assert last_line.startswith("koers: nothing to publish: every value in delivery ")
    assert last_line.endswith(f"already published by delivery {report['delivery']}, the same file")
    cbs = shared_data / "cbs" / "85004ned_hernieuwbare_elektriciteit.csv"
    published = json.loads(run("import", str(cbs), "--publish", "--format", "json").stdout)
    assert published["status"] == "published" and published["observations_created"] > 0
    query = run(
        "query",
        "--indicator",
        "hernieuwbaar_elektrisch_vermogen",
        "--area",
        "NL01",
        "--period",
        "2023",
        "--breakdown",
        "BronEnTechniek=E006590",
        "--format",
        "json",
    )
    assert query.returncode == 0, query.stderr
    assert json.loads(query.stdout)[0]["within_tolerance"]
    bad = tmp_path / "bad.csv"
    bad.write_text(wind.read_text().replace(",PV25,2021JJ00,", ",PV77,2021JJ00,"))
    rejected = run("import", str(bad), "--mapping", str(mapping("70960")), "--format", "json")
    assert rejected.returncode == 1
    errors = json.loads(rejected.stdout)["errors"]
    assert {"file", "row", "column", "rule", "value", "message"} <= set(errors[0])
    assert errors[0]["value"] == "PV77" and errors[0]["column"] == "RegioS"
