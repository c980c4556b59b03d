"""Back office: countries and their membership."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.dates import alliance_today
from core.views import FilteredListView, ServiceFormView

from .. import selectors, services
from ..decorators import SecretariatRequiredMixin
from ..filters import CountryFilter
from ..forms import CountryForm, CountryJoinForm, CountryLeaveForm
from ..models import Country
from ..permissions import is_secretariat, may_view_country_records


class CountryList(SecretariatRequiredMixin, FilteredListView):
    template_name = "members/country_list.html"
    filterset_class = CountryFilter

    def get_queryset(self):
        return selectors.country_list()


@login_required
def country_detail(request, iso_code):
    country = get_object_or_404(Country, iso_code=iso_code.upper())
    if not may_view_country_records(request.user, country):
        raise Http404
    return render(
        request,
        "members/country_detail.html",
        {
            "country": selectors.country_detail(country_id=country.pk),
            "today": alliance_today(),
            "can_manage": is_secretariat(request.user),
        },
    )


class CountryPage(SecretariatRequiredMixin, ServiceFormView):
    """A form about one country, named by its code in the URL."""

    def get_object(self):
        return get_object_or_404(Country, iso_code=self.kwargs["iso_code"].upper())

    def success_url_for(self, country):
        return reverse("members:country-detail", kwargs={"iso_code": country.iso_code})


class CountryEdit(CountryPage):
    form_class = CountryForm

    def get_title(self):
        return _("Edit %(c)s") % {"c": self.object}

    def perform(self, form):
        return services.country_update(
            country=self.object,
            by=self.request.user,
            version=form.cleaned_data["version"],
            **{k: form.cleaned_data[k] for k in CountryForm.Meta.fields},
        )

    def success_message(self, country):
        return _("%(c)s has been saved.") % {"c": country}


class CountryJoin(CountryPage):
    form_class = CountryJoinForm
    title = gettext_lazy("Record a country joining")
    intro = gettext_lazy(
        "For a country that was a member before, only the code and the date are needed."
    )
    submit = gettext_lazy("Record the joining")

    def get_object(self):
        return None

    def perform(self, form):
        return services.country_join(
            iso_code=form.cleaned_data["iso_code"],
            names=form.names(),
            joined_on=form.cleaned_data["joined_on"],
            note=form.cleaned_data["note"],
            by=self.request.user,
        )

    def success_message(self, country):
        return _("%(c)s is recorded as a member.") % {"c": country}


class CountryLeave(CountryPage):
    form_class = CountryLeaveForm
    submit = gettext_lazy("Record the departure")

    def get_title(self):
        return _("Record %(c)s leaving the Alliance") % {"c": self.object}

    def perform(self, form):
        services.country_leave(country=self.object, by=self.request.user, **form.cleaned_data)
        return self.object

    def success_message(self, country):
        return _("%(c)s is recorded as having left.") % {"c": country}
