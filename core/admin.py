from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read only: the audit log is never edited, not even by administrators."""

    list_display = ["at", "actor", "action", "object_type", "object_repr"]
    list_filter = ["object_type"]
    list_select_related = ["actor"]
    search_fields = ["action", "object_repr", "actor__email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
