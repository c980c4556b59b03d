"""RSS and Atom feeds of newly published products, filtered like the listing."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import selectors
from .filters import ProductFilter
from .views import FILTER_PARAMS, library_page

FEED_SIZE = 30


class ProductFeed(Feed):
    def get_object(self, request, filterset):
        self.request = request
        return filterset

    def title(self, filterset):
        return _("Knowledge library of the Alliance for Security, Justice and Development")

    def link(self, filterset):
        query = filterset.data.urlencode() if hasattr(filterset.data, "urlencode") else ""
        return reverse("knowledge:library") + (f"?{query}" if query else "")

    def description(self, filterset):
        return _("Knowledge products newly published by the Alliance.")

    def items(self, filterset):
        return filterset.qs.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return reverse("knowledge:product-detail", args=[item.slug])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.authors or item.organisation or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class AtomProductFeed(ProductFeed):
    feed_type = Atom1Feed

    def subtitle(self, filterset):
        return self.description(filterset)


def _serve(feed_class, request):
    filterset = ProductFilter(request.GET, queryset=selectors.feed_products())
    if not filterset.is_valid():
        return HttpResponse(
            _("Some filters are not valid: %(errors)s") % {"errors": filterset.errors_text()},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return feed_class()(request, filterset=filterset)


@library_page(params=FILTER_PARAMS)
@require_GET
def rss_feed(request):
    return _serve(ProductFeed, request)


@library_page(params=FILTER_PARAMS)
@require_GET
def atom_feed(request):
    return _serve(AtomProductFeed, request)
