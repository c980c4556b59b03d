"""Back office: ministries and their ministers."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import alliance_today
from core.views import FilteredListView, ServiceFormView

from .. import selectors, services
from ..decorators import SecretariatRequiredMixin
from ..filters import MinisterFilter, MinistryFilter
from ..forms import MinisterRecordForm, MinistryCreateForm, MinistryForm
from ..models import Ministry


class MinistryList(SecretariatRequiredMixin, FilteredListView):
    template_name = "members/ministry_list.html"
    filterset_class = MinistryFilter

    def get_queryset(self):
        return selectors.ministry_list()


class MinistryPage(SecretariatRequiredMixin, ServiceFormView):
    def success_url_for(self, ministry):
        return reverse("members:ministry-list")


class MinistryCreate(MinistryPage):
    form_class = MinistryCreateForm
    title = gettext_lazy("Add a ministry")

    def perform(self, form):
        return services.ministry_create(by=self.request.user, **form.cleaned_data)

    def success_message(self, ministry):
        return _("%(m)s has been added.") % {"m": ministry}


class MinistryEdit(MinistryPage):
    form_class = MinistryForm

    def get_object(self):
        return get_object_or_404(Ministry, pk=self.kwargs["pk"])

    def get_title(self):
        return _("Edit %(m)s") % {"m": self.object}

    def perform(self, form):
        return services.ministry_update(
            ministry=self.object,
            version=form.cleaned_data["version"],
            by=self.request.user,
            **form.changed_values(),
        )

    def success_message(self, ministry):
        return _("%(m)s has been saved.") % {"m": ministry}


class MinisterList(SecretariatRequiredMixin, FilteredListView):
    template_name = "members/minister_list.html"
    filterset_class = MinisterFilter

    def get_queryset(self):
        return selectors.minister_list()

    def get_extra_context(self):
        return {"today": alliance_today()}


class MinisterRecord(SecretariatRequiredMixin, ServiceFormView):
    form_class = MinisterRecordForm
    title = gettext_lazy("Record a new minister")
    intro = gettext_lazy("The sitting minister of that ministry leaves office on the start date.")

    def get_initial(self):
        return {"ministry": self.request.GET.get("ministry")}

    def perform(self, form):
        return services.minister_record(by=self.request.user, **form.cleaned_data)

    def success_message(self, minister):
        return _("%(n)s is recorded as minister from %(d)s.") % {
            "n": minister.full_name,
            "d": minister.start_on,
        }

    def success_url_for(self, minister):
        return reverse("members:minister-list")
