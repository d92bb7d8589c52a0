"""Every Koers setting, declared once with its default and help text.

Nothing else in Koers reads ``os.environ``: code calls :func:`config`, and
``docs/settings.md`` documents each entry (a test keeps the two in step).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ConfigurationError(Exception):
    """A setting is missing or has a value Koers cannot use."""

    code = "configuration"


def _bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected true or false, got {raw!r}")


def _list(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    cast: Callable[[str], Any] = str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "KOERS_ENV",
        "development",
        "`development` or `production`. Production turns DEBUG off, requires a secret key "
        "and sends cookies over HTTPS only.",
    ),
    Setting(
        "KOERS_DEBUG",
        False,
        "Django DEBUG: tracebacks and URL lists on error pages. Off unless set to true "
        "(or `koers serve --dev`); always off in production.",
        _bool,
    ),
    Setting(
        "KOERS_SECRET_KEY",
        None,
        "Django secret key. Required in production; in development a random key is kept in "
        "the data folder.",
    ),
    Setting(
        "KOERS_ALLOWED_HOSTS",
        ["127.0.0.1", "localhost"],
        "Comma-separated host names this instance answers to.",
        _list,
    ),
    Setting(
        "KOERS_CSRF_TRUSTED_ORIGINS",
        [],
        "Comma-separated origins (scheme and host) trusted for form posts behind a proxy.",
        _list,
    ),
    Setting(
        "KOERS_PUBLIC_URL",
        "http://127.0.0.1:8000",
        "Public address (scheme and host) of this Koers. The prebuilt open data uses it for "
        "the download links in DCAT and the data package.",
    ),
    Setting(
        "KOERS_DATA_DIR",
        None,
        "Folder for the SQLite database, kept original files, analytics snapshots and "
        "screenshots. Relative paths are taken from the working directory. Unset: `var/` in "
        "the source checkout Koers runs from (so `koers` finds the same data from any "
        "folder), or `./var` when Koers is installed as a package.",
    ),
    Setting(
        "KOERS_DATABASE_URL",
        None,
        "Database URL. Empty means an embedded SQLite file in the data folder; "
        "`postgres://user:pass@host:port/name` selects PostgreSQL.",
    ),
    Setting(
        "KOERS_LANGUAGE",
        "nl",
        "Default interface language (`nl` or `en`).",
    ),
    Setting(
        "KOERS_LOGIN_FAILURE_LIMIT",
        5,
        "Failed logins for one user name and address before the account is locked.",
        int,
    ),
    Setting(
        "KOERS_LOGIN_COOLOFF_MINUTES",
        15,
        "Minutes a locked login stays locked.",
        int,
    ),
    Setting(
        "KOERS_API_TOKEN_DAYS",
        90,
        "Days an API token stays valid when `koers tokens create` is given no `--expires`.",
        int,
    ),
    Setting(
        "KOERS_API_TOKEN_MAX_DAYS",
        366,
        "Longest lifetime of an API token, in days; a longer `--expires` is refused.",
        int,
    ),
    Setting(
        "KOERS_OIDC_ISSUER",
        None,
        "Issuer URL of the OpenID Connect provider for single sign-on (its "
        "`/.well-known/openid-configuration` is read on first use). Empty: no single sign-on.",
    ),
    Setting(
        "KOERS_OIDC_CLIENT_ID",
        None,
        "Client id of Koers at the OpenID Connect provider. Single sign-on is on only when "
        "this and the issuer are set.",
    ),
    Setting(
        "KOERS_OIDC_CLIENT_SECRET",
        None,
        "Client secret of Koers at the OpenID Connect provider.",
    ),
    Setting(
        "KOERS_OIDC_SCOPES",
        "openid email profile",
        "Scopes Koers asks the OpenID Connect provider for (space-separated).",
    ),
    Setting(
        "KOERS_OIDC_SIGN_ALGO",
        "RS256",
        "Signing algorithm of the provider's ID tokens (RS256, ES256, or HS256 with the secret).",
    ),
    Setting(
        "KOERS_OIDC_USERNAME_CLAIM",
        "preferred_username",
        "Claim that gives a new single sign-on user their Koers user name (falls back to "
        "`email`, then `sub`).",
    ),
    Setting(
        "KOERS_OIDC_ROLE_CLAIM",
        "koers_rollen",
        "Claim (a string or a list of strings) whose values are looked up in "
        "KOERS_OIDC_ROLE_MAP to give a single sign-on user their roles.",
    ),
    Setting(
        "KOERS_OIDC_ROLE_MAP",
        {},
        "JSON object from a role-claim value to a Koers role, e.g. "
        '`{"gld-data": {"role": "province_steward", "province": "PV25"}}`; '
        "unknown values give no role.",
        json.loads,
    ),
    Setting(
        "KOERS_OIDC_LABEL",
        "uw organisatie",
        'Name of the identity provider on the login button ("Inloggen met …").',
    ),
    Setting(
        "KOERS_DELIVERY_LAG_DAYS",
        90,
        "Days after the end of a period before a province's delivery for it counts as late.",
        int,
    ),
    Setting(
        "KOERS_MAX_FILE_MB",
        500,
        "Largest delivered file (MB) the import reads; a larger one is a `file_too_large` "
        "validation error.",
        int,
    ),
    Setting(
        "KOERS_MAX_CELLS",
        50_000_000,
        "Most cells (rows × columns) in one delivered file or sheet (`too_many_cells`).",
        int,
    ),
    Setting(
        "KOERS_MAX_COLUMNS",
        1000,
        "Most columns in a delivered file's header row (`too_many_columns`).",
        int,
    ),
    Setting(
        "KOERS_MAX_CELL_CHARS",
        10_000,
        "Longest cell or header name, in characters (`cell_too_long`).",
        int,
    ),
    Setting(
        "KOERS_MAX_XLSX_RATIO",
        100.0,
        "Largest unpacked/packed size ratio of a workbook part over 1 MB: a zip bomb is "
        "refused before it is unpacked (`workbook_expands_too_much`).",
        float,
    ),
    Setting(
        "KOERS_MAX_XLSX_EXPANDED_MB",
        1024,
        "Largest unpacked size (MB) of all parts of a workbook together.",
        int,
    ),
    Setting(
        "KOERS_MAX_JSON_DEPTH",
        20,
        "Deepest nesting of lists and objects in a delivered JSON file (`json_too_deep`).",
        int,
    ),
    Setting(
        "KOERS_MAX_ERRORS_PER_RULE",
        100,
        "Findings per rule kept in detail in a delivery's report; the counts per rule "
        "(`error_counts`, `warning_counts`) stay exact.",
        int,
    ),
    Setting(
        "KOERS_IMPORT_LEASE_SECONDS",
        600,
        "Seconds without a heartbeat after which an import counts as dead, when its process "
        "runs on another host (on the same host a dead process is detected at once).",
        int,
    ),
    Setting(
        "KOERS_ORPHAN_GRACE_MINUTES",
        60,
        "Minutes before a stored file without a record, or a temporary folder of a dead "
        "process, is removed by the recovery (`koers doctor`).",
        int,
    ),
    Setting(
        "KOERS_REJECTED_FILE_RETENTION_DAYS",
        30,
        "Days the originals of rejected and failed deliveries are kept; the recovery removes "
        "them afterwards (the delivery and its report stay).",
        int,
    ),
    Setting(
        "KOERS_FAUNASCHADE_RETENTION_DAYS",
        2555,
        "Days after a faunaschade claim is closed before its personal data (applicant, KvK, "
        "IBAN, parcel names) is removed; the figures stay. Default seven years, the fiscal "
        "retention period; set it to what the province's records policy says.",
        int,
    ),
    Setting(
        "KOERS_FAULT_POINT",
        None,
        "Test-only: the named point in an import (e.g. `after_batch_3`) where the process "
        "kills itself with SIGKILL, so the crash-safety tests hit each stage. Never set it "
        "in production.",
    ),
    Setting(
        "KOERS_FOUR_EYES",
        True,
        "Four eyes: the uploader of a delivery may not approve or publish it. The programme "
        "office can grant an audited exception for one delivery.",
        _bool,
    ),
    Setting(
        "KOERS_LOG_LEVEL",
        "INFO",
        "Log level for Koers' own loggers.",
    ),
    Setting(
        "KOERS_JOBS_BACKEND",
        "database",
        "Where jobs run: `database` queues them for `koers worker` (django-tasks-db); "
        "`immediate` runs each job inside the process that queues it (tests, quick trials).",
    ),
    Setting(
        "KOERS_JOB_ATTEMPTS",
        3,
        "Attempts a job gets before it counts as failed (a retry waits longer each time).",
        int,
    ),
    Setting(
        "KOERS_JOB_RETRY_SECONDS",
        30,
        "Seconds before a failed job's first retry; attempt n waits n times as long.",
        int,
    ),
    Setting(
        "KOERS_JOB_TIMEOUT_MINUTES",
        360,
        "Minutes after which a job still marked running on another host counts as lost "
        "when a worker starts (on the same host a dead worker process is seen at once).",
        int,
    ),
    Setting(
        "KOERS_JOB_RETENTION_DAYS",
        90,
        "Days a finished job (done or failed) is kept, with its queue entry; `koers doctor` "
        "and every worker start remove older ones, in the audit log.",
        int,
    ),
    Setting(
        "KOERS_MAX_UPLOAD_MB",
        256,
        "Largest upload accepted, in MB (1 MB = 1,000,000 bytes), checked while the file "
        "streams in: a larger one is refused (413 in the API, a form error on the site).",
        int,
    ),
    Setting(
        "KOERS_LOG_FORMAT",
        None,
        "`json` (one JSON object per line) or `console` (readable lines). Defaults to json "
        "in production and console in development.",
    ),
    Setting(
        "KOERS_SENTRY_DSN",
        None,
        "DSN of a Sentry-compatible error tracker. Empty means no error reporting; when set, "
        "errors are sent without cookies, user data or addresses.",
    ),
    Setting(
        "KOERS_METRICS_TOKEN",
        None,
        "Bearer token a Prometheus scraper must send to /metrics. Empty means /metrics only "
        "answers direct requests from the machine itself (loopback, not via a proxy).",
    ),
    Setting(
        "KOERS_HEALTH_JOB_AGE_LIMIT",
        900,
        "Seconds a job may wait in the queue before /gezondheid reports the queue as failing "
        "(no worker running, or one that cannot keep up).",
        int,
    ),
    Setting(
        "KOERS_FOLLOW_UP_DUE_DAYS",
        28,
        "Days after a meeting by which each province should have recorded its follow-up "
        "steps; later they show as overdue and a reminder is sent.",
        int,
    ),
    Setting(
        "KOERS_FOLLOW_UP_REMINDER_FROM",
        "koers@ipo.nl",
        "Sender address of the follow-up reminder e-mails.",
    ),
    Setting(
        "KOERS_EMAIL_HOST",
        None,
        "SMTP server for e-mail, as `host` or `host:port`. Empty means e-mails are written "
        "to the console (development).",
    ),
    Setting(
        "KOERS_WOO_PUBLISHER",
        None,
        "TOOI identifier (URI) of the organisation that publishes meeting documents under the "
        "Woo when no province is named, i.e. IPO. Required for DiWoo metadata.",
    ),
    Setting(
        "KOERS_WOO_PUBLISHER_NAME",
        "Interprovinciaal Overleg",
        "Name of that publishing organisation in the DiWoo metadata.",
    ),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


def config(name: str) -> Any:
    """Return the typed value of setting ``name`` from the environment or its default."""
    try:
        setting = _BY_NAME[name]
    except KeyError:
        raise ConfigurationError(f"unknown setting {name}") from None
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return setting.default
    try:
        return setting.cast(raw)
    except ValueError as exc:
        raise ConfigurationError(f"{name}: {exc}") from None


def _default_data_dir() -> Path:
    """``var/`` beside the source checkout (an editable install), else in the working folder."""
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "koers" / "cli").is_dir():
        return checkout / "var"
    return Path("var")


#: The embedded database in the data folder (when KOERS_DATABASE_URL is empty).
SQLITE_FILE = "koers.sqlite3"


def data_dir_path() -> Path:
    """Where the data folder is, without creating it."""
    return Path(config("KOERS_DATA_DIR") or _default_data_dir()).resolve()


def data_dir() -> Path:
    """The data folder, created on first use."""
    path = data_dir_path()
    path.mkdir(parents=True, exist_ok=True)
    return path
