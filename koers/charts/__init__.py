"""Charts and maps for the public pages, as plain Python (no Django).

- ``specs``: Vega-Lite specs (line chart with target lines and forecast ranges).
- ``render``: static SVG from a spec through vl-convert, cached per spec hash.
- ``bundle``: the Vega/Vega-Lite/Vega-Embed JavaScript bundle, served locally (no CDN).
- ``maps``: SVG choropleths of areas from WGS84 GeoJSON, with a tile-map fallback.
- ``labels``: map labels pushed apart so that no two overlap.
- ``scale``: the colour-blind-safe sequential classes and legend both use.
"""
