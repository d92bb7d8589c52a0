"""A process killed halfway through an import: its rows stay invisible, recovery removes them."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest


@pytest.mark.django_db(transaction=True)
def test_a_killed_import_process_leaves_nothing_visible_and_recovery_cleans_up(
    catalogue, wind, mapping, settings
):
    from koers.deliveries.models import Delivery, Observation
    from koers.deliveries.recovery import recover

    script = textwrap.dedent(
        f"""
        import os, signal, django
        os.environ["DJANGO_SETTINGS_MODULE"] = "koers.settings"
        django.setup()
        from koers.deliveries import versions
        real = versions.insert
        calls = []
        def insert(rows, **kw):
            calls.append(1)
            n = real(rows, **kw)
            if len(calls) == 2:
                os.kill(os.getpid(), signal.SIGKILL)  # after real rows went to the database
            return n
        versions.insert = insert
        from koers.deliveries.storing import receive
        from pathlib import Path
        receive(Path({str(wind)!r}), mapping_path=Path({str(mapping("70960"))!r}))
        """
    )
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db["ENGINE"].endswith("sqlite3"):
        env["KOERS_DATABASE_URL"] = f"sqlite:///{db['NAME']}"
    else:
        env["KOERS_DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
        )
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True)
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()[-2000:]
    stuck = Delivery.objects.get()
    assert stuck.status == "received"
    assert not Observation.objects.filter(delivery__status="published").exists()
    found = recover()
    assert [r.delivery for r in found.interrupted] == [stuck.pk]
    assert Observation.objects.count() == 0
    assert Delivery.objects.get().status == "failed"
