"""Moving the audit log from members to core moves no data: its rows, the database's refusal to
change them and the permissions given on it are there after the migration, and back again."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("members", "0011_membership_period_start_on_end_on"), ("core", None)]
AFTER = [("members", "0012_move_audit_log_to_core"), ("core", "0001_audit_log")]


def _migrate(targets):
    """Migrate to ``targets``; the models as they are then."""
    executor = MigrationExecutor(connection)
    return executor.migrate(targets).apps


@pytest.fixture
def before_the_move(django_db_serialized_rollback, transactional_db):
    """The database as it was with the audit log in members; put back as it is after the test."""
    old = _migrate(BEFORE)
    yield old
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_audit_rows_their_protection_and_permissions_survive_the_move(before_the_move, alice):
    old = before_the_move
    OldAuditEntry = old.get_model("members", "AuditEntry")
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="members", model="auditentry")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_auditentry", defaults={"name": "Can view"}
    )
    group = Group.objects.create(name="Auditors")
    group.permissions.add(permission)
    entry = OldAuditEntry.objects.create(
        actor_id=alice.pk,
        action="appointment.ended",
        object_type="members.FocalPointAppointment",
        object_id="7",
        object_repr="Bob – Ministerio del Interior",
        changes={"end_on": [None, "2026-03-01"]},
    )

    new = _migrate(AFTER)

    AuditEntry = new.get_model("core", "AuditEntry")
    moved = AuditEntry.objects.get(pk=entry.pk)
    assert (moved.actor_id, moved.action, moved.object_repr, moved.changes) == (
        alice.pk,
        "appointment.ended",
        "Bob – Ministerio del Interior",
        {"end_on": [None, "2026-03-01"]},
    )
    # The database still refuses to rewrite history.
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    assert AuditEntry.objects.get(pk=entry.pk).action == "appointment.ended"
    # Permissions given on the model are still given: its content type moved with it.
    ContentType = new.get_model("contenttypes", "ContentType")
    Group = new.get_model("auth", "Group")
    assert ContentType.objects.get(pk=content_type.pk).app_label == "core"
    assert list(
        Group.objects.get(name="Auditors").permissions.values_list(
            "content_type__app_label", "codename"
        )
    ) == [("core", "view_auditentry")]

    # And back: the same row under members again.
    old = _migrate(BEFORE)
    assert old.get_model("members", "AuditEntry").objects.get(pk=entry.pk).action == (
        "appointment.ended"
    )
    assert ContentType.objects.get(pk=content_type.pk).app_label == "members"
