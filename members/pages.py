"""Small helpers the list pages of every app share."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render


def render_filtered_list(request, template: str, filterset, context: dict | None = None):
    """Render a filtered, paginated list; a bad query string gets the page with the form's
    errors and status 400, never a 500."""
    context = dict(context or {})
    context["filter"] = filterset
    if not filterset.is_valid():
        context["page_obj"] = None
        return render(request, template, context, status=400)
    context["page_obj"] = Paginator(filterset.qs, settings.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context["query_without_page"] = query.urlencode()
    return render(request, template, context)
