"""Forms of a group's leads and of the member countries that step out of it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.dates import alliance_today
from core.forms import DateInput
from core.text import LineField
from members.models import Country


class LeadAddForm(forms.Form):
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.none())
    start_on = forms.DateField(label=_("Leads from"), widget=DateInput, initial=alliance_today)

    def __init__(self, *args, countries=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries or Country.objects.ordered_by_name()


class LeadEndForm(forms.Form):
    end_on = forms.DateField(
        label=_("Last day as lead is the day before"), widget=DateInput, initial=alliance_today
    )


class OptOutCreateForm(forms.Form):
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.none())
    start_on = forms.DateField(
        label=_("Does not take part from"), widget=DateInput, initial=alliance_today
    )
    note = LineField(label=_("Reason or reference"), max_length=300)

    def __init__(self, *args, countries=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries or Country.objects.ordered_by_name()


class OptOutEndForm(forms.Form):
    end_on = forms.DateField(
        label=_("Takes part again from"), widget=DateInput, initial=alliance_today
    )
