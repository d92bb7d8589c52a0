"""Run one read-only query on a SQLite file through ADBC and write Arrow IPC to stdout.

ADBC's driver brings its own copy of SQLite. Two SQLite libraries in one process break
each other's POSIX locks on the same file (sqlite.org/howtocorrupt.html, 2.2.1), so Koers
runs this reader as a child process: ``python -m koers.analytics.sqlite_reader FILE``,
with ``{"sql": …, "params": […]}`` as JSON on stdin. No Django here, so it starts fast.
"""

from __future__ import annotations

import json
import sys


def main() -> None:
    import adbc_driver_sqlite.dbapi
    import pyarrow as pa

    request = json.load(sys.stdin)
    uri = f"file:{sys.argv[1]}?mode=ro"
    with adbc_driver_sqlite.dbapi.connect(uri) as adbc, adbc.cursor() as cursor:
        cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": "65536"})
        cursor.execute(request["sql"], request["params"] or None)
        table = cursor.fetch_arrow_table()
    with pa.ipc.new_stream(sys.stdout.buffer, table.schema) as writer:
        writer.write_table(table)


if __name__ == "__main__":
    main()
