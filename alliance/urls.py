from django.apps import apps
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import RedirectView

from knowledge.sitemaps import KnowledgeSitemap, LibrarySitemap
from members import views as members_views

from . import views
from .sitemaps import PublicPagesSitemap

SITEMAPS = {"pages": PublicPagesSitemap, "library": LibrarySitemap, "knowledge": KnowledgeSitemap}

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", members_views.set_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("", include("members.urls")),
    path("", include("notifications.urls")),
    path("", include("governance.urls")),
    path("", include("working_groups.urls")),
    path("", include("knowledge.urls")),
    # An index of sections, each paginated (KnowledgeSitemap.limit), so tens of thousands of
    # products stay within the sitemap protocol's limits.
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    # The audit log's admin pages moved with the model from members to core.
    path(
        "admin/members/auditentry/<path:rest>",
        RedirectView.as_view(
            url="/admin/core/auditentry/%(rest)s", permanent=True, query_string=True
        ),
    ),
    path(
        "admin/members/auditentry/",
        RedirectView.as_view(url="/admin/core/auditentry/", permanent=True, query_string=True),
    ),
    path("admin/", admin.site.urls),
]
# No route serves MEDIA_ROOT, in any mode: uploaded files are private (evidence, meeting
# documents, unpublished products) and are served only by the views that check who asks.

# Development tooling (the benchmark's ceiling page): never installed in production.
if apps.is_installed("bench"):
    urlpatterns.append(path("", include("bench.urls")))

handler403 = "alliance.views.permission_denied"
handler404 = "alliance.views.page_not_found"
handler500 = "alliance.views.server_error"
