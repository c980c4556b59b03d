"""Deciding on a submitted report, and carrying a previous report's progress forward."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import access, selectors
from ..models import (
    ActivityUpdate,
    ProgressReport,
    ReportEvent,
)
from .reports import _bump, _check_version, _event, _lock_report, _require_editable


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
