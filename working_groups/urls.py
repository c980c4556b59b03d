"""Every URL of working groups and reporting is named ``<model>-<action>``. Paths that moved
answer 301 to where they live now (the "Moved" section at the end)."""

from django.urls import path
from django.views.generic import RedirectView

from .views import cycles, groups, plans, reports

app_name = "working_groups"


def moved(to: str):
    """The old path of ``to``: a permanent redirect, with the same arguments and query."""
    return RedirectView.as_view(
        pattern_name=f"working_groups:{to}", permanent=True, query_string=True
    )


urlpatterns = [
    # Public
    path("working-groups/", groups.group_list, name="group-list"),
    path("working-groups/<slug:slug>/", groups.group_detail, name="group-detail"),
    # Members and leads (secretariat)
    path("working-groups/<slug:slug>/manage/", groups.group_manage, name="group-manage"),
    path("working-groups/<slug:slug>/leads/add/", groups.lead_add, name="lead-add"),
    path("working-groups/leads/<int:pk>/end/", groups.lead_end, name="lead-end"),
    path("working-groups/<slug:slug>/opt-outs/new/", groups.opt_out_create, name="opt-out-create"),
    path("working-groups/opt-outs/<int:pk>/end/", groups.opt_out_end, name="opt-out-end"),
    # Work plans
    path("working-groups/<slug:slug>/plans/", plans.plan_list, name="plan-list"),
    path("working-groups/<slug:slug>/plans/new/", plans.plan_create, name="plan-create"),
    path("work-plans/<int:pk>/", plans.plan_detail, name="plan-detail"),
    path("work-plans/<int:pk>/edit/", plans.plan_edit, name="plan-edit"),
    path("work-plans/<int:pk>/approve/", plans.plan_approve, name="plan-approve"),
    path("work-plans/<int:pk>/revise/", plans.plan_revise, name="plan-revise"),
    path("work-plans/<int:pk>/activities/new/", plans.activity_create, name="activity-create"),
    path("activities/<int:pk>/edit/", plans.activity_edit, name="activity-edit"),
    path("activities/<int:pk>/delete/", plans.activity_delete, name="activity-delete"),
    # Reporting
    path("reporting/", cycles.dashboard, name="report-dashboard"),
    path("reporting/cycles/", cycles.cycle_list, name="cycle-list"),
    path("reporting/cycles/new/", cycles.cycle_open, name="cycle-open"),
    path("reporting/cycles/<int:pk>/", cycles.cycle_detail, name="cycle-detail"),
    path("reporting/cycles/<int:pk>/close/", cycles.cycle_close, name="cycle-close"),
    path("reporting/cycles/<int:pk>/publish/", cycles.cycle_publish, name="cycle-publish"),
    # Public once published; before the group's pages below ("summary" is no group's slug).
    path("reporting/cycles/<int:pk>/summary/", cycles.cycle_summary, name="cycle-summary"),
    path("reporting/cycles/<int:pk>/<slug:slug>/", cycles.cycle_progress, name="cycle-progress"),
    path(
        "reporting/cycles/<int:pk>/<slug:slug>/progress.csv",
        cycles.cycle_progress_csv,
        name="cycle-progress-csv",
    ),
    path(
        "reporting/cycles/<int:pk>/<slug:slug>/progress.xlsx",
        cycles.cycle_progress_xlsx,
        name="cycle-progress-xlsx",
    ),
    path("reporting/reports/<int:pk>/", reports.report_detail, name="report-detail"),
    path("reporting/reports/<int:pk>/edit/", reports.report_edit, name="report-edit"),
    path(
        "reporting/reports/<int:pk>/carry-forward/",
        reports.report_carry_forward,
        name="report-carry-forward",
    ),
    path("reporting/reports/<int:pk>/review/", reports.report_review, name="report-review"),
    path("reporting/evidence/<int:pk>/", reports.evidence_download, name="evidence-download"),
    # Moved: the old paths answer 301 to the new ones.
    path(
        "working-groups/<slug:slug>/members/remove/",
        moved("opt-out-create"),
        name="opt-out-create-moved",
    ),
    path(
        "working-groups/opt-outs/<int:pk>/restore/",
        moved("opt-out-end"),
        name="opt-out-end-moved",
    ),
    path("working-groups/reports/<int:pk>/", moved("cycle-summary"), name="cycle-summary-moved"),
]
