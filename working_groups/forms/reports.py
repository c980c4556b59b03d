"""The progress report form (the whole report on one page) and the review form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import apply_errors

from ..models import ActivityUpdate


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

    @classmethod
    def as_saved(cls, report, *, missing: dict[str, list[str]]) -> "ReportForm":
        """The form for a draft just saved whose submission was refused: bound to what was saved
        (at its new version; evidence already added or removed is not offered twice), with what
        is missing shown on each field."""
        data = {
            "version": report.version,
            "achievements": report.achievements,
            "challenges": report.challenges,
            "support_needed": report.support_needed,
        }
        for update in report.updates.all():
            data[update.field_name("status")] = update.status
            data[update.field_name("percent")] = "" if update.percent is None else update.percent
            data[update.field_name("narrative")] = update.narrative
        form = cls(data, report=report)
        form.is_valid()
        apply_errors(form, ValidationError(missing))
        return form

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
