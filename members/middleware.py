import zoneinfo

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation


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


class SecretariatMFAMiddleware:
    """Secretariat staff without a second factor are sent to set one up before anything else."""

    ALLOWED_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_mfa(request):
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.path)
        return self.get_response(request)

    def _must_set_up_mfa(self, request) -> bool:
        if not settings.ALLIANCE_MFA_REQUIRED_FOR_SECRETARIAT:
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_secretariat:
            return False
        if request.path.startswith(self.ALLOWED_PREFIXES):
            return False
        from allauth.mfa.models import Authenticator

        return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
