"""Demo data for ``make run``: safe to run again (it updates, never duplicates)."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from knowledge.demo import load_demo_products
from members.models import (
    Country,
    FocalPointAppointment,
    MembershipPeriod,
    Minister,
    Ministry,
    PartnerInstitution,
    User,
)
from working_groups.models import GroupLead, WorkingGroup

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

# Leads chosen for the demo (the real leads were not public when this was written).
GROUP_LEADS = {1: ["EC", "JM"], 2: ["CR"], 3: ["AR", "PA"]}

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


class Command(BaseCommand):
    help = "Load demo data (countries' ministries, people, partners, group leads). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print logins.")

    def handle(self, *args, **options):
        if (settings.SETTINGS_MODULE or "").endswith("production"):
            raise CommandError("Demo data is never loaded with production settings.")
        password = settings.ALLIANCE_DEMO_PASSWORD
        with transaction.atomic():
            self._membership()
            ministries = self._ministries()
            self._partners()
            self._group_leads()
            self._users(ministries, password)
            self._knowledge()
        if not options["quiet_logins"]:
            self.stdout.write(f"\nDemo logins (password for all: {password})")
            for email, _name, _staff, _appt, role in DEMO_USERS:
                self.stdout.write(f"  {email:32} {role}")
            self.stdout.write("")

    def _knowledge(self):
        """Published knowledge products across types, pillars, countries and languages, and two
        proposals of Ecuador's focal point still in the workflow."""
        created = load_demo_products(
            secretariat=User.objects.get(email="secretariat@alliance.test"),
            proposer=User.objects.get(email="focal.ecuador@alliance.test"),
        )
        if created:
            self.stdout.write(f"Knowledge library: {created} demo products added.")

    def _membership(self):
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

    def _ministries(self):
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

    def _partners(self):
        for name, acronym, kind, joined_on in PARTNERS:
            PartnerInstitution.objects.update_or_create(
                name=name, defaults={"acronym": acronym, "kind": kind, "joined_on": joined_on}
            )

    def _group_leads(self):
        for number, codes in GROUP_LEADS.items():
            group = WorkingGroup.objects.get(number=number)
            for code in codes:
                GroupLead.objects.get_or_create(
                    group=group,
                    country=Country.objects.get(iso_code=code),
                    defaults={"start_on": datetime.date(2025, 2, 1)},
                )

    def _users(self, ministries, password):
        for email, name, secretariat, appointment, _role in DEMO_USERS:
            user, created = User.objects.get_or_create(
                email=email,
                defaults={
                    "full_name": name,
                    "is_secretariat": secretariat,
                    "is_staff": secretariat,
                    "is_superuser": secretariat,
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
