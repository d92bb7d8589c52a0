"""Who is importing a `received` delivery: a lease of pid and host with a heartbeat.

The recovery (recovery.py) treats an import as dead when its process is gone from this
host, or its heartbeat is older than KOERS_IMPORT_LEASE_SECONDS.
"""

from __future__ import annotations

import os
import socket
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from koers.config import config
from koers.deliveries.models import Delivery, DeliveryStatus
from koers.deliveries.staleness import current_generation


def holder() -> tuple[int, str]:
    """This process: its pid and host name."""
    return os.getpid(), socket.gethostname()


def pid_alive(pid: int) -> bool:
    """Whether ``pid`` runs on this host (a zombie counts as dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def is_dead(delivery: Delivery, *, now=None) -> bool:
    """Whether the process holding this delivery's lease is gone."""
    if delivery.worker_pid is None:
        return False  # never claimed: waiting for a worker
    if delivery.worker_host == socket.gethostname() and not pid_alive(delivery.worker_pid):
        return True
    if delivery.heartbeat_at is None:
        return False
    age = (now or timezone.now()) - delivery.heartbeat_at
    return age > timedelta(seconds=config("KOERS_IMPORT_LEASE_SECONDS"))


def claim(delivery: Delivery) -> bool:
    """Take the lease of a `received` delivery (compare-and-set); False if another has it.

    A lease held by this process or by a dead one can be taken; the caller then removes
    whatever rows the earlier attempt left.
    """
    pid, host = holder()
    mine = delivery.worker_pid == pid and delivery.worker_host == host
    if delivery.worker_pid is not None and not mine and not is_dead(delivery):
        return False
    now = timezone.now()
    generation = current_generation()  # read before the published state is (staleness.py)
    taken = Delivery.objects.filter(
        pk=delivery.pk,
        status=DeliveryStatus.RECEIVED,
        worker_pid=delivery.worker_pid,
        worker_host=delivery.worker_host,
        heartbeat_at=delivery.heartbeat_at,
    ).update(
        worker_pid=pid,
        worker_host=host,
        heartbeat_at=now,
        started_at=now,
        read_generation=generation,
    )
    if taken:
        delivery.worker_pid, delivery.worker_host = pid, host
        delivery.heartbeat_at = delivery.started_at = now
        delivery.read_generation = generation
    return bool(taken)


def beat(delivery: Delivery) -> None:
    """Renew the heartbeat (called inside each batch's short transaction)."""
    delivery.heartbeat_at = timezone.now()
    Delivery.objects.filter(pk=delivery.pk).update(heartbeat_at=delivery.heartbeat_at)
