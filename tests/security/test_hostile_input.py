"""Hostile input never becomes a server error, and a refused request leaves nothing behind.

Property-based (hypothesis): every form of the portal is posted random and hostile values (very
long text, control characters and NUL, HTML/script and SQL fragments, impossible or extreme dates,
huge and negative numbers, files whose content is not what their name says), mixed with valid
values so that the services behind the forms see odd-but-valid input too; every list, search page
and the JSON API get hostile query strings. Each answer must be a 2xx, 3xx or 4xx that says
something (never a 500: the test client re-raises the view's exception, so a failure shows its
traceback), and after a 4xx the row counts of the project's models are what they were.
"""

import dataclasses
import datetime
import functools
import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, assume, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from governance import services as governance_services
from governance.models import Meeting, MeetingDocument, MeetingResponse
from knowledge import services as knowledge_services
from knowledge.models import KnowledgeProduct
from members.models import (
    Country,
    FocalPointAppointment,
    Ministry,
    PartnerInstitution,
    User,
)
from notifications.models import Delivery, NotificationKind
from tests.conftest import client_for
from tests.factories import (
    ActivityFactory,
    MinisterFactory,
    PartnerFactory,
    WorkPlanFactory,
    approved_plan,
)
from tests.knowledge.factories import KnowledgeProductFactory
from working_groups import services as wg_services
from working_groups.models import ActivityUpdate, GroupOptOut, WorkingGroup

# Hypothesis keeps caches in .hypothesis/ of the working directory: not in the project's tree.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="hypothesis-"))
FUZZ = hypothesis_settings(
    # 25 keeps CI fast; a deeper run: HOSTILE_INPUT_EXAMPLES=500 pytest tests/security/...
    max_examples=int(os.environ.get("HOSTILE_INPUT_EXAMPLES", "25")),
    database=None,  # nothing written into the tree
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- Hostile values -------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def _zip(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "abc\x00def",
    "\x00" * 8,
    "\x01\x02\x03\x07\x08\x0b\x0c\x0e\x1b[31m\x7f",
    "\r\n\t\r\n",
    "\u200b\u202e\ufeff\u2028",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "' OR '1'='1",
    "'; DROP TABLE members_country; --",
    "1) UNION SELECT password FROM members_user --",
    "%",
    "_",
    "\\",
    "%00",
    "{{ 7|add:7 }}{% debug %}",
    "${7*7}",
    "../../../../etc/passwd",
    "A" * 5000,
    "é" * 60_000,
    "😀" * 500,
    "a,b,,;\n,",
    "EC, EC, ec",
]
NASTY_NUMBERS = [
    "-1",
    "0",
    "1",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "9" * 40,
    "9" * 5000,
    "1e309",
    "NaN",
    "inf",
    "-0",
    "1.5",
    "0x1F",
    "²",
    "¹²³",
    "٣",
]
NASTY_DATES = [
    "2025-02-30",
    "2025-02-29",
    "99999-01-01",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "2025-13-45",
    "-2025-01-01",
    "2025-1-1",
    "31/12/2025",
    "2025-02-30T25:61",
    "9999-12-31T23:59",
    "0001-01-01T00:00",
    "2025-06-01T10:00+99:00",
]
HOSTILE = st.one_of(
    st.sampled_from(NASTY_TEXT + NASTY_NUMBERS + NASTY_DATES),
    st.text(max_size=200),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
)


@dataclasses.dataclass(frozen=True)
class Upload:
    name: str
    content: bytes
    content_type: str = "application/octet-stream"

    def build(self) -> SimpleUploadedFile:
        return SimpleUploadedFile(self.name, self.content, content_type=self.content_type)


GOOD_FILES = [Upload("report.pdf", PDF, "application/pdf"), Upload("chart.png", PNG, "image/png")]
BAD_FILES = [
    Upload("page.html", b"<html><script>alert(document.cookie)</script></html>", "text/html"),
    Upload(
        "image.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
        b"<script>alert(1)</script></svg>",
        "image/svg+xml",
    ),
    Upload("invoice.pdf", EXE, "application/pdf"),
    Upload("setup.exe", EXE, "application/x-msdownload"),
    Upload("empty.pdf", b"", "application/pdf"),
    Upload("../../../etc/passwd.pdf", PDF, "application/pdf"),
    Upload("a" * 400 + ".pdf", PDF, "application/pdf"),
    Upload("no-extension", PDF),
    Upload("nul\x00byte.pdf", PDF, "application/pdf"),
    Upload("<script>.pdf", PDF, "application/pdf"),
    Upload("data.csv", b"a,b\x00c\n", "text/csv"),
    Upload("data.csv", b"\xff\xfe\xfa" * 100, "text/csv"),
    Upload("fake.docx", b"PK\x03\x04 not really a zip", "application/zip"),
    Upload("bomb.docx", _zip(**{"[Content_Types].xml": b"<x/>", "evil.txt": b"0" * 100_000})),
    Upload("image.png", b"GIF89a" + b"\x00" * 30, "image/png"),
]
FILES = st.sampled_from(GOOD_FILES + BAD_FILES)


EXTREME_DATES = [datetime.date.min, datetime.date(1, 1, 2), datetime.date(9999, 12, 30)]
EXTREME_DATES.append(datetime.date.max)


def dates():
    """Valid dates, extremes included (the form accepts them; the services must cope)."""
    return st.one_of(
        st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2030, 12, 31)),
        st.sampled_from(EXTREME_DATES),
        st.dates(),
    ).map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")


def datetimes():
    return st.one_of(
        st.datetimes(
            min_value=datetime.datetime(2025, 1, 1), max_value=datetime.datetime(2030, 12, 31)
        ),
        st.sampled_from(EXTREME_DATES).flatmap(
            lambda d: st.sampled_from([datetime.time(0, 0), datetime.time(23, 59)]).map(
                lambda t: datetime.datetime.combine(d, t)
            )
        ),
        st.datetimes(),
    ).map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}")


def text(max_size=60):
    return st.text(max_size=max_size)


def name_text():
    return st.text(
        alphabet=st.characters(categories=["L", "N", "Zs", "P"]), min_size=1, max_size=60
    )


def choice(values):
    return st.sampled_from([str(v) for v in values])


def ids(queryset):
    """One existing primary key, read when the example is drawn."""
    return st.integers(min_value=0, max_value=10**6).map(
        lambda n: str(_pick(list(queryset.values_list("pk", flat=True)), n))
    )


def many_ids(queryset):
    return st.lists(ids(queryset), max_size=4, unique=True)


def _pick(values, n):
    return values[n % len(values)] if values else 0


def current_version(model, pk):
    return st.builds(lambda: str(model.objects.get(pk=pk).version))


# --- The world the forms act on ---------------------------------------------------------------


class World:
    """The records the forms act on, each made the first time a test asks for it (a test only
    pays for what its form needs)."""

    def __init__(self, alice, bob, ecuador):
        self.alice, self.bob, self.ecuador = alice, bob, ecuador
        self.today = datetime.date.today()

    @functools.cached_property
    def groups(self) -> dict[int, WorkingGroup]:
        return {g.number: g for g in WorkingGroup.objects.all()}

    @property
    def group(self) -> WorkingGroup:
        return self.groups[1]

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
            group=self.groups[2], country=costa_rica, start_on=self.today
        )

    @functools.cached_property
    def opt_out(self) -> GroupOptOut:
        return wg_services.group_member_remove(
            group=self.groups[3],
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
        for group in self.groups.values():
            approved_plan(group, activities=2)
        return wg_services.cycle_open(
            name="2026 first half",
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 6, 30),
            opens_on=self.today - datetime.timedelta(days=10),
            due_on=self.today + datetime.timedelta(days=20),
            groups=list(self.groups.values()),
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
        report = self.cycle.reports.get(country=self.ecuador, group=self.groups[2])
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


@pytest.fixture
def world(alice, bob, ecuador):
    return World(alice, bob, ecuador)


# --- What is fuzzed ---------------------------------------------------------------------------


@dataclasses.dataclass
class Form:
    """A form: who posts it, where, and for each field a strategy of valid values (hostile ones
    are mixed in by the test)."""

    user: str
    url: Callable[[World], str]
    fields: Callable[[World], dict]
    files: tuple[str, ...] = ()
    # Tables whose rows may change even when the answer is a 4xx (an intended partial save).
    may_change_on_4xx: tuple[str, ...] = ()


def _countries():
    return Country.objects.all()


def _report_fields(report):
    def fields(w):
        values = {
            "version": current_version(type(report), report.pk),
            "achievements": text(),
            "challenges": text(),
            "support_needed": text(),
            "submit": st.just("1"),
        }
        for update in ActivityUpdate.objects.filter(report=report):
            name = update.field_name
            values[name("status")] = choice(ActivityUpdate.Status.values)
            values[name("percent")] = st.integers(0, 100).map(str)
            values[name("narrative")] = text()
            values[name("link")] = st.just("https://example.org/more")
            for piece in update.evidence.all():
                values[f"remove-evidence-{piece.pk}"] = st.just("on")
        return values

    return fields


FORMS = {
    # Back office: members
    "country-edit": Form(
        "alice",
        lambda w: reverse("members:country-edit", args=["EC"]),
        lambda w: {
            **{f"name_{lang}": name_text() for lang in ("es", "en", "pt", "fr")},
            "version": current_version(Country, w.ecuador.pk),
        },
    ),
    "country-join": Form(
        "alice",
        lambda w: reverse("members:country-join"),
        lambda w: {
            "iso_code": st.sampled_from(["EC", "XQ", "ZZ", "ec"]),
            **{f"name_{lang}": name_text() for lang in ("es", "en", "pt", "fr")},
            "joined_on": dates(),
            "note": text(),
        },
    ),
    "country-leave": Form(
        "alice",
        lambda w: reverse("members:country-leave", args=["EC"]),
        lambda w: {"left_on": dates(), "note": name_text()},
    ),
    "ministry-create": Form(
        "alice",
        lambda w: reverse("members:ministry-create"),
        lambda w: {
            "country": ids(_countries()),
            "kind": choice(Ministry.Kind.values),
            "name": name_text(),
        },
    ),
    "ministry-edit": Form(
        "alice",
        lambda w: reverse("members:ministry-edit", args=[w.ministry.pk]),
        lambda w: {
            "country": ids(_countries()),
            "kind": choice(Ministry.Kind.values),
            "name": name_text(),
            "version": current_version(Ministry, w.ministry.pk),
        },
    ),
    "minister-record": Form(
        "alice",
        lambda w: reverse("members:minister-record"),
        lambda w: {
            "ministry": ids(Ministry.objects.all()),
            "full_name": name_text(),
            "start_on": dates(),
        },
    ),
    "appointment-create": Form(
        "alice",
        lambda w: reverse("members:appointment-create"),
        lambda w: {
            "full_name": name_text(),
            "email": st.emails().filter(lambda e: len(e) < 200),
            "ministry": ids(Ministry.objects.all()),
            "appointed_by": ids(w.ministry.ministers.all()),
            "start_on": dates(),
            "preferred_language": choice(["es", "en", "pt", "fr"]),
        },
    ),
    "appointment-end": Form(
        "alice",
        lambda w: reverse("members:appointment-end", args=[w.appointment.pk]),
        lambda w: {"end_on": dates(), "reason": name_text()},
    ),
    "partner-create": Form(
        "alice",
        lambda w: reverse("members:partner-create"),
        lambda w: {
            "name": name_text(),
            "acronym": text(30),
            "kind": choice(PartnerInstitution.Kind.values),
            "country": ids(_countries()),
            "website": st.sampled_from(["https://example.org", "", "http://[::1]"]),
            "joined_on": dates(),
            "left_on": dates(),
        },
    ),
    "partner-edit": Form(
        "alice",
        lambda w: reverse("members:partner-edit", args=[w.partner.pk]),
        lambda w: {
            "name": name_text(),
            "acronym": text(30),
            "kind": choice(PartnerInstitution.Kind.values),
            "country": ids(_countries()),
            "website": st.sampled_from(["https://example.org", ""]),
            "joined_on": dates(),
            "left_on": dates(),
            "version": current_version(PartnerInstitution, w.partner.pk),
        },
    ),
    "profile": Form(
        "bob",
        lambda w: reverse("members:profile"),
        lambda w: {
            "full_name": name_text(),
            "preferred_language": choice(["es", "en", "pt", "fr"]),
            "time_zone": st.sampled_from(["America/Bogota", "UTC", "Europe/Madrid", "Etc/GMT+12"]),
        },
    ),
    "notification-settings": Form(
        "bob",
        lambda w: reverse("notifications:notification-settings"),
        lambda w: {kind: choice(Delivery.values) for kind in NotificationKind.values},
    ),
    "notification-mark-read": Form(
        "bob",
        lambda w: reverse("notifications:notification-mark-read"),
        lambda w: {"notification": st.integers(0, 100).map(str)},
    ),
    # Presidency
    "presidency-term-add": Form(
        "alice",
        lambda w: reverse("governance:presidency-term-add"),
        lambda w: {
            "country": ids(_countries()),
            "start_on": dates(),
            "end_on": dates(),
            "notes": text(),
        },
    ),
    "presidency-schedule": Form(
        "alice",
        lambda w: reverse("governance:presidency-schedule"),
        lambda w: {"countries": st.sampled_from(["PA, JM, CL", "EC", "CR,CR", "BB ; JM"])},
    ),
    "presidency-term-end": Form(
        "alice",
        lambda w: reverse("governance:presidency-term-end", args=[w.term.pk]),
        lambda w: {"end_on": dates(), "reason": name_text()},
    ),
    "presidency-handover": Form(
        "alice",
        lambda w: reverse("governance:presidency-handover", args=[w.term.pk]),
        lambda w: {"on": dates(), "reason": name_text(), "successor": ids(_countries())},
    ),
    # Meetings
    "meeting-create": Form(
        "alice",
        lambda w: reverse("governance:meeting-create"),
        lambda w: _meeting_fields(),
    ),
    "meeting-edit": Form(
        "alice",
        lambda w: reverse("governance:meeting-edit", args=[w.meeting.pk]),
        lambda w: {**_meeting_fields(), "version": current_version(Meeting, w.meeting.pk)},
    ),
    "meeting-respond": Form(
        "bob",
        lambda w: reverse("governance:meeting-respond", args=[w.meeting.pk]),
        lambda w: {"answer": choice(MeetingResponse.Answer.values)},
    ),
    "meeting-document-add": Form(
        "alice",
        lambda w: reverse("governance:meeting-document-add", args=[w.meeting.pk]),
        lambda w: {"kind": choice(MeetingDocument.Kind.values), "title": name_text()},
        files=("file",),
    ),
    # Working groups
    "lead-add": Form(
        "alice",
        lambda w: reverse("working_groups:lead-add", args=[w.group.slug]),
        lambda w: {"country": ids(_countries()), "start_on": dates()},
    ),
    "lead-end": Form(
        "alice",
        lambda w: reverse("working_groups:lead-end", args=[w.lead.pk]),
        lambda w: {"end_on": dates()},
    ),
    "member-remove": Form(
        "alice",
        lambda w: reverse("working_groups:member-remove", args=[w.group.slug]),
        lambda w: {"country": ids(_countries()), "start_on": dates(), "note": name_text()},
    ),
    "member-restore": Form(
        "alice",
        lambda w: reverse("working_groups:member-restore", args=[w.opt_out.pk]),
        lambda w: {"on": dates()},
    ),
    "plan-create": Form(
        "alice",
        lambda w: reverse("working_groups:plan-create", args=[w.group.slug]),
        lambda w: {"title": name_text(), "period_start": dates(), "period_end": dates()},
    ),
    "plan-edit": Form(
        "alice",
        lambda w: reverse("working_groups:plan-edit", args=[w.draft_plan.pk]),
        lambda w: {
            "title": name_text(),
            "period_start": dates(),
            "period_end": dates(),
            "version": current_version(type(w.draft_plan), w.draft_plan.pk),
        },
    ),
    "activity-create": Form(
        "alice",
        lambda w: reverse("working_groups:activity-create", args=[w.draft_plan.pk]),
        lambda w: _activity_fields(),
    ),
    "activity-edit": Form(
        "alice",
        lambda w: reverse("working_groups:activity-edit", args=[w.activity.pk]),
        lambda w: _activity_fields(),
    ),
    "cycle-open": Form(
        "alice",
        lambda w: reverse("working_groups:cycle-open"),
        lambda w: {
            "name": name_text(),
            "period_start": dates(),
            "period_end": dates(),
            "opens_on": dates(),
            "due_on": dates(),
            "late_flag_days": st.integers(0, 400).map(str),
            "groups": many_ids(WorkingGroup.objects.all()),
        },
    ),
    "cycle-publish": Form(
        "alice",
        lambda w: reverse("working_groups:cycle-publish", args=[w.cycle.pk]),
        lambda w: {"publish": st.sampled_from(["0", "1"])},
    ),
    "report-edit": Form(
        "bob",
        lambda w: reverse("working_groups:report-edit", args=[w.report.pk]),
        lambda w: _report_fields(w.report)(w),
        # Its file fields (one per activity) are named by the test, from the world.
        # A submit that misses required fields still saves the draft (and its new evidence).
        may_change_on_4xx=("working_groups_evidence",),
    ),
    "report-carry-forward": Form(
        "bob",
        lambda w: reverse("working_groups:report-carry-forward", args=[w.report.pk]),
        lambda w: {"version": current_version(type(w.report), w.report.pk)},
    ),
    "report-review": Form(
        "alice",
        lambda w: reverse("working_groups:report-review", args=[w.submitted_report.pk]),
        lambda w: {"decision": st.sampled_from(["accept", "return"]), "comment": text()},
    ),
    # Knowledge workspace
    "product-create": Form(
        "bob",
        lambda w: reverse("knowledge:product-create"),
        lambda w: _product_fields(w, create=True),
    ),
    "product-create-secretariat": Form(
        "alice",
        lambda w: reverse("knowledge:product-create"),
        lambda w: _product_fields(w, create=True),
    ),
    "product-edit": Form(
        "bob",
        lambda w: reverse("knowledge:product-edit", args=[w.product.pk]),
        lambda w: {
            **_product_fields(w, create=False),
            "version": current_version(KnowledgeProduct, w.product.pk),
        },
    ),
    "file-add": Form(
        "bob",
        lambda w: reverse("knowledge:file-add", args=[w.product.pk]),
        lambda w: {"label": name_text()},
        files=("file",),
    ),
    "file-replace": Form(
        "bob",
        lambda w: reverse("knowledge:file-replace", args=[w.product_file.pk]),
        lambda w: {"reason": name_text()},
        files=("file",),
    ),
    "link-add": Form(
        "bob",
        lambda w: reverse("knowledge:link-add", args=[w.product.pk]),
        lambda w: {
            "label": name_text(),
            "url": st.sampled_from(["https://example.org/a", "example.org", "ftp://x"]),
        },
    ),
    "product-return": Form(
        "alice",
        lambda w: reverse("knowledge:product-return", args=[w.product.pk]),
        lambda w: {"comment": text()},
    ),
}


def _meeting_fields():
    return {
        "body": choice(Meeting.Body.values),
        "group": ids(WorkingGroup.objects.all()),
        "title": name_text(),
        "start_at": datetimes(),
        "end_at": datetimes(),
        "time_zone": st.sampled_from(["America/Bogota", "UTC", "Pacific/Kiritimati", "Etc/GMT+12"]),
        "place": text(),
        "online_url": st.sampled_from(["https://meet.example.org/x", ""]),
        "agenda": text(300),
        "status": choice(Meeting.Status.values),
        "visibility": choice(Meeting.Visibility.values),
        "extra_invitees": many_ids(User.objects.all()),
    }


def _activity_fields():
    return {
        "title": name_text(),
        "description": text(),
        "responsible_countries": many_ids(_countries()),
        "start_on": dates(),
        "due_on": dates(),
        "expected_output": name_text(),
        "indicator": text(),
        "target": text(),
    }


def _product_fields(w, *, create):
    values = {
        "title": name_text(),
        "product_type": choice(KnowledgeProduct.Type.values),
        "summary": name_text(),
        "body": text(300),
        "language": choice(KnowledgeProduct.Language.values),
        "pillars": many_ids(WorkingGroup.objects.all()),
        "countries": many_ids(_countries()),
        "is_regional": st.sampled_from(["on", ""]),
        "published_on": dates(),
        "authors": text(),
        "organisation": text(),
        "working_group": ids(WorkingGroup.objects.all()),
        "evidence_level": choice(KnowledgeProduct.EvidenceLevel.values),
        "evidence_verdict": choice(KnowledgeProduct.Verdict.values),
        "topics_text": text(),
        "translation_of_slug": st.sampled_from(["", w.published.slug]),
        "related_slugs": st.sampled_from(["", w.published.slug]),
    }
    if create:
        values["proposing_country"] = ids(_countries())
    return values


# Query strings: the parameters each list understands, with valid values.
# The lists, with who looks at them and the records that fill them.
LISTS = {
    "knowledge:library": ("bob", ("published",)),
    "knowledge:feed": (None, ("published",)),
    "knowledge:feed-atom": (None, ("published",)),
    "knowledge:api-product-list": (None, ("published",)),
    "knowledge:workspace": ("bob", ("product",)),
    "governance:meeting-list": ("bob", ("meeting",)),
    "members:country-list": ("alice", ()),
    "members:ministry-list": ("alice", ("ministry",)),
    "members:minister-list": ("alice", ("ministry",)),
    "members:appointment-list": ("alice", ()),
    "members:partner-list": ("alice", ("partner",)),
    "members:audit-log": ("alice", ("term",)),
    "notifications:notification-queue": ("alice", ()),
    "notifications:notification-list": ("bob", ()),
}
QUERY_PARAMETERS = {
    "q": text(),
    "page": st.integers(-5, 10**25).map(str),
    "page_size": st.integers(-5, 1000).map(str),
    "sort": st.sampled_from(["relevance", "newest", "oldest", "title"]),
    "type": choice(KnowledgeProduct.Type.values),
    "pillar": st.integers(0, 9).map(str),
    "country": st.sampled_from(["EC", "CR", "ec", "1"]),
    "regional": st.just("true"),
    "language": choice(KnowledgeProduct.Language.values),
    "year": st.integers(1800, 2200).map(str),
    "topic": st.sampled_from(["youth", "prisons"]),
    "evidence": choice(KnowledgeProduct.Verdict.values),
    "level": st.integers(0, 5).map(str),
    "status": st.sampled_from(["member", "active", "ended", "former", "draft", "sent"]),
    "kind": st.sampled_from(["security", "multilateral", "meeting_reminder"]),
    "body": choice(Meeting.Body.values),
    "when": st.sampled_from(["upcoming", "past", "all"]),
    "object_type": st.sampled_from(["members.Country", "knowledge.KnowledgeProduct"]),
    "action": text(),
    "actor": text(),
    "since": dates(),
    "until": dates(),
}

# --- The checks -------------------------------------------------------------------------------


def _row_counts() -> dict[str, int]:
    """The number of rows of every table of the project's apps, in one query."""
    tables = sorted(
        model._meta.db_table
        for label in ("members", "notifications", "governance", "working_groups", "knowledge")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    )
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT '{table}', COUNT(*) FROM {quote(table)}"  # the project's own table names
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def _media_files() -> int:
    root = Path(django_settings.MEDIA_ROOT)
    return sum(1 for p in root.rglob("*") if p.is_file()) if root.exists() else 0


ERROR_MARKERS = (b"errorlist", b"form-errors", b'class="messages', b'"error"')


def check_answer(response, *, before, after, files_before, files_after, may_change=()):
    status = response.status_code
    assert status < 500, status
    if 300 <= status < 400:
        assert response["Location"]
        return
    content = b"".join(response) if response.streaming else response.content
    assert content.strip(), f"{status} without a message"
    if 400 <= status < 500:
        if status in (400, 409) and response["Content-Type"].startswith("text/html"):
            assert any(marker in content for marker in ERROR_MARKERS), content[:2000]
        changed = {
            label: (before[label], after[label])
            for label in before
            if before[label] != after[label] and label not in may_change
        }
        assert not changed, f"a {status} answer left rows behind: {changed}"
        if not may_change:
            assert files_after == files_before, "a refused upload left a file behind"


def _fill(draw, fields: dict, files: tuple[str, ...]) -> dict:
    """Each field: a valid value, a hostile one, several values, or nothing at all."""
    names = sorted(fields) + list(files)
    hostile = draw(st.sets(st.sampled_from(names))) if names else set()
    post, uploads = {}, {}
    for name in names:
        if draw(st.integers(0, 9)) == 0:
            continue  # left out
        if name in files:
            upload = draw(FILES) if name not in hostile else draw(st.sampled_from(BAD_FILES))
            uploads[name] = upload.build()
        elif name in hostile:
            post[name] = draw(st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3)))
        else:
            post[name] = draw(fields[name])
    post.update(uploads)
    return post


@pytest.mark.parametrize("form_name", sorted(FORMS))
def test_every_form_answers_hostile_input_without_a_500_and_leaves_nothing_half_saved(
    client, world, form_name
):
    form = FORMS[form_name]
    client_for(client, getattr(world, form.user))
    url = form.url(world)
    files = form.files
    if form_name == "report-edit":
        files = tuple(u.field_name("file") for u in world.report.updates.all())
    fields = form.fields(world)  # the same fields for every example, whatever they change

    @FUZZ
    @given(data=st.data())
    def post_hostile(data):
        post = _fill(data.draw, fields, files)
        before, files_before = _row_counts(), _media_files()
        response = client.post(url, post)
        if response.status_code in (301, 302, 303):
            # What was saved must not break the page it leads to.
            assert client.get(response["Location"]).status_code < 500
        check_answer(
            response,
            before=before,
            after=_row_counts(),
            files_before=files_before,
            files_after=_media_files(),
            may_change=form.may_change_on_4xx,
        )

    post_hostile()


@pytest.mark.parametrize("list_name", sorted(LISTS))
def test_every_list_search_and_api_answers_hostile_query_strings_without_a_500(
    client, world, list_name
):
    user, needs = LISTS[list_name]
    for record in needs:
        getattr(world, record)
    if user:
        client_for(client, getattr(world, user))
    url = reverse(list_name)
    known = st.sets(st.sampled_from(sorted(QUERY_PARAMETERS)), max_size=8)
    unknown = st.sets(st.text(max_size=20), max_size=2)

    @FUZZ
    @given(data=st.data())
    def get_hostile(data):
        query = {}
        for name in sorted(data.draw(known)) + sorted(data.draw(unknown)):
            if name in QUERY_PARAMETERS and data.draw(st.booleans()):
                value = data.draw(QUERY_PARAMETERS[name])
            else:
                value = data.draw(st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3)))
            query[name] = value
        before = _row_counts()
        response = client.get(url, query)
        assert response.status_code < 500
        check_answer(response, before=before, after=_row_counts(), files_before=0, files_after=0)

    get_hostile()


# Keys no record has: 0 (never given out), far beyond any sequence, and the edges of 32- and 64-bit
# integers and beyond (what a database column cannot even hold).
NO_SUCH_PK = st.one_of(
    st.just(0),
    st.integers(10**9, 10**30),
    st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, 10**4000]),
)


@FUZZ
@given(pk=NO_SUCH_PK, slug=st.from_regex(r"\A[-a-zA-Z0-9_]{1,300}\Z"))
def test_detail_addresses_with_odd_keys_answer_404_not_500(client, world, pk, slug):
    """The secretariat sees every record there is, so a 404 here means "no such record", not
    "not yours"; each address must answer exactly that."""
    assume(not WorkingGroup.objects.filter(slug=slug).exists())
    assume(not KnowledgeProduct.objects.filter(slug=slug).exists())
    client_for(client, world.alice)
    for name in (
        "governance:meeting-detail",
        "governance:meeting-ics",
        "working_groups:plan-detail",
        "working_groups:report-detail",
        "working_groups:cycle-detail",
        "working_groups:evidence-download",
        "knowledge:file-download",
        "knowledge:workspace-product",
        "members:ministry-edit",
    ):
        assert client.get(reverse(name, args=[pk])).status_code == 404, (name, pk)
    for name in (
        "knowledge:product-detail",
        "knowledge:api-product-detail",
        "working_groups:group-detail",
    ):
        assert client.get(reverse(name, args=[slug])).status_code == 404, (name, slug)
    for name in ("members:invitation-accept", "notifications:unsubscribe"):
        response = client.post(reverse(name, args=[slug]), {"new_password1": "x"})
        assert response.status_code == 404, (name, slug)
