"""The demo data: approved plans, one closed cycle with reports in every state, one open cycle;
loading it twice adds nothing."""

from django.core.management import call_command
from django.urls import reverse

from tests.conftest import add_totp, client_for
from working_groups.models import (
    ActivityUpdate,
    ProgressReport,
    ReportEvent,
    ReportingCycle,
    WorkPlan,
)


def _counts():
    return [
        m.objects.count()
        for m in (WorkPlan, ReportingCycle, ProgressReport, ActivityUpdate, ReportEvent)
    ]


def test_demo_has_a_closed_cycle_in_every_state_and_an_open_one_and_is_idempotent(db, client):
    call_command("load_demo", "--quiet-logins")
    before = _counts()
    call_command("load_demo", "--quiet-logins")
    assert _counts() == before
    assert WorkPlan.objects.filter(status="approved").count() == 3
    closed = ReportingCycle.objects.get(status="closed")
    opened = ReportingCycle.objects.get(status="open")
    states = set(closed.reports.values_list("state", flat=True))
    assert states == {"draft", "submitted", "returned", "accepted"}
    assert closed.reports.filter(days_late__gt=0).exists()
    assert opened.reports.filter(state="draft").exists()
    # The demo logins see it.
    from members.models import User

    secretariat = User.objects.get(email="secretariat@alliance.test")
    add_totp(secretariat)
    client_for(client, secretariat)
    for cycle in (closed, opened):
        response = client.get(reverse("working_groups:cycle-detail", args=[cycle.pk]))
        assert response.status_code == 200
    lead = User.objects.get(email="lead.costarica@alliance.test")
    client_for(client, lead)
    body = client.get(reverse("working_groups:report-dashboard")).content.decode()
    assert "Informes del grupo que usted lidera" in body  # in the lead's own language
    lead.preferred_language = "en"
    lead.save(update_fields=["preferred_language"])
    body = client.get(reverse("working_groups:report-dashboard")).content.decode()
    assert "Reports of the group you lead" in body
    client_for(client, User.objects.get(email="focal.ecuador@alliance.test"))
    report = opened.reports.get(country__iso_code="EC", group__number=1)
    response = client.post(
        reverse("working_groups:report-carry-forward", args=[report.pk]),
        {"version": report.version},
    )
    assert response.status_code == 302
    assert report.events.filter(action="carried_forward").exists()
