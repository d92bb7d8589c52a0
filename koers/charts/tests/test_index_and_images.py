"""Province lines as an index (base period = 100), and charts as SVG or PNG files."""

from koers.charts.render import render_png, standalone_svg
from koers.charts.specs import Point, indexed, line_chart


def series(name: str, start: int, values: list[float]) -> list[Point]:
    return [
        Point(name, f"{start + i}-01-01", str(start + i), v, f"{v:g} MW")
        for i, v in enumerate(values)
    ]


def text(index: float, point: Point) -> str:
    return f"{index:.1f} ({point.text})"


def test_every_line_is_100_in_the_first_period_they_all_share():
    points = series("Nederland", 2000, [500, 1000, 2000, 4000]) + series(
        "Flevoland", 2001, [20, 30, 80]
    )
    out, base = indexed(points, text=text)
    assert base == "2001"
    by = {(p.series, p.period): p for p in out}
    assert by[("Nederland", "2001")].value == by[("Flevoland", "2001")].value == 100
    assert by[("Nederland", "2003")].value == 400  # 4000 / 1000
    assert by[("Flevoland", "2003")].value == 400  # 80 / 20: same growth, same line
    assert ("Nederland", "2000") not in by, "periods before the base are dropped"
    assert by[("Flevoland", "2002")].text == "150.0 (30 MW)"


def test_the_base_is_the_first_period_in_which_no_line_is_zero():
    points = series("Nederland", 2000, [10, 20, 40]) + series("Gelderland", 2000, [0, 5, 10])
    out, base = indexed(points, text=text)
    assert base == "2001" and {p.series for p in out} == {"Nederland", "Gelderland"}
    assert {p.value for p in out if p.period == "2002"} == {200}


def test_a_line_that_is_zero_in_every_shared_period_cannot_be_indexed_and_is_left_out():
    points = series("Nederland", 2000, [10, 20]) + series("Zeeland", 2000, [0, 0])
    out, base = indexed(points, text=text)
    assert base == "2000" and {p.series for p in out} == {"Nederland"}


def test_lines_without_a_shared_period_give_no_index():
    points = series("Nederland", 2000, [1, 2]) + series("Drenthe", 2010, [3, 4])
    assert indexed(points, text=text) == ([], None)
    assert indexed([], text=text) == ([], None)


def spec() -> dict:
    return line_chart(
        series("Nederland", 2015, [1.0, 2.0, 3.0]), description="Wind <op> land", y_title="MW"
    )


def test_a_downloaded_svg_has_its_own_size_and_title(tmp_path):
    svg = standalone_svg(spec(), cache_dir=tmp_path)
    head = svg[: svg.index(">")]
    assert head.startswith("<svg") and 'width="' in head and 'height="' in head
    assert 'role="img"' in head
    assert "<title>Wind &lt;op&gt; land</title>" in svg


def test_a_png_is_drawn_at_twice_the_size_and_kept_on_disk(tmp_path):
    png = render_png(spec(), cache_dir=tmp_path)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(png[16:20], "big")
    assert width >= 2 * 640
    assert [p.suffix for p in tmp_path.iterdir()] == [".png"]
    assert render_png(spec(), cache_dir=tmp_path) == png
