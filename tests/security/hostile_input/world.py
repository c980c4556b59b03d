"""The records the forms act on, each made the first time a test asks for it."""

import datetime
import functools

from governance import services as governance_services
from governance.models import Meeting
from knowledge import services as knowledge_services
from knowledge.models import KnowledgeProduct
from members.models import Country, FocalPointAppointment, Ministry, PartnerInstitution
from tests.factories import (
    ActivityFactory,
    MinisterFactory,
    PartnerFactory,
    WorkPlanFactory,
    approved_plan,
)
from tests.knowledge.factories import KnowledgeProductFactory
from working_groups import services as wg_services
from working_groups.models import GroupOptOut, WorkingGroup

from .strategies import GOOD_FILES


class World:
    """The records the forms act on, each made the first time a test asks for it (a test only
    pays for what its form needs)."""

    def __init__(self, alice, bob, ecuador, group1, group2, group3):
        self.alice, self.bob, self.ecuador = alice, bob, ecuador
        self.group1, self.group2, self.group3 = group1, group2, group3
        self.today = datetime.date.today()

    @property
    def group(self) -> WorkingGroup:
        return self.group1

    @functools.cached_property
    def appointment(self) -> FocalPointAppointment:
        return self.bob.appointments.get()

    @functools.cached_property
    def ministry(self) -> Ministry:
        ministry = self.appointment.ministry
        MinisterFactory(ministry=ministry)
        return ministry

    @functools.cached_property
    def partner(self) -> PartnerInstitution:
        return PartnerFactory()

    @functools.cached_property
    def term(self):
        return governance_services.presidency_term_add(
            country=self.ecuador,
            start_on=self.today,
            end_on=self.today + datetime.timedelta(days=300),
            by=self.alice,
        )

    @functools.cached_property
    def meeting(self) -> Meeting:
        start = datetime.datetime.combine(
            self.today + datetime.timedelta(days=10), datetime.time(15), tzinfo=datetime.UTC
        )
        return governance_services.meeting_create(
            organiser=self.alice,
            body=Meeting.Body.WORKING_GROUP,
            group=self.group,
            title="Working group meeting",
            start_at=start,
            end_at=start + datetime.timedelta(hours=2),
            time_zone="America/Bogota",
            online_url="https://meet.example.org/x",
            visibility=Meeting.Visibility.MEMBERS,
        )

    @functools.cached_property
    def lead(self):
        costa_rica = Country.objects.get(iso_code="CR")
        return wg_services.group_lead_add(
            group=self.group2, country=costa_rica, start_on=self.today
        )

    @functools.cached_property
    def opt_out(self) -> GroupOptOut:
        return wg_services.group_opt_out_create(
            group=self.group3,
            country=Country.objects.get(iso_code="PA"),
            start_on=self.today,
            note="Asked to",
            by=self.alice,
        )

    @functools.cached_property
    def draft_plan(self):
        return WorkPlanFactory(group=self.group, status="draft")

    @functools.cached_property
    def activity(self):
        return ActivityFactory(plan=self.draft_plan)

    @functools.cached_property
    def cycle(self):
        for group in (self.group1, self.group2, self.group3):
            approved_plan(group, activities=2)
        return wg_services.cycle_open(
            name="2026 first half",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 6, 30),
            opens_on=self.today - datetime.timedelta(days=10),
            due_on=self.today + datetime.timedelta(days=20),
            groups=[self.group1, self.group2, self.group3],
            by=self.alice,
        )

    @functools.cached_property
    def report(self):
        """Ecuador's draft report to group 1, with a piece of evidence."""
        report = self.cycle.reports.get(country=self.ecuador, group=self.group)
        wg_services.report_save(
            report=report,
            version=report.version,
            by=self.bob,
            achievements="",
            challenges="",
            support_needed="",
            updates={},
            evidence={
                update.pk: {"link": "https://example.org/evidence", "file": None}
                for update in report.updates.all()[:1]
            },
        )
        report.refresh_from_db()
        return report

    @functools.cached_property
    def submitted_report(self):
        """Ecuador's complete report to group 2, submitted for review."""
        report = self.cycle.reports.get(country=self.ecuador, group=self.group2)
        wg_services.report_save(
            report=report,
            version=report.version,
            by=self.bob,
            achievements="Done",
            challenges="None",
            support_needed="",
            updates={
                u.pk: {"status": "on_track", "percent": 50, "narrative": "Going well"}
                for u in report.updates.all()
            },
        )
        report.refresh_from_db()
        return wg_services.report_submit(report=report, version=report.version, by=self.bob)

    @functools.cached_property
    def product(self) -> KnowledgeProduct:
        """Ecuador's draft proposal, with a file."""
        return knowledge_services.product_create(
            by=self.bob,
            title="A proposal from Ecuador",
            product_type=KnowledgeProduct.Type.GUIDE,
            summary="A guide.",
            language="es",
            proposing_country=self.ecuador,
            countries=[self.ecuador],
        )

    @functools.cached_property
    def product_file(self):
        return knowledge_services.product_file_add(
            product=self.product, by=self.bob, label="Full text", upload=GOOD_FILES[0].build()
        )

    @functools.cached_property
    def published(self) -> KnowledgeProduct:
        return KnowledgeProductFactory(title="A published guide", topics=["youth"])
