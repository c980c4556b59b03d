"""Progress reports: one report with its updates, evidence and trail; a country's reports."""

from django.db.models import Prefetch

from ..models import (
    ActivityUpdate,
    Evidence,
    ProgressReport,
    ReportEvent,
)


def _reports():
    return ProgressReport.objects.select_related("cycle", "group", "country")


def reports_for_countries(*, country_ids) -> list[ProgressReport]:
    """A focal point's reports: those still to do first (by due date), then the rest."""
    reports = list(
        _reports().filter(country_id__in=country_ids).order_by("-cycle__due_on", "group__number")
    )
    todo = [r for r in reports if r.state in ProgressReport.EDITABLE_STATES and r.cycle.is_open]
    todo.sort(key=lambda r: (r.cycle.due_on, r.group.number, r.country.name))
    done = [r for r in reports if r not in todo]
    return todo + done


def previous_report(*, report: ProgressReport) -> ProgressReport | None:
    """The country's latest earlier report on the same group."""
    return (
        ProgressReport.objects.filter(group_id=report.group_id, country_id=report.country_id)
        .exclude(pk=report.pk)
        .filter(cycle__period_end__lte=report.cycle.period_end)
        .filter(cycle__created_at__lt=report.cycle.created_at)
        .order_by("-cycle__period_end", "-cycle__created_at")
        .first()
    )


def report_detail(*, pk: int) -> ProgressReport:
    return (
        _reports()
        .select_related("last_saved_by", "work_plan")
        .prefetch_related(
            Prefetch(
                "updates",
                queryset=ActivityUpdate.objects.select_related("activity")
                .prefetch_related(
                    Prefetch("evidence", queryset=Evidence.objects.order_by("added_at", "pk"))
                )
                .order_by("activity__position", "activity__pk"),
            ),
            Prefetch("events", queryset=ReportEvent.objects.select_related("by").order_by("at")),
        )
        .get(pk=pk)
    )
