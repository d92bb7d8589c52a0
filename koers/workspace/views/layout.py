"""Every workspace page renders inside the same frame: breadcrumbs and a sub-navigation."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from koers.workspace.access import visible_pages


def render_page(
    request: HttpRequest, template: str, context: dict, *, current: str, status: int = 200
) -> HttpResponse:
    """Render ``template`` with the pages this user may open; ``current`` is a URL name."""
    pages = visible_pages(request.user)
    context = {
        **context,
        "nav": "workspace",
        "workspace_pages": pages,
        "current_page": next((p for p in pages if p.url_name == current), None),
    }
    return render(request, template, context, status=status)
