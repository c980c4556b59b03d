"""Forms of work plans and their activities."""

from django import forms

from core.forms import DateInput, ModelMultipleChoiceField, VersionedModelForm

from ..models import Activity, WorkPlan


class WorkPlanForm(VersionedModelForm):
    class Meta:
        model = WorkPlan
        fields = ["title", "period_start", "period_end"]
        widgets = {"period_start": DateInput, "period_end": DateInput}


class WorkPlanCreateForm(WorkPlanForm):
    version = None

    class Meta(WorkPlanForm.Meta):
        pass


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "responsible_countries",
            "start_on",
            "due_on",
            "expected_output",
            "indicator",
            "target",
        ]
        field_classes = {"responsible_countries": ModelMultipleChoiceField}
        widgets = {
            "start_on": DateInput,
            "due_on": DateInput,
            "responsible_countries": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
            "expected_output": forms.Textarea(attrs={"rows": 2}),
        }

    # The plan's version when the form was opened: a save after someone else changed the plan's
    # activities is refused (409) instead of silently overwriting theirs.
    plan_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, countries=None, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if countries is not None:
            self.fields["responsible_countries"].queryset = countries
        if plan is not None and not self.is_bound:
            self.fields["plan_version"].initial = plan.version

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data["responsible_countries"] = list(data.get("responsible_countries") or [])
        return data
