"""Writes for governance, by topic: the presidency rotation (``presidency``), the steering
committee's dated record (``committee``), meetings and calendar feeds (``meetings``). Every
service is importable from here: ``from governance.services import meeting_create``."""

from .committee import committee_sync
from .meetings import (
    calendar_token_for,
    calendar_token_revoke,
    meeting_create,
    meeting_document_add,
    meeting_respond,
    meeting_update,
)
from .presidency import (
    next_term_start,
    presidency_handover,
    presidency_schedule,
    presidency_term_add,
    presidency_term_change_end,
)

__all__ = [
    "calendar_token_for",
    "calendar_token_revoke",
    "committee_sync",
    "meeting_create",
    "meeting_document_add",
    "meeting_respond",
    "meeting_update",
    "next_term_start",
    "presidency_handover",
    "presidency_schedule",
    "presidency_term_add",
    "presidency_term_change_end",
]
