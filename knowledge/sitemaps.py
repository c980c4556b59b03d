from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import KnowledgeProduct


class KnowledgeSitemap(Sitemap):
    """Every published product; archived ones have left the listings and leave this too."""

    changefreq = "monthly"
    priority = 0.7
    limit = 5000

    def items(self):
        return KnowledgeProduct.objects.listed().only("slug", "updated_at").order_by("pk")

    def location(self, item):
        return reverse("knowledge:product-detail", args=[item.slug])

    def lastmod(self, item):
        return item.updated_at


class LibrarySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["knowledge:library"]

    def location(self, item):
        return reverse(item)
