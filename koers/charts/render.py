"""Static SVG and PNG for a Vega-Lite spec, cached per spec hash in memory and on disk."""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import uuid
from collections import OrderedDict
from functools import cache
from html import escape
from pathlib import Path

import vl_convert

MEMORY_ENTRIES = 512
_memory: OrderedDict[str, str] = OrderedDict()
_lock = threading.Lock()
_SIZE = re.compile(r'\s(?:width|height)="[\d.]+"')
_CLASS = 'class="marks"'
_VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')
#: Vega's per-mark roles; the page labels the whole chart and gives a table instead.
_MARK_ARIA = re.compile(r'\s(?:role|aria-roledescription|aria-label)="[^"]*"')


class ChartRenderError(Exception):
    """vl-convert could not turn the spec into SVG."""

    code = "chart_render"


def spec_hash(spec: dict) -> str:
    """A stable hash of the spec: same spec, same SVG."""
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def render_svg(spec: dict, *, cache_dir: Path | None = None) -> str:
    """The chart as an SVG string, scaling to its container (width 100%, own aspect ratio)."""
    key = spec_hash(spec)
    with _lock:
        if key in _memory:
            _memory.move_to_end(key)
            return _memory[key]
    path = cache_dir / f"{key}.svg" if cache_dir else None
    if path and path.exists():
        svg = path.read_text(encoding="utf-8")
    else:
        try:
            svg = _responsive(vl_convert.vegalite_to_svg(spec))
        except (ValueError, RuntimeError) as exc:
            raise ChartRenderError(f"cannot render chart {key[:12]}: {exc}") from exc
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{uuid.uuid4().hex}.tmp")
            tmp.write_text(svg, encoding="utf-8")
            os.replace(tmp, path)  # a reader never sees half a file
    with _lock:
        _memory[key] = svg
        while len(_memory) > MEMORY_ENTRIES:
            _memory.popitem(last=False)
    return svg


def render_png(spec: dict, *, cache_dir: Path | None = None, scale: float = 2) -> bytes:
    """The chart as a PNG image (`scale` times the spec's size, sharp on a print or slide)."""
    key = f"{spec_hash(spec)}@{scale:g}x"
    path = cache_dir / f"{key}.png" if cache_dir else None
    if path and path.exists():
        return path.read_bytes()
    try:
        png = vl_convert.vegalite_to_png(spec, scale=scale)
    except (ValueError, RuntimeError) as exc:
        raise ChartRenderError(f"cannot render chart {key[:12]}: {exc}") from exc
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{uuid.uuid4().hex}.tmp")
        tmp.write_bytes(png)
        os.replace(tmp, path)
    return png


def standalone_svg(spec: dict, *, cache_dir: Path | None = None) -> str:
    """The chart as an SVG file of its own: its natural size, its description as <title>."""
    svg = render_svg(spec, cache_dir=cache_dir)
    head, sep, body = svg.partition(">")
    box = _VIEWBOX.search(head)
    size = f' width="{box[1]}" height="{box[2]}"' if box else ""
    title = escape(spec.get("description", ""))
    return f'{head}{size} role="img"{sep}<title>{title}</title>{body}'


def _responsive(svg: str) -> str:
    """Size by CSS (the viewBox keeps the proportions); drop the per-mark ARIA roles."""
    head, sep, body = svg.partition(">")
    head = _SIZE.sub("", head).replace(_CLASS, 'class="marks chart__svg"')
    return head + ' preserveAspectRatio="xMinYMin meet"' + sep + _MARK_ARIA.sub("", body)


@cache
def chart_locale(language: str) -> dict:
    """Vega's number and time locale for `nl` or `en`: decimal comma, month names."""
    tag = {"nl": "nl-NL", "en": "en-GB"}.get(language[:2], "nl-NL")
    return {
        "number": vl_convert.get_format_locale(tag),
        "time": vl_convert.get_time_format_locale(tag),
    }
