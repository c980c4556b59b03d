from .permissions import is_secretariat


def roles(request):
    return {"user_is_secretariat": is_secretariat(getattr(request, "user", None))}
