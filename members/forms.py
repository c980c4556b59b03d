from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.dates import alliance_today
from core.forms import DateInput, VersionedModelForm
from core.text import LineField

from .models import Country, Minister, Ministry, PartnerInstitution, User, time_zone_choices


class CountryForm(VersionedModelForm):
    class Meta:
        model = Country
        fields = ["name_es", "name_en", "name_pt", "name_fr"]


class CountryJoinForm(forms.Form):
    iso_code = LineField(
        label=_("ISO 3166 code"),
        min_length=2,
        max_length=2,
        help_text=_("Two letters, for example CO for Colombia."),
    )
    name_es = LineField(label=_("Name in Spanish"), max_length=100, required=False)
    name_en = LineField(label=_("Name in English"), max_length=100, required=False)
    name_pt = LineField(label=_("Name in Portuguese"), max_length=100, required=False)
    name_fr = LineField(label=_("Name in French"), max_length=100, required=False)
    joined_on = forms.DateField(label=_("Joined on"), widget=DateInput)
    note = LineField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("For example: the letter or meeting by which it joined."),
    )

    def clean_iso_code(self):
        code = self.cleaned_data["iso_code"].strip().upper()
        if not code.isalpha() or not code.isascii():
            raise ValidationError(_("Use the two letters of the ISO 3166-1 code."))
        return code

    def clean(self):
        data = super().clean()
        code = data.get("iso_code")
        if code and not Country.objects.filter(iso_code=code).exists():
            for name in ("name_es", "name_en", "name_pt", "name_fr"):
                if not data.get(name):
                    self.add_error(name, _("A new country needs its name in all four languages."))
        return data

    def names(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("name_es", "name_en", "name_pt", "name_fr")}


class CountryLeaveForm(forms.Form):
    left_on = forms.DateField(label=_("Left on"), widget=DateInput)
    note = LineField(label=_("Reason or reference"), max_length=300)


class MinistryForm(VersionedModelForm):
    class Meta:
        model = Ministry
        fields = ["country", "kind", "name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.ordered_by_name()


class MinistryCreateForm(MinistryForm):
    version = None

    class Meta(MinistryForm.Meta):
        pass


class MinisterRecordForm(forms.Form):
    ministry = forms.ModelChoiceField(label=_("Ministry"), queryset=Ministry.objects.none())
    full_name = LineField(label=_("Full name"), max_length=200)
    start_on = forms.DateField(
        label=_("In office from"),
        widget=DateInput,
        help_text=_("The sitting minister, if any, leaves office on this date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministry"].queryset = Ministry.objects.select_related("country").order_by(
            "country__name_en", "name"
        )
        self.fields["ministry"].label_from_instance = lambda m: f"{m.country} – {m.name}"


class AppointForm(forms.Form):
    full_name = LineField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    ministry = forms.ModelChoiceField(label=_("Ministry"), queryset=Ministry.objects.none())
    appointed_by = forms.ModelChoiceField(
        label=_("Appointed by"),
        queryset=Minister.objects.none(),
        required=False,
        help_text=_("The minister who signed the appointment."),
    )
    start_on = forms.DateField(label=_("From"), widget=DateInput, initial=alliance_today)
    preferred_language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=User._meta.get_field("preferred_language").choices,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ministry"].queryset = Ministry.objects.select_related("country").order_by(
            "country__name_en", "name"
        )
        self.fields["ministry"].label_from_instance = lambda m: f"{m.country} – {m.name}"
        self.fields["appointed_by"].queryset = Minister.objects.select_related(
            "ministry__country"
        ).order_by("ministry__country__name_en", "-start_on")
        self.fields["appointed_by"].label_from_instance = lambda m: (
            f"{m.full_name} ({m.ministry.country} – {m.ministry.name})"
        )


class AppointmentEndForm(forms.Form):
    end_on = forms.DateField(
        label=_("Ended on"),
        widget=DateInput,
        initial=alliance_today,
        help_text=_("The person has no access from this date."),
    )
    reason = LineField(label=_("Reason"), max_length=300)


class PartnerForm(VersionedModelForm):
    class Meta:
        model = PartnerInstitution
        fields = ["name", "acronym", "kind", "country", "website", "joined_on", "left_on"]
        widgets = {"joined_on": DateInput, "left_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.ordered_by_name()


class PartnerCreateForm(PartnerForm):
    version = None

    class Meta(PartnerForm.Meta):
        pass


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)

    class Meta:
        model = User
        fields = ["full_name", "preferred_language", "time_zone"]


class InvitationAcceptForm(SetPasswordForm):
    """Choose a password (Django's validators apply) to accept an invitation."""
