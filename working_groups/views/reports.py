"""The countries' progress reports: the page, editing and submitting, carrying forward,
review and evidence downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.dates import alliance_today
from core.forms import apply_errors
from core.pages import form_status

from .. import access, selectors, services
from ..forms import ReportForm, ReviewForm

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
    report = access.get_report_for_country(request.user, pk)
    if not access.may_edit_report(request.user, report):
        messages.error(request, _("This report cannot be edited now."))
        return redirect("working_groups:report-detail", pk=report.pk)
    form = ReportForm(request.POST or None, request.FILES or None, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = services.report_save_and_submit(
                report=report, by=request.user, submit="submit" in request.POST, **form.values()
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if outcome.submitted:
                messages.success(request, _("The report has been submitted. Thank you."))
                return redirect("working_groups:report-detail", pk=report.pk)
            if not outcome.missing:
                messages.success(request, _("Your draft has been saved."))
                return redirect("working_groups:report-edit", pk=report.pk)
            report = selectors.report_detail(pk=report.pk)
            form = ReportForm.as_saved(report, missing=outcome.missing)
            messages.error(
                request,
                _(
                    "Your draft has been saved, but it cannot be submitted yet: complete the "
                    "fields marked below."
                ),
            )
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
    report = access.get_report_for_editor(request.user, pk)
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
    report = access.get_report_for_reviewer(request.user, pk)
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
    evidence = access.get_evidence_for_user(request.user, pk)
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.filename)
