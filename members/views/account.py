"""A signed-in person's own pages: the dashboard and the profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.dates import alliance_today

from .. import selectors, services
from ..forms import ProfileForm
from ..models import FocalPointAppointment, Invitation, Ministry
from ..permissions import countries_for, is_secretariat


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
