"""Vega-Lite line charts: national line, target lines, forecast ranges, static SVG, bundle."""

import gzip

import pytest

from koers.charts import bundle, render
from koers.charts.render import chart_locale, render_svg, spec_hash
from koers.charts.specs import NATIONAL_COLOUR, ForecastMark, Point, TargetMark, line_chart


def points():
    out = [Point("Nederland", f"{y}-01-01", str(y), 1000.0 + 250 * (y - 2015), f"{y} MW")
           for y in range(2015, 2025)]  # fmt: skip
    out += [Point("Gelderland", f"{y}-01-01", str(y), 50.0 + 20 * (y - 2015), f"{y} MW")
            for y in range(2015, 2025)]  # fmt: skip
    return out


def chart(**options):
    return line_chart(
        points(),
        description="Windvermogen",
        y_title="MW",
        locale=chart_locale("nl"),
        targets=[TargetMark("2030-01-01", 8000.0, "doel 2030: 8.000 MW")],
        forecasts=[ForecastMark("Nederland", "2024-01-01", 3250.0, "2030-01-01", 4750.0,
                                4300.0, 5200.0, "verwacht in 2030: 4.750 MW (4.300–5.200)")],
        **options,
    )  # fmt: skip


def test_the_national_series_is_first_and_drawn_in_the_house_colour():
    spec = chart()
    lines = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line"
                 and "color" in layer["encoding"])  # fmt: skip
    scale = lines["encoding"]["color"]["scale"]
    assert scale["domain"] == ["Nederland", "Gelderland"]
    assert scale["range"][0] == NATIONAL_COLOUR
    assert len(spec["datasets"]["points"]) == 20


def test_targets_and_forecast_ranges_are_layers_with_their_own_data():
    spec = chart()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert "rule" in marks and "errorbar" in marks
    ranges = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "errorbar")
    assert ranges["data"]["values"] == [
        {"date": "2030-01-01", "low": 4300.0, "high": 5200.0,
         "label": "verwacht in 2030: 4.750 MW (4.300–5.200)"}
    ]  # fmt: skip


def test_the_static_svg_uses_dutch_number_format_and_draws_the_target_label(tmp_path):
    svg = render_svg(chart(), cache_dir=tmp_path)
    assert svg.startswith("<svg") and 'class="marks chart__svg"' in svg
    assert "8.000" in svg and "doel 2030: 8.000 MW" in svg
    assert ' width="' not in svg.split(">", 1)[0], "sized by CSS, not in pixels"
    assert 'role="graphics' not in svg and "aria-roledescription" not in svg


def test_rendered_svg_is_cached_in_memory_and_on_disk(tmp_path, monkeypatch):
    spec = chart(width=500)
    first = render_svg(spec, cache_dir=tmp_path)
    assert (tmp_path / f"{spec_hash(spec)}.svg").read_text() == first

    def fail(*args, **kwargs):
        raise AssertionError("rendered twice")

    monkeypatch.setattr(render.vl_convert, "vegalite_to_svg", fail)
    assert render_svg(spec, cache_dir=tmp_path) == first
    render._memory.clear()
    assert render_svg(spec, cache_dir=tmp_path) == first  # from disk


def test_a_broken_spec_raises_a_chart_error(tmp_path):
    with pytest.raises(render.ChartRenderError) as error:
        render_svg({"mark": "no-such-mark"}, cache_dir=tmp_path)
    assert error.value.code == "chart_render"


def test_the_javascript_bundle_is_local_and_defines_vega_embed(tmp_path):
    built = bundle.javascript_bundle(tmp_path)
    assert b"vegaEmbed" in built.javascript
    assert gzip.decompress(built.gzipped) == built.javascript
    assert built.version == bundle.bundle_version() and len(built.version) == 12
    assert bundle.javascript_bundle(tmp_path) is built
