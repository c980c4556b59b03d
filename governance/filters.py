import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Meeting


class MeetingFilter(django_filters.FilterSet):
    body = django_filters.ChoiceFilter(
        label=_("Body"), choices=Meeting.Body.choices, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Meeting.Status.choices, empty_label=_("All")
    )
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All"))],
        method="filter_when",
        empty_label=None,
    )

    class Meta:
        model = Meeting
        fields: list[str] = []

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "past":
            return queryset.filter(end_at__lt=now).order_by("-start_at")
        if value == "upcoming":
            return queryset.filter(end_at__gte=now).order_by("start_at")
        return queryset.order_by("-start_at")
