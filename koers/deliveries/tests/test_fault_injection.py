"""Kill a real `koers import` with SIGKILL at each stage; recovery leaves a sound state.

KOERS_FAULT_POINT (a test-only setting) makes the import kill itself at a named point, so
every stage is hit deterministically: before the accepting transaction commits, after it,
between the short batch transactions, inside the final transaction, while a rejected
import deletes its rows, and inside the publication. After each kill the recovery runs
and the invariants are checked; then the same file imports and publishes completely.
"""

import json
import signal
import subprocess
import sys

import pytest
import yaml

from koers.deliveries.files import files_root
from koers.deliveries.models import Delivery, Observation, StoredFile
from koers.deliveries.recovery import recover
from koers.deliveries.scratch import process_folder, scratch_root

AREAS = [f"PV{n}" for n in range(20, 32)]
CODES = [f"B{n:03d}" for n in range(1, 51)]
PERIODS = [f"{year}MM{month:02d}" for year in range(2004, 2024) for month in range(1, 13)]
ROWS = len(AREAS) * len(CODES) * len(PERIODS)  # 144,000: three batches of the importer
MAPPING = {
    "name": "fault-injection",
    "format": {"type": "csv", "delimiter": ","},
    "area": {"column": "RegioS"},
    "period": {"column": "Perioden", "style": "cbs"},
    "breakdowns": {"BronEnTechniek": {"column": "BronEnTechniek"}},
    "values": [{"column": "Vermogen_1", "indicator": "fi_vermogen"}],
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A valid 144,000-row file, the same with a duplicate last row, and their mapping."""
    folder = tmp_path_factory.mktemp("fault-injection")
    lines = ["ID,RegioS,BronEnTechniek,Perioden,Vermogen_1\n"]
    for a, area in enumerate(AREAS):
        for c, code in enumerate(CODES):
            base = 100 + (a * 31 + c * 7) % 500
            lines += [
                f"{len(lines)},{area},{code},{period},{base + i * 0.5:.1f}\n"
                for i, period in enumerate(PERIODS)
            ]
    valid = folder / "vermogen.csv"
    valid.write_text("".join(lines), encoding="utf-8")
    invalid = folder / "vermogen-dubbel.csv"  # rejected only by the whole-file checks
    invalid.write_text("".join(lines) + lines[-1], encoding="utf-8")
    mapping = folder / "mapping.yaml"
    mapping.write_text(yaml.safe_dump(MAPPING), encoding="utf-8")
    return valid, invalid, mapping


@pytest.fixture
def indicator(register):
    from koers.indicators.models import Indicator

    Indicator.objects.create(
        code="fi_vermogen", name="Vermogen", unit="MW", periodicity="month", min_value=0,
        decimals=1,
        breakdowns={"BronEnTechniek": {"codes": [{"code": c} for c in ["_T", *CODES]]}},
    )  # fmt: skip


def _koers(env, *args, fault: str | None = None) -> subprocess.CompletedProcess:
    env = {**env, "KOERS_FAULT_POINT": fault} if fault else env
    command = [sys.executable, "-c", "from koers.cli import main; main()", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def _import(env, path, mapping, *extra, fault=None):
    return _koers(env, "import", str(path), "--mapping", str(mapping), "--format", "json",
                  *extra, fault=fault)  # fmt: skip


def assert_invariants(published: int = 0) -> None:
    """What must hold after any crash once the recovery has run."""
    assert not Delivery.objects.filter(status="received").exists(), "a delivery is stuck"
    unpublished = Observation.objects.exclude(delivery__status="published")
    assert not unpublished.exclude(delivery__status__in=["validated", "submitted", "approved",
                                                         "withdrawn"]).exists()  # fmt: skip
    live = Observation.objects.filter(delivery__status="published", superseded_at__isnull=True)
    assert live.count() == published
    on_disk = {p.name for p in files_root().rglob("*") if p.is_file()}
    assert on_disk == set(StoredFile.objects.values_list("sha256", flat=True)), "orphan files"
    mine = process_folder()  # this test process's own
    leaked = [p for p in scratch_root().iterdir() if p != mine]
    assert leaked == [], "leaked temporary folders"


def _killed(result) -> None:
    assert result.returncode == -signal.SIGKILL, (result.returncode, result.stderr[-2000:])


@pytest.fixture
def no_grace(monkeypatch):
    monkeypatch.setenv("KOERS_ORPHAN_GRACE_MINUTES", "0")  # a killed accept's file at once


STAGES = [
    "before_accept_commit",  # the original is kept, the delivery not yet committed
    "after_accept",  # a received delivery without a single row
    "after_batch_1",  # some short transactions committed
    "after_batch_2",
    "before_finish_commit",  # every row stored, the validated status not yet committed
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("stage", STAGES)
def test_a_kill_at_each_stage_of_an_import_is_recovered(
    stage, files, indicator, child_env, no_grace
):
    valid, _, mapping = files
    _killed(_import(child_env, valid, mapping, fault=stage))
    found = recover()
    assert not found.clean
    assert_invariants()
    if stage != "before_accept_commit":
        assert Delivery.objects.get().status == "failed"
    again = _import(child_env, valid, mapping, "--publish")
    assert again.returncode == 0, again.stderr[-2000:]
    summary = json.loads(again.stdout)
    assert (summary["status"], summary["observations_created"]) == ("published", ROWS)
    assert_invariants(published=ROWS)
    assert recover().clean


@pytest.mark.django_db(transaction=True)
def test_a_kill_while_a_rejected_import_deletes_its_rows_is_recovered(
    files, indicator, child_env, no_grace
):
    valid, invalid, mapping = files
    _killed(_import(child_env, invalid, mapping, fault="during_rejection_cleanup"))
    assert Observation.objects.exists()  # part of the rows was still there, invisible
    recover()
    assert_invariants()
    assert Delivery.objects.get().status == "failed"
    rejected = _import(child_env, invalid, mapping)
    assert rejected.returncode == 1 and json.loads(rejected.stdout)["status"] == "rejected"
    assert_invariants()
    assert not Observation.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_kill_inside_the_publication_leaves_the_published_state_as_it_was(
    files, indicator, child_env, no_grace
):
    valid, _, mapping = files
    _killed(_import(child_env, valid, mapping, "--publish", fault="before_published_commit"))
    assert not recover().interrupted  # one transaction: no import to repair
    delivery = Delivery.objects.get()
    assert delivery.status == "approved" and delivery.published_at is None
    assert_invariants(published=0)
    from koers.deliveries.workflow import transition

    transition(delivery, "published", user=None)
    assert_invariants(published=ROWS)
