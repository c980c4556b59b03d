from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.dates import alliance_today
from core.forms import apply_errors
from core.pages import render_filtered_list, render_form_page
from members.decorators import secretariat_required
from members.permissions import is_secretariat

from . import selectors, services
from .calendar import calendar_for
from .filters import MeetingFilter
from .forms import (
    DocumentForm,
    HandoverForm,
    MeetingCreateForm,
    MeetingForm,
    PresidencyScheduleForm,
    PresidencyTermForm,
    ResponseForm,
    TermEndForm,
)
from .models import CalendarToken, Meeting, MeetingDocument, PresidencyTerm

# --- Public governance page -----------------------------------------------------------------


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


# --- Presidency back office -----------------------------------------------------------------


@secretariat_required
def presidency_admin(request):
    return render(
        request,
        "governance/presidency_admin.html",
        {"presidency": selectors.presidency_overview(), "next_start": services.next_term_start()},
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def presidency_term_add(request):
    form = PresidencyTermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            term = services.presidency_term_add(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The term of %(t)s is scheduled.") % {"t": term})
            return redirect("governance:presidency-admin")
    return render_form_page(request, form, title=_("Schedule a presidency term"))


@secretariat_required
@require_http_methods(["GET", "POST"])
def presidency_schedule(request):
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
            return redirect("governance:presidency-admin")
    return render_form_page(
        request, form, title=_("Schedule the rotation"), submit=_("Schedule the terms")
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def presidency_term_end(request, pk):
    term = get_object_or_404(PresidencyTerm.objects.select_related("country"), pk=pk)
    form = TermEndForm(request.POST or None, initial={"end_on": term.end_on})
    if request.method == "POST" and form.is_valid():
        try:
            services.presidency_term_change_end(term=term, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The term of %(c)s now ends on %(d)s.")
                % {"c": term.country, "d": form.cleaned_data["end_on"]},
            )
            return redirect("governance:presidency-admin")
    return render_form_page(
        request,
        form,
        title=_("Shorten or extend the term of %(t)s") % {"t": term},
    )


@secretariat_required
@require_http_methods(["GET", "POST"])
def presidency_handover(request, pk):
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
            return redirect("governance:presidency-admin")
    return render_form_page(
        request,
        form,
        title=_("Early handover by %(c)s") % {"c": term.country},
        submit=_("Record the handover"),
    )


# --- Meetings -------------------------------------------------------------------------------


def _visible_meeting_or_404(user, pk) -> Meeting:
    meeting = selectors.visible_meetings(user).filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


def _managed_meeting_or_404(user, pk) -> Meeting:
    meeting = _visible_meeting_or_404(user, pk)
    if not selectors.may_manage_meeting(user, meeting):
        raise Http404
    return meeting


@require_GET
def meeting_list(request):
    data = request.GET.copy()
    if not data.get("when"):  # also for "?when=": an unordered list would page inconsistently
        data["when"] = "upcoming"
    filterset = MeetingFilter(data, queryset=selectors.meeting_list(user=request.user))
    groups = selectors.manageable_groups(request.user) if request.user.is_authenticated else []
    return render_filtered_list(
        request,
        "governance/meeting_list.html",
        filterset,
        {"may_create": is_secretariat(request.user) or bool(groups)},
    )


@require_GET
def meeting_detail(request, pk):
    meeting = _visible_meeting_or_404(request.user, pk)
    may_manage = selectors.may_manage_meeting(request.user, meeting)
    invitees = selectors.meeting_invitees(meeting) if request.user.is_authenticated else []
    me = next((row for row in invitees if row["user"].pk == request.user.pk), None)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "documents": meeting.documents.select_related("uploaded_by"),
            "may_manage": may_manage,
            "invitees": invitees if may_manage or meeting.organiser_id == request.user.pk else [],
            "tally": selectors.meeting_tally(invitees) if may_manage else None,
            "my_invitation": me,
            "response_form": ResponseForm(
                initial={"answer": me["response"].answer if me and me["response"] else None}
            ),
            "document_form": DocumentForm() if may_manage else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    groups = selectors.manageable_groups(request.user)
    if not is_secretariat(request.user) and not groups.exists():
        raise Http404
    form = MeetingCreateForm(
        request.POST or None,
        groups=groups,
        initial={
            "time_zone": request.user.time_zone,
            **({} if is_secretariat(request.user) else {"body": "working_group"}),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                organiser=request.user,
                extra_invitees=form.cleaned_data["extra_invitees"],
                **form.meeting_values(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The meeting is created."))
            return redirect("governance:meeting-detail", pk=meeting.pk)
    return render_form_page(request, form, title=_("New meeting"))


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = _managed_meeting_or_404(request.user, pk)
    groups = selectors.manageable_groups(request.user)
    form = MeetingForm(request.POST or None, instance=meeting, groups=groups)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                meeting=meeting,
                version=form.cleaned_data["version"],
                extra_invitees=form.cleaned_data["extra_invitees"],
                by=request.user,
                **form.meeting_values(),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect("governance:meeting-detail", pk=meeting.pk)
    return render_form_page(request, form, title=_("Edit %(m)s") % {"m": meeting})


@login_required
@require_POST
def meeting_respond(request, pk):
    meeting = _visible_meeting_or_404(request.user, pk)
    form = ResponseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose attending, not attending or maybe."))
        return redirect("governance:meeting-detail", pk=pk)
    try:
        services.meeting_respond(
            meeting=meeting, user=request.user, answer=form.cleaned_data["answer"]
        )
    except ValidationError as error:
        if getattr(error, "code", None) == "not_invited":
            raise Http404 from error
        messages.error(request, " ".join(error.messages))
        return redirect("governance:meeting-detail", pk=pk)
    messages.success(request, _("Your answer is recorded."))
    return redirect("governance:meeting-detail", pk=pk)


@login_required
@require_POST
def meeting_document_add(request, pk):
    meeting = _managed_meeting_or_404(request.user, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.meeting_document_add(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The document is attached."))
            return redirect("governance:meeting-detail", pk=pk)
    return render_form_page(request, form, title=_("Attach a document to %(m)s") % {"m": meeting})


@require_GET
def meeting_document_download(request, pk):
    document = get_object_or_404(MeetingDocument, pk=pk)
    _visible_meeting_or_404(request.user, document.meeting_id)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.file.name.rsplit("/", 1)[-1],
        content_type=document.content_type or "application/octet-stream",
    )


# --- Calendars ------------------------------------------------------------------------------


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def meeting_ics(request, pk):
    meeting = _visible_meeting_or_404(request.user, pk)
    return _ics(calendar_for([meeting], name=meeting.title), f"meeting-{meeting.pk}.ics")


@require_GET
def public_feed(request):
    meetings = Meeting.objects.filter(visibility=Meeting.Visibility.PUBLIC).select_related("group")
    return _ics(
        calendar_for(meetings.order_by("start_at")[:500], name=_("Alliance meetings")),
        "alliance-meetings.ics",
    )


@require_GET
def private_feed(request, token):
    owner = CalendarToken.objects.select_related("user").filter(token=token).first()
    if owner is None or not owner.user.is_active:
        raise Http404
    meetings = selectors.visible_meetings(owner.user).order_by("start_at")[:500]
    return _ics(calendar_for(meetings, name=_("My Alliance meetings")), "my-meetings.ics")


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request):
    if request.method == "POST":
        services.calendar_token_revoke(user=request.user)
        messages.success(
            request, _("Your old calendar address no longer works; here is a new one.")
        )
        return redirect("governance:calendar-settings")
    token = services.calendar_token_for(request.user)
    return render(request, "governance/calendar_settings.html", {"token": token})
