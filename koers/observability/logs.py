"""The one logging configuration: JSON lines in production, readable lines in development.

structlog renders every record, also those of plain ``logging.getLogger(...)`` callers
(Django, gunicorn, ``koers.jobs``), so an operator gets one format from every source.
Fields passed with ``extra={...}`` to a stdlib logger become keys of the JSON line.
"""

from __future__ import annotations

from typing import Any

import structlog

#: Loggers that get Koers' handler next to ``koers`` (and everything under it).
_LIBRARY_LOGGERS = ("django", "django_tasks", "django_tasks_db", "gunicorn.error", "axes")

_SHARED_PROCESSORS: list = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    structlog.stdlib.ExtraAdder(),
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def logging_config(*, log_format: str, level: str) -> dict[str, Any]:
    """A ``LOGGING`` dict for Django; also points structlog at the standard library."""
    if log_format not in {"json", "console"}:
        raise ValueError(f"log format must be json or console, not {log_format!r}")
    renderer = (
        structlog.processors.JSONRenderer()
        if log_format == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_SHARED_PROCESSORS,
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = {
        "()": structlog.stdlib.ProcessorFormatter,
        "processors": [
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            renderer,
        ],
        "foreign_pre_chain": _SHARED_PROCESSORS,
    }
    handler = {"class": "logging.StreamHandler", "formatter": "koers"}
    own = {"handlers": ["console"], "level": level, "propagate": False}
    library = {"handlers": ["console"], "level": "INFO", "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"koers": formatter},
        "handlers": {"console": handler},
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {
            "koers": own,
            **dict.fromkeys(_LIBRARY_LOGGERS, library),
            # axes says "BEGIN version …" at INFO in every process, commands included;
            # its lockouts are warnings, and Koers logs each failed login itself.
            "axes": {**library, "level": "WARNING"},
        },
    }
