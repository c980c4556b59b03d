"""The audit log moves here from members, table and all.

Only Django's picture of the model moves (SeparateDatabaseAndState): the table keeps its name
(``db_table = "members_auditentry"``), rows, indexes and the append-only triggers of members/0006;
members/0012 drops the model from its own picture. Its content type moves too, so permissions
given on it stay given."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import core.text


def move_content_type(apps, schema_editor, source="members", target="core"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if ContentType.objects.using(db).filter(app_label=target, model="auditentry").exists():
        return
    ContentType.objects.using(db).filter(app_label=source, model="auditentry").update(
        app_label=target
    )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="core", target="members")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        # The table and its triggers were made by members (0005, 0006, 0008); they stay.
        ("members", "0011_membership_period_start_on_end_on"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "at",
                            models.DateTimeField(
                                db_index=True,
                                default=django.utils.timezone.now,
                                verbose_name="when",
                            ),
                        ),
                        (
                            "action",
                            models.CharField(
                                db_index=True,
                                max_length=60,
                                validators=[core.text.single_line],
                                verbose_name="action",
                            ),
                        ),
                        (
                            "object_type",
                            models.CharField(
                                db_index=True,
                                max_length=60,
                                validators=[core.text.single_line],
                                verbose_name="record type",
                            ),
                        ),
                        (
                            "object_id",
                            models.CharField(max_length=40, validators=[core.text.single_line]),
                        ),
                        (
                            "object_repr",
                            models.CharField(
                                max_length=300,
                                validators=[core.text.single_line],
                                verbose_name="record",
                            ),
                        ),
                        (
                            "changes",
                            models.JSONField(blank=True, default=dict, verbose_name="changes"),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="who",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "audit entry",
                        "verbose_name_plural": "audit log",
                        "db_table": "members_auditentry",
                        "ordering": ["-at", "-pk"],
                        "indexes": [
                            models.Index(
                                fields=["object_type", "object_id"],
                                name="members_aud_object__445789_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
