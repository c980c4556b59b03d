"""A country's progress report: saving the draft and submitting it."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit
from core.concurrency import StaleEditError
from core.dates import alliance_today
from core.uploads import EVIDENCE, check_upload

from ..models import (
    ActivityUpdate,
    Evidence,
    ProgressReport,
    ReportEvent,
)


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


@dataclass(frozen=True)
class SaveOutcome:
    """What became of a save: the report as saved, whether it was submitted, and (for a
    submission refused) what is still missing, by form field name."""

    report: ProgressReport
    submitted: bool = False
    missing: dict[str, list[str]] = field(default_factory=dict)


@transaction.atomic
def report_save_and_submit(
    *, report: ProgressReport, version: int, by, submit: bool, **draft
) -> SaveOutcome:
    """Save the draft (``draft`` as for :func:`report_save`) and, when ``submit``, submit it in
    the same transaction. A submission that lacks required fields still keeps the draft, and
    says what is missing, field by field; a stale ``version`` or a bad value writes nothing."""
    saved = report_save(report=report, version=version, by=by, **draft)
    if not submit:
        return SaveOutcome(saved)
    missing = report_missing_fields(saved)
    if missing:
        return SaveOutcome(saved, missing=missing)
    return SaveOutcome(report_submit(report=saved, version=saved.version, by=by), submitted=True)
