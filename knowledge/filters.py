"""The library's search and facets. One FilterSet serves the listing, the feed and the API, so
the same query string means the same thing everywhere."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelMultipleChoiceField as FilterModelMultipleChoiceField

from core.forms import BoundedKeysMixin
from members.models import Country
from working_groups.models import WorkingGroup

from .models import KnowledgeProduct, Topic
from .search import search_filter

Product = KnowledgeProduct


class YearsField(forms.MultipleChoiceField):
    """One or more four-digit years; any year between 1900 and 2100 is valid."""

    default_error_messages = {
        "invalid_choice": _("%(value)s is not a year between 1900 and 2100."),
    }

    def valid_value(self, value):
        # Four ASCII digits: "²".isdigit() is true too, and int() refuses very long numbers.
        text = str(value)
        return len(text) == 4 and text.isascii() and text.isdigit() and 1900 <= int(text) <= 2100


class YearFilter(django_filters.MultipleChoiceFilter):
    field_class = YearsField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(published_on__year__in=[int(v) for v in value])


class NumbersField(BoundedKeysMixin, FilterModelMultipleChoiceField):
    pass


class NumbersFilter(django_filters.ModelMultipleChoiceFilter):
    """Records chosen by a number (a pillar's): a number too big for any record is invalid."""

    field_class = NumbersField


class ProductFilter(django_filters.FilterSet):
    SORTS = [
        ("relevance", _("Relevance")),
        ("newest", _("Newest first")),
        ("oldest", _("Oldest first")),
        ("title", _("Title (A–Z)")),
    ]

    q = django_filters.CharFilter(label=_("Search"), method="filter_search", max_length=200)
    type = django_filters.MultipleChoiceFilter(
        label=_("Type"), field_name="product_type", choices=Product.Type.choices, distinct=False
    )
    pillar = NumbersFilter(
        label=_("Pillar"),
        queryset=WorkingGroup.objects.all(),
        to_field_name="number",
        method="filter_pillar",
    )
    country = django_filters.ModelMultipleChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="iso_code",
        method="filter_country",
    )
    regional = django_filters.ChoiceFilter(
        label=_("Regional products"),
        choices=[("true", _("Regional products only"))],
        method="filter_regional",
    )
    language = django_filters.MultipleChoiceFilter(
        label=_("Language"), choices=Product.Language.choices, distinct=False
    )
    year = YearFilter(label=_("Year"))
    topic = django_filters.ModelMultipleChoiceFilter(
        label=_("Topic"), queryset=Topic.objects.all(), to_field_name="slug", method="filter_topic"
    )
    evidence = django_filters.MultipleChoiceFilter(
        label=_("Evidence verdict"),
        field_name="evidence_verdict",
        choices=Product.Verdict.choices,
        distinct=False,
    )
    level = django_filters.MultipleChoiceFilter(
        label=_("Strength of evidence"),
        field_name="evidence_level",
        choices=[(str(value), label) for value, label in Product.EvidenceLevel.choices],
        distinct=False,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORTS, method="filter_nothing", empty_label=None
    )

    class Meta:
        model = Product
        fields: list[str] = []

    # The facets the listing shows with counts, in the order it shows them.
    FACETS = ["type", "pillar", "country", "language", "year", "topic", "evidence", "level"]

    def filter_search(self, queryset, name, value):
        return search_filter(queryset, value)

    def filter_pillar(self, queryset, name, value):
        if not value:
            return queryset
        through = Product.pillars.through.objects.filter(workinggroup__in=value)
        return queryset.filter(pk__in=through.values("knowledgeproduct_id"))

    def filter_country(self, queryset, name, value):
        if not value:
            return queryset
        through = Product.countries.through.objects.filter(country__in=value)
        return queryset.filter(pk__in=through.values("knowledgeproduct_id"))

    def filter_topic(self, queryset, name, value):
        if not value:
            return queryset
        through = Product.topics.through.objects.filter(topic__in=value)
        return queryset.filter(pk__in=through.values("knowledgeproduct_id"))

    def filter_regional(self, queryset, name, value):
        return queryset.filter(is_regional=True) if value == "true" else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset  # ordering is applied last, in filter_queryset

    @property
    def searching(self) -> bool:
        return bool(self.form.cleaned_data.get("q", "").strip())

    @property
    def sort_order(self) -> str:
        chosen = self.form.cleaned_data.get("sort")
        if chosen == "relevance" and not self.searching:
            return "newest"
        return chosen or ("relevance" if self.searching else "newest")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        order = {
            "relevance": ["-search_rank", "-published_on", "-pk"],
            "newest": ["-published_on", "-pk"],
            "oldest": ["published_on", "pk"],
            "title": ["title", "pk"],
        }[self.sort_order]
        return queryset.order_by(*order)

    def queryset_without(self, facet: str):
        """The results as if ``facet`` were not chosen: the base of that facet's counts, so that
        choosing one value of a facet still shows how many the others would add."""
        queryset = self.queryset
        for name, value in self.form.cleaned_data.items():
            if name in (facet, "sort"):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by()

    def chosen(self, facet: str) -> set[str]:
        """The chosen values of a facet, as they appear in the query string."""
        return set(self.data.getlist(facet)) if hasattr(self.data, "getlist") else set()

    def errors_text(self) -> str:
        return " ".join(
            f"{self.form.fields[name].label}: {' '.join(errors)}"
            if name in self.form.fields
            else " ".join(errors)
            for name, errors in self.form.errors.items()
        )


class WorkspaceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Title"), field_name="title", lookup_expr="icontains", max_length=200
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Product.Status.choices, empty_label=_("All")
    )

    class Meta:
        model = Product
        fields: list[str] = []
