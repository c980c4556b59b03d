from .models import Notification
from .permissions import is_secretariat


def roles(request):
    user = getattr(request, "user", None)
    context = {"user_is_secretariat": is_secretariat(user), "unread_notifications": 0}
    if user is not None and user.is_authenticated:
        context["unread_notifications"] = (
            Notification.objects.filter(recipient=user, read_at__isnull=True)
            .exclude(status=Notification.Status.SUPERSEDED)
            .count()
        )
    return context
