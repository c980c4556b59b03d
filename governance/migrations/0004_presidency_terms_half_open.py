"""Presidency terms follow the one convention for dated records (``core.periods``): ``end_on`` is
the first day after the term, not its last day. Every term and every recorded change moves its
``end_on`` one day later, so each keeps the same last day; the database's own refusal of
overlapping terms follows (``daterange(start_on, end_on, '[)')`` on PostgreSQL, the half-open
comparison in the SQLite triggers). Reversible: back to last days and ``'[]'``.

The triggers are dropped first and created last, in both directions: SQLite rebuilds the table
for the constraint changes in between, which would drop them anyway."""

import datetime

from django.db import migrations, models

ONE_DAY = datetime.timedelta(days=1)
TABLE = "governance_presidencyterm"
NAME = "presidency_terms_never_overlap"

# Two terms overlap when each starts before the other ends: with last days (closed ranges,
# migration 0002) "start_on <= other's end_on"; with first days after (half-open) "<".
SQLITE_TRIGGERS = """
CREATE TRIGGER {name}_insert
BEFORE INSERT ON {table}
WHEN EXISTS (
    SELECT 1 FROM {table}
    WHERE start_on {cmp} NEW.end_on AND end_on {rcmp} NEW.start_on
)
BEGIN SELECT RAISE(ABORT, 'presidency terms must not overlap'); END;
---
CREATE TRIGGER {name}_update
BEFORE UPDATE OF start_on, end_on ON {table}
WHEN EXISTS (
    SELECT 1 FROM {table}
    WHERE id != NEW.id AND start_on {cmp} NEW.end_on AND end_on {rcmp} NEW.start_on
)
BEGIN SELECT RAISE(ABORT, 'presidency terms must not overlap'); END;
"""
PG_ADD = (
    f"ALTER TABLE {TABLE} ADD CONSTRAINT {NAME} "
    "EXCLUDE USING gist (daterange(start_on, end_on, '{bounds}') WITH &&);"
)


def _add_refusal(schema_editor, *, half_open: bool) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_ADD.format(bounds="[)" if half_open else "[]"))
    elif vendor == "sqlite":
        cmp, rcmp = ("<", ">") if half_open else ("<=", ">=")
        triggers = SQLITE_TRIGGERS.format(name=NAME, table=TABLE, cmp=cmp, rcmp=rcmp)
        for statement in triggers.split("---"):
            schema_editor.execute(statement)


def _drop_refusal(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP CONSTRAINT IF EXISTS {NAME};")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {NAME}_insert;")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {NAME}_update;")


def _shift(apps, days: int) -> None:
    """Move every ``end_on`` by ``days`` (row by row: a few dozen terms at most)."""
    delta = days * ONE_DAY
    Term = apps.get_model("governance", "PresidencyTerm")
    Change = apps.get_model("governance", "PresidencyTermChange")
    for term in Term.objects.only("pk", "end_on"):
        Term.objects.filter(pk=term.pk).update(end_on=term.end_on + delta)
    for change in Change.objects.only("pk", "old_end_on", "new_end_on"):
        Change.objects.filter(pk=change.pk).update(
            old_end_on=change.old_end_on + delta, new_end_on=change.new_end_on + delta
        )


def drop_closed_refusal(apps, schema_editor):
    _drop_refusal(schema_editor)


def add_closed_refusal(apps, schema_editor):
    _add_refusal(schema_editor, half_open=False)


def to_first_day_after(apps, schema_editor):
    _shift(apps, 1)


def to_last_day(apps, schema_editor):
    _shift(apps, -1)


def add_half_open_refusal(apps, schema_editor):
    _add_refusal(schema_editor, half_open=True)


def drop_half_open_refusal(apps, schema_editor):
    _drop_refusal(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("governance", "0003_one_line_text")]

    operations = [
        migrations.RunPython(drop_closed_refusal, add_closed_refusal),
        migrations.RunPython(to_first_day_after, to_last_day),
        migrations.RemoveConstraint(
            model_name="presidencyterm", name="presidency_end_not_before_start"
        ),
        migrations.AlterField(
            model_name="presidencyterm",
            name="end_on",
            field=models.DateField(verbose_name="first day after"),
        ),
        migrations.AddConstraint(
            model_name="presidencyterm",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_on__gt", models.F("start_on"))),
                name="presidency_ends_after_start",
                violation_error_message="A term cannot end before it starts.",
            ),
        ),
        migrations.RunPython(add_half_open_refusal, drop_half_open_refusal),
    ]
