from django.contrib import admin

from .models import FileVersion, KnowledgeProduct, ProductFile, ProductLink, Topic


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


@admin.register(FileVersion)
class FileVersionAdmin(admin.ModelAdmin):
    list_display = ["name", "product_file", "uploaded_at", "download_count"]
    raw_id_fields = ["product_file", "uploaded_by"]


admin.site.register(Topic)
