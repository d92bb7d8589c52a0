"""Named points where a test makes an import kill itself (KOERS_FAULT_POINT, test-only)."""

from __future__ import annotations

import os
import signal

from koers.config import config


def fault_point(name: str) -> None:
    """SIGKILL this process here when KOERS_FAULT_POINT names this point."""
    if config("KOERS_FAULT_POINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
