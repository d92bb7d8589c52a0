"""Recovery after a crash: interrupted imports, orphan files, old originals, temp folders."""

import os
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.utils import timezone

from koers.deliveries import lease, scratch
from koers.deliveries.files import files_root, stored_path
from koers.deliveries.models import Delivery, Observation, StoredFile
from koers.deliveries.recovery import recover
from koers.deliveries.storing import receive


@pytest.fixture
def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


@pytest.fixture
def stranded(catalogue, gelderland, mapping):
    """A delivery whose import wrote its rows and then lost its process."""

    def strand(*, pid: int, host: str | None = None, heartbeat=None) -> Delivery:
        delivery = receive(gelderland(), mapping_path=mapping("70960"))
        Delivery.objects.filter(pk=delivery.pk).update(
            status="received",
            worker_pid=pid,
            worker_host=host or lease.holder()[1],
            heartbeat_at=heartbeat or timezone.now(),
        )
        return Delivery.objects.get(pk=delivery.pk)

    return strand


def _age(path: Path, *, minutes: int) -> None:
    moment = (timezone.now() - timedelta(minutes=minutes)).timestamp()
    os.utime(path, (moment, moment))


def test_an_import_whose_process_died_is_failed_its_rows_removed_and_audited(stranded, dead_pid):
    from auditlog.models import LogEntry

    delivery = stranded(pid=dead_pid)
    assert Observation.objects.filter(delivery=delivery).exists()
    found = recover()
    assert [r.delivery for r in found.interrupted] == [delivery.pk]
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    (finding,) = delivery.report["errors"]
    assert finding["rule"] == "import_interrupted" and str(dead_pid) in finding["message"]
    assert not Observation.objects.filter(delivery=delivery).exists()
    entry = LogEntry.objects.get(object_pk="recovery")
    assert entry.additional_data["recovery"][0]["delivery"] == delivery.pk
    assert recover().clean  # a second run finds nothing


def test_a_silent_importer_on_another_host_counts_as_dead_after_the_lease(stranded, settings):
    old = timezone.now() - timedelta(seconds=601)
    elsewhere = stranded(pid=os.getpid(), host="elders", heartbeat=old)
    assert [r.delivery for r in recover().interrupted] == [elsewhere.pk]


def test_a_live_import_and_a_queued_one_are_left_alone(stranded, catalogue, gelderland, mapping):
    from koers.deliveries.storing import accept

    live = stranded(pid=os.getpid())
    queued = accept(gelderland(name="wacht.csv"), mapping_path=mapping("70960"))
    found = recover()
    assert found.clean and found.waiting == [queued.pk]
    assert Delivery.objects.get(pk=live.pk).status == "received"


def test_checking_only_reports_and_changes_nothing(stranded, dead_pid):
    delivery = stranded(pid=dead_pid)
    found = recover(repair=False)
    assert not found.clean and [r.delivery for r in found.interrupted] == [delivery.pk]
    assert Delivery.objects.get(pk=delivery.pk).status == "received"


def test_stored_files_nobody_refers_to_are_removed_after_the_grace_period(catalogue, wind, mapping):
    kept = receive(wind, mapping_path=mapping("70960")).file
    orphan = files_root() / "ab" / ("ab" + "0" * 62)
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"nobody")
    fresh = files_root() / "cd" / ("cd" + "0" * 62)
    fresh.parent.mkdir(parents=True, exist_ok=True)
    fresh.write_bytes(b"just arrived")  # maybe a delivery being accepted right now
    partial = files_root() / ".incoming-x.part"
    partial.write_bytes(b"half")
    unused = StoredFile.objects.create(sha256="ef" + "1" * 62, name="los.csv", size=3)
    StoredFile.objects.filter(pk=unused.pk).update(received_at=timezone.now() - timedelta(hours=2))
    stored_path(unused.sha256).parent.mkdir(parents=True, exist_ok=True)
    stored_path(unused.sha256).write_bytes(b"los")
    for path in (orphan, partial, stored_path(unused.sha256), stored_path(kept.sha256)):
        _age(path, minutes=90)
    kinds = {r.kind for r in recover().found}
    assert kinds == {"orphan_file", "partial_file", "orphan_record"}
    assert not orphan.exists() and not partial.exists() and fresh.exists()
    assert not StoredFile.objects.filter(pk=unused.pk).exists()
    assert not stored_path(unused.sha256).exists()
    assert stored_path(kept.sha256).exists()


def test_originals_of_rejected_deliveries_go_after_the_retention(catalogue, gelderland, mapping):
    rejected = receive(gelderland(-5, name="fout.csv"), mapping_path=mapping("70960"))
    assert rejected.status == "rejected"
    path = stored_path(rejected.file.sha256)
    assert path.exists() and recover().clean  # within 30 days it stays
    Delivery.objects.filter(pk=rejected.pk).update(received_at=timezone.now() - timedelta(days=31))
    assert [r.kind for r in recover().found] == ["expired_original"]
    assert not path.exists() and Delivery.objects.get(pk=rejected.pk).report["errors"]


def test_scratch_folders_of_dead_processes_are_removed(db, dead_pid):
    mine = scratch.process_folder()
    host = mine.name.split("-")[1]
    leaked = scratch.scratch_root() / f"{dead_pid}-{host}-abcd1234"
    (leaked / "koers-ledger-x").mkdir(parents=True)
    (leaked / "koers-ledger-x" / "0.bin").write_bytes(b"spill")
    other_host = scratch.scratch_root() / f"{dead_pid}-elders-abcd1234"
    other_host.mkdir()
    assert [r.kind for r in recover().found] == ["temp_folder"]
    assert not leaked.exists() and mine.is_dir() and other_host.is_dir()


def test_koers_doctor_says_all_is_well_reports_and_repairs(stranded, dead_pid):
    from koers.cli import cli

    runner = CliRunner()
    clean = runner.invoke(cli, ["doctor"])
    assert clean.exit_code == 0 and "all is well" in clean.output
    delivery = stranded(pid=dead_pid)
    check = runner.invoke(cli, ["doctor", "--check"])
    assert check.exit_code == 1 and f"interrupted_import #{delivery.pk}" in check.output
    assert Delivery.objects.get(pk=delivery.pk).status == "received"
    repair = runner.invoke(cli, ["doctor"])
    assert repair.exit_code == 0 and f"repaired: interrupted_import #{delivery.pk}" in repair.output
    assert runner.invoke(cli, ["doctor", "--check"]).exit_code == 0
