"""Optional error reporting to Sentry or a compatible service (GlitchTip, Bugsink)."""

from __future__ import annotations


def init_error_reporting(dsn: str | None, *, environment: str) -> bool:
    """Start the Sentry SDK when a DSN is set; never send cookies, users or addresses."""
    if not dsn:
        return False
    import sentry_sdk

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
    return True
