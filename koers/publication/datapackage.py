"""Frictionless Tabular Data Package: one CSV resource per indicator, typed and keyed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow as pa

from koers.publication.dataset import KEY, TIDY, Publication
from koers.publication.describe import IndicatorInfo
from koers.publication.formats import DATAPACKAGE, FOLDER, indicator_file
from koers.publication.tidy import ISO_SECONDS, column_for, table_for, write_csv
from koers.publication.vocabularies import OBS_STATUS, VALUE_KIND_NAMES, Licence


def _type(field: pa.Field) -> str:
    if pa.types.is_timestamp(field.type):
        return "datetime"
    if pa.types.is_integer(field.type):
        return "integer"
    if pa.types.is_floating(field.type):
        return "number"
    return "string"


def _constraints(name: str, info: IndicatorInfo) -> dict:
    enums = {
        "indicator": [info.code],
        "unit": [info.unit],
        "value_kind": list(VALUE_KIND_NAMES),
        "obs_status": list(OBS_STATUS),
    }
    out: dict = {"required": True} if name in KEY or name in enums else {}
    if name in enums:
        out["enum"] = enums[name]
    if name == "area":
        out["enum"] = list(info.areas)
    return out


def table_schema(info: IndicatorInfo) -> dict:
    """Table Schema of an indicator's CSV: types, units, code lists and the primary key."""
    fields = []
    for field in TIDY:
        entry = {
            "name": field.name,
            "type": _type(field),
            "description": field.metadata[b"doc"].decode(),
        }
        if field.name == "value":
            multiplier = f" × 10^{info.unit_multiplier}" if info.unit_multiplier else ""
            entry["description"] = f"{info.label('nl')} in {info.unit}{multiplier}."
            entry["unit"], entry["unitMultiplier"] = info.unit, info.unit_multiplier
            entry["decimals"] = info.decimals
        if field.name == "published_at":
            entry["format"] = ISO_SECONDS
        if constraints := _constraints(field.name, info):
            entry["constraints"] = constraints
        fields.append(entry)
    for dim, codes in info.breakdowns.items():
        fields.append(
            {
                "name": column_for(dim),
                "type": "string",
                "description": f"Breakdown {dim}: {', '.join(c['code'] for c in codes)}.",
                "constraints": {"required": True, "enum": [c["code"] for c in codes]},
            }
        )
    return {"fields": fields, "primaryKey": list(KEY), "missingValues": [""]}


def _name(code: str) -> str:
    return re.sub(r"[^-a-z0-9._]", "-", code.lower())


def descriptor(publication: Publication, *, lic: Licence) -> dict:
    licences = [{"name": lic.spdx, "title": lic.title, "path": lic.url}]
    sources = sorted({s for i in publication.indicators.values() for s in i.sources})
    return {
        "profile": "tabular-data-package",
        "name": "koers-open-data",
        "title": "Koers: open data van de twaalf provincies",
        "description": "Gepubliceerde waarnemingen van de indicatoren van het Bestuursprogramma "
        "IPO 2023-2027, per gebied, periode en uitsplitsing, met herkomst.",
        "created": publication.generated_at.strftime(ISO_SECONDS),
        "licenses": licences,
        "sources": [{"title": s} for s in sources],
        "keywords": ["provincies", "IPO", "monitoring"],
        "resources": [
            {
                "name": _name(info.code),
                "path": indicator_file(info.code, "csv"),
                "profile": "tabular-data-resource",
                "title": info.label("nl"),
                "description": info.description["nl"],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "licenses": licences,
                "sources": [{"title": s} for s in info.sources],
                "schema": table_schema(info),
            }
            for info in publication.indicators.values()
        ],
    }


def write_datapackage(publication: Publication, folder: Path, *, lic: Licence) -> Path:
    """Write every indicator's CSV and ``datapackage.json`` into ``folder``."""
    (folder / FOLDER).mkdir(parents=True, exist_ok=True)
    for code in publication.indicators:
        one = publication.only(code)
        write_csv(table_for(one, per_indicator=True), folder / indicator_file(code, "csv"))
    path = folder / DATAPACKAGE
    text = json.dumps(descriptor(publication, lic=lic), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path
