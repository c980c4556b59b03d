"""Reads for governance pages, each with a fixed number of queries."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from core.dates import alliance_time_zone, alliance_today
from members.models import Country, FocalPointAppointment

from . import access
from .models import (
    Meeting,
    MeetingResponse,
    PresidencyTerm,
    SteeringCommitteeChange,
    SteeringCommitteeSeat,
)

# --- Presidency -----------------------------------------------------------------------------


@dataclass
class PresidencyOverview:
    today: datetime.date
    current: PresidencyTerm | None
    next: PresidencyTerm | None
    history: list[PresidencyTerm]

    @property
    def days_left(self) -> int | None:
        return self.current.days_left(self.today) if self.current else None


def presidency_overview(*, on: datetime.date | None = None) -> PresidencyOverview:
    """Who holds the presidency on a date, derived from the terms' dates (no stored flag)."""
    on = on or alliance_today()
    terms = list(
        PresidencyTerm.objects.select_related("country")
        .prefetch_related("changes")
        .order_by("start_on")
    )
    current = next((t for t in terms if t.is_on(on)), None)
    upcoming = [t for t in terms if t.start_on > on]
    return PresidencyOverview(
        today=on, current=current, next=upcoming[0] if upcoming else None, history=terms
    )


def presidency_holder(*, on: datetime.date):
    term = PresidencyTerm.objects.on(on).select_related("country").first()
    return term.country if term else None


# --- Steering committee ---------------------------------------------------------------------

_SEATS = Prefetch(
    "seats",
    queryset=SteeringCommitteeSeat.objects.select_related("country", "group").order_by(
        "-role",
        "group__number",
        "country__name_en",  # the presidency first, then the leads
    ),
)


def committee_on(*, on: datetime.date | None = None) -> SteeringCommitteeChange | None:
    """The committee's composition on a date: the latest recorded change on or before it."""
    on = on or alliance_today()
    return (
        SteeringCommitteeChange.objects.filter(effective_on__lte=on)
        .prefetch_related(_SEATS)
        .order_by("-effective_on")
        .first()
    )


def committee_country_ids(*, on: datetime.date) -> set[int]:
    return SteeringCommitteeChange.objects.country_ids_on(on)


def committee_history() -> list[dict]:
    """Every recorded composition, newest first, with who joined and who left at that date."""
    changes = SteeringCommitteeChange.objects.prefetch_related(_SEATS).order_by("effective_on")
    rows = []
    previous: dict = {}
    for change in changes:
        seats = {(s.country_id, s.role, s.group_id): s for s in change.seats.all()}
        rows.append(
            {
                "change": change,
                "seats": list(seats.values()),
                "joined": [seat for key, seat in seats.items() if key not in previous],
                "left": [seat for key, seat in previous.items() if key not in seats],
            }
        )
        previous = seats
    return list(reversed(rows))


# --- Meetings -------------------------------------------------------------------------------


def meeting_list(*, user):
    """The meetings ``user`` may see (``access.visible_meetings``), with their attendance."""
    return access.visible_meetings(user).annotate(
        attending=Count("responses", filter=Q(responses__answer="attending"))
    )


def meeting_day(meeting: Meeting) -> datetime.date:
    return timezone.localtime(meeting.start_at, alliance_time_zone()).date()


def invited_country_ids(meeting: Meeting) -> set[int]:
    on = meeting_day(meeting)
    if meeting.body == Meeting.Body.WORKING_GROUP:
        return set(meeting.group.member_country_ids(on))
    if meeting.body == Meeting.Body.STEERING_COMMITTEE:
        return committee_country_ids(on=on)
    return set(Country.objects.members_on(on).values_list("pk", flat=True))


def invited_appointments(meeting: Meeting):
    """Focal points invited because of the body: those of the invited countries, active on the
    meeting's day."""
    return (
        FocalPointAppointment.objects.on(meeting_day(meeting))
        .filter(ministry__country_id__in=invited_country_ids(meeting))
        .select_related("user", "ministry__country")
        .order_by("ministry__country__name_en", "user__full_name")
    )


def invitee_user_ids(meeting: Meeting) -> set[int]:
    ids = set(invited_appointments(meeting).values_list("user_id", flat=True))
    ids |= set(meeting.extra_invitees.values_list("pk", flat=True))
    return ids


def meeting_invitees(meeting: Meeting) -> list[dict]:
    """Each invitee once, with their country (if any) and answer, for the organiser's view."""
    answers = {r.user_id: r for r in MeetingResponse.objects.filter(meeting=meeting)}
    rows: dict[int, dict] = {}
    for appointment in invited_appointments(meeting):
        rows.setdefault(
            appointment.user_id,
            {
                "user": appointment.user,
                "country": appointment.ministry.country,
                "response": answers.get(appointment.user_id),
            },
        )
    for user in meeting.extra_invitees.all():
        rows.setdefault(user.pk, {"user": user, "country": None, "response": answers.get(user.pk)})
    return list(rows.values())


def meeting_tally(invitees: list[dict]) -> dict[str, int]:
    tally = dict.fromkeys(MeetingResponse.Answer.values, 0)
    tally["no_answer"] = 0
    for row in invitees:
        tally[row["response"].answer if row["response"] else "no_answer"] += 1
    return tally
