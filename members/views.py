from allauth.account.utils import perform_login
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.dates import alliance_today
from core.forms import apply_errors
from core.models import AuditEntry
from core.pages import render_filtered_list, render_form_page

from . import selectors, services
from .decorators import secretariat_required
from .filters import (
    AppointmentFilter,
    AuditFilter,
    CountryFilter,
    MinisterFilter,
    MinistryFilter,
    PartnerFilter,
)
from .forms import (
    AppointForm,
    AppointmentEndForm,
    CountryForm,
    CountryJoinForm,
    CountryLeaveForm,
    InvitationAcceptForm,
    MinisterRecordForm,
    MinistryCreateForm,
    MinistryForm,
    PartnerCreateForm,
    PartnerForm,
    ProfileForm,
)
from .models import (
    Country,
    FocalPointAppointment,
    Invitation,
    Ministry,
    PartnerInstitution,
)
from .permissions import countries_for, is_secretariat, may_view_country_records

# --- Public ---------------------------------------------------------------------------------


def members_page(request):
    today = alliance_today()
    return render(
        request,
        "members/members.html",
        {
            "countries": selectors.public_member_list(on=today),
            "partners": selectors.partner_list(on=today, current_only=True),
            "today": today,
        },
    )


# --- Signed-in people -----------------------------------------------------------------------


@login_required
def dashboard(request):
    today = alliance_today()
    context = {
        "today": today,
        "countries": countries_for(request.user, today),
        "appointments": selectors.appointments_for_user(user=request.user),
    }
    if is_secretariat(request.user):
        context["figures"] = {
            "members": selectors.member_count(on=today),
            "ministries": Ministry.objects.count(),
            "focal_points": FocalPointAppointment.objects.on(today).count(),
            "partners": selectors.partner_list(on=today, current_only=True).count(),
            "pending_invitations": Invitation.objects.filter(
                accepted_at__isnull=True, revoked_at__isnull=True
            ).count(),
        }
    return render(request, "members/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("members:profile")
    status = 400 if form.is_bound else 200
    return render(
        request,
        "members/profile.html",
        {"form": form, "appointments": selectors.appointments_for_user(user=request.user)},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = services.invitation_for_token(token)
    if invitation is None:
        return render(request, "members/invitation_invalid.html", status=404)
    form = InvitationAcceptForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation, password=form.cleaned_data["new_password1"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Welcome. Your password is set."))
            # allauth's login flow: someone who already has an authenticator gives its code.
            return perform_login(
                request, user, email=user.email, redirect_url=reverse("members:dashboard")
            )
    return render(
        request,
        "members/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=400 if form.is_bound else 200,
    )


# --- Back office: countries -----------------------------------------------------------------


@secretariat_required
def country_list(request):
    filterset = CountryFilter(request.GET, queryset=selectors.country_list())
    return render_filtered_list(request, "members/country_list.html", filterset)


@login_required
def country_detail(request, iso_code):
    country = get_object_or_404(Country, iso_code=iso_code.upper())
    if not may_view_country_records(request.user, country):
        raise Http404
    return render(
        request,
        "members/country_detail.html",
        {
            "country": selectors.country_detail(country_id=country.pk),
            "today": alliance_today(),
            "can_manage": is_secretariat(request.user),
        },
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def country_edit(request, iso_code):
    country = get_object_or_404(Country, iso_code=iso_code.upper())
    form = CountryForm(request.POST or None, instance=country)
    if request.method == "POST" and form.is_valid():
        try:
            services.country_update(
                country=country,
                by=request.user,
                version=form.cleaned_data["version"],
                **{k: form.cleaned_data[k] for k in CountryForm.Meta.fields},
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(c)s has been saved.") % {"c": country})
            return redirect("members:country-detail", iso_code=country.iso_code)
    return render_form_page(request, form, title=_("Edit %(c)s") % {"c": country})


@secretariat_required
@require_http_methods(["GET", "POST"])
def country_join(request):
    form = CountryJoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            country = services.country_join(
                iso_code=form.cleaned_data["iso_code"],
                names=form.names(),
                joined_on=form.cleaned_data["joined_on"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(c)s is recorded as a member.") % {"c": country})
            return redirect("members:country-detail", iso_code=country.iso_code)
    return render_form_page(
        request,
        form,
        title=_("Record a country joining"),
        intro=_("For a country that was a member before, only the code and the date are needed."),
        submit=_("Record the joining"),
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def country_leave(request, iso_code):
    country = get_object_or_404(Country, iso_code=iso_code.upper())
    form = CountryLeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.country_leave(country=country, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(c)s is recorded as having left.") % {"c": country})
            return redirect("members:country-detail", iso_code=country.iso_code)
    return render_form_page(
        request,
        form,
        title=_("Record %(c)s leaving the Alliance") % {"c": country},
        submit=_("Record the departure"),
    )


# --- Back office: ministries and ministers --------------------------------------------------


@secretariat_required
def ministry_list(request):
    filterset = MinistryFilter(request.GET, queryset=selectors.ministry_list())
    return render_filtered_list(request, "members/ministry_list.html", filterset)


@secretariat_required
@require_http_methods(["GET", "POST"])
def ministry_create(request):
    form = MinistryCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ministry = services.ministry_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(m)s has been added.") % {"m": ministry})
            return redirect("members:ministry-list")
    return render_form_page(request, form, title=_("Add a ministry"))


@secretariat_required
@require_http_methods(["GET", "POST"])
def ministry_edit(request, pk):
    ministry = get_object_or_404(Ministry, pk=pk)
    form = MinistryForm(request.POST or None, instance=ministry)
    if request.method == "POST" and form.is_valid():
        try:
            services.ministry_update(
                ministry=ministry,
                version=form.cleaned_data["version"],
                by=request.user,
                **form.changed_values(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(m)s has been saved.") % {"m": ministry})
            return redirect("members:ministry-list")
    return render_form_page(request, form, title=_("Edit %(m)s") % {"m": ministry})


@secretariat_required
def minister_list(request):
    filterset = MinisterFilter(request.GET, queryset=selectors.minister_list())
    return render_filtered_list(
        request, "members/minister_list.html", filterset, {"today": alliance_today()}
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def minister_record(request):
    form = MinisterRecordForm(
        request.POST or None, initial={"ministry": request.GET.get("ministry")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            minister = services.minister_record(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("%(n)s is recorded as minister from %(d)s.")
                % {"n": minister.full_name, "d": minister.start_on},
            )
            return redirect("members:minister-list")
    return render_form_page(
        request,
        form,
        title=_("Record a new minister"),
        intro=_("The sitting minister of that ministry leaves office on the start date."),
    )


# --- Back office: focal points --------------------------------------------------------------


@secretariat_required
def appointment_list(request):
    filterset = AppointmentFilter(request.GET, queryset=selectors.appointment_list())
    return render_filtered_list(
        request, "members/appointment_list.html", filterset, {"today": alliance_today()}
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def appointment_create(request):
    form = AppointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            appointment = services.focal_point_appoint(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("%(n)s is appointed focal point of %(m)s.")
                % {"n": appointment.user, "m": appointment.ministry},
            )
            return redirect("members:appointment-list")
    return render_form_page(
        request,
        form,
        title=_("Appoint a focal point"),
        intro=_("A person without an account receives an invitation by e-mail to set a password."),
        submit=_("Appoint and invite"),
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def appointment_end(request, pk):
    appointment = get_object_or_404(
        FocalPointAppointment.objects.select_related("user", "ministry"), pk=pk
    )
    form = AppointmentEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_end(appointment=appointment, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request, _("The appointment of %(n)s has ended.") % {"n": appointment.user}
            )
            return redirect("members:appointment-list")
    return render_form_page(
        request,
        form,
        title=_("End the appointment of %(n)s (%(m)s)")
        % {"n": appointment.user, "m": appointment.ministry},
        submit=_("End the appointment"),
    )


@secretariat_required
@require_http_methods(["POST"])
def appointment_reinvite(request, pk):
    appointment = get_object_or_404(FocalPointAppointment.objects.select_related("user"), pk=pk)
    if appointment.user.has_usable_password():
        messages.error(request, _("%(n)s has already set a password.") % {"n": appointment.user})
    else:
        services.invitation_create(user=appointment.user, by=request.user)
        messages.success(
            request, _("A new invitation is on its way to %(e)s.") % {"e": appointment.user.email}
        )
    return redirect("members:appointment-list")


# --- Back office: partner institutions ------------------------------------------------------


@secretariat_required
def partner_list(request):
    filterset = PartnerFilter(request.GET, queryset=selectors.partner_list())
    return render_filtered_list(request, "members/partner_list.html", filterset)


@secretariat_required
@require_http_methods(["GET", "POST"])
def partner_create(request):
    form = PartnerCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(p)s has been added.") % {"p": partner})
            return redirect("members:partner-list")
    return render_form_page(request, form, title=_("Add a partner institution"))


@secretariat_required
@require_http_methods(["GET", "POST"])
def partner_edit(request, pk):
    partner = get_object_or_404(PartnerInstitution, pk=pk)
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_update(
                partner=partner,
                version=form.cleaned_data["version"],
                by=request.user,
                **form.changed_values(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(p)s has been saved.") % {"p": partner})
            return redirect("members:partner-list")
    return render_form_page(request, form, title=_("Edit %(p)s") % {"p": partner})


@secretariat_required
def audit_log(request):
    """The secretariat browses the audit log; nobody edits it."""
    filterset = AuditFilter(
        request.GET, queryset=AuditEntry.objects.select_related("actor").order_by("-at", "-pk")
    )
    return render_filtered_list(request, "members/audit_log.html", filterset)


@require_http_methods(["POST"])
def set_language(request):
    """Django's language switch; a signed-in person's choice is also kept as their preference,
    so it follows them to every device and to their e-mails."""
    from django.conf import settings as django_settings
    from django.views.i18n import set_language as django_set_language

    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(django_settings.LANGUAGES):
        services.preferred_language_set(user=request.user, language=language)
    return django_set_language(request)
