import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.filters import SEARCH_MAX_LENGTH

from .models import Notification, NotificationKind


class NotificationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Notification.Status.choices, empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=NotificationKind.choices, empty_label=_("All")
    )
    q = django_filters.CharFilter(
        label=_("Recipient"), method="search", max_length=SEARCH_MAX_LENGTH
    )

    class Meta:
        model = Notification
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(recipient__full_name__icontains=value) | Q(recipient__email__icontains=value)
        )
