"""``manage.py seed_scale`` fills the database in bulk, does nothing twice, --reset redoes it."""

from io import StringIO

from django.core.management import call_command

from governance.models import Meeting
from knowledge.models import KnowledgeProduct
from members.models import User
from working_groups.models import ActivityUpdate, ProgressReport

TINY = {"products": 60, "users": 12, "years": 1, "meetings": 8, "invitees": 2}


def _seed(**extra) -> str:
    out = StringIO()
    call_command("seed_scale", stdout=out, **TINY, **extra)
    return out.getvalue()


def test_seed_scale_fills_every_part_at_tiny_sizes(db):
    _seed()
    assert KnowledgeProduct.objects.filter(slug__startswith="scale-").count() == 60
    assert KnowledgeProduct.objects.listed().filter(slug__startswith="scale-").exists()
    assert User.objects.filter(email__endswith="@scale.test").count() == 12
    assert Meeting.objects.filter(uid__startswith="scale-").count() == 8
    assert Meeting.extra_invitees.through.objects.count() == 16
    reports = ProgressReport.objects.filter(cycle__name__startswith="Scale")
    assert reports.exists()
    assert ActivityUpdate.objects.filter(report__in=reports).exists()
    assert reports.filter(cycle__status="open").exists()


def test_seed_scale_does_nothing_the_second_time(db):
    _seed()
    assert "nothing to do" in _seed()
    assert KnowledgeProduct.objects.filter(slug__startswith="scale-").count() == 60


def test_seed_scale_reset_redoes_the_data(db):
    _seed()
    _seed(reset=True)
    assert KnowledgeProduct.objects.filter(slug__startswith="scale-").count() == 60
    assert User.objects.filter(email__endswith="@scale.test").count() == 12


def test_the_seeded_benchmark_pages_answer(db, client):
    """The pages ``make bench`` loads all exist on seeded data, logged in where they need it."""
    from bench import benchmark

    _seed()
    for page in benchmark.prepare()["pages"]:
        if page["cookie"]:
            name, value = page["cookie"].split("=", 1)
            client.cookies[name] = value
        response = client.get(page["path"])
        assert response.status_code == 200, page["name"]
