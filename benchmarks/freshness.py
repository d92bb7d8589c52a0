"""Benchmark: end-to-end freshness, from publishing a delivery to the figure on the page.

With N published observations stored (1M by default, CBS-shaped, imported with
`storing.receive`), a correction of 10,000 observations is imported, then timed from the
publish transition to the moment the public indicator page shows the new figure: the
refresh job that the publication queued runs as `koers worker` runs it
(`koers.jobs.queue.execute`, in this process), then the page is rendered. The open-data
build that the publication also queues is left in the queue: it does not feed the page.

Baseline in the same run: one cold render of the same page (page cache cleared), i.e.
what any visitor pays after any change. The figure is the ratio freshness / baseline.

Uses SQLite unless KOERS_DATABASE_URL is set (`scripts/with-postgres python
benchmarks/freshness.py`). Writes var/bench/freshness_<vendor>.json.

    .venv/bin/python benchmarks/freshness.py [--rows 1000000] [--changed 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def write_correction(path: Path, rows: int, *, shift: float) -> None:
    """The first `rows` keys of ingest_parse.write_file, each value moved by `shift`."""
    from ingest_parse import AREAS, CODES, periods

    lines = ["ID,RegioS,BronEnTechniek,Perioden,OpgesteldElektrischVermogen_1\n"]
    n = 0
    for a, area in enumerate(AREAS):
        for c, code in enumerate(CODES):
            base = 100 + (a * 31 + c * 7) % 5000
            for i, period in enumerate(periods()):
                if n == rows:
                    break
                value = "" if n % 97 == 0 else f"{base + i * 0.5 + shift:.1f}"
                lines.append(f"{n},{area:<6},{code:<8},{period},{value}\n")
                n += 1
    path.write_text("".join(lines), encoding="utf-8")


def publish(delivery) -> None:
    from koers.deliveries.workflow import transition

    for status in ("submitted", "approved", "published"):
        delivery = transition(delivery, status, user=None)


def run_queued_refreshes() -> None:
    from koers.jobs.models import Job, JobKind, JobStatus
    from koers.jobs.queue import execute

    queued = Job.objects.filter(kind=JobKind.REFRESH, status=JobStatus.QUEUED).order_by("pk")
    for job_id in list(queued.values_list("pk", flat=True)):
        execute(job_id)


def render(client, url: str) -> tuple[float, bytes]:
    from django.core.cache import cache

    cache.clear()
    start = time.perf_counter()
    response = client.get(url)
    seconds = time.perf_counter() - start
    assert response.status_code == 200, response.status_code
    return seconds, response.content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--changed", type=int, default=10_000)
    args = parser.parse_args()
    os.environ["KOERS_JOBS_BACKEND"] = "database"  # jobs wait in the queue, as in production
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        from ingest_e2e import mapping_file, setup
        from ingest_parse import write_file

        setup(folder / "data")
        from django.db import connection
        from django.test import Client

        from koers.analytics.store import aggregates, refresh_indicators
        from koers.deliveries.storing import receive

        mapping = mapping_file(folder)
        full = folder / "85004ned_bench.csv"
        write_file(full, args.rows)
        publish(receive(full, mapping_path=mapping))
        refresh_indicators()
        client = Client(HTTP_HOST="localhost")
        url = "/indicator/bench_vermogen"
        baseline = min(render(client, url)[0] for _ in range(3))
        _, before = render(client, url)
        key = {"area": "NL01", "period": "2004-02", "breakdown": "BronEnTechniek=B00001"}
        national = aggregates("bench_vermogen", **key).column("value").to_pylist()

        correction = folder / "85004ned_bench_correctie.csv"
        write_correction(correction, args.changed, shift=1000.0)
        delivery = receive(correction, mapping_path=mapping)
        assert delivery.status == "validated", delivery.report.get("errors", [])[:3]

        start = time.perf_counter()
        publish(delivery)  # commits and queues the refresh
        run_queued_refreshes()  # what the worker does next
        seconds, after = render(client, url)
        freshness = time.perf_counter() - start
        now = aggregates("bench_vermogen", **key).column("value").to_pylist()
        assert now and now != national, f"the figure did not change: {national} → {now}"
        assert after != before, "the page did not change"
        result = {
            "benchmark": "freshness",
            "database": connection.vendor,
            "observations_stored": args.rows,
            "observations_published": delivery.observations_created,
            "freshness_seconds": round(freshness, 3),
            "page_render_seconds": round(baseline, 3),
            "ratio_freshness_to_page_render": round(freshness / baseline, 1),
        }
    out = ROOT / "var" / "bench" / f"freshness_{result['database']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
