"""Calendars: one meeting's ``.ics``, the public feed, each person's private feed and the page
that replaces its address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .. import access, services
from ..calendar import calendar_for
from ..models import CalendarToken, Meeting
from .meetings import visible_meeting_or_404


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def meeting_ics(request, pk):
    meeting = visible_meeting_or_404(request.user, pk)
    return _ics(calendar_for([meeting], name=meeting.title), f"meeting-{meeting.pk}.ics")


@require_GET
def public_feed(request):
    meetings = Meeting.objects.filter(visibility=Meeting.Visibility.PUBLIC).select_related("group")
    return _ics(
        calendar_for(meetings.order_by("start_at")[:500], name=_("Alliance meetings")),
        "alliance-meetings.ics",
    )


@require_GET
def private_feed(request, token):
    owner = CalendarToken.objects.select_related("user").filter(token=token).first()
    if owner is None or not owner.user.is_active:
        raise Http404
    meetings = access.visible_meetings(owner.user).order_by("start_at")[:500]
    return _ics(calendar_for(meetings, name=_("My Alliance meetings")), "my-meetings.ics")


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request):
    if request.method == "POST":
        services.calendar_token_revoke(user=request.user)
        messages.success(
            request, _("Your old calendar address no longer works; here is a new one.")
        )
        return redirect("governance:calendar-settings")
    token = services.calendar_token_for(request.user)
    return render(request, "governance/calendar_settings.html", {"token": token})
