"""Groups with their leads and member countries on a date."""

import datetime
from collections import defaultdict

from django.db.models import Prefetch

from core.dates import alliance_today
from members.models import Country

from ..models import (
    GroupLead,
    GroupOptOut,
    WorkingGroup,
)
from .plans import current_plan, plan_progress


def group_members(*, groups, on: datetime.date) -> dict[int, list[Country]]:
    """Member countries of each group on a date, in two queries for any number of groups."""
    countries = list(Country.objects.members_on(on).ordered_by_name())
    out: dict[int, set[int]] = defaultdict(set)
    for group_id, country_id in GroupOptOut.objects.on(on).values_list("group_id", "country_id"):
        out[group_id].add(country_id)
    return {g.pk: [c for c in countries if c.pk not in out[g.pk]] for g in groups}


def _current_leads(on):
    return Prefetch(
        "leads",
        queryset=GroupLead.objects.on(on).select_related("country").order_by("start_on"),
        to_attr="current_leads",
    )


def group_list(*, on: datetime.date | None = None) -> list[WorkingGroup]:
    on = on or alliance_today()
    groups = list(WorkingGroup.objects.prefetch_related(_current_leads(on)))
    members = group_members(groups=groups, on=on)
    for group in groups:
        group.member_countries = members[group.pk]
    return groups


def group_composition(*, group: WorkingGroup, on: datetime.date | None = None) -> WorkingGroup:
    """The group with its current leads and its member countries on ``on``."""
    on = on or alliance_today()
    group = WorkingGroup.objects.prefetch_related(_current_leads(on)).get(pk=group.pk)
    group.member_countries = group_members(groups=[group], on=on)[group.pk]
    return group


def group_detail(*, group: WorkingGroup, on: datetime.date | None = None) -> WorkingGroup:
    """The public page: composition, the plan in force and its progress."""
    on = on or alliance_today()
    group = group_composition(group=group, on=on)
    group.plan = current_plan(group=group, on=on)
    group.activities = plan_progress(plan=group.plan) if group.plan else []
    return group


def groups_led(*, country_ids, on: datetime.date) -> list[WorkingGroup]:
    """The groups that any of these countries leads on ``on``."""
    leads = GroupLead.objects.on(on).filter(country_id__in=country_ids)
    return list(WorkingGroup.objects.filter(pk__in=leads.values("group_id")))


def lead_history(*, group: WorkingGroup):
    return GroupLead.objects.filter(group=group).select_related("country").order_by("-start_on")


def opt_out_history(*, group: WorkingGroup):
    return (
        GroupOptOut.objects.filter(group=group)
        .select_related("country", "recorded_by")
        .order_by("-start_on")
    )


def alliance_members(*, on: datetime.date):
    """The countries that may be recorded as stepping out of a group: the Alliance's members."""
    return Country.objects.members_on(on).ordered_by_name()


def countries_taking_part(*, group: WorkingGroup, on: datetime.date):
    """The group's member countries on ``on``, by name (those an activity can concern)."""
    return Country.objects.filter(pk__in=group.member_country_ids(on)).ordered_by_name()
