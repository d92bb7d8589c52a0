"""A job that does nothing, to put something in the queue for the health check's test."""

from django_tasks import task


@task()
def noop() -> None:
    return None
