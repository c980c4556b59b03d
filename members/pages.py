"""Small helpers the list pages of every app share."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _


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


def render_form_page(request, form, *, title, intro="", submit=""):
    """Render a back-office form. A stale edit answers 409, other bad input 400."""
    if not form.is_bound:
        status = 200
    elif any(e.code == "stale" for e in form.non_field_errors().as_data()):
        status = 409
    else:
        status = 400
    return render(
        request,
        "components/form_page.html",
        {"form": form, "title": title, "intro": intro, "submit_label": submit or _("Save")},
        status=status,
    )
