"""Django settings for Koers. Values come from :func:`koers.config.config` only."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

from koers.accounts.claims import check_role_map
from koers.config import SQLITE_FILE, ConfigurationError, config, data_dir
from koers.observability.errors import init_error_reporting
from koers.observability.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent
# Files Koers creates (database, secret key, kept originals, snapshots) are for its own
# account only: the SQLite file holds password hashes and sessions.
os.umask(0o077)
DATA_DIR = data_dir()

ENV = config("KOERS_ENV")
if ENV not in {"development", "production"}:
    raise ConfigurationError(f"KOERS_ENV must be development or production, not {ENV!r}")
PRODUCTION = ENV == "production"


def _secret_key() -> str:
    key = config("KOERS_SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ConfigurationError(
            "KOERS_SECRET_KEY is required when KOERS_ENV=production "
            "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
# Off unless asked for (KOERS_DEBUG=true or `koers serve --dev`); never in production.
DEBUG = not PRODUCTION and config("KOERS_DEBUG") is True
ALLOWED_HOSTS = config("KOERS_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = config("KOERS_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI for /api/v1/, served offline
    "corsheaders",
    "axes",
    "auditlog",
    "koers.web",
    "koers.api",  # the API page's template and script
    "koers.programme",
    "koers.areas",
    "koers.accounts",
    "koers.indicators",
    "koers.deliveries",
    "koers.analytics",
    "koers.publication",
    "koers.workspace",
    "django_tasks",
    "django_tasks_db",
    "koers.jobs",
    "koers.observability",
    "koers.search",
    "koers.meetings",
    "koers.workprogramme",
    "koers.review",
    "koers.reporting",
    "koers.faunaschade",
    "koers.knowledge",
]

MIDDLEWARE = [
    "koers.observability.metrics.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "koers.urls"
WSGI_APPLICATION = "koers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "koers.web.context_processors.language_links",
            ],
        },
    },
]

_default_db = f"sqlite:///{DATA_DIR / SQLITE_FILE}"
DATABASES = {
    "default": dj_database_url.parse(config("KOERS_DATABASE_URL") or _default_db, conn_max_age=60)
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers and one writer work side by side; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;"
        ),
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, so tests can share the database with a second process.
    # Named per process so parallel test runs never share one.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"test-koers-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Single sign-on: answers only the OIDC callback, and only when KOERS_OIDC_* are set.
    "koers.accounts.oidc.KoersOIDCBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workspace:home"  # readers without a workspace go on to the home page
LOGOUT_REDIRECT_URL = "web:home"

AXES_FAILURE_LIMIT = config("KOERS_LOGIN_FAILURE_LIMIT")
AXES_COOLOFF_TIME = timedelta(minutes=config("KOERS_LOGIN_COOLOFF_MINUTES"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = config("KOERS_LANGUAGE")
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "files"

# Uploads over KOERS_MAX_UPLOAD_MB are refused while they stream in (koers.deliveries.uploads).
FILE_UPLOAD_HANDLERS = [
    "koers.deliveries.uploads.SizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Heavy work (imports, refreshes, open-data builds) runs as jobs: koers/jobs, `koers worker`.
_JOB_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if config("KOERS_JOBS_BACKEND") not in _JOB_BACKENDS:
    raise ConfigurationError(
        f"KOERS_JOBS_BACKEND must be database or immediate, not {config('KOERS_JOBS_BACKEND')!r}"
    )
TASKS = {"default": {"BACKEND": _JOB_BACKENDS[config("KOERS_JOBS_BACKEND")]}}

CACHES = {
    # Per process: rendered public pages (koers.web.page_cache) and chart SVGs.
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): only this site's own files; no inline script or
# style, no eval (charts run Vega's expression interpreter, see koers/charts.js).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# E-mail (follow-up reminders): the console unless an SMTP server is named.
if config("KOERS_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, _, _port = config("KOERS_EMAIL_HOST").partition(":")
    EMAIL_PORT = int(_port or 25)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

REST_FRAMEWORK = {
    # Province systems send "Authorization: Token …"; the site's own pages use the session.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "koers.api.authentication.ScopedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Reads are public (published data only); every write calls accounts.permissions.require.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["koers.api.renderers.FiniteJSONRenderer"],  # null, never Infinity
    "DEFAULT_PARSER_CLASSES": ["koers.api.parsers.JSONParser"],  # deep JSON is a 400
    "DEFAULT_PAGINATION_CLASS": "koers.api.pagination.PagePagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "koers.api.problems.problem_exception_handler",
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Koers API",
    "DESCRIPTION": (
        "Programma- en monitoringsplatform van de twaalf provincies (Bestuursprogramma IPO "
        "2023–2027). Lezen is openbaar en toont alleen gepubliceerde data; aanleveren en "
        "statuswijzigingen vragen een token (`Authorization: Token …`). Fouten zijn "
        "`application/problem+json`; zie docs/api/compliance.md en docs/api/province-guide.md."
    ),
    "VERSION": "1.0.0",
    "LICENSE": {"name": "EUPL-1.2"},
    "SERVERS": [{"url": "/api/v1", "description": "Deze Koers-installatie"}],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "ENUM_NAME_OVERRIDES": {
        "AanleveringStatusEnum": "koers.deliveries.models.DeliveryStatus",
        "StatusStapEnum": ["submitted", "approved", "published", "withdrawn"],
        "ActiviteitStatusEnum": "koers.workprogramme.models.ActivityStatus",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "koers.api.openapi.add_conventions",
    ],
}

# API tokens (koers.accounts.tokens): knox keeps a SHA-512 digest, never the token itself.
KNOX_TOKEN_MODEL = "accounts.ApiToken"  # noqa: S105 - a model name, not a secret
MIGRATION_MODULES = {"knox": None}  # knox's own table is swapped out: never create it
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Token",  # province systems keep sending "Authorization: Token …"
    "TOKEN_PREFIX": "koers_",  # recognisable in logs and by secret scanners
    "TOKEN_TTL": timedelta(days=config("KOERS_API_TOKEN_DAYS")),
}
KOERS_API_TOKEN_MAX_DAYS = config("KOERS_API_TOKEN_MAX_DAYS")

# Single sign-on (koers.accounts.oidc): off unless an issuer and a client id are set.
OIDC_OP_ISSUER = config("KOERS_OIDC_ISSUER")
OIDC_RP_CLIENT_ID = config("KOERS_OIDC_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = config("KOERS_OIDC_CLIENT_SECRET")
OIDC_RP_SCOPES = config("KOERS_OIDC_SCOPES")
OIDC_RP_SIGN_ALGO = config("KOERS_OIDC_SIGN_ALGO")
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc:callback"
OIDC_TIMEOUT = 10
OIDC_TOKEN_USE_BASIC_AUTH = True  # client_secret_basic: the OIDC default every provider takes
KOERS_OIDC_USERNAME_CLAIM = config("KOERS_OIDC_USERNAME_CLAIM")
KOERS_OIDC_ROLE_CLAIM = config("KOERS_OIDC_ROLE_CLAIM")
KOERS_OIDC_ROLE_MAP = config("KOERS_OIDC_ROLE_MAP")
check_role_map(KOERS_OIDC_ROLE_MAP)  # a map Koers cannot use stops start-up in one line
KOERS_OIDC_LABEL = config("KOERS_OIDC_LABEL")

CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["API-Version", "ETag", "Last-Modified"]

AUDITLOG_INCLUDE_ALL_MODELS = False

# Logs, metrics and error reporting are configured once, in koers.observability.
LOGGING = logging_config(
    log_format=config("KOERS_LOG_FORMAT") or ("json" if PRODUCTION else "console"),
    level=config("KOERS_LOG_LEVEL"),
)
init_error_reporting(config("KOERS_SENTRY_DSN"), environment=ENV)
