"""Writes to working groups, work plans, cycles and reports: one business action per function,
keyword-only, atomic, and ``full_clean()`` before saving."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit
from core.concurrency import StaleEditError, save_versioned
from core.dates import alliance_today
from core.uploads import EVIDENCE, check_upload
from members.models import Country

from . import access, selectors
from .models import (
    Activity,
    ActivityUpdate,
    Evidence,
    GroupLead,
    GroupOptOut,
    ProgressReport,
    ReportEvent,
    ReportingCycle,
    WorkingGroup,
    WorkPlan,
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
def group_member_remove(
    *, group: WorkingGroup, country: Country, start_on: datetime.date, note: str, by
) -> GroupOptOut:
    """A member country stops taking part in a group from ``start_on`` (its history is kept)."""
    WorkingGroup.objects.select_for_update().filter(pk=group.pk).get()
    if GroupOptOut.objects.filter(group=group, country=country, end_on__isnull=True).exists():
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
def group_member_restore(*, opt_out: GroupOptOut, on: datetime.date) -> None:
    """A country takes part in the group again from ``on``."""
    opt_out = GroupOptOut.objects.select_for_update().get(pk=opt_out.pk)
    if opt_out.end_on is not None:
        raise ValidationError(_("This country already takes part in the group again."))
    if on <= opt_out.start_on:
        raise ValidationError(
            {"on": _("It must come after %(date)s.") % {"date": opt_out.start_on}}
        )
    opt_out.end_on = on
    opt_out.full_clean()
    opt_out.save(update_fields=["end_on"])


# --- Work plans -----------------------------------------------------------------------------


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


# --- Reporting cycles -----------------------------------------------------------------------


def approved_plan_for(*, group: WorkingGroup, period_start, period_end) -> WorkPlan | None:
    """The approved plan of ``group`` that overlaps the period (the latest, if several)."""
    return (
        WorkPlan.objects.filter(
            group=group,
            status=WorkPlan.Status.APPROVED,
            period_start__lte=period_end,
            period_end__gte=period_start,
        )
        .order_by("-period_start")
        .first()
    )


def _activity_concerns(activity: Activity, country_id: int, responsible: dict) -> bool:
    ids = responsible.get(activity.pk)
    return not ids or country_id in ids


@transaction.atomic
def cycle_open(
    *,
    name: str,
    period_start: datetime.date,
    period_end: datetime.date,
    opens_on: datetime.date,
    due_on: datetime.date,
    groups,
    late_flag_days: int = 30,
    by,
) -> ReportingCycle:
    """Open a cycle: one report per (member country of the group on ``opens_on``, group), each
    with an update per activity of the group's approved plan that concerns the country."""
    groups = list(groups)
    if not groups:
        raise ValidationError({"groups": _("Choose at least one working group.")})
    cycle = ReportingCycle(
        name=name,
        period_start=period_start,
        period_end=period_end,
        opens_on=opens_on,
        due_on=due_on,
        late_flag_days=late_flag_days,
        created_by=by,
    )
    cycle.full_clean()
    cycle.save()
    cycle.groups.set(groups)
    for group in groups:
        plan = approved_plan_for(group=group, period_start=period_start, period_end=period_end)
        activities = list(plan.activities.all()) if plan else []
        responsible: dict[int, set[int]] = {}
        for activity_id, country_id in Activity.responsible_countries.through.objects.filter(
            activity__in=activities
        ).values_list("activity_id", "country_id"):
            responsible.setdefault(activity_id, set()).add(country_id)
        country_ids = group.member_country_ids(opens_on)
        reports = ProgressReport.objects.bulk_create(
            [
                ProgressReport(cycle=cycle, group=group, country_id=cid, work_plan=plan)
                for cid in country_ids
            ]
        )
        if not reports[:1] or reports[0].pk is None:
            reports = list(ProgressReport.objects.filter(cycle=cycle, group=group))
        ActivityUpdate.objects.bulk_create(
            [
                ActivityUpdate(report=report, activity=activity)
                for report in reports
                for activity in activities
                if _activity_concerns(activity, report.country_id, responsible)
            ]
        )
    return cycle


@transaction.atomic
def cycle_close(*, cycle: ReportingCycle) -> None:
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    if cycle.status == ReportingCycle.Status.CLOSED:
        raise ValidationError(_("This cycle is already closed."))
    cycle.status = ReportingCycle.Status.CLOSED
    cycle.closed_at = timezone.now()
    cycle.save(update_fields=["status", "closed_at"])


@transaction.atomic
def cycle_summary_publish(*, cycle: ReportingCycle, publish: bool, by) -> ReportingCycle:
    """Publish (or withdraw) the public summary of a cycle's accepted reports. Opt-in: nothing
    of a cycle is public until the secretariat does this."""
    cycle = ReportingCycle.objects.select_for_update().get(pk=cycle.pk)
    if publish and cycle.summary_published_at is not None:
        raise ValidationError(_("The summary of this cycle is already public."))
    if not publish and cycle.summary_published_at is None:
        raise ValidationError(_("The summary of this cycle is not public."))
    if publish and not cycle.reports.filter(state=ProgressReport.State.ACCEPTED).exists():
        raise ValidationError(_("There is no accepted report to publish yet."))
    cycle.summary_published_at = timezone.now() if publish else None
    cycle.summary_published_by = by if publish else None
    cycle.save(update_fields=["summary_published_at", "summary_published_by"])
    return cycle


# --- Progress reports -----------------------------------------------------------------------


def _lock_report(report: ProgressReport) -> ProgressReport:
    return ProgressReport.objects.select_for_update().select_related("cycle").get(pk=report.pk)


def _require_editable(report: ProgressReport) -> None:
    if not report.cycle.is_open:
        raise ValidationError(_("This cycle is closed; its reports can no longer change."))
    if report.state not in ProgressReport.EDITABLE_STATES:
        raise ValidationError(
            _("This report has been submitted; it can change only if it is returned.")
        )


def _check_version(report: ProgressReport, version: int) -> None:
    if report.version != version:
        raise StaleEditError()


def _bump(report: ProgressReport, by, **fields) -> None:
    report.version += 1
    report.last_saved_at = timezone.now()
    report.last_saved_by = by
    for name, value in fields.items():
        setattr(report, name, value)
    report.full_clean()
    report.save(update_fields=["version", "last_saved_at", "last_saved_by", *fields])


def _check_evidence_files(evidence: dict[int, dict], rows: dict[int, ActivityUpdate]) -> None:
    """Every new evidence file passes the upload check (errors on each update's file field);
    its name is cleaned."""
    errors = {}
    for pk, item in evidence.items():
        if upload := item.get("file"):
            try:
                upload.name = check_upload(upload, policy=EVIDENCE).name
            except ValidationError as error:
                errors[rows[pk].field_name("file")] = error.messages
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_save(
    *,
    report: ProgressReport,
    version: int,
    by,
    achievements: str,
    challenges: str,
    support_needed: str,
    updates: dict[int, dict],
    evidence: dict[int, dict] | None = None,
    remove_evidence: list[int] = (),
) -> ProgressReport:
    """Save a draft (any number of times; nothing is required yet). ``updates`` maps an
    ActivityUpdate id to its ``status``, ``percent`` and ``narrative``; ``evidence`` maps it to a
    new ``file`` and/or ``link``; ``remove_evidence`` lists Evidence ids to delete. A stale
    ``version`` is refused and nothing is written."""
    report = _lock_report(report)
    _check_version(report, version)
    _require_editable(report)
    rows = {u.pk: u for u in report.updates.all()}
    unknown = (set(updates) | set(evidence or {})) - set(rows)
    if unknown:
        raise ValidationError(_("The form does not match this report; open it again."))
    _check_evidence_files(evidence or {}, rows)
    changed = []
    for pk, values in updates.items():
        row = rows[pk]
        row.status = values.get("status") or ""
        row.percent = values.get("percent")
        row.narrative = values.get("narrative") or ""
        row.full_clean(exclude=["report", "activity"])
        changed.append(row)
    ActivityUpdate.objects.bulk_update(changed, ["status", "percent", "narrative"])
    for pk, item in (evidence or {}).items():
        for kind in ("file", "link"):
            if item.get(kind):
                piece = Evidence(update=rows[pk], added_by=by, **{kind: item[kind]})
                piece.full_clean()
                piece.save()
    if remove_evidence:
        doomed = list(Evidence.objects.filter(pk__in=remove_evidence, update__report=report))
        files = [piece.file.name for piece in doomed if piece.file]
        Evidence.objects.filter(pk__in=[piece.pk for piece in doomed]).delete()
        transaction.on_commit(lambda: [default_storage.delete(name) for name in files])
    _bump(
        report,
        by,
        achievements=achievements,
        challenges=challenges,
        support_needed=support_needed,
    )
    return report


def report_missing_fields(report: ProgressReport) -> dict[str, list[str]]:
    """What must be filled in before the report can be submitted, by form field name."""
    errors: dict[str, list[str]] = {}
    if not report.achievements.strip():
        errors["achievements"] = [_("Describe the overall achievements before submitting.")]
    if not report.challenges.strip():
        errors["challenges"] = [_("Describe the challenges before submitting.")]
    for update in report.updates.all():
        if not update.status:
            errors[update.field_name("status")] = [_("Choose a status for this activity.")]
            continue
        if update.status == ActivityUpdate.Status.NOT_APPLICABLE:
            continue
        if update.percent is None:
            errors[update.field_name("percent")] = [_("Give the progress as a percentage.")]
        elif update.status == ActivityUpdate.Status.COMPLETED and update.percent != 100:
            errors[update.field_name("percent")] = [_("A completed activity is at 100%.")]
        if not update.narrative.strip():
            errors[update.field_name("narrative")] = [_("Describe the progress on this activity.")]
    return errors


def _event(report, *, action, from_state, by, comment="") -> None:
    """The report's own trail, and the portal-wide audit log when the state changes."""
    ReportEvent.objects.create(
        report=report,
        action=action,
        from_state=from_state,
        to_state=report.state,
        by=by,
        comment=comment,
    )
    if from_state != report.state:
        audit(
            actor=by,
            action=f"report.{action}",
            instance=report,
            before={"state": from_state},
            after={"state": report.state, "comment": comment},
        )


@transaction.atomic
def report_submit(*, report: ProgressReport, version: int, by) -> ProgressReport:
    """Submit a draft or returned report. Everything required is checked now, field by field.
    After the due date it can still be submitted, and is marked late (the first submission
    counts: a report returned and resubmitted keeps its first date)."""
    report = _lock_report(report)
    _check_version(report, version)
    _require_editable(report)
    missing = report_missing_fields(report)
    if missing:
        raise ValidationError(missing)
    today = alliance_today()
    from_state = report.state
    fields = {"state": ProgressReport.State.SUBMITTED, "submitted_at": timezone.now()}
    if report.first_submitted_on is None:
        fields["first_submitted_on"] = today
        fields["days_late"] = max((today - report.cycle.due_on).days, 0)
    _bump(report, by, **fields)
    late = report.days_late and from_state == ProgressReport.State.DRAFT
    action = ReportEvent.Action.SUBMITTED_LATE if late else ReportEvent.Action.SUBMITTED
    _event(report, action=action, from_state=from_state, by=by)
    return report


@transaction.atomic
def report_review(*, report: ProgressReport, accept: bool, comment: str, by) -> ProgressReport:
    """A group lead or the secretariat accepts a submitted report, or returns it to the country
    with comments (required)."""
    report = _lock_report(report)
    if by is not None and not access.may_review(by, report):
        raise PermissionDenied
    if report.state != ProgressReport.State.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be accepted or returned."))
    comment = comment.strip()
    if not accept and not comment:
        raise ValidationError(
            {"comment": _("Say what the country should change when you return a report.")}
        )
    from_state = report.state
    if accept:
        report.state = ProgressReport.State.ACCEPTED
        action = ReportEvent.Action.ACCEPTED
    else:
        report.state = ProgressReport.State.RETURNED
        action = ReportEvent.Action.RETURNED
    report.version += 1
    report.save(update_fields=["state", "version"])
    _event(report, action=action, from_state=from_state, by=by, comment=comment)
    return report


@transaction.atomic
def report_carry_forward(*, report: ProgressReport, version: int, by) -> int:
    """Copy statuses, percentages and narratives from the previous report for the activities
    still open (not completed, not "not applicable"). Returns how many activities were filled."""
    report = _lock_report(report)
    _check_version(report, version)
    _require_editable(report)
    source = selectors.previous_report(report=report)
    if source is None:
        raise ValidationError(_("There is no earlier report of this country on this group."))
    earlier = {
        u.activity.lineage: u
        for u in source.updates.select_related("activity")
        if u.status and u.status not in ActivityUpdate.CLOSED_STATUSES
    }
    changed = []
    for update in report.updates.select_related("activity"):
        prior = earlier.get(update.activity.lineage)
        if prior is None:
            continue
        update.status, update.percent, update.narrative = (
            prior.status,
            prior.percent,
            prior.narrative,
        )
        changed.append(update)
    ActivityUpdate.objects.bulk_update(changed, ["status", "percent", "narrative"])
    _bump(report, by)
    ReportEvent.objects.create(
        report=report,
        action=ReportEvent.Action.CARRIED_FORWARD,
        from_state=report.state,
        to_state=report.state,
        by=by,
        comment=str(source.cycle),
    )
    return len(changed)
