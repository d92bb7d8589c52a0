"""Delivering data: download a template, upload a file, and see what is still expected."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.permissions import Action, can, require, stewarded_provinces
from koers.deliveries.completeness import completeness_rows
from koers.deliveries.models import Delivery
from koers.deliveries.query import sees_every_delivery
from koers.deliveries.templates import write_template
from koers.deliveries.uploads import upload_refused
from koers.workspace.access import may, upload_provinces, workspace_page
from koers.workspace.forms import TemplateForm, UploadForm, deliverable_indicators
from koers.workspace.matrix import STATES, outstanding
from koers.workspace.uploads import UploadError, receive_upload
from koers.workspace.views.layout import render_page

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
UPLOAD_MESSAGES = {
    "no_mapping": gettext_lazy(
        "Dit bestand heeft niet de indeling van het Koers-sjabloon en Koers herkent de naam "
        "niet. Kies hieronder de indeling, of vul het sjabloon in."
    ),
}


def upload_form(user, data=None, files=None, *, province: str | None = None) -> UploadForm:
    national = can(user, Action.UPLOAD_DELIVERY)  # analysts, not stewards
    form = UploadForm(data, files, provinces=upload_provinces(user), national=national)
    if province:
        form.initial["province"] = province
    return form


def _page(
    request: HttpRequest, *, template_form=None, form=None, status: int = 200
) -> HttpResponse:
    user = request.user
    may_upload = may(user, Action.UPLOAD_DELIVERY)
    if not may_upload and not sees_every_delivery(user):
        raise PermissionDenied("not allowed: delivery.upload")
    provinces = upload_provinces(user)
    steward_codes = stewarded_provinces(user)
    rows = completeness_rows() if steward_codes else []
    labels = {i.code: i.label for i in deliverable_indicators()}
    due = [
        dict(r, state=STATES[r["state"]], label=labels.get(r["indicator"], r["indicator"]))
        for code in steward_codes
        for r in outstanding(rows, province=code)
    ]
    visible = Delivery.objects.visible_to(user).select_related("file", "province", "submitted_by")
    deliveries = Paginator(visible, 20).get_page(request.GET.get("pagina"))
    context = {
        "template_form": template_form or TemplateForm(provinces=provinces),
        "form": form or upload_form(user),
        "deliveries": deliveries,
        "outstanding": due,
        "several_provinces": len(steward_codes) > 1,
        "may_upload": may_upload,
    }
    return render_page(
        request, "workspace/deliver.html", context, current="workspace:deliver", status=status
    )


@workspace_page
@require_GET
def deliver(request: HttpRequest) -> HttpResponse:
    return _page(request)


@workspace_page
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    province = request.POST.get("province") or None
    require(request.user, Action.UPLOAD_DELIVERY, province=province)
    form = upload_form(request.user, request.POST, request.FILES)
    if refused := upload_refused(request):  # over KOERS_MAX_UPLOAD_MB: nothing was kept
        form.is_valid()
        form.errors["file"] = form.error_class([str(refused)])
        return _page(request, form=form, status=413)
    if form.is_valid():
        try:
            delivery = receive_upload(
                form.cleaned_data["file"],
                province=province,
                user=request.user,
                mapping=form.cleaned_data["mapping"],
            )
        except UploadError as exc:
            form.add_error("file", UPLOAD_MESSAGES.get(exc.code, str(exc)))
        else:
            return redirect(reverse("workspace:delivery", args=[delivery.pk]) + "#rapport")
    return _page(request, form=form, status=400)


@workspace_page
@require_GET
def template(request: HttpRequest) -> HttpResponse:
    """The same file as `koers template`, for a province the user may deliver for."""
    province = request.GET.get("province") or None
    require(request.user, Action.UPLOAD_DELIVERY, province=province)
    form = TemplateForm(request.GET, provinces=upload_provinces(request.user))
    if not form.is_valid():
        return _page(request, template_form=form, status=400)
    data = form.cleaned_data
    name = f"koers-{data['province']}-{data['period']}.{data['file_format']}"
    with tempfile.TemporaryDirectory(prefix="koers-template-") as folder:
        target = Path(folder) / name
        write_template(
            target,
            province=data["province"],
            indicators=data["indicators"],
            period=data["period"],
            file_format=data["file_format"],
        )
        response = HttpResponse(
            target.read_bytes(), content_type=CONTENT_TYPES[data["file_format"]]
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
