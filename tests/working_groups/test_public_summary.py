"""The secretariat may publish a public summary of a cycle's accepted reports (opt-in)."""

import pytest
from django.urls import reverse

from tests.conftest import client_for, open_cycle

from .test_dashboards import _accept, _complete_and_submit


def test_summary_is_private_until_published_and_shows_only_accepted_reports(
    client, alice, cycle, ecuador, barbados, group1
):
    accepted = cycle.reports.get(country=ecuador, group=group1)
    _accept(accepted, alice, percent=60)
    accepted.refresh_from_db()
    submitted = cycle.reports.get(country=barbados, group=group1)
    _complete_and_submit(submitted, alice)
    submitted.achievements = "Not yet accepted text"
    submitted.save()
    url = reverse("working_groups:cycle-summary", args=[cycle.pk])
    assert client.get(url).status_code == 404
    client_for(client, alice)
    response = client.post(
        reverse("working_groups:cycle-publish", args=[cycle.pk]), {"publish": "1"}
    )
    assert response.status_code == 302
    client.logout()
    body = client.get(url).content.decode()
    assert "Ecuador" in body and accepted.achievements in body
    assert "Not yet accepted text" not in body
    assert "60.0%" in body
    assert "1 accepted report of 18 expected." in body
    group_page = client.get(reverse("working_groups:group-detail", args=[group1.slug]))
    assert url in group_page.content.decode()
    # Withdrawn: private again.
    client_for(client, alice)
    client.post(reverse("working_groups:cycle-publish", args=[cycle.pk]), {"publish": "0"})
    client.logout()
    assert client.get(url).status_code == 404


def test_nothing_to_publish_is_refused_with_a_message(alice_client, cycle):
    response = alice_client.post(
        reverse("working_groups:cycle-publish", args=[cycle.pk]), {"publish": "1"}, follow=True
    )
    assert "There is no accepted report to publish yet." in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.summary_published_at is None


def test_only_the_secretariat_publishes(client, lena, bob, cycle):
    for user in (lena, bob):
        client_for(client, user)
        response = client.post(
            reverse("working_groups:cycle-publish", args=[cycle.pk]), {"publish": "1"}
        )
        assert response.status_code == 403
    cycle.refresh_from_db()
    assert cycle.summary_published_at is None


@pytest.mark.parametrize("accepted", [1, 54])
def test_public_summary_runs_a_fixed_number_of_queries(
    client, alice, plans, group1, group2, group3, django_assert_max_num_queries, accepted
):
    from working_groups import services

    cycle = open_cycle(groups=[group1, group2, group3], by=alice)
    for report in cycle.reports.all()[:accepted]:
        _accept(report, alice)
    services.cycle_summary_publish(cycle=cycle, publish=True, by=alice)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("working_groups:cycle-summary", args=[cycle.pk]))
    assert response.status_code == 200


def test_group_page_averages_only_cycles_whose_summary_is_published(
    client, alice, cycle, ecuador, group1
):
    """Accepted reports feed the public group page's averages only once the secretariat publishes
    the cycle's summary (issue 11, item 15)."""
    _accept(cycle.reports.get(country=ecuador, group=group1), alice, percent=60)
    group_page = reverse("working_groups:group-detail", args=[group1.slug])
    body = client.get(group_page).content.decode()
    assert "60%" not in body and "Not reported yet" in body
    client_for(client, alice).post(
        reverse("working_groups:cycle-publish", args=[cycle.pk]), {"publish": "1"}
    )
    client.logout()
    body = client.get(group_page).content.decode()
    assert "60%" in body
