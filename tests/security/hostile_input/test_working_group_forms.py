"""Hostile input to the forms of working groups: leads, members, plans, cycles and reports."""

import pytest
from django.urls import reverse
from hypothesis import strategies as st

from working_groups.models import ActivityUpdate, WorkingGroup

from .checks import Form, post_hostile_input
from .strategies import choice, countries, current_version, dates, ids, many_ids, name_text, text


def _activity_fields():
    return {
        "title": name_text(),
        "description": text(),
        "responsible_countries": many_ids(countries()),
        "start_on": dates(),
        "due_on": dates(),
        "expected_output": name_text(),
        "indicator": text(),
        "target": text(),
    }


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
    # Working groups
    "lead-add": Form(
        "alice",
        lambda w: reverse("working_groups:lead-add", args=[w.group.slug]),
        lambda w: {"country": ids(countries()), "start_on": dates()},
    ),
    "lead-end": Form(
        "alice",
        lambda w: reverse("working_groups:lead-end", args=[w.lead.pk]),
        lambda w: {"end_on": dates()},
    ),
    "opt-out-create": Form(
        "alice",
        lambda w: reverse("working_groups:opt-out-create", args=[w.group.slug]),
        lambda w: {"country": ids(countries()), "start_on": dates(), "note": name_text()},
    ),
    "opt-out-end": Form(
        "alice",
        lambda w: reverse("working_groups:opt-out-end", args=[w.opt_out.pk]),
        lambda w: {"end_on": dates()},
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
        files=lambda w: tuple(u.field_name("file") for u in w.report.updates.all()),
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
}


@pytest.mark.parametrize("form_name", sorted(FORMS))
def test_every_form_answers_hostile_input_without_a_500_and_leaves_nothing_half_saved(
    client, world, form_name
):
    post_hostile_input(client, world, FORMS[form_name])
