"""Writes to membership records. Each function is one business action, atomic, keyword-only.

One module per topic; ``from members import services`` then ``services.country_join(...)``."""

from .accounts import preferred_language_set, profile_update
from .appointments import appointment_end, focal_point_appoint
from .countries import country_join, country_leave, country_update
from .invitations import (
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_send,
    invitations_unsent,
)
from .ministries import minister_record, ministry_create, ministry_update
from .partners import PARTNER_FIELDS, partner_create, partner_update

__all__ = [
    "PARTNER_FIELDS",
    "appointment_end",
    "country_join",
    "country_leave",
    "country_update",
    "focal_point_appoint",
    "invitation_accept",
    "invitation_create",
    "invitation_for_token",
    "invitation_send",
    "invitations_unsent",
    "minister_record",
    "ministry_create",
    "ministry_update",
    "partner_create",
    "partner_update",
    "preferred_language_set",
    "profile_update",
]
