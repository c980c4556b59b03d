"""Public group pages; the secretariat's page on a group's members and leads."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.dates import alliance_today
from core.forms import apply_errors
from core.pages import render_form_page
from members.decorators import secretariat_required

from .. import access, charts, selectors, services
from ..forms import (
    LeadAddForm,
    LeadEndForm,
    OptOutCreateForm,
    OptOutEndForm,
)
from ..models import GroupLead, GroupOptOut, WorkingGroup

# --- Public ---------------------------------------------------------------------------------


@require_GET
def group_list(request):
    return render(
        request,
        "working_groups/group_list.html",
        {"groups": selectors.group_list(), "today": alliance_today()},
    )


@require_GET
def group_detail(request, slug):
    group = selectors.group_detail(group=get_object_or_404(WorkingGroup, slug=slug))
    user = request.user
    return render(
        request,
        "working_groups/group_detail.html",
        {
            "group": group,
            "chart": charts.bar_chart(
                [(a.title, a.average_percent) for a in group.activities],
                title=_("Average progress per activity (%)"),
            ),
            "summaries": selectors.published_cycles(group=group),
            "today": alliance_today(),
            "can_manage_members": access.may_manage_members(user),
            "can_manage_plan": access.may_manage_plan(user, group),
        },
    )


# --- Members and leads (secretariat) --------------------------------------------------------


@secretariat_required
@require_GET
def group_manage(request, slug):
    group = get_object_or_404(WorkingGroup, slug=slug)
    return render(
        request,
        "working_groups/group_manage.html",
        {
            "group": selectors.group_composition(group=group),
            "leads": selectors.lead_history(group=group),
            "opt_outs": selectors.opt_out_history(group=group),
            "today": alliance_today(),
        },
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def lead_add(request, slug):
    group = get_object_or_404(WorkingGroup, slug=slug)
    form = LeadAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_lead_add(group=group, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("%(c)s leads %(g)s.") % {"c": form.cleaned_data["country"], "g": group},
            )
            return redirect("working_groups:group-manage", slug=group.slug)
    return render_form_page(
        request,
        form,
        title=_("Add a lead country to %(g)s") % {"g": group},
        intro=_("A group has one or two lead countries at a time."),
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def lead_end(request, pk):
    lead = get_object_or_404(GroupLead.objects.select_related("group", "country"), pk=pk)
    form = LeadEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_lead_end(lead=lead, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The lead of %(c)s has ended.") % {"c": lead.country})
            return redirect("working_groups:group-manage", slug=lead.group.slug)
    return render_form_page(
        request,
        form,
        title=_("End the lead of %(c)s in %(g)s") % {"c": lead.country, "g": lead.group},
        submit=_("End the lead"),
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def opt_out_create(request, slug):
    group = get_object_or_404(WorkingGroup, slug=slug)
    form = OptOutCreateForm(
        request.POST or None,
        countries=selectors.alliance_members(on=alliance_today()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.group_opt_out_create(group=group, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("%(c)s no longer takes part in %(g)s.")
                % {"c": form.cleaned_data["country"], "g": group},
            )
            return redirect("working_groups:group-manage", slug=group.slug)
    return render_form_page(
        request,
        form,
        title=_("A country stops taking part in %(g)s") % {"g": group},
        intro=_(
            "Every member country takes part in every group unless recorded here. "
            "The record is kept, and the country can take part again later."
        ),
        submit=_("Record it"),
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def opt_out_end(request, pk):
    opt_out = get_object_or_404(GroupOptOut.objects.select_related("group", "country"), pk=pk)
    form = OptOutEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_opt_out_end(opt_out=opt_out, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("%(c)s takes part in %(g)s again.") % {"c": opt_out.country, "g": opt_out.group},
            )
            return redirect("working_groups:group-manage", slug=opt_out.group.slug)
    return render_form_page(
        request,
        form,
        title=_("%(c)s takes part in %(g)s again") % {"c": opt_out.country, "g": opt_out.group},
        submit=_("Record it"),
    )
