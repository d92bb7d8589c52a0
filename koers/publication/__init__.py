"""Open-data publication: published observations as CSV, Parquet, JSON, Frictionless,
SDMX and DCAT-AP-NL, from one query (see docs/open-data.md)."""
