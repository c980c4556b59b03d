"""Writes for meetings: create and edit (who may is decided here, with ``governance.access``),
answers to invitations, documents, and the secret of each person's calendar feed."""

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import save_versioned
from core.tasks import enqueue
from core.uploads import MEETING_DOCUMENT, check_upload
from notifications.tasks import sweep_notifications

from .. import access
from ..models import CalendarToken, Meeting, MeetingDocument, MeetingResponse
from ..selectors import invitee_user_ids


def _check_meeting(meeting: Meeting) -> None:
    if meeting.body == Meeting.Body.WORKING_GROUP and meeting.group_id is None:
        raise ValidationError({"group": _("Choose the working group that meets.")})
    if meeting.body != Meeting.Body.WORKING_GROUP and meeting.group_id is not None:
        raise ValidationError({"group": _("Only a working group's meeting names a group.")})
    if meeting.start_at and meeting.end_at and meeting.end_at <= meeting.start_at:
        raise ValidationError({"end_at": _("The meeting must end after it starts.")})
    if not meeting.place and not meeting.online_url:
        raise ValidationError(_("Give a place, an online link, or both."))


def _check_organiser(user, meeting: Meeting) -> None:
    """The secretariat organises meetings of every body; a group lead only its own group's
    (``access.may_change_meeting``, read on the meeting as it will be). ``user`` None: the demo
    loader or the shell, which act for the secretariat."""
    if user is None or access.may_change_meeting(user, meeting):
        return
    if meeting.body != Meeting.Body.WORKING_GROUP:
        raise ValidationError(
            {"body": _("A group lead organises meetings of their own group only.")}
        )
    raise PermissionDenied


def _check_may_change(user, meeting: Meeting) -> None:
    """``user`` may change the meeting as it is stored (before any edit)."""
    if user is None:
        return
    # Locked without a join: PostgreSQL locks no row on the nullable side of an outer join.
    stored = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not access.may_change_meeting(user, stored):
        raise PermissionDenied


@transaction.atomic
def meeting_create(*, organiser, extra_invitees=(), **fields) -> Meeting:
    """``organiser`` must be allowed to organise this meeting (refused with PermissionDenied or a
    message on ``body`` otherwise)."""
    meeting = Meeting(organiser=organiser, **fields)
    _check_organiser(organiser, meeting)
    _check_meeting(meeting)
    meeting.full_clean()
    meeting.save()
    meeting.extra_invitees.set(extra_invitees)
    return meeting


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, version: int, extra_invitees=None, by=None, **fields
) -> Meeting:
    """``by`` must be allowed to change the meeting as it was and to organise it as it becomes
    (a lead cannot move their group's meeting to another group or body)."""
    _check_may_change(by, meeting)
    for name, value in fields.items():
        setattr(meeting, name, value)
    _check_organiser(by, meeting)
    _check_meeting(meeting)
    save_versioned(meeting, fields=list(fields), version=version)
    if extra_invitees is not None:
        meeting.extra_invitees.set(extra_invitees)
    # Those already reminded hear of a new time or a cancellation at the next sweep; ask for
    # one now. If the broker is down the save still succeeds and the periodic sweep catches up.
    transaction.on_commit(lambda: enqueue(sweep_notifications))
    return meeting


def meeting_respond(*, meeting: Meeting, user, answer: str) -> MeetingResponse:
    """An invitee answers attending, not attending or maybe (and may change their answer)."""
    if user.pk not in invitee_user_ids(meeting):
        raise ValidationError(
            _("Only invitees answer the invitation to this meeting."), code="not_invited"
        )
    if meeting.status != Meeting.Status.PLANNED:
        raise ValidationError(_("This meeting is no longer planned; answers are closed."))
    if answer not in MeetingResponse.Answer.values:
        raise ValidationError(_("Choose attending, not attending or maybe."))
    response, _created = MeetingResponse.objects.update_or_create(
        meeting=meeting, user=user, defaults={"answer": answer, "answered_at": timezone.now()}
    )
    return response


@transaction.atomic
def meeting_document_add(*, meeting: Meeting, kind: str, title: str, file, by) -> MeetingDocument:
    """Attach a document; ``by`` must be allowed to change the meeting."""
    _check_may_change(by, meeting)
    if kind == MeetingDocument.Kind.MINUTES and meeting.status != Meeting.Status.HELD:
        raise ValidationError({"kind": _("Minutes are added once the meeting has been held.")})
    try:
        checked = check_upload(file, policy=MEETING_DOCUMENT)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    file.name = checked.name
    document = MeetingDocument(
        meeting=meeting,
        kind=kind,
        title=title,
        file=file,
        size=checked.size,
        content_type=checked.content_type,
        uploaded_by=by,
    )
    document.full_clean()
    document.save()
    return document


# --- Calendar feeds -------------------------------------------------------------------------


def calendar_token_for(user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token


def calendar_token_revoke(*, user) -> CalendarToken:
    """The old feed URL stops working at once; a new one replaces it."""
    token = calendar_token_for(user)
    token.token = secrets.token_urlsafe(32)
    token.created_at = timezone.now()
    token.save(update_fields=["token", "created_at"])
    return token
