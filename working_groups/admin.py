from django.contrib import admin

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


class GroupLeadInline(admin.TabularInline):
    model = GroupLead
    extra = 0


class GroupOptOutInline(admin.TabularInline):
    model = GroupOptOut
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["number", "name_en"]
    inlines = [GroupLeadInline, GroupOptOutInline]


class ActivityInline(admin.StackedInline):
    model = Activity
    extra = 0
    filter_horizontal = ["responsible_countries"]


@admin.register(WorkPlan)
class WorkPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "period_start", "period_end", "number", "status"]
    list_filter = ["group", "status"]
    raw_id_fields = ["previous", "approved_by", "created_by"]
    inlines = [ActivityInline]


@admin.register(ReportingCycle)
class ReportingCycleAdmin(admin.ModelAdmin):
    list_display = ["name", "period_start", "period_end", "due_on", "status"]
    raw_id_fields = ["created_by"]


class ActivityUpdateInline(admin.TabularInline):
    model = ActivityUpdate
    extra = 0
    raw_id_fields = ["activity"]


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    raw_id_fields = ["by"]


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ["cycle", "group", "country", "state", "days_late"]
    list_filter = ["cycle", "group", "state"]
    list_select_related = ["cycle", "group", "country"]
    raw_id_fields = ["work_plan", "last_saved_by"]
    inlines = [ActivityUpdateInline, ReportEventInline]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "update", "added_at"]
    raw_id_fields = ["update", "added_by"]
