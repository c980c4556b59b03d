"""The back office's door: signed in, then secretariat staff only (403 for everyone else). The
second factor is asked of every session before any of this (``SecondFactorMiddleware``)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin

from .permissions import require_secretariat


def secretariat_required(view):
    """For a function view."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require_secretariat(request.user)
        return view(request, *args, **kwargs)

    return wrapper


class SecretariatRequiredMixin(LoginRequiredMixin):
    """For a class-based view: put it first among the bases."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            require_secretariat(request.user)
        return super().dispatch(request, *args, **kwargs)
