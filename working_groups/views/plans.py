"""A group's work plans and their activities."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.dates import alliance_today
from core.forms import apply_errors
from core.pages import render_form_page

from .. import access, selectors, services
from ..forms import (
    ActivityForm,
    WorkPlanCreateForm,
    WorkPlanForm,
)

# --- Work plans -----------------------------------------------------------------------------


@login_required
@require_GET
def plan_list(request, slug):
    group = access.get_group_for_member(request.user, slug)
    return render(
        request,
        "working_groups/plan_list.html",
        {
            "group": group,
            "plans": selectors.plan_list(group=group),
            "can_manage": access.may_manage_plan(request.user, group),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request, slug):
    group = access.get_group_for_manager(request.user, slug)
    form = WorkPlanCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.work_plan_create(group=group, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The draft plan has been created; add its activities."))
            return redirect("working_groups:plan-detail", pk=plan.pk)
    return render_form_page(request, form, title=_("New work plan for %(g)s") % {"g": group})


@login_required
@require_GET
def plan_detail(request, pk):
    plan = access.get_plan_for_member(request.user, pk)
    can_manage = access.may_manage_plan(request.user, plan.group)
    return render(
        request,
        "working_groups/plan_detail.html",
        {
            "plan": plan,
            "group": plan.group,
            "activities": selectors.plan_activities(plan=plan),
            "can_manage": can_manage,
            "can_edit": can_manage and plan.is_editable,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan = access.get_plan_for_manager(request.user, pk)
    form = WorkPlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.work_plan_update(
                plan=plan, version=form.cleaned_data["version"], **form.changed_values()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The plan has been saved."))
            return redirect("working_groups:plan-detail", pk=plan.pk)
    return render_form_page(request, form, title=_("Edit %(p)s") % {"p": plan})


@login_required
@require_POST
def plan_approve(request, pk):
    plan = access.get_plan_for_manager(request.user, pk)
    try:
        services.work_plan_approve(plan=plan, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The plan is approved. It can no longer be edited in place."))
    return redirect("working_groups:plan-detail", pk=plan.pk)


@login_required
@require_POST
def plan_revise(request, pk):
    plan = access.get_plan_for_manager(request.user, pk)
    try:
        copy = services.work_plan_revise(plan=plan, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("working_groups:plan-detail", pk=plan.pk)
    messages.success(
        request, _("A new draft version has been started; the approved plan stays in force.")
    )
    return redirect("working_groups:plan-detail", pk=copy.pk)


def _activity_form(request, plan, activity=None):
    countries = selectors.countries_taking_part(group=plan.group, on=alliance_today())
    return ActivityForm(request.POST or None, instance=activity, countries=countries, plan=plan)


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request, pk):
    plan = access.get_plan_for_manager(request.user, pk)
    form = _activity_form(request, plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_save(plan=plan, **form.values())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The activity has been added."))
            return redirect("working_groups:plan-detail", pk=plan.pk)
    return render_form_page(request, form, title=_("Add an activity to %(p)s") % {"p": plan})


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk):
    activity = access.get_activity_for_manager(request.user, pk)
    plan = activity.plan
    form = _activity_form(request, plan, activity)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_save(plan=plan, activity=activity, **form.values())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The activity has been saved."))
            return redirect("working_groups:plan-detail", pk=plan.pk)
    return render_form_page(request, form, title=_("Edit %(a)s") % {"a": activity})


@login_required
@require_POST
def activity_delete(request, pk):
    activity = access.get_activity_for_manager(request.user, pk)
    try:
        services.activity_delete(activity=activity)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The activity has been removed."))
    return redirect("working_groups:plan-detail", pk=activity.plan_id)
