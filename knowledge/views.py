"""The public library: listing with search and facets, product pages, downloads."""

import json

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from core.page_cache import cache_public_page, public_page_seconds

from . import selectors
from .caching import library_page_keys, product_downloaded
from .downloads import counted_visitor, download_count
from .filters import ProductFilter
from .permissions import may_propose


def library_page(*, params: tuple[str, ...] = ()):
    """Anonymous visitors get these pages from the cache until the library changes; only the
    query parameters in ``params`` reach the view (core/page_cache.py)."""
    return cache_public_page(
        timeout=public_page_seconds, generation_keys=library_page_keys, params=params
    )


# The query parameters of the listing, the feeds and the API: the filters' names.
FILTER_PARAMS = tuple(ProductFilter.base_filters)
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@library_page(params=(*FILTER_PARAMS, "page"))
@require_GET
def library(request):
    filterset = ProductFilter(request.GET, queryset=selectors.library_products())
    context = {"filter": filterset, "may_propose": may_propose(request.user)}
    if not filterset.is_valid():
        # Keep the valid part of the query, so that correcting one value loses nothing else.
        kept = [
            (name, value)
            for name, values in request.GET.lists()
            if name not in filterset.form.errors and name not in ("q", "sort", "page")
            for value in values
        ]
        context.update(page_obj=None, facets=[], kept_query=kept)
        return render(request, "knowledge/library.html", context, status=400)
    query = request.GET.copy()
    query.pop("page", None)
    facets, regional_count = selectors.facet_counts(filterset)
    context.update(
        page_obj=Paginator(filterset.qs, settings.KNOWLEDGE_PAGE_SIZE).get_page(
            request.GET.get("page")
        ),
        facets=facets,
        regional_count=regional_count,
        query_without_page=query.urlencode(),
        feed_query=query.urlencode(),
    )
    return render(request, "knowledge/library.html", context)


def _json_ld(product, url: str, request) -> str:
    """schema.org metadata of a product, for search engines and harvesters."""
    schema_type = {"dataset": "Dataset", "publication": "Report", "policy_brief": "Report"}.get(
        product.product_type, "CreativeWork"
    )
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": product.title,
        "description": product.summary,
        "url": url,
        "inLanguage": product.language,
        "genre": product.get_product_type_display(),
        "keywords": [t.name for t in product.topics.all()],
        "publisher": {
            "@type": "Organization",
            "name": product.organisation or "Alliance for Security, Justice and Development",
        },
    }
    if product.published_on:
        data["datePublished"] = product.published_on.isoformat()
    if product.authors:
        data["author"] = [
            {"@type": "Person", "name": name.strip()}
            for name in product.authors.split(";")
            if name.strip()
        ]
    covered = [c.name_en for c in product.countries.all()]
    if covered:
        data["spatialCoverage"] = [{"@type": "Country", "name": name} for name in covered]
    data["hasPart"] = [
        {
            "@type": "MediaObject",
            "name": product_file.label,
            "encodingFormat": current.content_type,
            "contentSize": current.size,
            "contentUrl": request.build_absolute_uri(
                reverse("knowledge:file-download", args=[current.pk])
            ),
        }
        for product_file in product.files.all()
        if (current := product_file.current) is not None
    ]
    return mark_safe(  # noqa: S308 - JSON with <, > and & escaped, as json_script does
        json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    )


@library_page()
@require_GET
def product_detail(request, slug):
    product = selectors.public_product(slug=slug)
    url = request.build_absolute_uri(product_url(product))
    return render(
        request,
        "knowledge/product_detail.html",
        {
            "product": product,
            "canonical_url": url,
            "citation": product.citation(url),
            "alternates": selectors.alternate_languages(product=product),
            "json_ld": _json_ld(product, url, request),
        },
    )


def product_url(product) -> str:
    return reverse("knowledge:product-detail", args=[product.slug])


@require_GET
def file_download(request, pk):
    """Count the download (once per visitor and day, see downloads.py), then hand the file over:
    a redirect to the object store's signed address, or the file itself from disk."""
    version = selectors.downloadable_version(version_id=pk)
    if download_count(version_id=version.pk, visitor=counted_visitor(request)):
        product_downloaded(version.product_file.product.slug)
    storage = version.file.storage
    if isinstance(storage, FileSystemStorage):
        return FileResponse(
            version.file.open("rb"),
            as_attachment=True,
            filename=version.name,
            content_type=version.content_type,
        )
    disposition = f'attachment; filename="{version.name}"'
    try:
        target = storage.url(
            version.file.name, parameters={"ResponseContentDisposition": disposition}
        )
    except TypeError:
        target = storage.url(version.file.name)
    return HttpResponseRedirect(target)
