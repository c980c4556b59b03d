"""What governance has due for the notification sweep (registered in ``apps.py``; see
``notifications.registry``): meeting reminders and updates, minutes to upload, and presidency
handovers.

Every function here runs a fixed number of queries, whatever the number of due items."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import alliance_today
from members.models import Country, FocalPointAppointment, User
from notifications.models import Notification, NotificationKind
from notifications.registry import Candidate, Rendered, absolute_url
from working_groups.models import WorkingGroup

from .calendar import calendar_for
from .models import Meeting, MeetingDocument, MeetingResponse, PresidencyTerm
from .selectors import committee_country_ids

DAY = datetime.timedelta(days=1)


def current_stage(event_at, now, stages_in_days: list[int]) -> int | None:
    """The stage whose window holds ``now``: with stages 7 and 1, the 7-day stage runs from 7 days
    before the event until 1 day before, the 1-day stage from then until the event."""
    stages = sorted(set(stages_in_days), reverse=True)
    for index, stage in enumerate(stages):
        opens = event_at - stage * DAY
        closes = event_at - stages[index + 1] * DAY if index + 1 < len(stages) else event_at
        if opens <= now < closes:
            return stage
    return None


def invitees_by_meeting(meetings: list[Meeting]) -> dict[int, dict[int, User]]:
    """Each meeting's invitees, for many meetings at once in a fixed number of queries."""
    if not meetings:
        return {}
    today = alliance_today()
    members = set(Country.objects.members_on(today).values_list("pk", flat=True))
    committee = committee_country_ids(on=today)
    group_countries = {g.pk: set(g.member_country_ids(today)) for g in WorkingGroup.objects.all()}
    wanted = members | committee | set().union(*group_countries.values())
    by_country: dict[int, list[User]] = defaultdict(list)
    for appointment in (
        FocalPointAppointment.objects.on(today)
        .filter(ministry__country_id__in=wanted, user__is_active=True)
        .select_related("user", "ministry")
    ):
        by_country[appointment.ministry.country_id].append(appointment.user)
    extras: dict[int, list[User]] = defaultdict(list)
    for link in Meeting.extra_invitees.through.objects.filter(
        meeting_id__in=[m.pk for m in meetings]
    ).select_related("user"):
        extras[link.meeting_id].append(link.user)
    result = {}
    for meeting in meetings:
        if meeting.body == Meeting.Body.MINISTERS:
            countries = members
        elif meeting.body == Meeting.Body.STEERING_COMMITTEE:
            countries = committee
        else:
            countries = group_countries.get(meeting.group_id, set())
        invitees = {u.pk: u for c in countries for u in by_country.get(c, [])}
        invitees.update({u.pk: u for u in extras.get(meeting.pk, []) if u.is_active})
        result[meeting.pk] = invitees
    return result


def _meeting_topic(meeting: Meeting) -> str:
    return f"meeting:{meeting.pk}"


def _meeting_key(meeting: Meeting, suffix: str) -> str:
    return f"{_meeting_topic(meeting)}@{int(meeting.start_at.timestamp())}:{suffix}"


def _meeting_render(meeting: Meeting, template: str, subject):
    """``subject`` is a lazy translation: it is read in the recipient's language at render."""

    url = absolute_url(reverse("governance:meeting-detail", args=[meeting.pk]))
    ics = []  # the same for every invitee: built once, on the first render

    def render(user: User) -> Rendered:
        body = render_to_string(template, {"meeting": meeting, "user": user, "url": url})
        if not ics:
            ics.append(calendar_for([meeting], name=meeting.title).decode())
        return Rendered(
            subject=str(subject) % {"title": meeting.title}, body=body, url=url, ics=ics[0]
        )

    return render


def meeting_reminders(now: datetime.datetime) -> list[Candidate]:
    stages = settings.ALLIANCE_MEETING_REMINDER_DAYS
    horizon = now + max(stages) * DAY
    meetings = list(
        Meeting.objects.filter(
            status=Meeting.Status.PLANNED, start_at__gt=now, start_at__lte=horizon
        ).select_related("group")
    )
    _supersede_old_times(meetings)
    declined = set(
        MeetingResponse.objects.filter(
            meeting__in=meetings, answer=MeetingResponse.Answer.NOT_ATTENDING
        ).values_list("meeting_id", "user_id")
    )
    invitees = invitees_by_meeting(meetings)
    # A stage already sent for an earlier time of the meeting is not sent again: the update
    # about the new time (see meeting_updates) tells those people.
    stages_sent = {
        (topic, recipient_id, key.rsplit(":", 1)[1])
        for topic, recipient_id, key in Notification.objects.filter(
            kind=NotificationKind.MEETING_REMINDER,
            topic__in=[_meeting_topic(m) for m in meetings],
            status=Notification.Status.SENT,
        ).values_list("topic", "recipient_id", "key")
    }
    candidates = []
    for meeting in meetings:
        stage = current_stage(meeting.start_at, now, stages)
        if stage is None:
            continue
        render = _meeting_render(
            meeting, "emails/meeting_reminder.txt", gettext_lazy("Reminder: %(title)s")
        )
        for user in invitees[meeting.pk].values():
            if (meeting.pk, user.pk) in declined:
                continue
            if (_meeting_topic(meeting), user.pk, f"{stage}d") in stages_sent:
                continue
            candidates.append(
                Candidate(
                    recipient=user,
                    kind=NotificationKind.MEETING_REMINDER,
                    topic=_meeting_topic(meeting),
                    key=_meeting_key(meeting, f"{stage}d"),
                    render=render,
                )
            )
    return candidates


def _supersede_old_times(meetings: list[Meeting]) -> None:
    """Unsent reminders made for an earlier time of a rescheduled meeting never fire."""
    current = {_meeting_topic(m): _meeting_key(m, "") for m in meetings}
    stale = [
        pk
        for pk, topic, key in Notification.objects.filter(
            kind=NotificationKind.MEETING_REMINDER,
            topic__in=list(current),
            status__in=[Notification.Status.PENDING, Notification.Status.IN_DIGEST],
        ).values_list("pk", "topic", "key")
        if not key.startswith(current[topic])
    ]
    if stale:
        Notification.objects.filter(pk__in=stale).update(status=Notification.Status.SUPERSEDED)


def meeting_updates(now: datetime.datetime) -> list[Candidate]:
    """Those already reminded hear of a new time or a cancellation."""
    sent = list(
        Notification.objects.filter(
            kind=NotificationKind.MEETING_REMINDER, status=Notification.Status.SENT
        )
        .filter(created_at__gte=now - 60 * DAY)
        .order_by("sent_at")  # the latest reminder each person had wins below
        .values_list("topic", "key", "recipient_id")
    )
    if not sent:
        return []
    ids = {int(topic.split(":")[1]) for topic, _key, _r in sent}
    meetings = {
        m.pk: m
        for m in Meeting.objects.filter(pk__in=ids, end_at__gte=now - DAY).select_related("group")
    }
    users = User.objects.in_bulk({r for _t, _k, r in sent})
    reminded: dict[int, dict[int, str]] = defaultdict(dict)
    for topic, key, recipient_id in sent:
        reminded[int(topic.split(":")[1])][recipient_id] = key
    candidates = []
    for meeting_id, by_user in reminded.items():
        meeting = meetings.get(meeting_id)
        if meeting is None:
            continue
        prefix = _meeting_key(meeting, "")
        cancelled = meeting.status == Meeting.Status.CANCELLED
        if cancelled:
            render = _meeting_render(
                meeting, "emails/meeting_update.txt", gettext_lazy("Cancelled: %(title)s")
            )
        else:
            render = _meeting_render(
                meeting, "emails/meeting_update.txt", gettext_lazy("New time: %(title)s")
            )
        for recipient_id, key in by_user.items():
            if not cancelled and key.startswith(prefix):
                continue  # reminded for the current time: nothing has changed for them
            candidates.append(
                Candidate(
                    recipient=users[recipient_id],
                    kind=NotificationKind.MEETING_UPDATE,
                    topic=_meeting_topic(meeting),
                    key=_meeting_key(meeting, "cancelled" if cancelled else "moved"),
                    render=render,
                )
            )
    return candidates


def minutes_reminders(now: datetime.datetime) -> list[Candidate]:
    stages = settings.ALLIANCE_MINUTES_REMINDER_DAYS
    meetings = list(
        Meeting.objects.filter(
            status=Meeting.Status.HELD,
            organiser__isnull=False,
            end_at__lte=now - min(stages) * DAY,
            end_at__gte=now - (max(stages) + 14) * DAY,
        )
        .exclude(documents__kind=MeetingDocument.Kind.MINUTES)
        .select_related("organiser", "group")
    )
    candidates = []
    for meeting in meetings:
        after = [s for s in sorted(stages) if meeting.end_at + s * DAY <= now]
        if not after:
            continue
        stage = after[-1]
        candidates.append(
            Candidate(
                recipient=meeting.organiser,
                kind=NotificationKind.MINUTES_REMINDER,
                topic=_meeting_topic(meeting),
                key=f"{_meeting_topic(meeting)}:minutes:{stage}d",
                render=_meeting_render(
                    meeting,
                    "emails/minutes_reminder.txt",
                    gettext_lazy("Minutes to upload: %(title)s"),
                ),
            )
        )
    return candidates


def handover_reminders(now: datetime.datetime) -> list[Candidate]:
    stages = settings.ALLIANCE_HANDOVER_REMINDER_DAYS
    today = alliance_today()
    terms = list(
        PresidencyTerm.objects.filter(
            start_on__gt=today, start_on__lte=today + max(stages) * DAY
        ).select_related("country")
    )
    if not terms:
        return []
    all_terms = list(PresidencyTerm.objects.select_related("country"))
    staff = list(User.objects.filter(is_secretariat=True, is_active=True))
    country_ids = {t.country_id for t in all_terms}
    by_country: dict[int, list[User]] = defaultdict(list)
    for appointment in (
        FocalPointAppointment.objects.on(today)
        .filter(ministry__country_id__in=country_ids, user__is_active=True)
        .select_related("user", "ministry")
    ):
        by_country[appointment.ministry.country_id].append(appointment.user)
    candidates = []
    for term in terms:
        stage = current_stage(term.start_on, today, stages)
        if stage is None:
            continue
        outgoing = next((t for t in all_terms if t.is_on(term.start_on - DAY)), None)

        def render(user, term=term, outgoing=outgoing):
            url = absolute_url(reverse("governance:governance"))
            body = render_to_string(
                "emails/handover_reminder.txt",
                {"term": term, "outgoing": outgoing, "user": user, "url": url},
            )
            return Rendered(
                subject=_("Presidency handover to %(country)s on %(date)s")
                % {"country": term.country.name, "date": term.start_on},
                body=body,
                url=url,
            )

        recipients = {u.pk: u for u in staff}
        for country_id in {term.country_id, outgoing.country_id if outgoing else None}:
            recipients.update({u.pk: u for u in by_country.get(country_id, [])})
        for user in recipients.values():
            candidates.append(
                Candidate(
                    recipient=user,
                    kind=NotificationKind.PRESIDENCY_HANDOVER,
                    topic=f"presidency:{term.pk}",
                    key=f"presidency:{term.pk}@{term.start_on}:{stage}d",
                    render=render,
                )
            )
    return candidates


def due(now: datetime.datetime) -> list[Candidate]:
    return (
        meeting_reminders(now)
        + meeting_updates(now)
        + minutes_reminders(now)
        + handover_reminders(now)
    )
