"""Two imports of overlapping keys at once: no clash, no stuck delivery (issue 10, 4)."""

import subprocess
import sys
import textwrap

import pytest

from koers.deliveries import versions
from koers.deliveries.history import HistoryCache
from koers.deliveries.models import Delivery, Observation
from koers.deliveries.storing import receive


def test_a_batch_whose_versions_were_taken_meanwhile_is_retried_with_fresh_ones(
    catalogue, gelderland, mapping, monkeypatch
):
    first = receive(gelderland(12, name="eerste.csv"), mapping_path=mapping("70960"))
    real = HistoryCache.current
    reads = []

    def current(self, indicator_id, rows):
        reads.append(indicator_id)
        if reads.count(indicator_id) == 1:  # as read before the first import committed
            empty = versions.PUBLISHED_SCHEMA.empty_table(), versions.OTHERS_SCHEMA.empty_table()
            return empty
        return real(self, indicator_id, rows)

    monkeypatch.setattr(HistoryCache, "current", current)
    second = receive(gelderland(13, name="tweede.csv"), mapping_path=mapping("70960"))
    assert (first.status, second.status) == ("validated", "validated")
    assert Observation.objects.filter(delivery=second).count() == first.observations_created
    assert set(Observation.objects.filter(delivery=second).values_list("version", flat=True)) == {2}


@pytest.mark.django_db(transaction=True)
def test_two_processes_importing_the_same_keys_at_once_both_succeed(
    catalogue, wind, mapping, tmp_path, child_env
):
    go = tmp_path / "go"
    script = textwrap.dedent(
        f"""
        import django, os, sys
        os.environ["DJANGO_SETTINGS_MODULE"] = "koers.settings"
        django.setup()
        from pathlib import Path
        from koers.deliveries.storing import receive
        print("ready", flush=True)
        while not Path({str(go)!r}).exists():
            pass
        delivery = receive(Path(sys.argv[1]), mapping_path=Path({str(mapping("70960"))!r}))
        print(delivery.status, delivery.observations_created)
        """
    )
    copies = []
    for name in ("70960ned_a.csv", "70960ned_b.csv"):  # two uploads, the same keys
        copy = tmp_path / name
        copy.write_bytes(wind.read_bytes())
        copies.append(copy)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(copy)],
            env=child_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for copy in copies
    ]
    assert [child.stdout.readline().strip() for child in children] == ["ready", "ready"]
    go.touch()
    results = [(child.wait(), *child.communicate()) for child in children]
    assert [code for code, _, _ in results] == [0, 0], [err[-2000:] for _, _, err in results]
    statuses = sorted(Delivery.objects.values_list("status", "observations_created"))
    assert statuses == [("validated", 2730), ("validated", 2730)]
    versions_per_key = Observation.objects.values_list("version", flat=True)
    assert sorted(set(versions_per_key)) == [1, 2] and len(versions_per_key) == 2 * 2730
