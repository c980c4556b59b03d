"""Reporting: each person's dashboard, cycles (secretariat), the consolidated progress with
its exports and the public summary."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.dates import alliance_today
from core.forms import apply_errors
from core.pages import render_form_page
from members.decorators import secretariat_required
from members.permissions import country_ids_for, is_secretariat

from .. import access, charts, exports, selectors, services
from ..forms import CycleForm
from ..models import ProgressReport, ReportingCycle

# --- Dashboard ------------------------------------------------------------------------------

REPORTS_PER_PAGE = 20


@login_required
@require_GET
def dashboard(request):
    """Each person's reporting work: their country's reports, the matrix of each group they
    lead, and for the secretariat the cycles."""
    user = request.user
    today = alliance_today()
    country_ids = country_ids_for(user)
    led = selectors.groups_led(country_ids=country_ids, on=today)
    matrices = selectors.group_matrices(groups=led, on=today)
    context = {
        "today": today,
        # Those still to do first: years of closed cycles go to further pages.
        "reports": Paginator(
            selectors.reports_for_countries(country_ids=country_ids), REPORTS_PER_PAGE
        ).get_page(request.GET.get("page")),
        "group_matrices": [
            (
                group,
                matrix,
                charts.bar_chart(
                    [(c.name, matrix.column_rates[c.pk].percent) for c in matrix.columns],
                    title=_("On-time rate per cycle (%)"),
                ),
            )
            for group, matrix in matrices
        ],
        "cycles": list(access.visible_cycles(user, led_groups=led)[:6]),
        "is_secretariat": is_secretariat(user),
    }
    return render(request, "working_groups/dashboard.html", context)


# --- Cycles ---------------------------------------------------------------------------------


@secretariat_required
@require_GET
def cycle_list(request):
    return render(
        request,
        "working_groups/cycle_list.html",
        {"cycles": selectors.cycle_list(), "today": alliance_today()},
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def cycle_open(request):
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.cycle_open(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("%(c)s is open: %(n)s reports are expected.")
                % {"c": cycle, "n": cycle.reports.count()},
            )
            return redirect("working_groups:cycle-detail", pk=cycle.pk)
    return render_form_page(
        request,
        form,
        title=_("Open a reporting cycle"),
        intro=_(
            "Opening the cycle creates one report per member country of each chosen group, "
            "with the activities of the group's approved work plan."
        ),
        submit=_("Open the cycle"),
    )


@login_required
@require_GET
def cycle_detail(request, pk):
    """The cycle as countries x groups: the secretariat's page, and the steering committee's
    read-only view for the focal points of the groups' lead countries."""
    cycle, led_group_ids = access.get_cycle_overview(request.user, pk)
    today = alliance_today()
    matrix = selectors.cycle_matrix(cycle=cycle, on=today)
    return render(
        request,
        "working_groups/cycle_detail.html",
        {
            "cycle": cycle,
            "matrix": matrix,
            "is_secretariat": is_secretariat(request.user),
            "led_group_ids": led_group_ids,
            "today": today,
            "rate_chart": charts.bar_chart(
                [(str(g), matrix.column_rates[g.pk].percent) for g in matrix.columns],
                title=_("On-time rate per group (%)"),
            ),
            "country_chart": charts.bar_chart(
                [(str(c), matrix.row_rates[c.pk].percent) for c in matrix.rows],
                title=_("On-time rate per country (%)"),
            ),
            "state_chart": charts.bar_chart(
                [
                    (label, matrix.state_counts[value])
                    for value, label in ProgressReport.State.choices
                ],
                title=_("Reports by state"),
                maximum=max(sum(matrix.state_counts.values()), 1),
                unit="",
            ),
        },
    )


@secretariat_required
@require_POST
def cycle_close(request, pk):
    cycle = get_object_or_404(ReportingCycle, pk=pk)
    try:
        services.cycle_close(cycle=cycle)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(c)s is closed.") % {"c": cycle})
    return redirect("working_groups:cycle-detail", pk=cycle.pk)


@secretariat_required
@require_POST
def cycle_publish(request, pk):
    """Publish or withdraw the public summary of the cycle (``publish`` is "1" or "0")."""
    cycle = get_object_or_404(ReportingCycle, pk=pk)
    publish = request.POST.get("publish") == "1"
    try:
        services.cycle_summary_publish(cycle=cycle, publish=publish, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if publish:
            messages.success(request, _("The summary of %(c)s is public.") % {"c": cycle})
        else:
            messages.success(request, _("The summary of %(c)s is no longer public.") % {"c": cycle})
    return redirect("working_groups:cycle-detail", pk=cycle.pk)


@require_GET
def cycle_summary(request, pk):
    """The public summary of a cycle, once the secretariat has published it."""
    cycle = access.get_published_cycle(pk)
    return render(
        request,
        "working_groups/cycle_summary.html",
        {"cycle": cycle, "summaries": selectors.public_summary(cycle=cycle)},
    )


@login_required
@require_GET
def cycle_progress(request, pk, slug):
    cycle, group = access.get_cycle_for_viewer(request.user, pk, slug)
    countries, rows = selectors.consolidated_progress(cycle=cycle, group=group)
    return render(
        request,
        "working_groups/cycle_progress.html",
        {
            "cycle": cycle,
            "group": group,
            "countries": countries,
            "rows": rows,
            "chart": charts.bar_chart(
                [(row.activity.title, row.average) for row in rows],
                title=_("Average progress per activity (%)"),
            ),
        },
    )


@login_required
@require_GET
def cycle_progress_csv(request, pk, slug):
    cycle, group = access.get_cycle_for_viewer(request.user, pk, slug)
    response = HttpResponse(
        exports.consolidated_csv(cycle=cycle, group=group), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(cycle, group)}.csv"'
    return response


@login_required
@require_GET
def cycle_progress_xlsx(request, pk, slug):
    cycle, group = access.get_cycle_for_viewer(request.user, pk, slug)
    response = HttpResponse(
        exports.consolidated_xlsx(cycle=cycle, group=group),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.filename(cycle, group)}.xlsx"'
    )
    return response
