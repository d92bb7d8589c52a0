from koers.indicators.models import Indicator


def indicators_as_dicts() -> list[dict]:
    """The catalogue as plain data for the CLI and the API."""
    return [
        {
            "code": i.code,
            "name": i.name,
            "name_en": i.name_en,
            "unit": i.unit,
            "periodicity": i.periodicity,
            "area_rule": i.area_rule,
            "time_rule": i.time_rule,
            "status": i.status,
            "goals": [g.number for g in i.goals.all()],
            "source": {
                "producer": i.source_producer,
                "table": i.source_table,
                "column": i.source_column,
            },
        }
        for i in Indicator.objects.prefetch_related("goals")
    ]
