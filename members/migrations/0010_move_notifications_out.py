"""Notification and NotificationPreference now belong to the notifications app
(notifications/0001). Only Django's picture of them leaves members: the tables, rows, indexes
and constraints stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0009_notification_claimed_at'),
        ('notifications', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Notification'),
                migrations.DeleteModel(name='NotificationPreference'),
            ],
            database_operations=[],
        ),
    ]
