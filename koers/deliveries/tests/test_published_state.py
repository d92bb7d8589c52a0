"""Versions are compared with the PUBLISHED state, whatever is pending elsewhere (issue 10, 2)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from koers.deliveries.history import HistoryCache
from koers.deliveries.models import Observation
from koers.deliveries.storing import receive
from koers.deliveries.tests.conftest import publish, published_capacity_2020
from koers.deliveries.workflow import transition


@pytest.fixture
def deliver(catalogue, gelderland, mapping):
    def deliver(capacity, name):
        return receive(gelderland(capacity, name=name), mapping_path=mapping("70960"))

    return deliver


@pytest.mark.parametrize("withdraw_b", [True, False], ids=["B withdrawn", "B left pending"])
def test_a_published_correction_is_never_lost_to_a_pending_one(deliver, withdraw_b):
    publish(deliver(10, "a.csv"))
    b = deliver(12, "b.csv")
    c = deliver(12, "c.csv")
    # C stores its 12 although B holds the same pending value: it differs from the public 10.
    assert c.observations_created == 1 and c.observations_superseded == 1
    if withdraw_b:
        transition(b, "withdrawn", user=None)
    assert published_capacity_2020() == [10]  # nothing pending is visible
    publish(c)
    assert published_capacity_2020() == [12]


def test_version_numbers_count_every_delivery_but_only_publication_supersedes(deliver):
    a = publish(deliver(10, "a.csv"))
    b = deliver(12, "b.csv")
    c = deliver(13, "c.csv")
    rows = Observation.objects.filter(indicator__code="wind_vermogen", area__code="PV25",
                                      period="2020").order_by("version")  # fmt: skip
    assert [(o.delivery_id, o.version, o.value) for o in rows] == [
        (a.pk, 1, 10), (b.pk, 2, 12), (c.pk, 3, 13)
    ]  # fmt: skip
    assert all(o.superseded_at is None for o in rows)  # importing stamps nothing
    transition(b, "withdrawn", user=None)
    publish(c)
    rows = {o.delivery_id: o for o in rows.all()}
    assert rows[a.pk].superseded_at == c.__class__.objects.get(pk=c.pk).published_at
    assert rows[b.pk].superseded_at is None and rows[c.pk].superseded_at is None


def test_withdrawing_a_published_correction_restores_the_previous_published_value(deliver):
    publish(deliver(10, "a.csv"))
    pending = deliver(11, "b.csv")  # a pending value is never what a withdrawal brings back
    wrong = publish(deliver(99, "c.csv"))
    transition(wrong, "withdrawn", user=None)
    assert published_capacity_2020() == [10]
    restored = Observation.objects.get(delivery__status="published", superseded_at__isnull=True,
                                       indicator__code="wind_vermogen", area__code="PV25",
                                       period="2020")  # fmt: skip
    assert restored.version == 4  # above every version of the key, the pending one included
    assert pending.status == "validated"


def test_withdrawing_an_unpublished_delivery_changes_only_its_status(deliver):
    publish(deliver(10, "a.csv"))
    pending = deliver(12, "b.csv")
    before = list(Observation.objects.order_by("pk").values_list("pk", "superseded_at"))
    transition(pending, "withdrawn", user=None)
    assert list(Observation.objects.order_by("pk").values_list("pk", "superseded_at")) == before


def _queries_to(action) -> int:
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def test_publication_and_withdrawal_are_set_based(catalogue, wind, mapping, tmp_path):
    """The number of queries does not grow with the number of values (was ~4 per value)."""
    publish(receive(wind, mapping_path=mapping("70960")))
    text = wind.read_text(encoding="utf-8")
    changed = tmp_path / "alles-anders.csv"  # every capacity value changes
    lines = text.splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    column = header.index("OpgesteldVermogenEindeJaar_9")
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.rstrip("\n").split(",")
        cells[column] = str(float(cells[column] or 0) + 1)
        out.append(",".join(cells) + "\n")
    changed.write_text("".join(out), encoding="utf-8")
    correction = receive(changed, mapping_path=mapping("70960"))
    assert correction.observations_created == len(lines) - 1 > 400
    for status in ("submitted", "approved"):
        correction = transition(correction, status, user=None)
    publishing = _queries_to(lambda: transition(correction, "published", user=None))
    assert publishing < 25
    retired = Observation.objects.filter(superseded_at__isnull=False).count()
    assert retired == len(lines) - 1
    withdrawing = _queries_to(lambda: transition(correction, "withdrawn", user=None))
    assert withdrawing < 25
    live = Observation.objects.filter(delivery__status="published", superseded_at__isnull=True)
    assert live.count() == (len(lines) - 1) * 6  # six mapped columns, all back as before


def test_history_warnings_read_the_published_series(deliver):
    publish(deliver(None, "a.csv"))
    odd = deliver(99999, "b.csv")
    rules = {(w["rule"], w["row"]) for w in odd.report["warnings"]}
    assert any(rule in {"outlier", "large_jump"} for rule, _ in rules), odd.report["warnings"]


def _history(delivery_id) -> dict[str, float]:
    """The published 2020s capacity series as the history warnings of ``delivery_id`` see it."""
    return dict(HistoryCache(delivery_id).lookup("wind_vermogen", "PV25", "_T"))


def test_history_warnings_skip_only_the_values_the_delivery_replaces_with_a_value(deliver):
    publish(deliver(None, "a.csv"))
    published = _history(None)
    assert published["2019"] == 82.0 and "2020" in published
    changed = deliver(99999, "b.csv")  # its own 2020 wins: the published one is not read back
    assert _history(changed.pk) == {p: v for p, v in published.items() if p != "2020"}
    blank = deliver("", "c.csv")  # a blank 2020 is no point of the file: the published one stays
    assert blank.observations_created >= 1
    assert _history(blank.pk) == published
