import logging

import pytest


@pytest.fixture
def koers_records(caplog):
    """Records reaching Koers' own loggers (they do not propagate to the root logger)."""
    logger = logging.getLogger("koers")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="koers")
    yield caplog
    logger.removeHandler(caplog.handler)


def events(caplog) -> list[dict]:
    """structlog's event dicts, as they reach the standard library's handlers."""
    return [r.msg for r in caplog.records if isinstance(r.msg, dict)]
