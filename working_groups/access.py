"""Who may see and do what in working groups and reporting. Each helper answers 404 outside the
person's scope, so nobody learns that a record they may not see exists."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from core.dates import alliance_today
from members.permissions import (
    acting_country_ids,
    country_ids_for,
    is_secretariat,
    may_lead_group,
)

from . import selectors
from .models import Activity, Evidence, ProgressReport, ReportingCycle, WorkingGroup, WorkPlan


def may_manage_members(user) -> bool:
    """The secretariat records a group's leads and the countries that step out of it."""
    return is_secretariat(user)


def may_manage_plan(user, group: WorkingGroup) -> bool:
    """The secretariat and the focal points of the group's lead countries edit its work plans."""
    return is_secretariat(user) or may_lead_group(user, group)


def may_review(user, report: ProgressReport) -> bool:
    """The secretariat and the leads of the report's group decide on it, but nobody decides on a
    report of a country they act for: a lead country's own report goes to the other lead, or to
    the secretariat."""
    if report.country_id in country_ids_for(user):
        return False
    return is_secretariat(user) or may_lead_group(user, report.group)


def is_own_country_report(user, report: ProgressReport) -> bool:
    """Whether the person would review the report but may not, because it is their country's."""
    return report.country_id in country_ids_for(user) and (
        is_secretariat(user) or may_lead_group(user, report.group)
    )


def may_edit_report(user, report: ProgressReport) -> bool:
    return report.country_id in acting_country_ids(user) and report.is_editable


def get_group_for_member(user, slug: str) -> WorkingGroup:
    """The group's workspace: secretariat, and focal points of its member countries today."""
    group = get_object_or_404(WorkingGroup, slug=slug)
    if is_secretariat(user):
        return group
    if not country_ids_for(user) & set(group.member_country_ids(alliance_today())):
        raise Http404
    return group


def get_group_for_manager(user, slug: str) -> WorkingGroup:
    group = get_object_or_404(WorkingGroup, slug=slug)
    if not may_manage_plan(user, group):
        raise Http404
    return group


def get_plan_for_member(user, pk: int) -> WorkPlan:
    plan = get_object_or_404(WorkPlan.objects.select_related("group"), pk=pk)
    get_group_for_member(user, plan.group.slug)
    return plan


def get_plan_for_manager(user, pk: int) -> WorkPlan:
    plan = get_object_or_404(WorkPlan.objects.select_related("group"), pk=pk)
    if not may_manage_plan(user, plan.group):
        raise Http404
    return plan


def get_activity_for_manager(user, pk: int) -> Activity:
    activity = get_object_or_404(Activity.objects.select_related("plan__group"), pk=pk)
    if not may_manage_plan(user, activity.plan.group):
        raise Http404
    return activity


def get_report_for_user(user, pk: int) -> ProgressReport:
    """A report, for its country's focal points, the leads of its group and the secretariat.

    A focal point sees only their own country's reports, and only for groups their country takes
    part in on the report's cycle (which is when the report was made)."""
    try:
        report = selectors.report_detail(pk=pk)
    except ProgressReport.DoesNotExist:
        raise Http404 from None
    if is_secretariat(user) or may_lead_group(user, report.group):
        return report
    if report.country_id not in country_ids_for(user):
        raise Http404
    if report.country_id not in report.group.member_country_ids(report.cycle.opens_on):
        raise Http404
    return report


def get_report_for_country(user, pk: int) -> ProgressReport:
    """A report of a country the person acts for (or acted for): the editing pages. Whether it
    can be changed now is ``may_edit_report``."""
    report = get_report_for_user(user, pk)
    if report.country_id not in country_ids_for(user):
        raise Http404
    return report


def get_report_for_editor(user, pk: int) -> ProgressReport:
    """A report the person may change now (a draft or returned report of their country, in an
    open cycle)."""
    report = get_report_for_user(user, pk)
    if not may_edit_report(user, report):
        raise Http404
    return report


def get_report_for_reviewer(user, pk: int) -> ProgressReport:
    """A report the person may accept or return (see ``may_review``)."""
    report = get_report_for_user(user, pk)
    if not may_review(user, report):
        raise Http404
    return report


def get_evidence_for_user(user, pk: int) -> Evidence:
    """A piece of evidence, for whoever may see its report; 404 for a link (nothing to
    download)."""
    evidence = get_object_or_404(Evidence.objects.select_related("update"), pk=pk)
    get_report_for_user(user, evidence.update.report_id)
    if not evidence.file:
        raise Http404
    return evidence


def get_published_cycle(pk: int) -> ReportingCycle:
    """A cycle's public summary is for anyone, once the secretariat has published it."""
    return get_object_or_404(selectors.published_cycles(), pk=pk)


def visible_cycles(user, *, led_groups):
    """The cycles on a person's reporting dashboard: every cycle for the secretariat, those of
    the groups they lead for a lead country's focal points, none for anyone else."""
    if is_secretariat(user):
        return selectors.cycle_list()
    if led_groups:
        return selectors.cycle_list(groups=led_groups)
    return ReportingCycle.objects.none()


def get_cycle_overview(user, pk: int) -> tuple[ReportingCycle, set[int] | None]:
    """The whole cycle (countries x groups, lateness flags) is for the secretariat, and, read
    only, for the steering committee's lead countries: focal points of a country leading one of
    the cycle's groups today. Returns the cycle and the ids of the groups the user leads (None
    for the secretariat, who may open every report)."""
    cycle = get_object_or_404(ReportingCycle.objects.prefetch_related("groups"), pk=pk)
    if is_secretariat(user):
        return cycle, None
    led = {group.pk for group in cycle.groups.all() if may_lead_group(user, group)}
    if not led:
        raise Http404
    return cycle, led


def get_cycle_for_viewer(user, pk: int, group_slug: str | None = None):
    """A cycle's overview is for the secretariat; a group's part of it also for its leads."""
    cycle = get_object_or_404(ReportingCycle, pk=pk)
    if group_slug is None:
        if not is_secretariat(user):
            raise Http404
        return cycle, None
    group = get_object_or_404(cycle.groups.all(), slug=group_slug)
    if not (is_secretariat(user) or may_lead_group(user, group)):
        raise Http404
    return cycle, group
