"""Strong ETags over response data, and ``If-None-Match`` answered with 304 Not Modified."""

from __future__ import annotations

import hashlib
import json

from django.utils.http import parse_etags
from rest_framework.response import Response


def etag_for(data) -> str:
    """A quoted strong ETag: the same data (keys in any order) always gives the same tag."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return '"' + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + '"'


def _matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    # If-None-Match uses weak comparison (RFC 9110 13.1.2): W/ prefixes do not matter.
    wanted = {tag.removeprefix("W/") for tag in parse_etags(header)}
    return etag in wanted


def conditional(request, data, response: Response) -> Response:
    """``response`` with an ETag, or an empty 304 when the client already has this data."""
    etag = etag_for(data)
    header = request.headers.get("If-None-Match")
    if header and _matches(header, etag):
        return Response(status=304, headers={"ETag": etag})
    response["ETag"] = etag
    return response
