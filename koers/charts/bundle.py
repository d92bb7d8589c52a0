"""The Vega, Vega-Lite and Vega-Embed JavaScript that vl-convert ships: served locally, no CDN."""

from __future__ import annotations

import gzip
import hashlib
import os
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import vl_convert


@dataclass(frozen=True)
class Bundle:
    version: str
    javascript: bytes
    gzipped: bytes


_built: dict[str, Bundle] = {}


@cache
def bundle_version() -> str:
    """Changes whenever vl-convert ships other library versions (used in the URL)."""
    versions = "|".join(
        (
            vl_convert.get_vega_version(),
            vl_convert.get_vega_embed_version(),
            vl_convert.get_vegalite_versions()[-1],
        )
    )
    return hashlib.sha256(versions.encode()).hexdigest()[:12]


def javascript_bundle(cache_dir: Path | None = None) -> Bundle:
    """Built once per process (about two seconds), or read from `cache_dir` when kept there."""
    version = bundle_version()
    if version in _built:
        return _built[version]
    path = cache_dir / f"vega-{version}.js" if cache_dir else None
    if path and path.exists():
        javascript = path.read_bytes()
    else:
        javascript = vl_convert.javascript_bundle().encode()
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{uuid.uuid4().hex}.tmp")
            tmp.write_bytes(javascript)
            os.replace(tmp, path)
    bundle = Bundle(version, javascript, gzip.compress(javascript, compresslevel=9, mtime=0))
    _built[version] = bundle
    return bundle
