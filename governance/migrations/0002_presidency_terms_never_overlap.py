"""The database itself refuses overlapping presidency terms: an exclusion constraint over the
date range on PostgreSQL, triggers on SQLite."""

from django.db import migrations

PG_ADD = """
ALTER TABLE governance_presidencyterm
    ADD CONSTRAINT presidency_terms_never_overlap
    EXCLUDE USING gist (daterange(start_on, end_on, '[]') WITH &&);
"""
PG_REMOVE = "ALTER TABLE governance_presidencyterm DROP CONSTRAINT presidency_terms_never_overlap;"

SQLITE_ADD = [
    """
    CREATE TRIGGER presidency_terms_never_overlap_insert
    BEFORE INSERT ON governance_presidencyterm
    WHEN EXISTS (
        SELECT 1 FROM governance_presidencyterm
        WHERE start_on <= NEW.end_on AND end_on >= NEW.start_on
    )
    BEGIN SELECT RAISE(ABORT, 'presidency terms must not overlap'); END;
    """,
    """
    CREATE TRIGGER presidency_terms_never_overlap_update
    BEFORE UPDATE OF start_on, end_on ON governance_presidencyterm
    WHEN EXISTS (
        SELECT 1 FROM governance_presidencyterm
        WHERE id != NEW.id AND start_on <= NEW.end_on AND end_on >= NEW.start_on
    )
    BEGIN SELECT RAISE(ABORT, 'presidency terms must not overlap'); END;
    """,
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS presidency_terms_never_overlap_insert;",
    "DROP TRIGGER IF EXISTS presidency_terms_never_overlap_update;",
]


def add(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_ADD)
    elif vendor == "sqlite":
        for statement in SQLITE_ADD:
            schema_editor.execute(statement)


def remove(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_REMOVE)
    elif vendor == "sqlite":
        for statement in SQLITE_REMOVE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
