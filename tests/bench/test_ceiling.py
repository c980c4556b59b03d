"""The benchmark's ceiling page: the whole middleware stack, no database, two bytes."""

from django.urls import reverse


def test_ceiling_answers_ok_without_a_query(db, client, django_assert_num_queries):
    assert reverse("bench-ceiling") == "/bench/ceiling"
    with django_assert_num_queries(0):
        response = client.get("/bench/ceiling")
    assert response.status_code == 200
    assert response.content == b"ok"
