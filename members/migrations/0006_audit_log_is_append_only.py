"""The audit log is append-only: the database refuses to change its rows, and on PostgreSQL to
delete them one by one too. (SQLite, the embedded default, still lets the test runner empty the
table between tests, so there only changes are refused.)"""

from django.db import migrations

PG = """
CREATE OR REPLACE FUNCTION members_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER members_auditentry_no_update BEFORE UPDATE OR DELETE ON members_auditentry
    FOR EACH ROW EXECUTE FUNCTION members_auditentry_append_only();
"""
PG_REVERSE = """
DROP TRIGGER IF EXISTS members_auditentry_no_update ON members_auditentry;
DROP FUNCTION IF EXISTS members_auditentry_append_only();
"""
SQLITE = [
    """CREATE TRIGGER members_auditentry_no_update BEFORE UPDATE ON members_auditentry
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS members_auditentry_no_update;",
    "DROP TRIGGER IF EXISTS members_auditentry_no_delete;",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG)
    elif vendor == "sqlite":
        for statement in SQLITE:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_REVERSE)
    elif vendor == "sqlite":
        for statement in SQLITE_REVERSE:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("members", "0005_audit_log")]
    operations = [migrations.RunPython(forwards, backwards)]
