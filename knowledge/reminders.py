"""New publications for the notification sweep: people who opted in (the
``publication_digest`` kind; off unless chosen) hear of each product published in the last week,
at once or in their daily or weekly digest, as they chose."""

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy

from notifications.channels import readers_of
from notifications.models import NotificationKind
from notifications.registry import Candidate, Rendered, absolute_url

from .models import KnowledgeProduct

WINDOW = datetime.timedelta(days=7)


def _render(product: KnowledgeProduct):
    def render(user) -> Rendered:
        url = absolute_url(reverse("knowledge:product-detail", args=[product.slug]))
        body = render_to_string("emails/publication.txt", {"product": product, "url": url})
        subject = gettext_lazy("New in the knowledge library: %(title)s")
        return Rendered(subject=str(subject) % {"title": product.title}, body=body, url=url)

    return render


def due(now: datetime.datetime) -> list[Candidate]:
    readers = readers_of(NotificationKind.PUBLICATION_DIGEST)
    if not readers:
        return []
    products = list(
        KnowledgeProduct.objects.filter(
            status=KnowledgeProduct.Status.PUBLISHED, published_at__gte=now - WINDOW
        ).order_by("published_at")
    )
    candidates = []
    for product in products:
        render = _render(product)
        for reader in readers:
            candidates.append(
                Candidate(
                    recipient=reader,
                    kind=NotificationKind.PUBLICATION_DIGEST,
                    topic=f"knowledge:{product.pk}",
                    key=f"knowledge:{product.pk}:published",
                    render=render,
                )
            )
    return candidates
