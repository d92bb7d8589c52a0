"""Move tokens of rest_framework.authtoken (kept in plain text) into hashed ApiToken rows.

Each old token keeps working (same text, same user) with scope ``deliver`` and an expiry
of 90 days from this migration; then the plain-text table is dropped. Fresh databases
never had that table and skip this.
"""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone
from knox.crypto import hash_token

OLD_TABLE = "authtoken_token"


def hash_old_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if OLD_TABLE not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("accounts", "ApiToken")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT key, user_id FROM {OLD_TABLE}")
        rows = cursor.fetchall()
    expiry = timezone.now() + timedelta(days=90)
    ApiToken.objects.bulk_create(
        ApiToken(
            digest=hash_token(key),
            token_key=key[:15],
            user_id=user_id,
            expiry=expiry,
            scope="deliver",
            name="overgezet van een oud token (verloopt na 90 dagen)",
        )
        for key, user_id in rows
    )
    schema_editor.execute(f"DROP TABLE {OLD_TABLE}")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = %s", ["authtoken"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_api_tokens_and_single_sign_on")]

    operations = [migrations.RunPython(hash_old_tokens, migrations.RunPython.noop)]
