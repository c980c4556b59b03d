import zoneinfo

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .second_factor import SECOND_FACTOR_TYPES, authenticator_types, session_passed_second_factor


class UserLanguageMiddleware:
    """The signed-in person's preferred language wins; otherwise LocaleMiddleware has chosen from
    the language cookie, then the browser, then Spanish (LANGUAGE_CODE)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class UserTimezoneMiddleware:
    """Show times in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.time_zone:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class SecondFactorMiddleware:
    """A session gets nothing that needs the second factor until it has given it.

    A person who has an authenticator but whose session did not give its code (a session made
    outside allauth's login flow) is logged out and sent to log in, where allauth asks for the
    password and the code. Secretariat staff without an authenticator app are sent to set one up
    before any page but the account pages; setting it up counts as giving it
    (members.second_factor)."""

    SET_UP_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response = self._refusal(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _refusal(self, request, user):
        passed = session_passed_second_factor(request, user)
        staff_must_have_totp = (
            settings.ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT and user.is_secretariat
        )
        if passed and not staff_must_have_totp:
            return None
        types = authenticator_types(user)
        if not passed and types & SECOND_FACTOR_TYPES:
            logout(request)
            messages.info(request, _("Please log in again with your authentication code."))
            return redirect_to_login(request.get_full_path(), login_url=reverse("account_login"))
        if (
            staff_must_have_totp
            and Authenticator.Type.TOTP not in types
            and not request.path.startswith(self.SET_UP_PREFIXES)
        ):
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.path)
        return None
