from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .models import (
    Country,
    FocalPointAppointment,
    Invitation,
    MembershipPeriod,
    Minister,
    Ministry,
    PartnerInstitution,
    User,
)


@secure_admin_login
def admin_login(request, extra_context=None):
    """The admin's door is allauth's login, with its rate limits and second factor:
    secure_admin_login sends whoever is not signed in there (and signed-in people who are not
    staff get 403). Signed-in staff go on to the admin; its own password form is never shown,
    nor accepted."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("admin:index")
    return redirect(next_url)


admin.site.login = admin_login


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_secretariat", "is_staff", "is_active"]
    list_filter = ["is_secretariat", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["full_name", "preferred_language", "time_zone"]}),
        (
            "Roles",
            {"fields": ["is_active", "is_secretariat", "is_staff", "is_superuser", "groups"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "full_name", "password1", "password2"]})]


class MembershipPeriodInline(admin.TabularInline):
    model = MembershipPeriod
    extra = 0


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["iso_code", "name_en", "name_es"]
    search_fields = ["iso_code", "name_en", "name_es"]
    inlines = [MembershipPeriodInline]


@admin.register(Ministry)
class MinistryAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "kind"]
    list_select_related = ["country"]
    list_filter = ["kind"]


@admin.register(Minister)
class MinisterAdmin(admin.ModelAdmin):
    list_display = ["full_name", "ministry", "start_on", "end_on"]
    list_select_related = ["ministry"]


@admin.register(FocalPointAppointment)
class FocalPointAppointmentAdmin(admin.ModelAdmin):
    list_display = ["user", "ministry", "start_on", "end_on"]
    list_select_related = ["user", "ministry"]
    raw_id_fields = ["user", "appointed_by", "created_by"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at", "sent_at", "accepted_at", "revoked_at", "expires_at"]
    list_select_related = ["user"]
    readonly_fields = ["token_hash"]


@admin.register(PartnerInstitution)
class PartnerInstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "country", "joined_on", "left_on"]
    list_select_related = ["country"]
