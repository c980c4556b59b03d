from django.http import HttpResponse


def ceiling(request):
    """The benchmark's ceiling: the same server and middleware, no database, a few bytes."""
    return HttpResponse(b"ok", content_type="text/plain")
