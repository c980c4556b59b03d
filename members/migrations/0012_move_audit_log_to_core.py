"""AuditEntry now belongs to core (core/0001). Only Django's picture of it leaves members: the
table, rows, indexes and append-only triggers stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0011_membership_period_start_on_end_on"),
        ("core", "0001_audit_log"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEntry")],
            database_operations=[],
        ),
    ]
