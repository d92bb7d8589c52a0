"""Pagination with ``page`` and ``pageSize`` and a documented envelope with ``_links``.

Envelope of every collection::

    {"_links": {"self": {"href": …}, "first": …, "prev": …, "next": …, "last": …},
     "totaal": 123, "pagina": 1, "paginaGrootte": 50, "resultaten": [...]}

``prev`` and ``next`` are left out on the first and last page.
"""

from __future__ import annotations

from django.core.paginator import InvalidPage
from django.core.paginator import Paginator as DjangoPaginator
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from koers.api.problems import NotFoundProblem

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class PageQuery(serializers.Serializer):
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    pageSize = serializers.IntegerField(  # noqa: N815 - the rules ask for lowerCamelCase
        required=False, min_value=1, max_value=MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE
    )


class PagePagination(PageNumberPagination):
    page_query_param = "page"
    page_size_query_param = "pageSize"
    page_size = DEFAULT_PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        """One page of any sliceable sequence; 400 on bad values, 404 past the last page."""
        query = PageQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        self.request = request
        paginator = DjangoPaginator(queryset, query.validated_data["pageSize"])
        try:
            self.page = paginator.page(query.validated_data["page"])
        except InvalidPage:
            raise NotFoundProblem(
                f"Pagina {query.validated_data['page']} bestaat niet; "
                f"er zijn {paginator.num_pages} pagina's."
            ) from None
        return list(self.page)

    def _href(self, number: int) -> dict[str, str]:
        url = self.request.build_absolute_uri()
        if number == 1:
            return {"href": remove_query_param(url, self.page_query_param)}
        return {"href": replace_query_param(url, self.page_query_param, number)}

    def get_paginated_response(self, data) -> Response:
        page, paginator = self.page, self.page.paginator
        links = {
            "self": {"href": self.request.build_absolute_uri()},
            "first": self._href(1),
            "last": self._href(paginator.num_pages),
        }
        if page.has_previous():
            links["prev"] = self._href(page.previous_page_number())
        if page.has_next():
            links["next"] = self._href(page.next_page_number())
        return Response(
            {
                "_links": links,
                "totaal": paginator.count,
                "pagina": page.number,
                "paginaGrootte": paginator.per_page,
                "resultaten": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        href = {"type": "object", "required": ["href"], "properties": {"href": {"type": "string"}}}
        return {
            "type": "object",
            "required": ["_links", "totaal", "pagina", "paginaGrootte", "resultaten"],
            "properties": {
                "_links": {
                    "type": "object",
                    "required": ["self", "first", "last"],
                    "properties": dict.fromkeys(("self", "first", "prev", "next", "last"), href),
                },
                "totaal": {"type": "integer", "description": "Aantal resultaten in totaal."},
                "pagina": {"type": "integer", "description": "Nummer van deze pagina (vanaf 1)."},
                "paginaGrootte": {"type": "integer", "description": "Resultaten per pagina."},
                "resultaten": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": "page",
                "required": False,
                "in": "query",
                "description": "Paginanummer, vanaf 1.",
                "schema": {"type": "integer", "minimum": 1, "default": 1},
            },
            {
                "name": "pageSize",
                "required": False,
                "in": "query",
                "description": f"Resultaten per pagina (1–{MAX_PAGE_SIZE}).",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_PAGE_SIZE,
                    "default": DEFAULT_PAGE_SIZE,
                },
            },
        ]


class TableRows:
    """A pyarrow table as a sequence of row dicts, so only the requested page is converted."""

    def __init__(self, table) -> None:
        self.table = table

    def __len__(self) -> int:
        return self.table.num_rows

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self.table.num_rows)
            if step != 1:
                raise ValueError("TableRows supports contiguous slices only")
            return self.table.slice(start, max(0, stop - start)).to_pylist()
        return self.table.slice(index, 1).to_pylist()[0]
