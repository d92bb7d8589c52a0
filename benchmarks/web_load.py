"""Benchmark: the public pages under load, with 1,000,000 published observations.

Builds a fresh SQLite database in a temporary folder: the programme, the areas, the
starter catalogue and 1,000,000 published observations (provinces × months × breakdown
codes for a bench indicator, plus yearly series for the real wind and renewable
indicators), refreshes the analytics, starts `koers serve` in production mode (gunicorn,
4 workers) on a free loopback port and runs `wrk` against the home, goal, indicator and
province pages at 16 concurrent connections.

    .venv/bin/python benchmarks/web_load.py [--seconds 20] [--connections 16]

Writes var/bench/web_load.json. Goal: p95 < 150 ms at 16 clients on 2 cores. The baseline
in the same run is a static file (the stylesheet) served by the same workers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PAGES = ["/", "/thema/2.1", "/doel/2.1.2", "/indicator/wind_vermogen", "/provincie/PV25"]
LUA = """
paths = {%s}
i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def build_database(data: Path, rows: int) -> None:
    os.environ.update(KOERS_DATA_DIR=str(data), DJANGO_SETTINGS_MODULE="koers.settings")
    os.environ.pop("KOERS_DATABASE_URL", None)
    import django

    django.setup()
    import pyarrow as pa

    from koers.analytics.store import refresh_indicators
    from koers.areas.models import Area
    from koers.deliveries import versions
    from koers.deliveries.files import keep_original
    from koers.deliveries.models import Delivery
    from koers.indicators.models import Indicator
    from koers.web.setup import initialise

    for _ in initialise():
        pass
    codes = [f"B{n:03d}" for n in range(300)]
    bench = Indicator.objects.create(
        code="bench_maandcijfer", name="Maandcijfer (benchmark)", unit="MW", periodicity="month",
        breakdowns={"Bron": {"codes": [{"code": c} for c in ["_T", *codes]]}},
    )  # fmt: skip
    areas = {a.code: a.pk for a in Area.objects.filter(code__regex=r"^(NL01|PV\d\d)$")}
    source = data / "bench.csv"
    source.write_text("generated\n")
    delivery = Delivery.objects.create(
        file=keep_original(source), channel="cli", status="published"
    )
    wanted = {
        "wind_vermogen": Indicator.objects.get(code="wind_vermogen").pk,
        "windturbines_in_gebruik_genomen": Indicator.objects.get(
            code="windturbines_in_gebruik_genomen"
        ).pk,
    }
    columns = {k: [] for k in ("indicator_id", "area_id", "period", "breakdown", "value")}

    def add(indicator_id, area_id, period, breakdown, value):
        columns["indicator_id"].append(indicator_id)
        columns["area_id"].append(area_id)
        columns["period"].append(period)
        columns["breakdown"].append(breakdown)
        columns["value"].append(value)

    for indicator_id in wanted.values():
        for a, area_id in enumerate(areas.values()):
            for year in range(1990, 2025):
                add(indicator_id, area_id, str(year), "_T", float(10 * a + year - 1989))
    months = [f"{y}-{m:02d}" for y in range(2005, 2025) for m in range(1, 13)]
    n = len(columns["period"])
    for area_id in areas.values():
        for code in codes:
            for i, month in enumerate(months):
                if n >= rows:
                    break
                add(bench.pk, area_id, month, f"Bron={code}", float(i))
                n += 1
    table = pa.table(columns)
    size = table.num_rows
    table = table.append_column("value_kind", pa.array(["realisation"] * size))
    table = table.append_column("status", pa.array(["normal"] * size))
    table = table.append_column("version", pa.array([1] * size, pa.int64()))
    table = table.append_column("source_row", pa.array(range(2, size + 2), pa.int64()))
    table = table.append_column("source_column", pa.array(["waarde"] * size))
    from django.db import transaction

    with transaction.atomic():
        versions.insert(table, delivery_id=delivery.pk, recorded_at=datetime.now(UTC))
    report = refresh_indicators()
    print(f"database: {size} observations, {report.rows} aggregates ({report.seconds:.1f} s)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wrk(url: str, paths: list[str], seconds: int, connections: int, folder: Path) -> dict:
    script = folder / "pages.lua"
    script.write_text(LUA % ", ".join(f'"{p}"' for p in paths))
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s", "-s", str(script),
         url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    requests, errors, p50, p95, p99 = re.search(
        r"RESULT (\S+) (\S+) (\S+) (\S+) (\S+)", out
    ).groups()
    rps = float(re.search(r"Requests/sec:\s+(\S+)", out).group(1))
    return {
        "requests": int(requests),
        "errors": int(errors),
        "requests_per_second": rps,
        "p50_ms": float(p50),
        "p95_ms": float(p95),
        "p99_ms": float(p99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk; `make bench` does this)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = folder / "data"
        build_database(data, args.rows)
        port = free_port()
        env = {
            **os.environ,
            "KOERS_DATA_DIR": str(data),
            "KOERS_ENV": "production",
            "KOERS_SECRET_KEY": "bench-" + "x" * 50,
            "KOERS_ALLOWED_HOSTS": "127.0.0.1",
        }
        subprocess.run([sys.executable, "-m", "django", "collectstatic", "--noinput", "-v0"],
                       env=env, check=True)  # fmt: skip
        server = subprocess.Popen(
            [sys.executable, "-c", "from koers.cli import main; main()", "serve",
             "--port", str(port), "--workers", str(args.workers)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 - loopback only
                    break
                except OSError:
                    time.sleep(0.2)
            status = {p: urllib.request.urlopen(url + p).status for p in PAGES}  # noqa: S310
            for path in PAGES:  # warm every worker's caches
                for _ in range(args.workers * 2):
                    urllib.request.urlopen(url + path).read()  # noqa: S310
            pages = wrk(url, PAGES, args.seconds, args.connections, folder)
            static = wrk(url, ["/static/koers/koers.css"], max(5, args.seconds // 4),
                         args.connections, folder)  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=30)
    result = {
        "benchmark": "web_load",
        "observations": args.rows,
        "connections": args.connections,
        "workers": args.workers,
        "pages": PAGES,
        "page_status": status,
        **{f"pages_{k}": v for k, v in pages.items()},
        **{f"static_{k}": v for k, v in static.items()},
        "ratio_p95_pages_to_static": round(pages["p95_ms"] / max(static["p95_ms"], 0.001), 1),
    }
    out = ROOT / "var" / "bench" / "web_load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for key, value in result.items():
        print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
