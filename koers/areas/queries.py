from koers.areas.models import Area


def areas_as_dicts() -> list[dict]:
    """All areas with their codes and parents, as plain data for the CLI and the API."""
    rows = []
    for area in Area.objects.prefetch_related("parent_links__parent").order_by("code"):
        rows.append(
            {
                "code": area.code,
                "name": area.name,
                "type": area.type,
                "cbs_code": area.cbs_code,
                "nuts2": area.nuts2 or None,
                "tooi": area.tooi or None,
                "parents": [
                    {"code": link.parent.code, "hierarchy": link.hierarchy}
                    for link in area.parent_links.all()
                ],
                "has_geometry": area.geometry is not None,
            }
        )
    return rows


def dutch_provinces():
    """The twelve provinces (children of NL01), ordered by CBS code."""
    return Area.objects.filter(type="provincie", parent_links__parent__code="NL01").order_by("code")
