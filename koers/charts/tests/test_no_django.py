"""koers.charts is a plain library: it renders charts and maps without Django."""

import subprocess
import sys


def test_charts_import_and_draw_without_django():
    code = (
        "import sys; import koers.charts.maps, koers.charts.specs, koers.charts.render, "
        "koers.charts.bundle, koers.charts.scale\n"
        "from koers.charts.maps import Region, choropleth\n"
        "choropleth([Region('PV20', 'Groningen', 1.0, '1', 'Groningen: 1')], title='t', "
        "class_label=lambda lo, hi: '', no_data_label='')\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
