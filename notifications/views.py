"""The person's notifications and settings, one-click unsubscribe, and the secretariat's queue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.pages import render_filtered_list
from core.tasks import enqueue
from members.decorators import secretariat_required

from . import channels, delivery, inbox, mail
from .filters import NotificationFilter
from .forms import NotificationPreferencesForm
from .models import Notification, NotificationKind
from .tasks import deliver_notification


@login_required
def notification_list(request):
    page = Paginator(inbox.notifications_for(request.user), 30).get_page(request.GET.get("page"))
    return render(request, "notifications/notification_list.html", {"page_obj": page})


@login_required
@require_POST
def notification_mark_read(request):
    raw = request.POST.get("notification", "")
    # ASCII digits only ("²".isdigit() is true), and no more than an id can have.
    valid = raw.isascii() and raw.isdigit() and len(raw) <= 18
    notification_id = int(raw) if valid else None
    inbox.notifications_mark_read(user=request.user, notification_id=notification_id)
    return redirect("notifications:notification-list")


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    form = NotificationPreferencesForm(
        request.POST or None, current=channels.preferences_for(request.user)
    )
    if request.method == "POST" and form.is_valid():
        channels.preferences_save(user=request.user, choices=form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:notification-settings")
    return render(
        request,
        "notifications/notification_settings.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@csrf_exempt  # the signed token is the credential; mail clients post without a session
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows a confirmation button; POST (also RFC 8058 one-click from the mail client)
    switches that kind of message to the portal only. No login needed."""
    found = mail.read_unsubscribe_token(token)
    if found is None:
        raise Http404
    user_id, kind = found
    label = NotificationKind(kind).label
    if request.method == "POST":
        if channels.unsubscribe(user_id=user_id, kind=kind) is None:
            raise Http404
        return render(request, "notifications/unsubscribe.html", {"done": True, "label": label})
    return render(request, "notifications/unsubscribe.html", {"done": False, "label": label})


@secretariat_required
def notification_queue(request):
    filterset = NotificationFilter(
        request.GET,
        queryset=Notification.objects.select_related("recipient").order_by("-created_at"),
    )
    return render_filtered_list(request, "notifications/notification_queue.html", filterset)


@secretariat_required
@require_POST
def notification_retry(request, pk):
    """Send again a message that failed, or whose sending was lost with its worker."""
    notification = get_object_or_404(Notification.objects.may_be_sent_again(timezone.now()), pk=pk)
    if delivery.notification_retry(notification=notification):
        enqueue(deliver_notification, notification.pk)
        messages.success(request, _("The message is queued again."))
    else:
        messages.success(
            request,
            _("The message will be prepared again at the next sweep, if it is still due."),
        )
    return redirect("notifications:notification-queue")
