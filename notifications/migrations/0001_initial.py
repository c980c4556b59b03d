"""Notification and NotificationPreference move here from members, tables and all.

Only Django's picture of the models moves (SeparateDatabaseAndState): the tables keep their names
(``db_table``), rows, indexes and constraints; members/0010 drops the models from its own
picture. Their content types move too, so permissions given on them stay given."""

import django.db.models.deletion
import django.utils.timezone
import core.text
from django.conf import settings
from django.db import migrations, models


MODELS = ("notification", "notificationpreference")


def move_content_types(apps, schema_editor, source="members", target="notifications"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if ContentType.objects.using(db).filter(app_label=target, model=model).exists():
            continue
        ContentType.objects.using(db).filter(app_label=source, model=model).update(
            app_label=target
        )


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, source="notifications", target="members")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        # The tables were made by members (0004, 0009); they stay where they are.
        ("members", "0009_notification_claimed_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('meeting_reminder', 'Meeting reminders'), ('meeting_update', 'Meeting changes and cancellations'), ('minutes_reminder', 'Minutes to upload'), ('report_reminder', 'Progress report reminders'), ('report_digest', 'Outstanding reports digest'), ('presidency_handover', 'Presidency handover'), ('publication_digest', 'New knowledge products')], max_length=24)),
                        ('topic', models.CharField(help_text='What it is about, e.g. meeting:12', max_length=100, validators=[core.text.single_line])),
                        ('key', models.CharField(help_text='The topic and stage, e.g. meeting:12:...:7d', max_length=200, validators=[core.text.single_line])),
                        ('subject', models.CharField(max_length=300, validators=[core.text.single_line])),
                        ('body', models.TextField()),
                        ('url', models.CharField(blank=True, max_length=500, validators=[core.text.single_line])),
                        ('ics', models.TextField(blank=True)),
                        ('delivery', models.CharField(choices=[('email', 'E-mail at once'), ('daily', 'Daily digest e-mail'), ('weekly', 'Weekly digest e-mail'), ('portal', 'In the portal only'), ('off', 'Not at all')], default='email', max_length=8)),
                        ('status', models.CharField(choices=[('pending', 'Waiting to be sent'), ('sending', 'Being sent'), ('sent', 'Sent'), ('in_digest', 'Waiting for the digest'), ('portal', 'In the portal only'), ('failed', 'Failed'), ('superseded', 'Superseded')], default='pending', max_length=12)),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('last_error', models.CharField(blank=True, max_length=500, validators=[core.text.single_line])),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('claimed_at', models.DateTimeField(blank=True, help_text='When a worker last took it for sending.', null=True)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('read_at', models.DateTimeField(blank=True, null=True)),
                        ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'notification',
                        'verbose_name_plural': 'notifications',
                        'db_table': 'members_notification',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(fields=['status', 'created_at'], name='members_not_status_d7f62b_idx'), models.Index(fields=['recipient', 'read_at'], name='members_not_recipie_6c9a84_idx'), models.Index(fields=['topic', 'kind'], name='members_not_topic_33fe45_idx')],
                        'constraints': [models.UniqueConstraint(fields=('recipient', 'kind', 'key'), name='one_notification_per_stage')],
                    },
                ),
                migrations.CreateModel(
                    name='NotificationPreference',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('meeting_reminder', 'Meeting reminders'), ('meeting_update', 'Meeting changes and cancellations'), ('minutes_reminder', 'Minutes to upload'), ('report_reminder', 'Progress report reminders'), ('report_digest', 'Outstanding reports digest'), ('presidency_handover', 'Presidency handover'), ('publication_digest', 'New knowledge products')], max_length=24)),
                        ('delivery', models.CharField(choices=[('email', 'E-mail at once'), ('daily', 'Daily digest e-mail'), ('weekly', 'Weekly digest e-mail'), ('portal', 'In the portal only'), ('off', 'Not at all')], max_length=8, verbose_name='delivery')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notification_preferences', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'members_notificationpreference',
                        'constraints': [models.UniqueConstraint(fields=('user', 'kind'), name='one_preference_per_kind')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back, elidable=True),
    ]
