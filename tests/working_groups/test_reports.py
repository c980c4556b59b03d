"""Filling a progress report: drafts, submit with per-field errors, stale edits, evidence uploads,
carrying forward, review with its audit trail, and lateness."""

import datetime
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import client_for, open_cycle
from tests.files import SVG_BYTES, docx_bytes, mimetype_bomb
from working_groups import services
from working_groups.models import Evidence, ProgressReport, ReportEvent

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def report(cycle, ecuador, group1):
    return cycle.reports.get(country=ecuador, group=group1)


def form_data(report, **overrides):
    """A complete report as the browser posts it."""
    data = {
        "version": report.version,
        "achievements": "Two municipalities joined the network.",
        "challenges": "Budget cuts.",
        "support_needed": "",
    }
    for update in report.updates.all():
        data[update.field_name("status")] = "on_track"
        data[update.field_name("percent")] = "40"
        data[update.field_name("narrative")] = f"Progress on {update.activity.title}"
    data.update(overrides)
    return data


def edit_url(report):
    return reverse("working_groups:report-edit", args=[report.pk])


def test_draft_is_saved_any_number_of_times_without_required_fields(client, bob, report):
    client_for(client, bob)
    assert client.get(edit_url(report)).status_code == 200
    response = client.post(edit_url(report), {"version": 1, "achievements": "Half written"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.achievements, report.version, report.state) == ("Half written", 2, "draft")
    response = client.post(edit_url(report), {"version": 2, "achievements": "Now longer"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.achievements == "Now longer" and report.last_saved_by == bob


def test_submit_with_missing_fields_is_refused_field_by_field_and_the_draft_kept(
    client, bob, report
):
    client_for(client, bob)
    first, second = report.updates.all()
    data = form_data(
        report,
        challenges="",
        **{first.field_name("status"): "", second.field_name("narrative"): ""},
    )
    data["submit"] = "1"
    response = client.post(edit_url(report), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Describe the challenges before submitting." in body
    assert "Choose a status for this activity." in body
    assert "Describe the progress on this activity." in body
    report.refresh_from_db()
    assert report.state == "draft"
    # What was typed is saved as a draft and still on the page, at the new version.
    assert report.achievements == "Two municipalities joined the network."
    assert f'name="version" value="{report.version}"' in body
    assert "Two municipalities joined the network." in body


def test_completed_activity_must_be_at_100_percent(client, bob, report):
    client_for(client, bob)
    first = report.updates.first()
    data = form_data(report, **{first.field_name("status"): "completed"}, submit="1")
    response = client.post(edit_url(report), data)
    assert response.status_code == 400
    assert "A completed activity is at 100%." in response.content.decode()


def test_percent_outside_0_to_100_is_a_400_with_the_text_kept(client, bob, report):
    client_for(client, bob)
    first = report.updates.first()
    response = client.post(
        edit_url(report), form_data(report, **{first.field_name("percent"): "140"})
    )
    assert response.status_code == 400
    assert "Two municipalities joined the network." in response.content.decode()
    report.refresh_from_db()
    assert report.version == 1 and report.achievements == ""


def test_stale_edit_is_refused_with_409_and_the_text_kept(client, bob, report, ecuador):
    from tests.factories import AppointmentFactory, UserFactory

    colleague = AppointmentFactory(
        user=UserFactory(email="colleague@ecuador.test"), ministry=bob.appointments.get().ministry
    ).user
    client_for(client, colleague)
    assert (
        client.post(edit_url(report), {"version": 1, "achievements": "Theirs"}).status_code == 302
    )
    client_for(client, bob)
    response = client.post(edit_url(report), {"version": 1, "achievements": "Bob's own words"})
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else saved this record after you opened it." in body
    assert "Bob&#x27;s own words" in body
    report.refresh_from_db()
    assert report.achievements == "Theirs"


def test_full_workflow_submit_return_resubmit_accept_with_trail(client, bob, lena, alice, report):
    client_for(client, bob)
    response = client.post(edit_url(report), {**form_data(report), "submit": "1"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted" and report.days_late == 0
    # Submitted reports cannot be edited by the country.
    assert client.post(edit_url(report), form_data(report)).status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted"
    # Bob does not lead the group: he cannot review.
    review = reverse("working_groups:report-review", args=[report.pk])
    assert client.post(review, {"decision": "accept"}).status_code == 404
    # Lena (lead of group 1) returns it; a comment is required.
    client_for(client, lena)
    response = client.post(review, {"decision": "return", "comment": ""})
    assert response.status_code == 400
    assert "Say what the country should change." in response.content.decode()
    response = client.post(review, {"decision": "return", "comment": "Add the budget figures."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "returned"
    # Bob sees the comments and resubmits.
    client_for(client, bob)
    body = client.get(edit_url(report)).content.decode()
    assert "Add the budget figures." in body
    response = client.post(
        edit_url(report), {**form_data(report, challenges="Budget: USD 2m"), "submit": "1"}
    )
    assert response.status_code == 302
    # The secretariat accepts.
    client_for(client, alice)
    assert client.post(review, {"decision": "accept", "comment": "Thanks"}).status_code == 302
    report.refresh_from_db()
    assert report.state == "accepted"
    trail = list(report.events.values_list("action", "from_state", "to_state", "by", "comment"))
    assert trail == [
        ("submitted", "draft", "submitted", bob.pk, ""),
        ("returned", "submitted", "returned", lena.pk, "Add the budget figures."),
        ("submitted", "returned", "submitted", bob.pk, ""),
        ("accepted", "submitted", "accepted", alice.pk, "Thanks"),
    ]
    body = client.get(reverse("working_groups:report-detail", args=[report.pk])).content.decode()
    assert "Lena Lead" in body and "Alice Secretariat" in body and "Add the budget figures." in body
    # An accepted report is not reviewed again.
    assert client.post(review, {"decision": "return", "comment": "x"}).status_code == 400


def test_overdue_report_can_still_be_submitted_and_is_marked_late(
    client, bob, alice, plans, group1, ecuador
):
    cycle = open_cycle(groups=[group1], by=alice, due_in_days=-5, opened_days_ago=40)
    report = cycle.reports.get(country=ecuador)
    client_for(client, bob)
    body = client.get(reverse("working_groups:report-dashboard")).content.decode()
    assert "overdue" in body
    response = client.post(edit_url(report), {**form_data(report), "submit": "1"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted" and report.days_late == 5
    assert report.events.get().action == ReportEvent.Action.SUBMITTED_LATE
    body = client.get(reverse("working_groups:report-detail", args=[report.pk])).content.decode()
    assert "late by 5 days" in body


def test_wrong_type_or_oversize_upload_is_refused_and_the_other_fields_kept(
    client, bob, report, settings
):
    client_for(client, bob)
    first = report.updates.first()
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 this is an executable")
    response = client.post(edit_url(report), {**form_data(report), first.field_name("file"): fake})
    assert response.status_code == 400
    body = response.content.decode()
    assert "The content of report.pdf is not what a .pdf file holds." in body
    assert "Two municipalities joined the network." in body
    exe = SimpleUploadedFile("tool.exe", b"MZ\x90\x00")
    response = client.post(edit_url(report), {**form_data(report), first.field_name("file"): exe})
    assert response.status_code == 400
    assert "not of an accepted type" in response.content.decode()
    settings.ALLIANCE_UPLOAD_MAX_MB = {**settings.ALLIANCE_UPLOAD_MAX_MB, "evidence": 1}
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * 1024 * 1024)
    response = client.post(edit_url(report), {**form_data(report), first.field_name("file"): big})
    assert response.status_code == 400
    assert "files may be at most 1.0" in response.content.decode()
    assert not Evidence.objects.exists()
    report.refresh_from_db()
    assert report.version == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [("minutes.pdf", PDF), ("photo.png", PNG), ("plan.docx", None), ("data.csv", b"a,b\n1,2\n")],
)
def test_accepted_evidence_files_and_links_are_stored_and_downloadable(
    client, bob, report, name, content
):
    client_for(client, bob)
    first = report.updates.first()
    upload = SimpleUploadedFile(name, content if content is not None else docx_bytes())
    data = {
        **form_data(report),
        first.field_name("file"): upload,
        first.field_name("link"): "https://example.org/evidence",
    }
    assert client.post(edit_url(report), data).status_code == 302
    pieces = Evidence.objects.filter(update=first)
    assert pieces.count() == 2
    stored = pieces.exclude(file="").get()
    response = client.get(reverse("working_groups:evidence-download", args=[stored.pk]))
    assert response.status_code == 200
    assert stored.filename == name


def test_an_opendocument_zip_bomb_is_refused_without_unpacking_it(client, bob, report):
    """The attack of issue 11: a 1 MB .odt whose mimetype unpacks to 1 GB took the web process
    from 122 MB to 2.2 GB before its 400. Now: a 400 with a message, nothing saved, and the
    request allocates a few megabytes at its peak (parsing the upload and the page)."""
    client_for(client, bob)
    first = report.updates.first()
    bomb = SimpleUploadedFile("plan.odt", mimetype_bomb())
    data = {**form_data(report), first.field_name("file"): bomb}
    tracemalloc.start()
    try:
        response = client.post(edit_url(report), data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 1024 * 1024, f"{peak / 1024 / 1024:.0f} MB allocated"
    assert response.status_code == 400
    assert "The content of plan.odt is not what a .odt file holds." in response.content.decode()
    assert not Evidence.objects.exists()
    report.refresh_from_db()
    assert report.version == 1


def test_svg_named_csv_is_refused_as_evidence(client, bob, report):
    client_for(client, bob)
    first = report.updates.first()
    fake = SimpleUploadedFile("data.csv", SVG_BYTES, "text/csv")
    response = client.post(edit_url(report), {**form_data(report), first.field_name("file"): fake})
    assert response.status_code == 400
    assert "contains web page or image markup (&lt;svg)" in response.content.decode()
    assert not Evidence.objects.exists()


def test_evidence_can_be_removed_from_the_draft(client, bob, report):
    client_for(client, bob)
    first = report.updates.first()
    piece = Evidence.objects.create(update=first, link="https://example.org/a")
    data = {**form_data(report), f"remove-evidence-{piece.pk}": "on"}
    assert client.post(edit_url(report), data).status_code == 302
    assert not Evidence.objects.exists()


def test_carry_forward_copies_open_activities_from_the_previous_report(
    client, bob, alice, plans, group1, ecuador
):
    earlier = open_cycle(groups=[group1], by=alice, name="2025 second half")
    old = earlier.reports.get(country=ecuador)
    done, open_one = old.updates.all()
    done.status, done.percent, done.narrative = "completed", 100, "Finished"
    done.save()
    open_one.status, open_one.percent, open_one.narrative = "delayed", 30, "Waiting for funds"
    open_one.save()
    # The plan is revised between cycles: the activities keep their lineage.
    new_plan = services.work_plan_revise(plan=plans[1], by=alice)
    services.work_plan_approve(plan=new_plan, by=alice)
    later = open_cycle(groups=[group1], by=alice, name="2026 first half")
    report = later.reports.get(country=ecuador)
    assert report.work_plan == new_plan
    client_for(client, bob)
    response = client.post(
        reverse("working_groups:report-carry-forward", args=[report.pk]),
        {"version": report.version},
        follow=True,
    )
    assert response.status_code == 200
    assert "1 open activity was filled in" in response.content.decode()
    by_lineage = {u.activity.lineage: u for u in report.updates.select_related("activity")}
    carried = by_lineage[open_one.activity.lineage]
    assert (carried.status, carried.percent, carried.narrative) == (
        "delayed",
        30,
        "Waiting for funds",
    )
    assert by_lineage[done.activity.lineage].status == ""
    assert report.events.get().action == "carried_forward"


def test_carry_forward_with_a_stale_version_changes_nothing(client, bob, report):
    client_for(client, bob)
    response = client.post(
        reverse("working_groups:report-carry-forward", args=[report.pk]),
        {"version": 99},
        follow=True,
    )
    assert "Someone else saved this record" in response.content.decode()
    report.refresh_from_db()
    assert report.version == 1


def test_report_state_cannot_be_forged_through_the_form(client, bob, report):
    client_for(client, bob)
    response = client.post(edit_url(report), {**form_data(report), "state": "accepted"})
    assert response.status_code == 302  # the draft was saved...
    report.refresh_from_db()
    assert report.achievements == "Two municipalities joined the network."
    assert report.state == ProgressReport.State.DRAFT  # ...and the forged state ignored


def test_the_flag_for_the_steering_committee(alice, plans, group1):
    cycle = open_cycle(groups=[group1], by=alice, due_in_days=-40, opened_days_ago=60)
    report = cycle.reports.first()
    today = cycle.due_on + datetime.timedelta(days=40)
    assert report.is_flagged(today)
    assert not report.is_flagged(cycle.due_on + datetime.timedelta(days=cycle.late_flag_days))


def test_evidence_added_with_a_refused_submit_is_saved_once(client, bob, report):
    client_for(client, bob)
    first = report.updates.first()
    link = first.field_name("link")
    data = {**form_data(report, challenges=""), link: "https://example.org/once", "submit": "1"}
    response = client.post(edit_url(report), data)
    assert response.status_code == 400
    assert Evidence.objects.filter(link="https://example.org/once").count() == 1
    # The page shows the saved link as evidence, and not again in the "add a link" box.
    assert link not in response.context["form"].data


def _draft(report, **overrides):
    """What the report form hands the service: every activity on track at 40%."""
    updates = {
        u.pk: {"status": "on_track", "percent": 40, "narrative": f"Progress on {u.activity}"}
        for u in report.updates.all()
    }
    draft = {
        "achievements": "Two municipalities joined the network.",
        "challenges": "Budget cuts.",
        "support_needed": "",
        "updates": updates,
        "evidence": {},
        "remove_evidence": [],
    }
    draft.update(overrides)
    return draft


def test_save_and_submit_is_one_service_that_saves_then_submits(bob, report):
    outcome = services.report_save_and_submit(
        report=report, version=report.version, by=bob, submit=True, **_draft(report)
    )
    report.refresh_from_db()
    assert outcome.submitted and outcome.missing == {}
    assert report.state == "submitted" and report.achievements.startswith("Two municipalities")
    assert list(report.events.values_list("action", flat=True)) == ["submitted"]


def test_save_and_submit_with_missing_fields_keeps_the_draft_and_names_them(bob, report):
    outcome = services.report_save_and_submit(
        report=report, version=report.version, by=bob, submit=True, **_draft(report, challenges="")
    )
    report.refresh_from_db()
    assert not outcome.submitted and list(outcome.missing) == ["challenges"]
    assert report.state == "draft" and report.version == outcome.report.version == 2
    assert report.achievements.startswith("Two municipalities")
    assert not report.events.exists()


def test_save_and_submit_with_a_stale_version_writes_nothing(bob, report):
    from core.concurrency import StaleEditError

    with pytest.raises(StaleEditError):
        services.report_save_and_submit(
            report=report, version=report.version + 1, by=bob, submit=True, **_draft(report)
        )
    report.refresh_from_db()
    assert report.state == "draft" and report.version == 1 and report.achievements == ""
