import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.dates import alliance_today
from core.forms import DateInput
from core.models import AuditEntry

from .models import (
    Country,
    FocalPointAppointment,
    Minister,
    Ministry,
    PartnerInstitution,
)

# Longer search text is refused (400): SQLite cannot even run a LIKE on a very long pattern.
SEARCH_MAX_LENGTH = 200


def _search_country(queryset, prefix, value):
    q = Q()
    for field in ("iso_code", "name_es", "name_en", "name_pt", "name_fr"):
        q |= Q(**{f"{prefix}{field}__icontains": value})
    return queryset.filter(q)


class CountryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or code"), method="search", max_length=SEARCH_MAX_LENGTH
    )
    status = django_filters.ChoiceFilter(
        label=_("Membership"),
        choices=[("member", _("Member today")), ("not_member", _("Not a member today"))],
        method="filter_status",
        empty_label=_("All"),
    )

    class Meta:
        model = Country
        fields: list[str] = []

    def search(self, queryset, name, value):
        return _search_country(queryset, "", value)

    def filter_status(self, queryset, name, value):
        return queryset.filter(is_member=(value == "member"))


class MinistryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name"), field_name="name", lookup_expr="icontains", max_length=SEARCH_MAX_LENGTH
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.all(), empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Portfolio"), choices=Ministry.Kind.choices, empty_label=_("All")
    )

    class Meta:
        model = Ministry
        fields: list[str] = []


class DatedStatusFilterMixin:
    def filter_status(self, queryset, name, value):
        current = queryset.model.objects.on(alliance_today()).values("pk")
        return (
            queryset.filter(pk__in=current)
            if value == "active"
            else queryset.exclude(pk__in=current)
        )


class MinisterFilter(DatedStatusFilterMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name"),
        field_name="full_name",
        lookup_expr="icontains",
        max_length=SEARCH_MAX_LENGTH,
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        field_name="ministry__country",
        queryset=Country.objects.all(),
        empty_label=_("All"),
    )
    status = django_filters.ChoiceFilter(
        label=_("In office"),
        choices=[("active", _("In office today")), ("former", _("Former"))],
        method="filter_status",
        empty_label=_("All"),
    )

    class Meta:
        model = Minister
        fields: list[str] = []


class AppointmentFilter(DatedStatusFilterMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name or e-mail"), method="search", max_length=SEARCH_MAX_LENGTH
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"),
        field_name="ministry__country",
        queryset=Country.objects.all(),
        empty_label=_("All"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("active", _("Active today")), ("ended", _("Ended or not yet started"))],
        method="filter_status",
        empty_label=_("All"),
    )

    class Meta:
        model = FocalPointAppointment
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(user__full_name__icontains=value) | Q(user__email__icontains=value)
        )


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name"), method="search", max_length=SEARCH_MAX_LENGTH)
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=PartnerInstitution.Kind.choices, empty_label=_("All")
    )

    class Meta:
        model = PartnerInstitution
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(acronym__icontains=value))


class AuditFilter(django_filters.FilterSet):
    object_type = django_filters.ChoiceFilter(
        label=_("Record type"),
        choices=[
            ("members.Country", _("Country")),
            ("members.Ministry", _("Ministry")),
            ("members.Minister", _("Minister")),
            ("members.FocalPointAppointment", _("Focal point appointment")),
            ("members.PartnerInstitution", _("Partner institution")),
            ("governance.PresidencyTerm", _("Presidency term")),
            ("working_groups.ProgressReport", _("Progress report")),
            ("knowledge.KnowledgeProduct", _("Knowledge product")),
        ],
        empty_label=_("All"),
    )
    action = django_filters.CharFilter(
        label=_("Action"),
        field_name="action",
        lookup_expr="icontains",
        max_length=SEARCH_MAX_LENGTH,
    )
    actor = django_filters.CharFilter(
        label=_("Who"), method="search_actor", max_length=SEARCH_MAX_LENGTH
    )
    since = django_filters.DateFilter(
        label=_("From"), field_name="at", lookup_expr="date__gte", widget=DateInput
    )
    until = django_filters.DateFilter(
        label=_("Until"), field_name="at", lookup_expr="date__lte", widget=DateInput
    )

    class Meta:
        model = AuditEntry
        fields: list[str] = []

    def search_actor(self, queryset, name, value):
        return queryset.filter(
            Q(actor__full_name__icontains=value) | Q(actor__email__icontains=value)
        )
