from django.shortcuts import render
from django.utils.translation import gettext as _


def form_status(form) -> int:
    """200 for a fresh form, 409 when the edit was stale, 400 for any other bad input."""
    if not form.is_bound:
        return 200
    if any(e.code == "stale" for e in form.non_field_errors().as_data()):
        return 409
    return 400


def form_page(request, form, *, title, intro="", submit="", template=None, extra=None):
    context = {"form": form, "title": title, "intro": intro, "submit_label": submit or _("Save")}
    context.update(extra or {})
    return render(
        request,
        template or "components/form_page.html",
        context,
        status=form_status(form),
    )
