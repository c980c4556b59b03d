"""The steering committee: derived from the presidency and the group leads, with a dated record."""

import datetime

import pytest
from django.urls import reverse

from governance import selectors, services
from governance.models import SteeringCommitteeChange
from members.models import Country
from working_groups.models import GroupLead, WorkingGroup
from working_groups.services import group_lead_add, group_lead_end

D = datetime.date


def _seats(on):
    change = selectors.committee_on(on=on)
    if change is None:
        return set()
    return {
        (s.country.iso_code, s.role, s.group.number if s.group else None)
        for s in change.seats.all()
    }


@pytest.fixture
def setup(db, django_capture_on_commit_callbacks):
    c = {x.iso_code: x for x in Country.objects.filter(iso_code__in=["EC", "AR", "CR", "JM"])}
    g = {x.number: x for x in WorkingGroup.objects.all()}
    with django_capture_on_commit_callbacks(execute=True):
        ecuador = services.presidency_term_add(country=c["EC"], start_on=D(2024, 12, 12))
        services.presidency_handover(
            term=ecuador, on=D(2025, 9, 9), successor=c["AR"], reason="Summit", by=None
        )
        group_lead_add(group=g[2], country=c["CR"], start_on=D(2025, 2, 1))
        lead = group_lead_add(group=g[1], country=c["JM"], start_on=D(2025, 2, 1))
        group_lead_end(lead=lead, end_on=D(2025, 11, 1))
    return c, g


def test_composition_on_past_dates(setup):
    assert _seats(D(2024, 12, 11)) == set()
    assert _seats(D(2024, 12, 12)) == {("EC", "presidency", None)}
    assert _seats(D(2025, 3, 1)) == {
        ("EC", "presidency", None),
        ("CR", "group_lead", 2),
        ("JM", "group_lead", 1),
    }
    assert _seats(D(2025, 9, 9)) == {
        ("AR", "presidency", None),
        ("CR", "group_lead", 2),
        ("JM", "group_lead", 1),
    }
    assert _seats(D(2025, 11, 1)) == {("AR", "presidency", None), ("CR", "group_lead", 2)}


def test_a_change_of_leads_writes_a_dated_record(setup, django_capture_on_commit_callbacks):
    c, g = setup
    before = SteeringCommitteeChange.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        group_lead_add(group=g[3], country=c["EC"], start_on=D(2026, 1, 15))
    assert SteeringCommitteeChange.objects.count() == before + 1
    assert ("EC", "group_lead", 3) in _seats(D(2026, 1, 15))
    assert ("EC", "group_lead", 3) not in _seats(D(2026, 1, 14))


def _record():
    """Every row of the committee's record: each change (id, date, when recorded) and its seats."""
    changes = SteeringCommitteeChange.objects.order_by("effective_on").prefetch_related(
        "seats__country", "seats__group"
    )
    return [
        (
            change.pk,
            change.effective_on,
            change.recorded_at,
            sorted(
                (seat.country.iso_code, seat.role, seat.group.number if seat.group else 0, seat.pk)
                for seat in change.seats.all()
            ),
        )
        for change in changes
    ]


# The setup's history: Ecuador presides from 2024-12-12 and hands over to Argentina on
# 2025-09-09, whose year ends on 2026-09-09; Costa Rica (group 2) and Jamaica (group 1) lead from
# 2025-02-01, Jamaica until 2025-11-01.
HISTORY = {
    D(2024, 12, 12): [("EC", "presidency", 0)],
    D(2025, 2, 1): [("CR", "group_lead", 2), ("EC", "presidency", 0), ("JM", "group_lead", 1)],
    D(2025, 9, 9): [("AR", "presidency", 0), ("CR", "group_lead", 2), ("JM", "group_lead", 1)],
    D(2025, 11, 1): [("AR", "presidency", 0), ("CR", "group_lead", 2)],
    D(2026, 9, 9): [("CR", "group_lead", 2)],
}


def _history(record):
    return {on: [seat[:3] for seat in seats] for _pk, on, _at, seats in record}


def test_sync_is_idempotent(setup):
    """From nothing, the first sync writes the whole record; a second run writes nothing and
    leaves the very same rows (not deleted and written again)."""
    SteeringCommitteeChange.objects.all().delete()
    assert _record() == []
    assert services.committee_sync() == len(HISTORY)
    first = _record()
    assert _history(first) == HISTORY
    assert services.committee_sync() == 0
    assert _record() == first


def test_only_the_lead_services_move_the_committee_not_a_signal(setup):
    """A lead row written around the services (a bulk load, a repair) does not change the
    committee by itself; the daily sync (or the next lead service) brings it in line."""
    c, g = setup
    GroupLead.objects.create(group=g[3], country=c["EC"], start_on=D(2026, 1, 15))
    assert ("EC", "group_lead", 3) not in _seats(D(2026, 1, 15))
    services.committee_sync()
    assert ("EC", "group_lead", 3) in _seats(D(2026, 1, 15))


def test_record_follows_a_corrected_history(setup):
    """Correcting a lead's dates afterwards corrects the record, past dates included."""
    c, _ = setup
    GroupLead.objects.filter(country=c["CR"]).update(start_on=D(2025, 4, 1))
    services.committee_sync()
    assert ("CR", "group_lead", 2) not in _seats(D(2025, 3, 1))
    assert ("CR", "group_lead", 2) in _seats(D(2025, 4, 1))


def test_public_page_shows_composition_and_history(client, setup):
    body = client.get(reverse("governance:governance")).content.decode()
    assert "Steering committee" in body
    assert "Changes in the committee" in body
    assert "Jamaica" in body and "Costa Rica" in body
