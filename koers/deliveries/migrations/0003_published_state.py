"""Existing data under the new meaning of superseded_at: "stopped being the published value".

Before, a version was stamped superseded when a newer one was IMPORTED, published or not.
Now only publication (or withdrawal) stamps it: rows of unpublished deliveries are cleared,
and per key the latest published version is the published current one. Deliveries get
their publication time from their transitions and their covered pairs from their rows;
the one row of the publication counter is made.
"""

from django.db import migrations
from django.utils import timezone

SQL_CLEAR_UNPUBLISHED = """
UPDATE deliveries_observation SET superseded_at = NULL
WHERE delivery_id IN (SELECT id FROM deliveries_delivery WHERE status <> 'published'
                      AND status <> 'withdrawn')
"""
_NEWER_PUBLISHED = """
SELECT 1 FROM deliveries_observation n JOIN deliveries_delivery nd ON nd.id = n.delivery_id
WHERE nd.status = 'published' AND n.indicator_id = o.indicator_id AND n.area_id = o.area_id
  AND n.period = o.period AND n.breakdown = o.breakdown AND n.value_kind = o.value_kind
  AND n.version > o.version
"""
SQL_CURRENT = f"""
UPDATE deliveries_observation SET superseded_at = NULL WHERE id IN (
  SELECT o.id FROM deliveries_observation o JOIN deliveries_delivery d ON d.id = o.delivery_id
  WHERE d.status = 'published' AND NOT EXISTS ({_NEWER_PUBLISHED}))
"""
SQL_RETIRED = f"""
UPDATE deliveries_observation SET superseded_at = %s WHERE superseded_at IS NULL AND id IN (
  SELECT o.id FROM deliveries_observation o JOIN deliveries_delivery d ON d.id = o.delivery_id
  WHERE d.status = 'published' AND EXISTS ({_NEWER_PUBLISHED}))
"""
SQL_PUBLISHED_AT = """
UPDATE deliveries_delivery SET published_at = (
  SELECT MAX(t.at) FROM deliveries_transition t
  WHERE t.delivery_id = deliveries_delivery.id AND t.to_status = 'published')
WHERE status IN ('published', 'withdrawn')
"""
SQL_COVERAGE = """
INSERT INTO deliveries_coverage (delivery_id, indicator_id, area_id)
SELECT DISTINCT delivery_id, indicator_id, area_id FROM deliveries_observation
"""


def forwards(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(SQL_CLEAR_UNPUBLISHED)
        cursor.execute(SQL_CURRENT)
        now = timezone.now()
        if schema_editor.connection.vendor == "sqlite":  # stored as naive UTC text there
            now = now.replace(tzinfo=None).isoformat(" ")
        cursor.execute(SQL_RETIRED, [now])
        cursor.execute(SQL_PUBLISHED_AT)
        cursor.execute(SQL_COVERAGE)
    apps.get_model("deliveries", "PublicationCounter").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("deliveries", "0002_delivery_state_machine")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
