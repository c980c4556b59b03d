"""The audit log: who changed what, when, from what to what; browsable, never editable."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from core.models import AuditEntry
from governance import services as governance_services
from members.models import Country
from tests.conftest import client_for
from tests.factories import UserFactory
from tests.knowledge.factories import KnowledgeProductFactory


def test_ending_an_appointment_is_audited(alice_client, alice, bob):
    appointment = bob.appointments.get()
    alice_client.post(
        reverse("members:appointment-end", args=[appointment.pk]),
        {"end_on": "2025-09-30", "reason": "Moved to another post"},
    )
    entry = AuditEntry.objects.get(action="appointment.ended")
    assert entry.actor == alice
    assert entry.object_id == str(appointment.pk)
    assert entry.changes == {
        "end_on": [None, "2025-09-30"],
        "end_reason": [None, "Moved to another post"],
    }


def test_presidency_changes_are_audited(alice):
    ecuador = Country.objects.get(iso_code="EC")
    term = governance_services.presidency_term_add(
        country=ecuador, start_on=datetime.date(2024, 12, 12), by=alice
    )
    governance_services.presidency_term_change_end(
        term=term, end_on=datetime.date(2025, 9, 9), reason="Summit", by=alice
    )
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["presidency.scheduled", "presidency.shortened"]
    shortened = AuditEntry.objects.get(action="presidency.shortened")
    # Recorded as people read it: the last day (end_on is the first day after).
    assert shortened.changes["last_day"] == ["2025-12-11", "2025-09-08"]
    assert shortened.changes["reason"] == [None, "Summit"]


def test_publication_state_changes_are_audited(alice):
    from knowledge import services as knowledge_services

    product = KnowledgeProductFactory(status="in_review", published_at=None)
    knowledge_services.product_publish(product=product, by=alice)
    entry = AuditEntry.objects.get(action="product.published")
    assert entry.changes == {"status": ["in_review", "published"]}
    assert entry.actor == alice


def test_the_database_refuses_to_edit_the_audit_log(alice):
    entry = AuditEntry.objects.create(
        actor=alice, action="x", object_type="members.Country", object_id="1", object_repr="X"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="forged")
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError), transaction.atomic():
            AuditEntry.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert entry.action == "x"


def test_secretariat_browses_and_filters_the_log(alice_client, alice):
    AuditEntry.objects.create(
        actor=alice,
        action="appointment.ended",
        object_type="members.FocalPointAppointment",
        object_id="1",
        object_repr="Bob – Ministerio",
        changes={"end_on": [None, "2025-09-30"]},
    )
    AuditEntry.objects.create(
        actor=alice,
        action="presidency.scheduled",
        object_type="governance.PresidencyTerm",
        object_id="2",
        object_repr="Panama (2026)",
    )
    body = alice_client.get(
        reverse("members:audit-log"), {"object_type": "members.FocalPointAppointment"}
    ).content.decode()
    assert "Bob – Ministerio" in body and "Panama (2026)" not in body
    assert "2025-09-30" in body


def test_audit_log_is_for_the_secretariat_only(bob_client, client, db):
    assert bob_client.get(reverse("members:audit-log")).status_code == 403
    client.logout()
    assert client.get(reverse("members:audit-log")).status_code == 302


def test_bad_filter_gets_a_message(alice_client):
    response = alice_client.get(reverse("members:audit-log"), {"since": "yesterday-ish"})
    assert response.status_code == 400


def test_admin_cannot_change_audit_entries(client, alice):
    admin = UserFactory(
        email="root@iadb.test", is_staff=True, is_superuser=True, is_secretariat=True
    )
    from tests.conftest import add_totp

    add_totp(admin)
    entry = AuditEntry.objects.create(
        actor=alice, action="x", object_type="members.Country", object_id="1", object_repr="X"
    )
    client_for(client, admin)
    url = reverse("admin:core_auditentry_change", args=[entry.pk])
    response = client.post(url, {"action": "forged"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.action == "x"


@pytest.mark.parametrize("rows", [5, 200])
def test_audit_log_query_count_is_fixed(alice_client, alice, django_assert_max_num_queries, rows):
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=alice,
            action="x",
            object_type="members.Country",
            object_id=str(i),
            object_repr=f"C{i}",
        )
        for i in range(rows)
    )
    with django_assert_max_num_queries(10):
        assert alice_client.get(reverse("members:audit-log")).status_code == 200


def test_the_audit_logs_old_admin_address_redirects_permanently(client, db):
    response = client.get("/admin/members/auditentry/5/change/?_changelist_filters=x")
    assert response.status_code == 301
    assert response.url == "/admin/core/auditentry/5/change/?_changelist_filters=x"
    assert client.get("/admin/members/auditentry/").url == "/admin/core/auditentry/"
