from .inbox import unread_count


def unread_notifications(request) -> dict:
    """The count shown next to "Notifications" in the menu: what the inbox shows unread."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": unread_count(user)}
