"""New publications: only for people who opted in, once, in their chosen rhythm."""

from django.core import mail

from notifications import channels, sweep
from notifications.models import Notification, NotificationPreference
from notifications.tasks import deliver_notification, send_digests
from tests.knowledge.factories import KnowledgeProductFactory


def _sweep():
    for notification_id in sweep.sweep():
        deliver_notification.apply(args=[notification_id])


def test_nobody_hears_of_new_products_without_opting_in(bob, carol):
    KnowledgeProductFactory(title="Guide to prison intelligence")
    _sweep()
    assert not Notification.objects.filter(kind="publication_digest").exists()
    assert channels.preferences_for(bob)["publication_digest"] == "off"


def test_weekly_readers_get_one_digest_of_new_products(bob, carol):
    NotificationPreference.objects.create(user=bob, kind="publication_digest", delivery="weekly")
    KnowledgeProductFactory(title="Guide to prison intelligence")
    KnowledgeProductFactory(title="Toolkit on asset recovery", status="draft", published_at=None)
    _sweep()
    _sweep()
    send_digests.apply(args=["weekly"])
    [digest] = mail.outbox
    assert digest.to == ["bob@ecuador.test"]
    assert "Guide to prison intelligence" in digest.body
    assert "Toolkit on asset recovery" not in digest.body  # not published


def test_immediate_readers_get_an_email_per_product(bob):
    NotificationPreference.objects.create(user=bob, kind="publication_digest", delivery="email")
    product = KnowledgeProductFactory(title="Methodology for victim surveys")
    _sweep()
    [message] = mail.outbox
    assert product.title in message.subject
    assert f"/knowledge/{product.slug}/" in message.body
