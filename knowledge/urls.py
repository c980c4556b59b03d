from django.urls import path

from . import api, feeds, views, workspace

app_name = "knowledge"

urlpatterns = [
    path("knowledge/", views.library, name="library"),
    path("knowledge/feed/", feeds.rss_feed, name="feed"),
    path("knowledge/feed/atom/", feeds.atom_feed, name="feed-atom"),
    path("knowledge/files/<int:pk>/download/", views.file_download, name="file-download"),
    path("knowledge/workspace/", workspace.workspace, name="workspace"),
    path("knowledge/workspace/new/", workspace.product_create, name="product-create"),
    path("knowledge/workspace/<int:pk>/", workspace.workspace_product, name="workspace-product"),
    path("knowledge/workspace/<int:pk>/edit/", workspace.product_edit, name="product-edit"),
    path("knowledge/workspace/<int:pk>/files/new/", workspace.file_add, name="file-add"),
    path(
        "knowledge/workspace/files/<int:pk>/replace/", workspace.file_replace, name="file-replace"
    ),
    path("knowledge/workspace/<int:pk>/links/new/", workspace.link_add, name="link-add"),
    path("knowledge/workspace/links/<int:pk>/remove/", workspace.link_remove, name="link-remove"),
    path("knowledge/workspace/<int:pk>/submit/", workspace.product_submit, name="product-submit"),
    path("knowledge/workspace/<int:pk>/return/", workspace.product_return, name="product-return"),
    path(
        "knowledge/workspace/<int:pk>/publish/", workspace.product_publish, name="product-publish"
    ),
    path(
        "knowledge/workspace/<int:pk>/archive/", workspace.product_archive, name="product-archive"
    ),
    path(
        "knowledge/workspace/<int:pk>/unarchive/",
        workspace.product_unarchive,
        name="product-unarchive",
    ),
    path("knowledge/<slug:slug>/", views.product_detail, name="product-detail"),
    path("api/v1/knowledge/", api.product_list, name="api-product-list"),
    path("api/v1/knowledge/<slug:slug>/", api.product_detail, name="api-product-detail"),
]
