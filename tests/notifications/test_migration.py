"""Moving the models from members to notifications moves no data: the rows, the one-per-stage
rule and the permissions given on them are there after the migration, and back again."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.migrating import migrate, migrated_back_to

BEFORE = [("members", "0009_notification_claimed_at"), ("notifications", None)]
AFTER = [("members", "0010_move_notifications_out"), ("notifications", "0001_initial")]


@pytest.fixture
def before_the_move(django_db_serialized_rollback, transactional_db):
    """The database as it was with the models in members; put back as it is after the test."""
    with migrated_back_to(BEFORE) as old:
        yield old


def test_notification_rows_and_preferences_survive_the_move(before_the_move, bob):
    old = before_the_move
    OldNotification = old.get_model("members", "Notification")
    OldPreference = old.get_model("members", "NotificationPreference")
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="members", model="notification")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_notification", defaults={"name": "Can view"}
    )
    group = Group.objects.create(name="Notification readers")
    group.permissions.add(permission)
    stage = {"recipient_id": bob.pk, "kind": "meeting_reminder", "key": "meeting:7@2026-12-01:7d"}
    sent = OldNotification.objects.create(
        **stage,
        topic="meeting:7",
        subject="Reminder: summit",
        body="The summit is coming.",
        status="sent",
        sent_at=timezone.now(),
        claimed_at=timezone.now(),
    )
    OldPreference.objects.create(user_id=bob.pk, kind="report_reminder", delivery="weekly")

    new = migrate(AFTER)

    Notification = new.get_model("notifications", "Notification")
    Preference = new.get_model("notifications", "NotificationPreference")
    moved = Notification.objects.get(pk=sent.pk)
    assert (moved.recipient_id, moved.subject, moved.status, moved.key) == (
        bob.pk,
        "Reminder: summit",
        "sent",
        "meeting:7@2026-12-01:7d",
    )
    assert moved.claimed_at is not None
    assert Preference.objects.get(user_id=bob.pk, kind="report_reminder").delivery == "weekly"
    # The database still refuses a second message for the same person and stage.
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(**stage, topic="meeting:7", subject="Again", body="Again.")
    # Permissions given on the model are still given: its content type moved with it.
    ContentType = new.get_model("contenttypes", "ContentType")
    Group = new.get_model("auth", "Group")
    assert ContentType.objects.get(pk=content_type.pk).app_label == "notifications"
    assert list(
        Group.objects.get(name="Notification readers").permissions.values_list(
            "content_type__app_label", "codename"
        )
    ) == [("notifications", "view_notification")]

    # And back: the same rows under members again.
    old = migrate(BEFORE)
    assert old.get_model("members", "Notification").objects.get(pk=sent.pk).status == "sent"
    assert ContentType.objects.get(pk=content_type.pk).app_label == "members"
