"""Meetings: the list, a meeting's page, creating and editing (who may: ``governance.access``,
checked again by the services), answers, documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.forms import apply_errors
from core.pages import render_filtered_list, render_form_page
from members.permissions import is_secretariat

from .. import access, selectors, services
from ..filters import MeetingFilter
from ..forms import DocumentForm, MeetingCreateForm, MeetingForm, ResponseForm
from ..models import Meeting, MeetingDocument


def visible_meeting_or_404(user, pk) -> Meeting:
    meeting = access.visible_meetings(user).filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


def _changeable_meeting_or_404(user, pk) -> Meeting:
    meeting = visible_meeting_or_404(user, pk)
    if not access.may_change_meeting(user, meeting):
        raise Http404
    return meeting


@require_GET
def meeting_list(request):
    data = request.GET.copy()
    if not data.get("when"):  # also for "?when=": an unordered list would page inconsistently
        data["when"] = "upcoming"
    filterset = MeetingFilter(data, queryset=selectors.meeting_list(user=request.user))
    return render_filtered_list(
        request,
        "governance/meeting_list.html",
        filterset,
        {"may_create": access.may_organise_meetings(request.user)},
    )


@require_GET
def meeting_detail(request, pk):
    meeting = visible_meeting_or_404(request.user, pk)
    may_manage = access.may_change_meeting(request.user, meeting)
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
    if not access.may_organise_meetings(request.user):
        raise Http404
    groups = access.organisable_groups(request.user)
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
    meeting = _changeable_meeting_or_404(request.user, pk)
    groups = access.organisable_groups(request.user)
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
    meeting = visible_meeting_or_404(request.user, pk)
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
    meeting = _changeable_meeting_or_404(request.user, pk)
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
    if not access.may_see_document(request.user, document):
        raise Http404
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.file.name.rsplit("/", 1)[-1],
        content_type=document.content_type or "application/octet-stream",
    )
