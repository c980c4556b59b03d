import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from members.models import Country

from .models import GroupLead, WorkingGroup

MAX_LEADS = 2


@transaction.atomic
def group_lead_add(*, group: WorkingGroup, country: Country, start_on: datetime.date) -> GroupLead:
    """A country starts leading a group. A group has one or two leads at a time, never three."""
    WorkingGroup.objects.select_for_update().filter(pk=group.pk).get()
    if not Country.objects.members_on(start_on).filter(pk=country.pk).exists():
        raise ValidationError({"country": _("Only a member country can lead a group.")})
    current = GroupLead.objects.filter(group=group).filter(end_on__isnull=True)
    if current.filter(country=country).exists():
        raise ValidationError({"country": _("%(c)s already leads this group.") % {"c": country}})
    if current.count() >= MAX_LEADS:
        raise ValidationError(
            {"country": _("A group has at most two lead countries; end one lead first.")}
        )
    lead = GroupLead(group=group, country=country, start_on=start_on)
    lead.full_clean()
    lead.save()
    return lead


def group_lead_end(*, lead: GroupLead, end_on: datetime.date) -> None:
    if end_on <= lead.start_on:
        raise ValidationError({"end_on": _("The lead must end after it started.")})
    lead.end_on = end_on
    lead.save(update_fields=["end_on"])
