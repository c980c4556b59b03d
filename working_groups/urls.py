from django.urls import path

from .views import groups, reporting

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
    path("working-groups/<slug:slug>/plans/", groups.plan_list, name="plan-list"),
    path("working-groups/<slug:slug>/plans/new/", groups.plan_create, name="plan-create"),
    path("work-plans/<int:pk>/", groups.plan_detail, name="plan-detail"),
    path("work-plans/<int:pk>/edit/", groups.plan_edit, name="plan-edit"),
    path("work-plans/<int:pk>/approve/", groups.plan_approve, name="plan-approve"),
    path("work-plans/<int:pk>/revise/", groups.plan_revise, name="plan-revise"),
    path("work-plans/<int:pk>/activities/new/", groups.activity_create, name="activity-create"),
    path("activities/<int:pk>/edit/", groups.activity_edit, name="activity-edit"),
    path("activities/<int:pk>/delete/", groups.activity_delete, name="activity-delete"),
    # Reporting
    path("reporting/", reporting.dashboard, name="dashboard"),
    path("reporting/cycles/", reporting.cycle_list, name="cycle-list"),
    path("reporting/cycles/new/", reporting.cycle_open, name="cycle-open"),
    path("reporting/cycles/<int:pk>/", reporting.cycle_detail, name="cycle-detail"),
    path("reporting/cycles/<int:pk>/close/", reporting.cycle_close, name="cycle-close"),
    path("reporting/cycles/<int:pk>/publish/", reporting.cycle_publish, name="cycle-publish"),
    path("working-groups/reports/<int:pk>/", reporting.cycle_summary, name="cycle-summary"),
    path("reporting/cycles/<int:pk>/<slug:slug>/", reporting.consolidated, name="consolidated"),
    path(
        "reporting/cycles/<int:pk>/<slug:slug>/progress.csv",
        reporting.consolidated_csv,
        name="consolidated-csv",
    ),
    path(
        "reporting/cycles/<int:pk>/<slug:slug>/progress.xlsx",
        reporting.consolidated_xlsx,
        name="consolidated-xlsx",
    ),
    path("reporting/reports/<int:pk>/", reporting.report_detail, name="report-detail"),
    path("reporting/reports/<int:pk>/edit/", reporting.report_edit, name="report-edit"),
    path(
        "reporting/reports/<int:pk>/carry-forward/",
        reporting.report_carry_forward,
        name="report-carry-forward",
    ),
    path("reporting/reports/<int:pk>/review/", reporting.report_review, name="report-review"),
    path("reporting/evidence/<int:pk>/", reporting.evidence_download, name="evidence-download"),
]
