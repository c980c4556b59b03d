"""A group's lead countries and the member countries that step out of it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from members.models import Country

from ..models import (
    GroupLead,
    GroupOptOut,
    WorkingGroup,
)

MAX_LEADS = 2

# What other apps do when a group's leads change (governance keeps the steering committee's
# record in line). Apps register a callable from their AppConfig.ready(); the services that
# change leads run each after the commit. working_groups knows nothing of who listens.
LEAD_CHANGE_HOOKS: list = []


def register_lead_change_hook(hook) -> None:
    if hook not in LEAD_CHANGE_HOOKS:
        LEAD_CHANGE_HOOKS.append(hook)


def _leads_changed() -> None:
    for hook in LEAD_CHANGE_HOOKS:
        transaction.on_commit(hook)


# --- Leads and member countries -------------------------------------------------------------


@transaction.atomic
def group_lead_add(*, group: WorkingGroup, country: Country, start_on: datetime.date) -> GroupLead:
    """A country starts leading a group. A group has one or two leads at a time, never three."""
    WorkingGroup.objects.select_for_update().filter(pk=group.pk).get()
    if country.pk not in group.member_country_ids(start_on):
        raise ValidationError(
            {"country": _("Only a member country of the group can lead it on that date.")}
        )
    current = GroupLead.objects.open().filter(group=group)
    if current.filter(country=country).exists():
        raise ValidationError({"country": _("%(c)s already leads this group.") % {"c": country}})
    if current.count() >= MAX_LEADS:
        raise ValidationError(
            {"country": _("A group has at most two lead countries; end one lead first.")}
        )
    lead = GroupLead(group=group, country=country, start_on=start_on)
    lead.full_clean()
    lead.save()
    _leads_changed()
    return lead


@transaction.atomic
def group_lead_end(*, lead: GroupLead, end_on: datetime.date) -> None:
    lead = GroupLead.objects.select_for_update().get(pk=lead.pk)
    if lead.end_on is not None:
        raise ValidationError(_("This lead has already ended."))
    if end_on <= lead.start_on:
        raise ValidationError({"end_on": _("The lead must end after it started.")})
    lead.end_on = end_on
    lead.full_clean()
    lead.save(update_fields=["end_on"])
    _leads_changed()


@transaction.atomic
def group_opt_out_create(
    *, group: WorkingGroup, country: Country, start_on: datetime.date, note: str, by
) -> GroupOptOut:
    """A member country stops taking part in a group from ``start_on`` (its history is kept)."""
    WorkingGroup.objects.select_for_update().filter(pk=group.pk).get()
    if GroupOptOut.objects.open().filter(group=group, country=country).exists():
        raise ValidationError(
            {"country": _("%(c)s already does not take part in this group.") % {"c": country}}
        )
    if GroupLead.objects.on(start_on).filter(group=group, country=country).exists():
        raise ValidationError(
            {
                "country": _("%(c)s leads this group on that date; end its lead first.")
                % {"c": country}
            }
        )
    opt_out = GroupOptOut(
        group=group, country=country, start_on=start_on, note=note, recorded_by=by
    )
    opt_out.full_clean()
    opt_out.save()
    return opt_out


@transaction.atomic
def group_opt_out_end(*, opt_out: GroupOptOut, end_on: datetime.date) -> None:
    """The country takes part in the group again from ``end_on`` (the opt-out's first day after)."""
    opt_out = GroupOptOut.objects.select_for_update().get(pk=opt_out.pk)
    if opt_out.end_on is not None:
        raise ValidationError(_("This country already takes part in the group again."))
    if end_on <= opt_out.start_on:
        raise ValidationError(
            {"end_on": _("It must come after %(date)s.") % {"date": opt_out.start_on}}
        )
    opt_out.end_on = end_on
    opt_out.full_clean()
    opt_out.save(update_fields=["end_on"])
