from django.urls import path

from .views import cycles, groups, plans, reports

app_name = "working_groups"

urlpatterns = [
    # Public
    path("working-groups/", groups.group_list, name="group-list"),
    path("working-groups/<slug:slug>/", groups.group_detail, name="group-detail"),
    # Members and leads (secretariat)
    path("working-groups/<slug:slug>/manage/", groups.group_manage, name="group-manage"),
    path("working-groups/<slug:slug>/leads/add/", groups.lead_add, name="lead-add"),
    path("working-groups/leads/<int:pk>/end/", groups.lead_end, name="lead-end"),
    path("working-groups/<slug:slug>/members/remove/", groups.member_remove, name="member-remove"),
    path("working-groups/opt-outs/<int:pk>/restore/", groups.member_restore, name="member-restore"),
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
    path("reporting/", cycles.dashboard, name="dashboard"),
    path("reporting/cycles/", cycles.cycle_list, name="cycle-list"),
    path("reporting/cycles/new/", cycles.cycle_open, name="cycle-open"),
    path("reporting/cycles/<int:pk>/", cycles.cycle_detail, name="cycle-detail"),
    path("reporting/cycles/<int:pk>/close/", cycles.cycle_close, name="cycle-close"),
    path("reporting/cycles/<int:pk>/publish/", cycles.cycle_publish, name="cycle-publish"),
    path("working-groups/reports/<int:pk>/", cycles.cycle_summary, name="cycle-summary"),
    path("reporting/cycles/<int:pk>/<slug:slug>/", cycles.consolidated, name="consolidated"),
    path(
        "reporting/cycles/<int:pk>/<slug:slug>/progress.csv",
        cycles.consolidated_csv,
        name="consolidated-csv",
    ),
    path(
        "reporting/cycles/<int:pk>/<slug:slug>/progress.xlsx",
        cycles.consolidated_xlsx,
        name="consolidated-xlsx",
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
]
