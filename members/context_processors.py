from .permissions import is_secretariat


def roles(request):
    user = getattr(request, "user", None)
    return {"user_is_secretariat": is_secretariat(user)}
