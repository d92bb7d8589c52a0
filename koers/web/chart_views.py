"""An indicator's chart on its own: as SVG or PNG to download, and as a page to embed.

The same GET choices as the indicator page (`uitsplitsing`, `provincie`, `periode`,
`weergave`) give the same chart. Other sites may frame the embed page; nothing on it
depends on who is signed in.
"""

from __future__ import annotations

from csp.decorators import csp_replace
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from koers.charts.render import ChartRenderError, render_png, standalone_svg
from koers.config import data_dir
from koers.indicators.models import Indicator
from koers.web.figure_block import FigureBlock, chosen_scale, figure_block
from koers.web.figures import indicator_view

IMAGE_TYPES = {"svg": "image/svg+xml; charset=utf-8", "png": "image/png"}


def _chart_of(request, code: str) -> FigureBlock:
    indicator = get_object_or_404(Indicator.objects.exclude(status="peer"), code=code)
    view = indicator_view(
        indicator,
        breakdown=request.GET.get("uitsplitsing"),
        provinces=request.GET.getlist("provincie"),
        period=request.GET.get("periode"),
    )
    block = figure_block(view, scale=chosen_scale(request.GET.get("weergave")))
    if not block.spec:
        raise Http404("no published figures to draw")
    return block


@require_safe
def chart_image(request, code: str, image_format: str):
    """The chart as an SVG or PNG file (a PNG at twice the size, for slides and print)."""
    if image_format not in IMAGE_TYPES:
        raise Http404("unknown image format")
    block = _chart_of(request, code)
    cache_dir = data_dir() / "cache" / "charts"
    try:
        if image_format == "svg":
            content: str | bytes = standalone_svg(block.spec, cache_dir=cache_dir)
        else:
            content = render_png(block.spec, cache_dir=cache_dir)
    except ChartRenderError as exc:
        raise Http404("the chart cannot be drawn") from exc
    response = HttpResponse(content, content_type=IMAGE_TYPES[image_format])
    response["Content-Disposition"] = f'inline; filename="koers-{code}.{image_format}"'
    response["Access-Control-Allow-Origin"] = "*"  # an <img> on another site may use it
    return response


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def chart_embed(request, code: str):
    """The chart alone, with its summary and source, for an <iframe> on another site."""
    block = _chart_of(request, code)
    return render(
        request,
        "web/chart_embed.html",
        {
            "fig": block,
            "indicator": block.indicator,
            "page_url": request.build_absolute_uri(
                reverse("data:indicator", args=[code]) + "?" + block.chart_query
            ),
        },
    )
