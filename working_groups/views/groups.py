"""Public group pages; the secretariat's page on a group's members and leads; work plans."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.dates import alliance_today
from core.forms import apply_errors
from core.pages import render_form_page
from members.decorators import secretariat_required
from members.models import Country
from members.permissions import is_secretariat

from .. import access, charts, selectors, services
from ..forms import (
    ActivityForm,
    LeadAddForm,
    LeadEndForm,
    MemberRemoveForm,
    MemberRestoreForm,
    WorkPlanCreateForm,
    WorkPlanForm,
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
            "can_manage_members": is_secretariat(user),
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
def member_remove(request, slug):
    group = get_object_or_404(WorkingGroup, slug=slug)
    form = MemberRemoveForm(
        request.POST or None,
        countries=Country.objects.members_on(alliance_today()).ordered_by_name(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.group_member_remove(group=group, by=request.user, **form.cleaned_data)
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
def member_restore(request, pk):
    opt_out = get_object_or_404(GroupOptOut.objects.select_related("group", "country"), pk=pk)
    form = MemberRestoreForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_member_restore(opt_out=opt_out, **form.cleaned_data)
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
    countries = Country.objects.filter(
        pk__in=plan.group.member_country_ids(alliance_today())
    ).ordered_by_name()
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
