"""Members' pages, one module per topic: public pages, a person's own pages, and the back office
(countries, ministries and ministers, appointments, partners and the audit log). The back-office
pages share one shape (``core.views``) behind one door (``SecretariatRequiredMixin``)."""

from .account import dashboard, profile
from .appointments import AppointmentCreate, AppointmentEnd, AppointmentList, appointment_reinvite
from .countries import CountryEdit, CountryJoin, CountryLeave, CountryList, country_detail
from .ministries import MinisterList, MinisterRecord, MinistryCreate, MinistryEdit, MinistryList
from .partners import AuditLog, PartnerCreate, PartnerEdit, PartnerList
from .public import invitation_accept, members_page, set_language

__all__ = [
    "AppointmentCreate",
    "AppointmentEnd",
    "AppointmentList",
    "AuditLog",
    "CountryEdit",
    "CountryJoin",
    "CountryLeave",
    "CountryList",
    "MinisterList",
    "MinisterRecord",
    "MinistryCreate",
    "MinistryEdit",
    "MinistryList",
    "PartnerCreate",
    "PartnerEdit",
    "PartnerList",
    "appointment_reinvite",
    "country_detail",
    "dashboard",
    "invitation_accept",
    "members_page",
    "profile",
    "set_language",
]
