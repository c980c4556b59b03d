import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, ModelMultipleChoiceField, VersionedModelForm
from core.periods import end_after
from core.text import LineField
from members.models import Country, User, time_zone_choices

from .models import Meeting, MeetingDocument, MeetingResponse


def _member_countries():
    return Country.objects.ordered_by_name()


def _end_after_last_day(last: datetime.date | None) -> datetime.date | None:
    """People type a term's last day; the services take ``end_on``, the first day after it."""
    if last is not None and last >= datetime.date.max:
        # The next term would start after the calendar's last day.
        raise ValidationError(
            _("A term must end before %(date)s.") % {"date": datetime.date.max}, code="dates"
        )
    return end_after(last)


class PresidencyTermForm(forms.Form):
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.none())
    start_on = forms.DateField(
        label=_("First day"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty to start the day after the last scheduled term ends."),
    )
    end_on = forms.DateField(
        label=_("Last day"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty for a 12-month term."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = _member_countries()

    def clean_end_on(self):
        return _end_after_last_day(self.cleaned_data["end_on"])


class PresidencyScheduleForm(forms.Form):
    countries = LineField(
        label=_("Countries, in order"),
        help_text=_(
            "ISO codes separated by commas, for example: PA, JM, CL. Each gets a 12-month "
            "term after the last scheduled one."
        ),
    )

    def clean_countries(self):
        codes = [c.strip().upper() for c in self.cleaned_data["countries"].split(",") if c.strip()]
        if not codes:
            raise ValidationError(_("Name at least one country."))
        found = {c.iso_code: c for c in Country.objects.filter(iso_code__in=codes)}
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise ValidationError(
                _("Unknown country codes: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        return [found[c] for c in codes]


class TermEndForm(forms.Form):
    """Shown with the term's last day; ``cleaned_data["end_on"]`` is the first day after."""

    end_on = forms.DateField(label=_("New last day"), widget=DateInput)
    reason = LineField(label=_("Reason"), max_length=500)

    def clean_end_on(self):
        return _end_after_last_day(self.cleaned_data["end_on"])


class HandoverForm(forms.Form):
    on = forms.DateField(
        label=_("The next holder takes over on"),
        widget=DateInput,
        help_text=_("The current holder's term ends the day before."),
    )
    reason = LineField(label=_("Reason"), max_length=500)
    successor = forms.ModelChoiceField(
        label=_("Country that takes over"),
        queryset=Country.objects.none(),
        required=False,
        help_text=_("Only needed when no term is scheduled after this one."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = _member_countries()


MEETING_YEARS = (1900, 2199)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class MeetingForm(VersionedModelForm):
    """Start and end are typed as local times in the organiser's time zone."""

    time_zone = forms.ChoiceField(
        label=_("Time zone of the times above"), choices=time_zone_choices
    )
    extra_invitees = ModelMultipleChoiceField(
        label=_("Extra invitees"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("People invited by name, besides those the body brings."),
    )

    class Meta:
        model = Meeting
        fields = [
            "body",
            "group",
            "title",
            "start_at",
            "end_at",
            "time_zone",
            "place",
            "online_url",
            "agenda",
            "status",
            "visibility",
        ]
        widgets = {
            "start_at": DateTimeLocalInput,
            "end_at": DateTimeLocalInput,
            "agenda": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["extra_invitees"].queryset = User.objects.filter(is_active=True).order_by(
            "full_name"
        )
        self.fields["start_at"].help_text = _("Local time where the organiser is.")
        if groups is not None:
            self.fields["group"].queryset = groups
        if self.instance.pk and not self.is_bound:
            tz = zoneinfo.ZoneInfo(self.instance.time_zone)
            for name in ("start_at", "end_at"):
                value = getattr(self.instance, name).astimezone(tz).replace(tzinfo=None)
                self.initial[name] = value.strftime("%Y-%m-%dT%H:%M")
            self.initial["extra_invitees"] = list(
                self.instance.extra_invitees.values_list("pk", flat=True)
            )

    def clean(self):
        data = super().clean()
        name = data.get("time_zone")
        for field in ("start_at", "end_at"):
            value = data.get(field)
            if value is None:
                continue
            local = timezone.make_naive(value)
            if not MEETING_YEARS[0] <= local.year <= MEETING_YEARS[1]:
                # A typing mistake; near the calendar's ends the time could not even be stored
                # or shown in every time zone.
                self.add_error(
                    field,
                    _("Enter a time between the years %(first)s and %(last)s.")
                    % {"first": MEETING_YEARS[0], "last": MEETING_YEARS[1]},
                )
            elif name:
                # The field read the text in the browsing person's zone; reread it in the
                # organiser's zone.
                data[field] = local.replace(tzinfo=zoneinfo.ZoneInfo(name))
        return data

    def meeting_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class MeetingCreateForm(MeetingForm):
    version = None

    class Meta(MeetingForm.Meta):
        pass


class ResponseForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Will you attend?"),
        choices=MeetingResponse.Answer.choices,
        widget=forms.RadioSelect,
    )


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingDocument.Kind.choices)
    title = LineField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"))
