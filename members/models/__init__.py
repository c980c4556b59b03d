"""Who belongs to the Alliance and who acts for whom. History is kept in dated rows.

One module per topic; ``from members.models import X`` works for every model."""

from .accounts import User, UserManager, time_zone_choices, validate_time_zone
from .countries import Country, CountryQuerySet, MembershipPeriod
from .invitations import Invitation
from .ministries import FocalPointAppointment, Minister, Ministry
from .partners import PartnerInstitution

__all__ = [
    "Country",
    "CountryQuerySet",
    "FocalPointAppointment",
    "Invitation",
    "MembershipPeriod",
    "Minister",
    "Ministry",
    "PartnerInstitution",
    "User",
    "UserManager",
    "time_zone_choices",
    "validate_time_zone",
]
