from django.contrib import admin

from .models import GroupLead, WorkingGroup


class GroupLeadInline(admin.TabularInline):
    model = GroupLead
    extra = 0


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["number", "name_en"]
    inlines = [GroupLeadInline]
