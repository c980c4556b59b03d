# ruff: noqa: E501 - the matrix is a table, one URL name a line
"""The permission matrix: every URL name of the portal, opened by every kind of person.

``MATRIX`` below is the specification. One row per URL name: the HTTP method (GET; POST with an
empty body for views that only accept POST), the fixture objects its arguments are taken from,
and the status each role must get:

    anonymous   nobody signed in
    country_a   Bob, focal point of Ecuador (the country that owns the records below)
    country_b   Carol, focal point of Barbados, which does not take part in the group
    group_lead  Lena, focal point of Costa Rica, which leads the group
    secretariat Alice, secretariat staff with a second factor
    ended       Dave, whose appointment with an Ecuadorian ministry has ended

``LOGIN`` is a redirect to the login page; ``302`` a redirect anywhere else (the normal answer to
a POST that was let through); 400 means "let in, but the empty form was refused".

The records the URLs point at belong to Ecuador or to its group (a members-only meeting of the
group, a draft work plan, Ecuador's progress report and its evidence, a draft knowledge product
proposed by Bob...), so the country_b column is the "someone else's record" check.

The data is built once for the module; every request runs in a savepoint that is rolled back,
so a POST that approves, deletes or publishes something does not change what the next request
sees.
"""

import datetime
import hashlib
import operator
import types
import zoneinfo

import pytest
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from core.dates import alliance_today
from governance import services as governance_services
from governance.models import CalendarToken, Meeting, PresidencyTerm
from knowledge import services as knowledge_services
from knowledge.models import KnowledgeProduct
from members.models import Country, Invitation
from notifications import mail
from notifications.models import Notification, NotificationKind
from tests.conftest import (
    clear_caches,
    client_for,
    make_alice,
    make_bob,
    make_carol,
    make_dave,
    make_lena,
)
from tests.factories import (
    ActivityFactory,
    PartnerFactory,
    UserFactory,
    WorkPlanFactory,
    approved_plan,
)
from tests.knowledge.factories import PDF_BYTES, KnowledgeProductFactory, upload
from working_groups import services as wg_services
from working_groups.models import Evidence, GroupLead, GroupOptOut, ProgressReport, WorkingGroup

GET, POST = "GET", "POST"
LOGIN = "302 to login"

ROLES = ("anonymous", "country_a", "country_b", "group_lead", "secretariat", "ended")

# fmt: off
# One row per URL name. Arguments are attributes of ``world``; the statuses are, in order, for
# anonymous, focal point of country A, of country B, group lead, secretariat, ended appointment.
#                                            method   arguments               anon   A    B    lead sec  ended
MATRIX = {
    # --- Public pages, feeds and machine endpoints ----------------------------------------------
    "home":                                  (GET,  "",                       200,   200, 200, 200, 200, 200),
    "healthz":                               (GET,  "",                       200,   200, 200, 200, 200, 200),
    # The benchmark's ceiling (bench/, installed by the local, test and bench settings only).
    "bench-ceiling":                         (GET,  "",                       200,   200, 200, 200, 200, 200),
    "set_language":                          (POST, "",                       302,   302, 302, 302, 302, 302),
    "sitemap-index":                         (GET,  "",                       200,   200, 200, 200, 200, 200),
    "django.contrib.sitemaps.views.sitemap": (GET,  "sitemap_section",        200,   200, 200, 200, 200, 200),
    "members:members":                       (GET,  "",                       200,   200, 200, 200, 200, 200),
    "governance:governance":                 (GET,  "",                       200,   200, 200, 200, 200, 200),
    "governance:meeting-list":               (GET,  "",                       200,   200, 200, 200, 200, 200),
    "governance:public-feed":                (GET,  "",                       200,   200, 200, 200, 200, 200),
    "working_groups:group-list":             (GET,  "",                       200,   200, 200, 200, 200, 200),
    "working_groups:group-detail":           (GET,  "group.slug",             200,   200, 200, 200, 200, 200),
    "working_groups:cycle-summary":          (GET,  "published_cycle.pk",     200,   200, 200, 200, 200, 200),
    "working_groups:cycle-summary-moved":    (GET,  "published_cycle.pk",     301,   301, 301, 301, 301, 301),
    "knowledge:library":                     (GET,  "",                       200,   200, 200, 200, 200, 200),
    "knowledge:feed":                        (GET,  "",                       200,   200, 200, 200, 200, 200),
    "knowledge:feed-atom":                   (GET,  "",                       200,   200, 200, 200, 200, 200),
    "knowledge:product-detail":              (GET,  "published.slug",         200,   200, 200, 200, 200, 200),
    "knowledge:file-download":               (GET,  "public_version.pk",      200,   200, 200, 200, 200, 200),
    "knowledge:api-product-list":            (GET,  "",                       200,   200, 200, 200, 200, 200),
    "knowledge:api-product-detail":          (GET,  "published.slug",         200,   200, 200, 200, 200, 200),
    # Links that carry their own credential (a signed or random token), no session needed.
    "members:invitation-accept":             (GET,  "invitation_token",       200,   200, 200, 200, 200, 200),
    "notifications:unsubscribe":                   (GET,  "unsubscribe_token",      200,   200, 200, 200, 200, 200),
    "governance:private-feed":               (GET,  "calendar_token",         200,   200, 200, 200, 200, 200),

    # --- Anyone signed in, about themselves ---------------------------------------------------
    "members:dashboard":                     (GET,  "",                       LOGIN, 200, 200, 200, 200, 200),
    "members:profile":                       (GET,  "",                       LOGIN, 200, 200, 200, 200, 200),
    "notifications:notification-list":             (GET,  "",                       LOGIN, 200, 200, 200, 200, 200),
    "notifications:notification-mark-read":        (POST, "",                       LOGIN, 302, 302, 302, 302, 302),
    "notifications:notification-settings":         (GET,  "",                       LOGIN, 200, 200, 200, 200, 200),
    "governance:calendar-settings":          (GET,  "",                       LOGIN, 200, 200, 200, 200, 200),
    "working_groups:report-dashboard":       (GET,  "",                       LOGIN, 200, 200, 200, 200, 200),

    # --- Members' back office (secretariat only) --------------------------------------------
    "members:country-list":                  (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:country-join":                  (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:country-edit":                  (GET,  "country_a.iso_code",     LOGIN, 403, 403, 403, 200, 403),
    "members:country-leave":                 (GET,  "country_a.iso_code",     LOGIN, 403, 403, 403, 200, 403),
    "members:ministry-list":                 (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:ministry-create":               (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:ministry-edit":                 (GET,  "ministry_a.pk",          LOGIN, 403, 403, 403, 200, 403),
    "members:minister-list":                 (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:minister-record":               (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:appointment-list":              (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:appointment-create":            (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:appointment-end":               (GET,  "appointment_a.pk",       LOGIN, 403, 403, 403, 200, 403),
    "members:appointment-reinvite":          (POST, "appointment_a.pk",       LOGIN, 403, 403, 403, 302, 403),
    # The appointment pages' first addresses (backoffice/focal-points/...) redirect for good.
    "members:appointment-list-redirect":     (GET,  "",                       301,   301, 301, 301, 301, 301),
    "members:appointment-create-redirect":   (GET,  "",                       301,   301, 301, 301, 301, 301),
    "members:appointment-end-redirect":      (GET,  "appointment_a.pk",       301,   301, 301, 301, 301, 301),
    "members:appointment-reinvite-redirect": (POST, "appointment_a.pk",       308,   308, 308, 308, 308, 308),
    "notifications:notification-queue":            (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "notifications:notification-retry":            (POST, "failed_notification.pk", LOGIN, 403, 403, 403, 302, 403),
    "members:audit-log":                     (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:partner-list":                  (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:partner-create":                (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "members:partner-edit":                  (GET,  "partner.pk",             LOGIN, 403, 403, 403, 200, 403),
    # A country's record: its own focal points read it, nobody else learns it is there.
    "members:country-detail":                (GET,  "country_a.iso_code",     LOGIN, 200, 404, 404, 200, 404),

    # --- Presidency back office (secretariat only) ------------------------------------------
    "governance:term-list":                  (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "governance:term-create":                (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "governance:term-schedule":              (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "governance:term-change-end":            (GET,  "term.pk",                LOGIN, 403, 403, 403, 200, 403),
    "governance:term-handover":              (GET,  "term.pk",                LOGIN, 403, 403, 403, 200, 403),

    # --- Meetings: a members-only meeting of the group (Barbados does not take part) --------
    # The meeting pages also show public meetings, so they do not ask anyone to log in: a
    # members-only meeting is simply not there (404) for whoever may not see it.
    "governance:meeting-create":             (GET,  "",                       LOGIN, 404, 404, 200, 200, 404),
    "governance:meeting-detail":             (GET,  "meeting.pk",             404,   200, 404, 200, 200, 404),
    "governance:meeting-ics":                (GET,  "meeting.pk",             404,   200, 404, 200, 200, 404),
    "governance:meeting-document-download":  (GET,  "document.pk",            404,   200, 404, 200, 200, 404),
    "governance:meeting-edit":               (GET,  "meeting.pk",             LOGIN, 404, 404, 200, 200, 404),
    "governance:meeting-respond":            (POST, "meeting.pk",             LOGIN, 302, 404, 302, 302, 404),
    "governance:meeting-document-add":       (POST, "meeting.pk",             LOGIN, 404, 404, 400, 400, 404),

    # --- Working groups: composition (secretariat only) -------------------------------------
    "working_groups:group-manage":           (GET,  "group.slug",             LOGIN, 403, 403, 403, 200, 403),
    "working_groups:lead-add":               (GET,  "group.slug",             LOGIN, 403, 403, 403, 200, 403),
    "working_groups:lead-end":               (GET,  "lead.pk",                LOGIN, 403, 403, 403, 200, 403),
    "working_groups:opt-out-create":         (GET,  "group.slug",             LOGIN, 403, 403, 403, 200, 403),
    "working_groups:opt-out-end":            (GET,  "opt_out.pk",             LOGIN, 403, 403, 403, 200, 403),
    # Their old paths answer 301 to the new ones, for everybody (the new path then decides).
    "working_groups:opt-out-create-moved":   (GET,  "group.slug",             301,   301, 301, 301, 301, 301),
    "working_groups:opt-out-end-moved":      (GET,  "opt_out.pk",             301,   301, 301, 301, 301, 301),

    # --- Work plans: members of the group read, its leads and the secretariat edit ----------
    "working_groups:plan-list":              (GET,  "group.slug",             LOGIN, 200, 404, 200, 200, 404),
    "working_groups:plan-detail":            (GET,  "draft_plan.pk",          LOGIN, 200, 404, 200, 200, 404),
    "working_groups:plan-create":            (GET,  "group.slug",             LOGIN, 404, 404, 200, 200, 404),
    "working_groups:plan-edit":              (GET,  "draft_plan.pk",          LOGIN, 404, 404, 200, 200, 404),
    "working_groups:plan-approve":           (POST, "draft_plan.pk",          LOGIN, 404, 404, 302, 302, 404),
    "working_groups:plan-revise":            (POST, "approved_plan.pk",       LOGIN, 404, 404, 302, 302, 404),
    "working_groups:activity-create":        (GET,  "draft_plan.pk",          LOGIN, 404, 404, 200, 200, 404),
    "working_groups:activity-edit":          (GET,  "activity.pk",            LOGIN, 404, 404, 200, 200, 404),
    "working_groups:activity-delete":        (POST, "activity.pk",            LOGIN, 404, 404, 302, 302, 404),

    # --- Reporting cycles: the secretariat runs them, the group's leads read their part -----
    "working_groups:cycle-list":             (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "working_groups:cycle-open":             (GET,  "",                       LOGIN, 403, 403, 403, 200, 403),
    "working_groups:cycle-close":            (POST, "cycle.pk",               LOGIN, 403, 403, 403, 302, 403),
    "working_groups:cycle-publish":          (POST, "cycle.pk",               LOGIN, 403, 403, 403, 302, 403),
    "working_groups:cycle-detail":           (GET,  "cycle.pk",               LOGIN, 404, 404, 200, 200, 404),
    "working_groups:cycle-progress":         (GET,  "cycle.pk group.slug",    LOGIN, 404, 404, 200, 200, 404),
    "working_groups:cycle-progress-csv":     (GET,  "cycle.pk group.slug",    LOGIN, 404, 404, 200, 200, 404),
    "working_groups:cycle-progress-xlsx":    (GET,  "cycle.pk group.slug",    LOGIN, 404, 404, 200, 200, 404),

    # --- Ecuador's progress report: its country fills it in, the leads review it ------------
    "working_groups:report-detail":          (GET,  "report.pk",              LOGIN, 200, 404, 200, 200, 404),
    "working_groups:evidence-download":      (GET,  "evidence.pk",            LOGIN, 200, 404, 200, 200, 404),
    "working_groups:report-edit":            (GET,  "report.pk",              LOGIN, 200, 404, 404, 404, 404),
    "working_groups:report-carry-forward":   (POST, "report.pk",              LOGIN, 302, 404, 404, 404, 404),
    "working_groups:report-review":          (POST, "report.pk",              LOGIN, 404, 404, 400, 400, 404),

    # --- Knowledge workspace: focal points propose for their country, the secretariat reviews
    "knowledge:workspace":                   (GET,  "",                       LOGIN, 200, 200, 200, 200, 403),
    "knowledge:product-create":              (GET,  "",                       LOGIN, 200, 200, 200, 200, 403),
    "knowledge:workspace-product":           (GET,  "draft.pk",               LOGIN, 200, 404, 404, 200, 403),
    "knowledge:product-edit":                (GET,  "draft.pk",               LOGIN, 200, 404, 404, 200, 403),
    "knowledge:file-add":                    (GET,  "draft.pk",               LOGIN, 200, 404, 404, 200, 403),
    "knowledge:file-replace":                (GET,  "draft_file.pk",          LOGIN, 200, 404, 404, 200, 403),
    "knowledge:link-add":                    (GET,  "draft.pk",               LOGIN, 200, 404, 404, 200, 403),
    "knowledge:link-remove":                 (POST, "draft_link.pk",          LOGIN, 302, 404, 404, 302, 403),
    "knowledge:product-submit":              (POST, "draft.pk",               LOGIN, 302, 404, 404, 302, 403),
    # Returning a product needs a comment: the empty form is refused (400) once let through.
    "knowledge:product-return":              (POST, "in_review.pk",           LOGIN, 403, 403, 403, 400, 403),
    "knowledge:product-publish":             (POST, "in_review.pk",           LOGIN, 403, 403, 403, 302, 403),
    "knowledge:product-archive":             (POST, "published.pk",           LOGIN, 403, 403, 403, 302, 403),
    "knowledge:product-unarchive":           (POST, "archived.pk",            LOGIN, 403, 403, 403, 302, 403),
}
# fmt: on


# --- Enumerating the project's URL names ------------------------------------------------------


def _url_names(patterns=None, namespace=None):
    """Every named URL of the project, namespaced ("members:country-list"), without Django's
    admin and allauth's own account and two-factor pages."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            if entry.lookup_str.startswith("allauth."):
                continue
            yield f"{namespace}:{entry.name}" if namespace else entry.name


def test_every_url_has_a_row():
    names = set(_url_names())
    missing = sorted(names - set(MATRIX))
    assert not missing, f"URL names without a row in MATRIX: {missing}"
    stale = sorted(set(MATRIX) - names)
    assert not stale, f"Rows of MATRIX for URL names that no longer exist: {stale}"


def test_the_enumeration_sees_namespaced_and_plain_names():
    names = set(_url_names())
    assert {"home", "members:country-list", "knowledge:product-detail"} <= names
    assert not any(name.startswith(("admin:", "account_", "mfa_")) for name in names)


def test_every_row_is_well_formed():
    for name, row in MATRIX.items():
        method, _args, *expected = row
        assert method in (GET, POST), name
        assert len(expected) == len(ROLES), name
        assert all(e == LOGIN or isinstance(e, int) for e in expected), name


# --- The world the URLs point at --------------------------------------------------------------


def _at(days: int, hour: int) -> datetime.datetime:
    day = datetime.date.today() + datetime.timedelta(days=days)
    return datetime.datetime(
        day.year, day.month, day.day, hour, tzinfo=zoneinfo.ZoneInfo("America/Bogota")
    )


def _build_world() -> types.SimpleNamespace:
    today = alliance_today()
    country_a = Country.objects.get(iso_code="EC")
    country_b = Country.objects.get(iso_code="BB")
    group = WorkingGroup.objects.get(number=1)

    # The cast of tests/conftest.py (Lena's Costa Rica leads group 1 from 2025-01-01).
    secretariat = make_alice()
    country_a_user = make_bob()
    appointment_a = country_a_user.appointments.get()
    ministry_a = appointment_a.ministry
    country_b_user = make_carol()
    lead_user = make_lena()
    ended_user = make_dave()

    # The group: Costa Rica leads it, Barbados does not take part, Ecuador does.
    lead = GroupLead.objects.get(group=group, country__iso_code="CR")
    opt_out = GroupOptOut.objects.create(
        group=group, country=country_b, start_on=datetime.date(2025, 1, 1), note="Not in it"
    )

    # Work plans: an approved one (reported on) and a draft of the next period.
    approved = approved_plan(group, activities=2)
    draft_plan = WorkPlanFactory(
        group=group, period_start=datetime.date(2028, 1, 1), period_end=datetime.date(2028, 12, 31)
    )
    activity = ActivityFactory(plan=draft_plan)

    # An open cycle with Ecuador's report (and a piece of evidence), and an older cycle whose
    # public summary is published.
    cycle = wg_services.cycle_open(
        name="Current cycle",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        opens_on=today - datetime.timedelta(days=10),
        due_on=today + datetime.timedelta(days=20),
        groups=[group],
        by=secretariat,
    )
    report = cycle.reports.get(country=country_a, group=group)
    evidence = Evidence.objects.create(
        update=report.updates.first(),
        file=SimpleUploadedFile("minutes.pdf", PDF_BYTES, "application/pdf"),
        added_by=country_a_user,
    )
    published_cycle = wg_services.cycle_open(
        name="Earlier cycle",
        period_start=datetime.date(2025, 7, 1),
        period_end=datetime.date(2025, 12, 31),
        opens_on=today - datetime.timedelta(days=200),
        due_on=today - datetime.timedelta(days=150),
        groups=[group],
        by=secretariat,
    )
    ProgressReport.objects.filter(cycle=published_cycle, country=country_a).update(
        state=ProgressReport.State.ACCEPTED
    )
    wg_services.cycle_close(cycle=published_cycle)
    wg_services.cycle_summary_publish(cycle=published_cycle, publish=True, by=secretariat)

    # A members-only meeting of the group, with a document.
    meeting = governance_services.meeting_create(
        organiser=secretariat,
        body=Meeting.Body.WORKING_GROUP,
        group=group,
        title="Closed session of the group",
        start_at=_at(10, 10),
        end_at=_at(10, 12),
        time_zone="America/Bogota",
        online_url="https://meet.example.org/x",
        visibility=Meeting.Visibility.MEMBERS,
    )
    document = governance_services.meeting_document_add(
        meeting=meeting,
        kind="agenda_paper",
        title="Concept note",
        file=SimpleUploadedFile("concept.pdf", PDF_BYTES, "application/pdf"),
        by=secretariat,
    )
    term = PresidencyTerm.objects.create(
        country=country_a, start_on=datetime.date(2030, 1, 1), end_on=datetime.date(2031, 1, 1)
    )

    # Knowledge products proposed by Ecuador, one in each state.
    def product(status, **extra):
        values = {"proposing_country": country_a, "created_by": country_a_user, "status": status}
        if status in (KnowledgeProduct.Status.DRAFT, KnowledgeProduct.Status.IN_REVIEW):
            values["published_at"] = None
        return KnowledgeProductFactory(**values, **extra)

    draft = product(KnowledgeProduct.Status.DRAFT, title="Bob's draft guide")
    draft_file = knowledge_services.product_file_add(
        product=draft, by=country_a_user, label="Draft", upload=upload("draft.pdf", PDF_BYTES)
    )
    draft_link = knowledge_services.product_link_add(
        product=draft, by=country_a_user, label="Tool", url="https://tool.example.org/"
    )
    in_review = product(KnowledgeProduct.Status.IN_REVIEW, title="Guide in review")
    published = product(KnowledgeProduct.Status.PUBLISHED, title="Published guide")
    public_file = knowledge_services.product_file_add(
        product=published, by=secretariat, label="Guide", upload=upload("guide.pdf", PDF_BYTES)
    )
    archived = product(
        KnowledgeProduct.Status.ARCHIVED, title="Archived guide", archived_at=timezone.now()
    )

    # Odds and ends of the back office, and links that carry a token.
    partner = PartnerFactory()
    failed_notification = Notification.objects.create(
        recipient=country_a_user,
        kind=NotificationKind.REPORT_REMINDER,
        topic=f"report:{report.pk}",
        key=f"report:{report.pk}:due",
        subject="Your report is due",
        body="Please report.",
        status=Notification.Status.FAILED,
        attempts=3,
        last_error="SMTP said no",
    )
    invitation_token = "an-invitation-token-for-the-permission-matrix"
    Invitation.objects.create(
        user=UserFactory(email="new@ecuador.test", password=make_password(None)),
        created_by=secretariat,
        expires_at=timezone.now() + datetime.timedelta(days=7),
        sent_at=timezone.now(),
        token_hash=hashlib.sha256(invitation_token.encode()).hexdigest(),
    )
    calendar_token = CalendarToken.objects.create(user=country_a_user, token="bobs-calendar-x1")

    return types.SimpleNamespace(
        users={
            "anonymous": None,
            "country_a": country_a_user,
            "country_b": country_b_user,
            "group_lead": lead_user,
            "secretariat": secretariat,
            "ended": ended_user,
        },
        country_a=country_a,
        ministry_a=ministry_a,
        appointment_a=appointment_a,
        group=group,
        lead=lead,
        opt_out=opt_out,
        approved_plan=approved,
        draft_plan=draft_plan,
        activity=activity,
        cycle=cycle,
        published_cycle=published_cycle,
        report=report,
        evidence=evidence,
        meeting=meeting,
        document=document,
        term=term,
        draft=draft,
        draft_file=draft_file,
        draft_link=draft_link,
        in_review=in_review,
        published=published,
        public_version=public_file.versions.get(),
        archived=archived,
        partner=partner,
        failed_notification=failed_notification,
        invitation_token=invitation_token,
        unsubscribe_token=mail.unsubscribe_token(country_a_user, NotificationKind.REPORT_REMINDER),
        calendar_token=calendar_token.token,
        sitemap_section="knowledge",
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction that is rolled back at its end; each
    test's own transaction nests in it as a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world()
        transaction.set_rollback(True)


# --- The matrix -------------------------------------------------------------------------------


def _arguments(world, spec: str) -> list:
    return [operator.attrgetter(path)(world) for path in spec.split()]


def _outcome(response):
    """What the person experienced, in the terms of MATRIX."""
    if response.status_code == 302:
        login = reverse("account_login")
        return LOGIN if response["Location"].startswith(login) else 302
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, world, db, client, settings):
    settings.LANGUAGE_CODE = "en"
    clear_caches()
    client.raise_request_exception = False  # a crash is a 500 in the report, not the end
    user = world.users[role]
    if user is not None:
        client_for(client, user)
    index = ROLES.index(role)
    mismatches = []
    for name, (method, spec, *expected) in MATRIX.items():
        url = reverse(name, args=_arguments(world, spec))
        with transaction.atomic():
            response = client.post(url, {}) if method == POST else client.get(url)
            transaction.set_rollback(True)
        got = _outcome(response)
        if got != expected[index]:
            where = f" -> {response['Location']}" if response.status_code == 302 else ""
            mismatches.append(
                f"{role:<11} {method:<4} {name} ({url}): expected {expected[index]}, "
                f"got {got}{where}"
            )
    assert not mismatches, "\n" + "\n".join(mismatches)
