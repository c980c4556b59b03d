from django import forms
from django.utils.translation import gettext_lazy as _

from core.dates import alliance_today
from core.forms import DateInput, ModelMultipleChoiceField, VersionedModelForm
from core.text import LineField
from members.models import Country

from .models import Activity, ActivityUpdate, ReportingCycle, WorkingGroup, WorkPlan


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


class MemberRemoveForm(forms.Form):
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.none())
    start_on = forms.DateField(
        label=_("Does not take part from"), widget=DateInput, initial=alliance_today
    )
    note = LineField(label=_("Reason or reference"), max_length=300)

    def __init__(self, *args, countries=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries or Country.objects.ordered_by_name()


class MemberRestoreForm(forms.Form):
    on = forms.DateField(label=_("Takes part again from"), widget=DateInput, initial=alliance_today)


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


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept the report")), ("return", _("Return it for changes"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comments for the country"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when you return the report."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say what the country should change."))
        return data


class ReportForm(forms.Form):
    """The whole report on one page: overall fields, and per activity its status, progress,
    narrative and new evidence. Nothing is required here: completeness is checked at submit."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    achievements = forms.CharField(
        label=_("Overall achievements"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    challenges = forms.CharField(
        label=_("Challenges"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    support_needed = forms.CharField(
        label=_("Support needed"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: what would help your country make progress."),
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        self.updates = list(report.updates.all())
        if not self.is_bound:
            self.initial.update(
                version=report.version,
                achievements=report.achievements,
                challenges=report.challenges,
                support_needed=report.support_needed,
            )
        for update in self.updates:
            name = update.field_name
            self.fields[name("status")] = forms.ChoiceField(
                label=_("Status"),
                choices=[("", "—"), *ActivityUpdate.Status.choices],
                required=False,
                initial=update.status,
            )
            self.fields[name("percent")] = forms.IntegerField(
                label=_("Progress (%)"),
                min_value=0,
                max_value=100,
                required=False,
                initial=update.percent,
            )
            self.fields[name("narrative")] = forms.CharField(
                label=_("Narrative"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=update.narrative,
            )
            self.fields[name("link")] = forms.URLField(
                label=_("Add a link as evidence"), required=False, max_length=500
            )
            self.fields[name("file")] = forms.FileField(
                label=_("Add a file as evidence"),
                required=False,
                help_text=_("PDF, Office, OpenDocument, CSV or image."),
            )
            for piece in update.evidence.all():
                self.fields[f"remove-evidence-{piece.pk}"] = forms.BooleanField(
                    label=_("Remove %(item)s") % {"item": piece}, required=False
                )

    def activity_sections(self):
        """For the template: each update with its bound fields and its evidence."""
        for update in self.updates:
            yield {
                "update": update,
                "activity": update.activity,
                "fields": [self[update.field_name(n)] for n in ("status", "percent", "narrative")],
                "evidence": [
                    (piece, self[f"remove-evidence-{piece.pk}"]) for piece in update.evidence.all()
                ],
                "new_evidence": [self[update.field_name(n)] for n in ("link", "file")],
            }

    def values(self) -> dict:
        data = self.cleaned_data
        updates, evidence, remove = {}, {}, []
        for update in self.updates:
            name = update.field_name
            updates[update.pk] = {
                "status": data.get(name("status")) or "",
                "percent": data.get(name("percent")),
                "narrative": data.get(name("narrative")) or "",
            }
            if data.get(name("link")) or data.get(name("file")):
                evidence[update.pk] = {
                    "link": data.get(name("link")),
                    "file": data.get(name("file")),
                }
            remove += [p.pk for p in update.evidence.all() if data.get(f"remove-evidence-{p.pk}")]
        return {
            "version": data["version"],
            "achievements": data.get("achievements", ""),
            "challenges": data.get("challenges", ""),
            "support_needed": data.get("support_needed", ""),
            "updates": updates,
            "evidence": evidence,
            "remove_evidence": remove,
        }
