"""Read-only JSON API of the library for partners who harvest the catalogue (see README.md).

GET /api/v1/knowledge/?<the listing's filters>&page=N&page_size=M: a page of published products
GET /api/v1/knowledge/<slug>/: one product (published, or archived with its status)
"""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import selectors
from .filters import ProductFilter
from .markdown import render_markdown
from .views import FILTER_PARAMS, library_page

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _error(message: str, status: int, **extra) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


def _summary(product, request) -> dict:
    return {
        "slug": product.slug,
        "title": product.title,
        "type": {"code": product.product_type, "label": product.get_product_type_display()},
        "summary": product.summary,
        "language": product.language,
        "publication_date": product.published_on.isoformat() if product.published_on else None,
        "published_at": product.published_at.isoformat() if product.published_at else None,
        "updated_at": product.updated_at.isoformat(),
        "status": product.status,
        "authors": product.authors,
        "organisation": product.organisation,
        "pillars": [{"number": g.number, "name": g.name} for g in product.pillars.all()],
        "regional": product.is_regional,
        "countries": [{"iso_code": c.iso_code, "name": c.name} for c in product.countries.all()],
        "topics": [t.name for t in product.topics.all()],
        "evidence": (
            {
                "level": product.evidence_level,
                "level_label": product.get_evidence_level_display(),
                "verdict": product.evidence_verdict,
                "verdict_label": product.get_evidence_verdict_display(),
            }
            if product.has_evidence_rating
            else None
        ),
        "url": request.build_absolute_uri(reverse("knowledge:product-detail", args=[product.slug])),
        "api_url": request.build_absolute_uri(
            reverse("knowledge:api-product-detail", args=[product.slug])
        ),
    }


def _page_number(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    # ASCII digits only ("²".isdigit() is true), and not more than int() converts.
    whole = raw.isascii() and raw.isdigit() and len(raw) <= 18
    if not whole or int(raw) < 1 or (maximum and int(raw) > maximum):
        limit = f" (1–{maximum})" if maximum else ""
        raise ValueError(
            _("%(name)s must be a whole number of at least 1%(limit)s.")
            % {"name": name, "limit": limit}
        )
    return int(raw)


@library_page(params=(*FILTER_PARAMS, "page", "page_size"))
@require_GET
def product_list(request):
    filterset = ProductFilter(request.GET, queryset=selectors.api_products())
    if not filterset.is_valid():
        return _error(
            _("Some filters are not valid."),
            400,
            errors={name: list(errors) for name, errors in filterset.form.errors.items()},
        )
    try:
        number = _page_number(request, "page", 1)
        size = _page_number(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    except ValueError as error:
        return _error(str(error), 400)
    paginator = Paginator(filterset.qs, size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return _error(_("There is no page %(n)s.") % {"n": number}, 404)

    def page_url(n):
        query = request.GET.copy()
        query["page"] = n
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return JsonResponse(
        {
            "count": paginator.count,
            "page": number,
            "pages": paginator.num_pages,
            "page_size": size,
            "next": page_url(number + 1) if page.has_next() else None,
            "previous": page_url(number - 1) if page.has_previous() else None,
            "results": [_summary(product, request) for product in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@library_page()
@require_GET
def product_detail(request, slug):
    try:
        product = selectors.public_product(slug=slug)
    except Http404:
        return _error(_("No published product has this address."), 404)
    data = _summary(product, request)
    data.update(
        body=product.body,
        body_html=str(render_markdown(product.body)),
        related_working_group=(
            {"number": product.working_group.number, "name": product.working_group.name}
            if product.working_group
            else None
        ),
        citation=product.citation(data["url"]),
        files=[
            {
                "label": product_file.label,
                "versions": [
                    {
                        "name": version.name,
                        "size": version.size,
                        "content_type": version.content_type,
                        "uploaded_at": version.uploaded_at.isoformat(),
                        "reason": version.reason,
                        "current": index == 0,
                        "download_url": request.build_absolute_uri(
                            reverse("knowledge:file-download", args=[version.pk])
                        ),
                    }
                    for index, version in enumerate(product_file.versions.all())
                ],
            }
            for product_file in product.files.all()
        ],
        links=[{"label": link.label, "url": link.url} for link in product.links.all()],
        related=[
            request.build_absolute_uri(reverse("knowledge:api-product-detail", args=[p.slug]))
            for p in product.related_public
        ],
        translations=[
            {
                "language": other.language,
                "api_url": request.build_absolute_uri(
                    reverse("knowledge:api-product-detail", args=[other.slug])
                ),
            }
            for other in selectors.alternate_languages(product=product)
        ],
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
