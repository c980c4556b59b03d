"""Pages anyone may open: the public members page, accepting an invitation, the language."""

from allauth.account.utils import perform_login
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.i18n import set_language as django_set_language

from core.dates import alliance_today
from core.forms import apply_errors

from .. import selectors, services
from ..forms import InvitationAcceptForm


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


@require_http_methods(["POST"])
def set_language(request):
    """Django's language switch; a signed-in person's choice is also kept as their preference,
    so it follows them to every device and to their e-mails."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.preferred_language_set(user=request.user, language=language)
    return django_set_language(request)
