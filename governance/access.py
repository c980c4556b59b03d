"""Who may see and who may change governance's meetings and their documents: the one place that
answers it, for the views (404 when not), the services (refused when not) and the feeds.

- See a meeting: public ones, anyone; members-only ones, the focal points of the countries in the
  meeting's body today (every member country for ministers' meetings, the committee's countries,
  a group's member countries) and the people invited by name; every meeting, the secretariat.
- Change a meeting (edit it, attach documents, see the invitees' answers): the secretariat, every
  meeting; a group lead, their own group's meetings.
- Organise a meeting (create one, or move one to another body or group): the same rule, read on
  the meeting as it will be.
- A meeting's documents: whoever may see the meeting reads them; whoever may change it adds them.

Presidency terms are the secretariat's alone (``members.permissions.is_secretariat``)."""

from django.db.models import Exists, OuterRef, Q

from core.dates import alliance_today
from members.models import Country
from members.permissions import country_ids_for, is_secretariat, may_lead_group
from working_groups.models import WorkingGroup

from .models import Meeting, MeetingDocument, SteeringCommitteeChange


def _member_group_ids(country_ids, on) -> list[int]:
    return [g.pk for g in WorkingGroup.objects.all() if set(g.member_country_ids(on)) & country_ids]


def visible_meetings(user):
    """The meetings ``user`` may see (see the module's docstring), as a queryset."""
    meetings = Meeting.objects.select_related("group", "organiser")
    if is_secretariat(user):
        return meetings
    visible = Q(visibility=Meeting.Visibility.PUBLIC)
    if user is not None and user.is_authenticated:
        invited = Meeting.extra_invitees.through.objects.filter(
            meeting_id=OuterRef("pk"), user_id=user.pk
        )
        visible |= Q(Exists(invited))
        countries = country_ids_for(user)
        if countries:
            today = alliance_today()
            if countries & set(Country.objects.members_on(today).values_list("pk", flat=True)):
                visible |= Q(body=Meeting.Body.MINISTERS)
            if SteeringCommitteeChange.objects.country_ids_on(today) & countries:
                visible |= Q(body=Meeting.Body.STEERING_COMMITTEE)
            visible |= Q(
                body=Meeting.Body.WORKING_GROUP, group_id__in=_member_group_ids(countries, today)
            )
    return meetings.filter(visible)


def may_see_meeting(user, meeting: Meeting) -> bool:
    return visible_meetings(user).filter(pk=meeting.pk).exists()


def may_change_meeting(user, meeting: Meeting) -> bool:
    """Edit it, attach its documents, see who answered what."""
    if is_secretariat(user):
        return True
    return (
        meeting.body == Meeting.Body.WORKING_GROUP
        and meeting.group is not None
        and may_lead_group(user, meeting.group)
    )


def organisable_groups(user):
    """The working groups whose meetings ``user`` may organise."""
    if is_secretariat(user):
        return WorkingGroup.objects.all()
    today = alliance_today()
    return WorkingGroup.objects.filter(
        pk__in=[g.pk for g in WorkingGroup.objects.all() if may_lead_group(user, g, today)]
    )


def may_organise_meetings(user) -> bool:
    """Whether ``user`` may open the page for a new meeting at all."""
    return is_secretariat(user) or organisable_groups(user).exists()


def may_see_document(user, document: MeetingDocument) -> bool:
    return visible_meetings(user).filter(pk=document.meeting_id).exists()


def may_add_document(user, meeting: Meeting) -> bool:
    return may_change_meeting(user, meeting)
