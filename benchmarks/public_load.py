"""Benchmark: a mixed anonymous load on 14 public URLs, open data included, 1M observations.

Builds the same database as web_load.py (1,000,000 published observations), prebuilds
the open data (`build_open_data()`, timed), starts `koers serve` in production mode
(gunicorn, 4 workers) and runs `wrk` with 16 clients for 60 s over pages, the
/open-data/ page in both languages and per-indicator downloads. The baseline in the
same run is a static file (the stylesheet) served by the same workers. The combined
1M-row files are fetched once each, apart: their time is transfer, not waiting.

    .venv/bin/python benchmarks/public_load.py [--seconds 60] [--connections 16]

Writes var/bench/public_load.json. Goal: p95 < 150 ms and no errors.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from web_load import build_database, free_port, wrk

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    "/",
    "/indicatoren",
    "/indicator/wind_vermogen",
    "/provincie/PV25",
    "/provincies",
    "/thema/2.1",
    "/doel/2.1.2",
]
OPEN_DATA = [
    "/open-data/",
    "/en/open-data/",
    "/open-data/indicatoren/wind_vermogen.csv",
    "/open-data/indicatoren/wind_vermogen.json",
    "/open-data/indicatoren/windturbines_in_gebruik_genomen.parquet",
    "/open-data/catalogus.ttl",
    "/open-data/datapackage.json",
]
URLS = PAGES + OPEN_DATA
WHOLE = ["/open-data/alle-indicatoren.csv", "/open-data/alle-indicatoren.parquet"]


def build_open_data_timed() -> dict:
    from koers.publication.build import build_open_data

    started = time.perf_counter()
    report = build_open_data()
    seconds = round(time.perf_counter() - started, 1)
    print(f"open data: {report.files} files built in {seconds} s")
    return {"build_seconds": seconds, "build_files": report.files}


def fetch_once(url: str) -> dict:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - loopback only
        size = len(response.read())
    seconds = time.perf_counter() - started
    return {"megabytes": round(size / 1e6, 1), "seconds": round(seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk; `make bench` does this)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = folder / "data"
        build_database(data, args.rows)
        build = build_open_data_timed()
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
            status = {p: urllib.request.urlopen(url + p).status for p in URLS}  # noqa: S310
            for path in URLS:  # warm every worker's caches
                for _ in range(args.workers * 2):
                    urllib.request.urlopen(url + path).read()  # noqa: S310
            mixed = wrk(url, URLS, args.seconds, args.connections, folder)
            static = wrk(url, ["/static/koers/koers.css"], max(5, args.seconds // 4),
                         args.connections, folder)  # fmt: skip
            whole = {p: fetch_once(url + p) for p in WHOLE}
        finally:
            server.terminate()
            server.wait(timeout=30)
    result = {
        "benchmark": "public_load",
        "observations": args.rows,
        "connections": args.connections,
        "seconds": args.seconds,
        "workers": args.workers,
        "urls": URLS,
        "url_status": status,
        **build,
        **{f"mixed_{k}": v for k, v in mixed.items()},
        **{f"static_{k}": v for k, v in static.items()},
        "ratio_p95_mixed_to_static": round(mixed["p95_ms"] / max(static["p95_ms"], 0.001), 1),
        "error_ratio": round(mixed["errors"] / max(mixed["requests"], 1), 4),
        "whole_files": whole,
    }
    out = ROOT / "var" / "bench" / "public_load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    for key, value in result.items():
        print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
