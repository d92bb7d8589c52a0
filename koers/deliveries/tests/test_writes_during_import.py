"""While a large import runs, other writers (a login, a second upload) are not locked out.

Before, one import held SQLite's write lock for its whole length: a login during a 145 MB
upload waited 20 s and failed with "database is locked". Now the import writes in short
transactions, so another writer waits at most about one batch.
"""

import subprocess
import sys
import time

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from koers.deliveries.models import Delivery
from koers.deliveries.tests.test_fault_injection import files, indicator  # noqa: F401

#: A writer that has to wait longer than this fails, where it waited 20 s before.
BUSY_TIMEOUT_MS = 3000


def _importing(child_env, path, mapping) -> subprocess.Popen:
    command = [sys.executable, "-c", "from koers.cli import main; main()", "import", str(path),
               "--mapping", str(mapping), "--format", "json"]  # fmt: skip
    return subprocess.Popen(command, env=child_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.django_db(transaction=True)
def test_logins_and_other_writes_go_through_while_an_import_runs(files, indicator, child_env):  # noqa: F811
    valid, _, mapping = files
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    process = _importing(child_env, valid, mapping)
    during = 0  # writes made while the import was running
    try:
        deadline = time.monotonic() + 120
        n = 0
        while process.poll() is None and time.monotonic() < deadline:
            Session.objects.create(  # what a login writes: a session row
                session_key=f"tijdens-import-{n:05d}", session_data="", expire_date=timezone.now()
            )
            n += 1
            during += Delivery.objects.filter(status="received").exists()
            time.sleep(0.01)
    finally:
        out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err[-2000:]
    assert during >= 2, "no write overlapped the import"
    assert Delivery.objects.get().status == "validated"
