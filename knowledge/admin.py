from django.contrib import admin

from .models import FileVersion, KnowledgeProduct, ProductFile, ProductLink, Topic
from .services import search_documents_refresh


class ProductFileInline(admin.TabularInline):
    model = ProductFile
    extra = 0


class ProductLinkInline(admin.TabularInline):
    model = ProductLink
    extra = 0


@admin.register(KnowledgeProduct)
class KnowledgeProductAdmin(admin.ModelAdmin):
    list_display = ["title", "product_type", "language", "status", "published_on"]
    list_filter = ["status", "product_type", "language"]
    search_fields = ["title", "slug"]
    raw_id_fields = ["translation_of", "related_products", "created_by"]
    inlines = [ProductFileInline, ProductLinkInline]

    def save_related(self, request, form, formsets, change):
        # Data repair in the admin keeps the search document and the cached facets current.
        super().save_related(request, form, formsets, change)
        search_documents_refresh(product_ids=[form.instance.pk])


@admin.register(FileVersion)
class FileVersionAdmin(admin.ModelAdmin):
    list_display = ["name", "product_file", "uploaded_at", "download_count"]
    raw_id_fields = ["product_file", "uploaded_by"]


admin.site.register(Topic)
