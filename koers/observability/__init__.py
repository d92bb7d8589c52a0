"""Operations: structured logs, the health check, Prometheus metrics and error reporting."""
