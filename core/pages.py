"""The two page shapes every app's back office shares: a filtered, paginated list, and a form
page that answers 409 when the edit was stale (the person's input kept), 400 for other bad
input."""

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


def form_status(form) -> int:
    """200 for a fresh form, 409 when the edit was stale, 400 for any other bad input."""
    if not form.is_bound:
        return 200
    if any(e.code == "stale" for e in form.non_field_errors().as_data()):
        return 409
    return 400


def render_form_page(
    request,
    form,
    *,
    title,
    intro="",
    submit="",
    template="components/form_page.html",
    extra: dict | None = None,
):
    """Render a form page (``components/form_page.html`` unless told) with the status above."""
    context = {"form": form, "title": title, "intro": intro, "submit_label": submit or _("Save")}
    context.update(extra or {})
    return render(request, template, context, status=form_status(form))
