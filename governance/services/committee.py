"""The steering committee's dated record: derived from the presidency terms and the group leads.

The services that change either call ``committee_sync`` (the presidency services here; the group
lead services of ``working_groups`` through the hook ``governance.apps`` registers), and beat runs
it daily as a safety net. No signal: a bulk update of leads is followed by a sync by whoever
makes it."""

import datetime

from django.db import transaction

from working_groups.models import GroupLead

from ..models import PresidencyTerm, SteeringCommitteeChange, SteeringCommitteeSeat

Seat = tuple[int, str, int | None]  # country id, role, group id


def _composition(on: datetime.date, terms, leads) -> frozenset[Seat]:
    seats: set[Seat] = set()
    for term in terms:
        if term.is_on(on):
            seats.add((term.country_id, SteeringCommitteeSeat.Role.PRESIDENCY, None))
    for lead in leads:
        if lead.start_on <= on and (lead.end_on is None or on < lead.end_on):
            seats.add((lead.country_id, SteeringCommitteeSeat.Role.GROUP_LEAD, lead.group_id))
    return frozenset(seats)


@transaction.atomic
def committee_sync() -> int:
    """Bring the dated record of the committee's composition in line with the presidency terms
    and group leads. Idempotent; returns how many records were written or removed."""
    terms = list(PresidencyTerm.objects.all())
    leads = list(GroupLead.objects.all())
    points = {t.start_on for t in terms} | {t.end_on for t in terms}
    points |= {lead.start_on for lead in leads} | {lead.end_on for lead in leads if lead.end_on}
    desired: dict[datetime.date, frozenset[Seat]] = {}
    previous: frozenset[Seat] = frozenset()
    for day in sorted(points):
        composition = _composition(day, terms, leads)
        if composition != previous:
            desired[day] = composition
            previous = composition
    existing = {
        change.effective_on: (
            change,
            frozenset((s.country_id, s.role, s.group_id) for s in change.seats.all()),
        )
        for change in SteeringCommitteeChange.objects.prefetch_related("seats")
    }
    touched = 0
    for day, (change, seats) in existing.items():
        if desired.get(day) != seats:
            change.delete()
            touched += 1
    for day, seats in desired.items():
        if day in existing and existing[day][1] == seats:
            continue
        change = SteeringCommitteeChange.objects.create(effective_on=day)
        SteeringCommitteeSeat.objects.bulk_create(
            SteeringCommitteeSeat(change=change, country_id=c, role=r, group_id=g)
            for c, r, g in seats
        )
        touched += 1
    return touched
