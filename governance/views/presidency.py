"""The public governance page and the presidency rotation's back office (secretariat only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.dates import alliance_today
from core.forms import apply_errors
from core.pages import render_form_page
from members.decorators import secretariat_required

from .. import selectors, services
from ..forms import HandoverForm, PresidencyScheduleForm, PresidencyTermForm, TermEndForm
from ..models import PresidencyTerm


@require_GET
def governance_page(request):
    today = alliance_today()
    return render(
        request,
        "governance/governance.html",
        {
            "presidency": selectors.presidency_overview(on=today),
            "committee": selectors.committee_on(on=today),
            "committee_history": selectors.committee_history(),
        },
    )


@secretariat_required
def term_list(request):
    return render(
        request,
        "governance/term_list.html",
        {"presidency": selectors.presidency_overview(), "next_start": services.next_term_start()},
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def term_create(request):
    form = PresidencyTermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            term = services.presidency_term_add(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The term of %(t)s is scheduled.") % {"t": term})
            return redirect("governance:term-list")
    return render_form_page(request, form, title=_("Schedule a presidency term"))


@secretariat_required
@require_http_methods(["GET", "POST"])
def term_schedule(request):
    form = PresidencyScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            terms = services.presidency_schedule(
                countries=form.cleaned_data["countries"], by=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(n)d terms are scheduled.") % {"n": len(terms)})
            return redirect("governance:term-list")
    return render_form_page(
        request, form, title=_("Schedule the rotation"), submit=_("Schedule the terms")
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def term_change_end(request, pk):
    term = get_object_or_404(PresidencyTerm.objects.select_related("country"), pk=pk)
    form = TermEndForm(request.POST or None, initial={"end_on": term.last_day})
    if request.method == "POST" and form.is_valid():
        try:
            term = services.presidency_term_change_end(
                term=term, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The term of %(c)s now ends on %(d)s.") % {"c": term.country, "d": term.last_day},
            )
            return redirect("governance:term-list")
    return render_form_page(
        request,
        form,
        title=_("Shorten or extend the term of %(t)s") % {"t": term},
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def term_handover(request, pk):
    term = get_object_or_404(PresidencyTerm.objects.select_related("country"), pk=pk)
    form = HandoverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            successor = services.presidency_handover(
                term=term, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("%(c)s takes over the presidency on %(d)s.")
                % {"c": successor.country, "d": successor.start_on},
            )
            return redirect("governance:term-list")
    return render_form_page(
        request,
        form,
        title=_("Early handover by %(c)s") % {"c": term.country},
        submit=_("Record the handover"),
    )
