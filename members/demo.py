"""Demo data of the members app: ministries, ministers, partners, demo people."""

import datetime

from allauth.account.models import EmailAddress

from members.models import (
    Country,
    FocalPointAppointment,
    MembershipPeriod,
    Minister,
    Ministry,
    PartnerInstitution,
    User,
)

LAUNCH = datetime.date(2024, 12, 12)

# Country, ministry name, kind, minister. Names of people are invented for the demo.
MINISTRIES = [
    ("EC", "Ministerio del Interior", "security", "Mónica Palacios"),
    ("EC", "Ministerio de la Mujer y Derechos Humanos", "justice", "Arianna Tanca"),
    ("BB", "Ministry of Home Affairs and Information", "both", "Wilfred Abrahams"),
    ("CR", "Ministerio de Seguridad Pública", "security", "Mario Zamora"),
    ("CR", "Ministerio de Justicia y Paz", "justice", "Gerald Campos"),
    ("AR", "Ministerio de Seguridad Nacional", "security", "Patricia Bullrich"),
    ("AR", "Ministerio de Justicia", "justice", "Mariano Cúneo Libarona"),
    ("JM", "Ministry of National Security", "security", "Horace Chang"),
    ("PA", "Ministerio de Seguridad Pública", "security", "Frank Ábrego"),
    ("UY", "Ministerio del Interior", "security", "Carlos Negro"),
]

PARTNERS = [
    ("Organization of American States", "OAS", "multilateral", LAUNCH),
    ("INTERPOL", "", "multilateral", LAUNCH),
    ("World Bank", "", "development_agency", LAUNCH),
    (
        "CAF – Development Bank of Latin America and the Caribbean",
        "CAF",
        "development_agency",
        LAUNCH,
    ),
    ("Caribbean Development Bank", "CDB", "development_agency", LAUNCH),
    (
        "CARICOM Implementation Agency for Crime and Security",
        "CARICOM IMPACS",
        "multilateral",
        LAUNCH,
    ),
    ("Global Initiative against Transnational Organized Crime", "GI-TOC", "civil_society", LAUNCH),
    ("Pan American Development Foundation", "PADF", "civil_society", LAUNCH),
    ("United Nations Development Programme", "UNDP", "multilateral", LAUNCH),
    ("Agence française de développement", "AFD", "development_agency", datetime.date(2025, 6, 1)),
]

DEMO_USERS = [
    # e-mail, name, secretariat?, (country, ministry name) of the appointment, what to print
    ("secretariat@alliance.test", "Sofía Secretariat", True, None, "secretariat (IDB)"),
    (
        "focal.ecuador@alliance.test",
        "Esteban Ecuador",
        False,
        ("EC", "Ministerio del Interior"),
        "focal point, Ecuador",
    ),
    (
        "focal.barbados@alliance.test",
        "Beverley Barbados",
        False,
        ("BB", "Ministry of Home Affairs and Information"),
        "focal point, Barbados",
    ),
    (
        "lead.costarica@alliance.test",
        "Carla Costa Rica",
        False,
        ("CR", "Ministerio de Seguridad Pública"),
        "group lead (Costa Rica leads working group 2)",
    ),
]


def load(*, password: str) -> list[tuple[str, str]]:
    """Create or update the demo records; returns the demo logins (e-mail, role)."""
    _membership()
    ministries = _ministries()
    _partners()
    _users(ministries, password)
    return [(email, role) for email, _name, _staff, _appt, role in DEMO_USERS]


def _membership():
    colombia, _ = Country.objects.get_or_create(
        iso_code="CO",
        defaults={
            "name_es": "Colombia",
            "name_en": "Colombia",
            "name_pt": "Colômbia",
            "name_fr": "Colombie",
        },
    )
    MembershipPeriod.objects.get_or_create(
        country=colombia,
        joined_on=datetime.date(2025, 3, 1),
        defaults={"note": "Joined by letter after the launch (demo date)."},
    )


def _ministries():
    ministries = {}
    for code, name, kind, minister in MINISTRIES:
        country = Country.objects.get(iso_code=code)
        ministry, _ = Ministry.objects.update_or_create(
            country=country, name=name, defaults={"kind": kind}
        )
        Minister.objects.get_or_create(
            ministry=ministry, full_name=minister, defaults={"start_on": LAUNCH}
        )
        ministries[(code, name)] = ministry
    return ministries


def _partners():
    for name, acronym, kind, joined_on in PARTNERS:
        PartnerInstitution.objects.update_or_create(
            name=name, defaults={"acronym": acronym, "kind": kind, "joined_on": joined_on}
        )


def _users(ministries, password):
    for email, name, secretariat, appointment, _role in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": name,
                "is_secretariat": secretariat,
                "is_staff": secretariat,
                "is_superuser": secretariat,
                # Barbados works in English; the others read Spanish first.
                "preferred_language": "en" if "barbados" in email else "es",
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if appointment:
            ministry = ministries[appointment]
            if not FocalPointAppointment.objects.filter(user=user, ministry=ministry).exists():
                FocalPointAppointment.objects.create(
                    user=user,
                    ministry=ministry,
                    appointed_by=ministry.ministers.order_by("-start_on").first(),
                    start_on=datetime.date(2025, 1, 15),
                )
