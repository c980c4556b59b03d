from functools import wraps

from django.contrib.auth.decorators import login_required

from .permissions import require_secretariat


def secretariat_required(view):
    """Log in first; then only secretariat staff may pass (403 for everyone else)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require_secretariat(request.user)
        return view(request, *args, **kwargs)

    return wrapper
