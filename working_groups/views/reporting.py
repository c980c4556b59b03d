"""Reporting: cycles (secretariat), the countries' progress reports, review, dashboards and the
consolidated progress with its exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.dates import alliance_today
from core.forms import apply_errors
from core.pages import form_status, render_form_page
from members.decorators import secretariat_required
from members.permissions import country_ids_for, is_secretariat

from .. import access, charts, exports, selectors, services
from ..forms import CycleForm, ReportForm, ReviewForm
from ..models import Evidence, ProgressReport, ReportingCycle

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
        "cycles": list(selectors.cycle_list(groups=None if is_secretariat(user) else led)[:6])
        if is_secretariat(user) or led
        else [],
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
    cycle = get_object_or_404(selectors.published_cycles(), pk=pk)
    return render(
        request,
        "working_groups/cycle_summary.html",
        {"cycle": cycle, "summaries": selectors.public_summary(cycle=cycle)},
    )


@login_required
@require_GET
def consolidated(request, pk, slug):
    cycle, group = access.get_cycle_for_viewer(request.user, pk, slug)
    countries, rows = selectors.consolidated_progress(cycle=cycle, group=group)
    return render(
        request,
        "working_groups/consolidated.html",
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
def consolidated_csv(request, pk, slug):
    cycle, group = access.get_cycle_for_viewer(request.user, pk, slug)
    response = HttpResponse(
        exports.consolidated_csv(cycle=cycle, group=group), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(cycle, group)}.csv"'
    return response


@login_required
@require_GET
def consolidated_xlsx(request, pk, slug):
    cycle, group = access.get_cycle_for_viewer(request.user, pk, slug)
    response = HttpResponse(
        exports.consolidated_xlsx(cycle=cycle, group=group),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.filename(cycle, group)}.xlsx"'
    )
    return response


# --- Reports --------------------------------------------------------------------------------


@login_required
@require_GET
def report_detail(request, pk):
    report = access.get_report_for_user(request.user, pk)
    return _detail_page(request, report)


def _detail_page(request, report, review_form=None):
    today = alliance_today()
    may_review = access.may_review(request.user, report)
    return render(
        request,
        "working_groups/report_detail.html",
        {
            "report": report,
            "today": today,
            "can_edit": access.may_edit_report(request.user, report),
            "can_review": may_review and report.state == report.State.SUBMITTED,
            "own_country_review": report.state == report.State.SUBMITTED
            and access.is_own_country_report(request.user, report),
            "review_form": review_form or ReviewForm(),
        },
        status=form_status(review_form) if review_form else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, pk):
    """Save the draft, or save and submit. A stale form answers 409 with the person's text kept;
    a submit with missing fields saves the draft and shows what is missing, field by field."""
    report = access.get_report_for_user(request.user, pk)
    if not access.may_edit_report(request.user, report):
        if report.country_id not in country_ids_for(request.user):
            raise Http404
        messages.error(request, _("This report cannot be edited now."))
        return redirect("working_groups:report-detail", pk=report.pk)
    form = ReportForm(request.POST or None, request.FILES or None, report=report)
    if request.method == "POST" and form.is_valid():
        values = form.values()
        try:
            saved = services.report_save(report=report, by=request.user, **values)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if "submit" not in request.POST:
                messages.success(request, _("Your draft has been saved."))
                return redirect("working_groups:report-edit", pk=report.pk)
            try:
                services.report_submit(report=saved, version=saved.version, by=request.user)
            except ValidationError as error:
                # The draft is saved; show the form again, at its new version, with what is missing.
                data = request.POST.copy()
                data["version"] = str(saved.version)
                for key in list(data):  # evidence already added or removed: not twice
                    if key.endswith("-link") or key.startswith("remove-evidence-"):
                        del data[key]
                report = selectors.report_detail(pk=report.pk)
                form = ReportForm(data, report=report)
                form.is_valid()
                apply_errors(form, error)
                messages.error(
                    request,
                    _(
                        "Your draft has been saved, but it cannot be submitted yet: complete the "
                        "fields marked below."
                    ),
                )
            else:
                messages.success(request, _("The report has been submitted. Thank you."))
                return redirect("working_groups:report-detail", pk=report.pk)
    return render(
        request,
        "working_groups/report_edit.html",
        {
            "report": report,
            "form": form,
            "today": alliance_today(),
            "previous": selectors.previous_report(report=report),
        },
        status=form_status(form),
    )


@login_required
@require_POST
def report_carry_forward(request, pk):
    report = access.get_report_for_user(request.user, pk)
    if not access.may_edit_report(request.user, report):
        raise Http404
    try:
        count = services.report_carry_forward(
            report=report, version=_int(request.POST.get("version")), by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(n)s open activity was filled in from the previous report.",
                "%(n)s open activities were filled in from the previous report.",
                count,
            )
            % {"n": count},
        )
    return redirect("working_groups:report-edit", pk=report.pk)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@login_required
@require_POST
def report_review(request, pk):
    report = access.get_report_for_user(request.user, pk)
    if not access.may_review(request.user, report):
        raise Http404
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.report_review(
                report=report,
                accept=form.cleaned_data["decision"] == "accept",
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if form.cleaned_data["decision"] == "accept":
                messages.success(request, _("The report has been accepted."))
            else:
                messages.success(request, _("The report has been returned to the country."))
            return redirect("working_groups:report-detail", pk=report.pk)
    report = selectors.report_detail(pk=report.pk)
    if report.state != report.State.SUBMITTED:
        # The page shows the review form (and its errors) only for a submitted report: say why
        # nothing happened, e.g. when someone else reviewed it first.
        messages.error(request, _("Only a submitted report can be accepted or returned."))
    return _detail_page(request, report, review_form=form)


@login_required
@require_GET
def evidence_download(request, pk):
    evidence = get_object_or_404(Evidence.objects.select_related("update"), pk=pk)
    access.get_report_for_user(request.user, evidence.update.report_id)
    if not evidence.file:
        raise Http404
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.filename)
