"""Work plans and their activities: drafts edited in place, approval, new versions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import StaleEditError, save_versioned

from ..models import (
    Activity,
    WorkingGroup,
    WorkPlan,
)


def _require_draft(plan: WorkPlan) -> None:
    if plan.status != WorkPlan.Status.DRAFT:
        raise ValidationError(
            _("An approved work plan is not edited in place: start a new version to change it.")
        )


def work_plan_create(
    *,
    group: WorkingGroup,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    by,
) -> WorkPlan:
    if WorkPlan.objects.filter(
        group=group, period_start=period_start, status=WorkPlan.Status.DRAFT
    ).exists():
        raise ValidationError(
            _("This group already has a draft plan for that period; edit that one.")
        )
    plan = WorkPlan(
        group=group, title=title, period_start=period_start, period_end=period_end, created_by=by
    )
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def work_plan_update(*, plan: WorkPlan, version: int, **fields) -> WorkPlan:
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    for name, value in fields.items():
        setattr(plan, name, value)
    save_versioned(plan, fields=list(fields), version=version)
    return plan


def _touch(plan: WorkPlan) -> None:
    """Any change to a plan's activities makes forms opened before it stale."""
    WorkPlan.objects.filter(pk=plan.pk).update(version=F("version") + 1)


@transaction.atomic
def activity_save(
    *,
    plan: WorkPlan,
    activity: Activity | None = None,
    responsible_countries=(),
    plan_version: int | None = None,
    **fields,
) -> Activity:
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    if plan_version is not None and plan_version != plan.version:
        raise StaleEditError()
    if activity is None:
        last = plan.activities.order_by("-position").values_list("position", flat=True).first()
        activity = Activity(plan=plan, position=(last or 0) + 1)
    elif activity.plan_id != plan.pk:
        raise ValidationError(_("This activity belongs to another plan."))
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.full_clean()
    if not (plan.period_start <= activity.due_on and activity.start_on <= plan.period_end):
        raise ValidationError({"due_on": _("The activity must fall within the plan's period.")})
    activity.save()
    activity.responsible_countries.set(responsible_countries)
    _touch(plan)
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity) -> None:
    plan = WorkPlan.objects.select_for_update().get(pk=activity.plan_id)
    _require_draft(plan)
    activity.delete()
    _touch(plan)


@transaction.atomic
def work_plan_approve(*, plan: WorkPlan, by) -> WorkPlan:
    """Approve a draft: it becomes the group's plan for its period and cannot be edited any more;
    the version it revises (if any) is superseded."""
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    _require_draft(plan)
    if not plan.activities.exists():
        raise ValidationError(_("A work plan needs at least one activity to be approved."))
    WorkPlan.objects.filter(
        group=plan.group_id, period_start=plan.period_start, status=WorkPlan.Status.APPROVED
    ).update(status=WorkPlan.Status.SUPERSEDED)
    if plan.previous_id:
        WorkPlan.objects.filter(pk=plan.previous_id, status=WorkPlan.Status.APPROVED).update(
            status=WorkPlan.Status.SUPERSEDED
        )
    plan.status = WorkPlan.Status.APPROVED
    plan.approved_at = timezone.now()
    plan.approved_by = by
    plan.version += 1
    plan.full_clean()
    plan.save(update_fields=["status", "approved_at", "approved_by", "version"])
    return plan


@transaction.atomic
def work_plan_revise(*, plan: WorkPlan, by) -> WorkPlan:
    """Start a new version of an approved plan: a draft copy with the same activities (and their
    lineage, so reports carry over). The approved plan stays in force until the copy is approved."""
    plan = WorkPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != WorkPlan.Status.APPROVED:
        raise ValidationError(_("Only the approved plan can be revised."))
    if hasattr(plan, "next_version"):
        raise ValidationError(_("A new version of this plan is already being prepared."))
    copy = WorkPlan(
        group_id=plan.group_id,
        title=plan.title,
        period_start=plan.period_start,
        period_end=plan.period_end,
        number=plan.number + 1,
        previous=plan,
        created_by=by,
    )
    copy.full_clean()
    copy.save()
    for activity in plan.activities.prefetch_related("responsible_countries"):
        countries = list(activity.responsible_countries.all())
        activity.pk = None
        activity.plan = copy
        activity.save()
        activity.responsible_countries.set(countries)
    return copy
