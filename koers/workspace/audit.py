"""The audit log (django-auditlog) as rows a person reads: who, when, what, before → after."""

from __future__ import annotations

from dataclasses import dataclass

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

#: LogEntry.Action → what a person reads (auditlog's own labels are English)
ACTIONS = {
    LogEntry.Action.CREATE: _("aangemaakt"),
    LogEntry.Action.UPDATE: _("gewijzigd"),
    LogEntry.Action.DELETE: _("verwijderd"),
    LogEntry.Action.ACCESS: _("ingezien"),
}
#: Long texts (a mapping file, an official goal text) are cut in the overview.
MAX_VALUE = 160


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def _text(value) -> str:
    text = "—" if value in (None, "", "None") else str(value)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def changes_of(entry: LogEntry) -> list[Change]:
    """Field changes of one entry; many-to-many changes read as added or removed objects."""
    rows = []
    for name, values in (entry.changes_dict or {}).items():
        if isinstance(values, dict):  # {"type": "m2m", "operation": "add", "objects": [...]}
            objects = ", ".join(str(o) for o in values.get("objects", []))
            before, after = ("", objects) if values.get("operation") == "add" else (objects, "")
            rows.append(Change(name, _text(before), _text(after)))
        else:
            before, after = (list(values) + [None, None])[:2]
            rows.append(Change(name, _text(before), _text(after)))
    return rows


def audit_entries(*, model: str | None = None) -> QuerySet[LogEntry]:
    """Newest first, optionally for one model ("app_label.model")."""
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-id")
    if model and "." in model:
        app_label, name = model.split(".", 1)
        entries = entries.filter(content_type__app_label=app_label, content_type__model=name)
    return entries


def logged_models() -> list[tuple[str, str]]:
    """(app_label.model, readable name) of every model that has entries, for the filter."""
    ids = LogEntry.objects.order_by().values_list("content_type", flat=True).distinct()
    types = ContentType.objects.filter(pk__in=list(ids)).order_by("app_label", "model")
    return [(f"{t.app_label}.{t.model}", _model_name(t)) for t in types]


def _model_name(content_type: ContentType) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name) if model else content_type.model
