"""Writes for the presidency rotation, the steering committee record and meetings."""

import datetime
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit, snapshot
from core.concurrency import save_versioned
from core.dates import alliance_today
from core.tasks import enqueue
from core.uploads import MEETING_DOCUMENT, check_upload
from members.models import Country
from members.permissions import is_secretariat, may_lead_group
from notifications.tasks import sweep_notifications
from working_groups.models import GroupLead

from .dates import default_term_end
from .models import (
    CalendarToken,
    Meeting,
    MeetingDocument,
    MeetingResponse,
    PresidencyTerm,
    PresidencyTermChange,
    SteeringCommitteeChange,
    SteeringCommitteeSeat,
)
from .selectors import invitee_user_ids

ONE_DAY = datetime.timedelta(days=1)
TERM_FIELDS = ["country", "start_on", "end_on"]

# --- Presidency -----------------------------------------------------------------------------


def _clash_error(clash: PresidencyTerm) -> ValidationError:
    return ValidationError(
        _("These dates overlap the term of %(country)s (%(start)s – %(end)s).")
        % {"country": clash.country, "start": clash.start_on, "end": clash.end_on},
        code="overlap",
    )


def _check_term(*, country: Country, start_on, end_on, exclude_pks=()) -> None:
    if end_on < start_on:
        raise ValidationError(_("A term cannot end before it starts."), code="dates")
    if end_on >= datetime.date.max:
        # The next term would start after the calendar's last day.
        raise ValidationError(
            _("A term must end before %(date)s.") % {"date": datetime.date.max}, code="dates"
        )
    if not Country.objects.members_on(start_on).filter(pk=country.pk).exists():
        raise ValidationError(
            _(
                "%(country)s is not a member of the Alliance on %(date)s; only member countries "
                "hold the presidency."
            )
            % {"country": country, "date": start_on},
            code="not_member",
        )
    clash = (
        PresidencyTerm.objects.filter(start_on__lte=end_on, end_on__gte=start_on)
        .exclude(pk__in=exclude_pks)
        .select_related("country")
        .order_by("start_on")
        .first()
    )
    if clash is not None:
        raise _clash_error(clash)


def _save_term(term: PresidencyTerm, **kwargs) -> None:
    """Save, turning the database's own refusal (a concurrent overlapping write) into a message."""
    try:
        with transaction.atomic():
            term.save(**kwargs)
    except IntegrityError as error:
        raise ValidationError(
            _("These dates overlap another term (it was saved a moment ago). Reload the page."),
            code="overlap",
        ) from error


def _default_term_end(start_on: datetime.date) -> datetime.date:
    """The last day of a 12-month term; refused when it would fall after the year 9999."""
    try:
        return default_term_end(start_on)
    except ValueError:
        raise ValidationError(
            _("A 12-month term from %(date)s would end after the year 9999; give its last day.")
            % {"date": start_on},
            code="dates",
        ) from None


def next_term_start() -> datetime.date:
    last = PresidencyTerm.objects.order_by("-end_on").first()
    return last.end_on + ONE_DAY if last else alliance_today()


@transaction.atomic
def presidency_term_add(
    *,
    country: Country,
    start_on: datetime.date | None = None,
    end_on: datetime.date | None = None,
    notes: str = "",
    by=None,
) -> PresidencyTerm:
    """Schedule a term. By default it starts the day after the last term ends and lasts 12
    months."""
    start_on = start_on or next_term_start()
    end_on = end_on or _default_term_end(start_on)
    _check_term(country=country, start_on=start_on, end_on=end_on)
    term = PresidencyTerm(country=country, start_on=start_on, end_on=end_on, notes=notes)
    term.full_clean()
    _save_term(term)
    audit(actor=by, action="presidency.scheduled", instance=term, after=snapshot(term, TERM_FIELDS))
    committee_sync()
    return term


@transaction.atomic
def presidency_schedule(*, countries: list[Country], by=None) -> list[PresidencyTerm]:
    """Schedule consecutive 12-month terms for the countries, in order, after the last term."""
    if len({c.pk for c in countries}) != len(countries):
        raise ValidationError(_("Each country may appear only once in one schedule."))
    return [presidency_term_add(country=country, by=by) for country in countries]


@transaction.atomic
def presidency_term_change_end(
    *, term: PresidencyTerm, end_on: datetime.date, reason: str, by
) -> PresidencyTerm:
    """Shorten or extend a term; the reason is recorded."""
    term = PresidencyTerm.objects.select_for_update().select_related("country").get(pk=term.pk)
    if end_on == term.end_on:
        raise ValidationError({"end_on": _("That is already the term's last day.")})
    _check_term(country=term.country, start_on=term.start_on, end_on=end_on, exclude_pks=[term.pk])
    kind = (
        PresidencyTermChange.Kind.EXTENDED
        if end_on > term.end_on
        else PresidencyTermChange.Kind.SHORTENED
    )
    PresidencyTermChange.objects.create(
        term=term,
        kind=kind,
        old_start_on=term.start_on,
        old_end_on=term.end_on,
        new_start_on=term.start_on,
        new_end_on=end_on,
        reason=reason,
        changed_by=by,
    )
    before = snapshot(term, TERM_FIELDS)
    term.end_on = end_on
    _save_term(term, update_fields=["end_on"])
    audit(
        actor=by,
        action=f"presidency.{kind}",
        instance=term,
        before=before,
        after={**snapshot(term, TERM_FIELDS), "reason": reason},
    )
    committee_sync()
    return term


@transaction.atomic
def presidency_handover(
    *,
    term: PresidencyTerm,
    on: datetime.date,
    reason: str,
    by,
    successor: Country | None = None,
) -> PresidencyTerm:
    """The holder steps down early: its term ends the day before ``on`` and the next term starts
    on ``on``. Scheduled terms after it move earlier by the same number of days, keeping their
    length. Without a scheduled next term, ``successor`` starts a 12-month term. Returns the term
    that starts on ``on``."""
    term = PresidencyTerm.objects.select_for_update().select_related("country").get(pk=term.pk)
    if not term.start_on < on <= term.end_on:
        raise ValidationError(
            {
                "on": _(
                    "The handover must fall after the term's first day and no later than its "
                    "last day (%(start)s – %(end)s)."
                )
                % {"start": term.start_on, "end": term.end_on}
            }
        )
    later = list(
        PresidencyTerm.objects.select_for_update()
        .filter(start_on__gt=term.end_on)
        .order_by("start_on")
    )
    if not later and successor is None:
        raise ValidationError(
            {
                "successor": _(
                    "No term is scheduled after this one: choose the country that takes over."
                )
            }
        )
    PresidencyTermChange.objects.create(
        term=term,
        kind=PresidencyTermChange.Kind.HANDOVER,
        old_start_on=term.start_on,
        old_end_on=term.end_on,
        new_start_on=term.start_on,
        new_end_on=on - ONE_DAY,
        reason=reason,
        changed_by=by,
    )
    term.end_on = on - ONE_DAY
    _save_term(term, update_fields=["end_on"])
    if not later:
        successor_term = PresidencyTerm(
            country=successor, start_on=on, end_on=_default_term_end(on), notes=reason
        )
        _check_term(country=successor, start_on=on, end_on=successor_term.end_on)
        _save_term(successor_term)
        audit(
            actor=by,
            action="presidency.scheduled",
            instance=successor_term,
            after=snapshot(successor_term, TERM_FIELDS),
        )
    else:
        shift = later[0].start_on - on
        for moved in later:  # earliest first, so no two terms ever overlap on the way
            PresidencyTermChange.objects.create(
                term=moved,
                kind=PresidencyTermChange.Kind.MOVED,
                old_start_on=moved.start_on,
                old_end_on=moved.end_on,
                new_start_on=moved.start_on - shift,
                new_end_on=moved.end_on - shift,
                reason=reason,
                changed_by=by,
            )
            before = snapshot(moved, TERM_FIELDS)
            moved.start_on -= shift
            moved.end_on -= shift
            _save_term(moved, update_fields=["start_on", "end_on"])
            audit(
                actor=by,
                action="presidency.moved",
                instance=moved,
                before=before,
                after={**snapshot(moved, TERM_FIELDS), "reason": reason},
            )
        successor_term = later[0]
    committee_sync()
    return successor_term


# --- Steering committee ---------------------------------------------------------------------

Seat = tuple[int, str, int | None]  # country id, role, group id


def _composition(on: datetime.date, terms, leads) -> frozenset[Seat]:
    seats: set[Seat] = set()
    for term in terms:
        if term.start_on <= on <= term.end_on:
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
    points = {t.start_on for t in terms} | {t.end_on + ONE_DAY for t in terms}
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


# --- Meetings -------------------------------------------------------------------------------

MEETING_FIELDS = [
    "body",
    "group",
    "title",
    "start_at",
    "end_at",
    "time_zone",
    "place",
    "online_url",
    "agenda",
    "status",
    "visibility",
]


def _check_meeting(meeting: Meeting) -> None:
    if meeting.body == Meeting.Body.WORKING_GROUP and meeting.group_id is None:
        raise ValidationError({"group": _("Choose the working group that meets.")})
    if meeting.body != Meeting.Body.WORKING_GROUP and meeting.group_id is not None:
        raise ValidationError({"group": _("Only a working group's meeting names a group.")})
    if meeting.start_at and meeting.end_at and meeting.end_at <= meeting.start_at:
        raise ValidationError({"end_at": _("The meeting must end after it starts.")})
    if not meeting.place and not meeting.online_url:
        raise ValidationError(_("Give a place, an online link, or both."))


def _check_organiser(user, meeting: Meeting) -> None:
    """The secretariat organises meetings of every body; a group lead only its own group's."""
    if user is None or is_secretariat(user):
        return
    if meeting.body != Meeting.Body.WORKING_GROUP:
        raise ValidationError(
            {"body": _("A group lead organises meetings of their own group only.")}
        )
    if meeting.group_id is None or not may_lead_group(user, meeting.group):
        raise PermissionDenied


@transaction.atomic
def meeting_create(*, organiser, extra_invitees=(), **fields) -> Meeting:
    meeting = Meeting(organiser=organiser, **fields)
    _check_organiser(organiser, meeting)
    _check_meeting(meeting)
    meeting.full_clean()
    meeting.save()
    meeting.extra_invitees.set(extra_invitees)
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, version: int, extra_invitees=None, by=None, **fields
) -> Meeting:
    for name, value in fields.items():
        setattr(meeting, name, value)
    _check_organiser(by, meeting)
    _check_meeting(meeting)
    save_versioned(meeting, fields=list(fields), version=version)
    if extra_invitees is not None:
        meeting.extra_invitees.set(extra_invitees)
    # Those already reminded hear of a new time or a cancellation at the next sweep; ask for
    # one now. If the broker is down the save still succeeds and the periodic sweep catches up.
    transaction.on_commit(lambda: enqueue(sweep_notifications))
    return meeting


def meeting_respond(*, meeting: Meeting, user, answer: str) -> MeetingResponse:
    """An invitee answers attending, not attending or maybe (and may change their answer)."""
    if user.pk not in invitee_user_ids(meeting):
        raise ValidationError(
            _("Only invitees answer the invitation to this meeting."), code="not_invited"
        )
    if meeting.status != Meeting.Status.PLANNED:
        raise ValidationError(_("This meeting is no longer planned; answers are closed."))
    if answer not in MeetingResponse.Answer.values:
        raise ValidationError(_("Choose attending, not attending or maybe."))
    response, _created = MeetingResponse.objects.update_or_create(
        meeting=meeting, user=user, defaults={"answer": answer, "answered_at": timezone.now()}
    )
    return response


def meeting_document_add(*, meeting: Meeting, kind: str, title: str, file, by) -> MeetingDocument:
    if kind == MeetingDocument.Kind.MINUTES and meeting.status != Meeting.Status.HELD:
        raise ValidationError({"kind": _("Minutes are added once the meeting has been held.")})
    try:
        checked = check_upload(file, policy=MEETING_DOCUMENT)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    file.name = checked.name
    document = MeetingDocument(
        meeting=meeting,
        kind=kind,
        title=title,
        file=file,
        size=checked.size,
        content_type=checked.content_type,
        uploaded_by=by,
    )
    document.full_clean()
    document.save()
    return document


# --- Calendar feeds -------------------------------------------------------------------------


def calendar_token_for(user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token


def calendar_token_revoke(*, user) -> CalendarToken:
    """The old feed URL stops working at once; a new one replaces it."""
    token = calendar_token_for(user)
    token.token = secrets.token_urlsafe(32)
    token.created_at = timezone.now()
    token.save(update_fields=["token", "created_at"])
    return token
