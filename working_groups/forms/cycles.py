"""The form that opens a reporting cycle."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, ModelMultipleChoiceField

from ..models import ReportingCycle, WorkingGroup


class CycleForm(forms.ModelForm):
    groups = ModelMultipleChoiceField(
        label=_("Working groups"),
        queryset=WorkingGroup.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        initial=lambda: list(WorkingGroup.objects.values_list("pk", flat=True)),
    )

    class Meta:
        model = ReportingCycle
        fields = ["name", "period_start", "period_end", "opens_on", "due_on", "late_flag_days"]
        widgets = {
            "period_start": DateInput,
            "period_end": DateInput,
            "opens_on": DateInput,
            "due_on": DateInput,
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end <= start:
            self.add_error("period_end", _("The period must end after it starts."))
        opens, due = data.get("opens_on"), data.get("due_on")
        if opens and due and due < opens:
            self.add_error("due_on", _("The due date cannot come before the opening date."))
        return data
