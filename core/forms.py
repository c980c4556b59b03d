"""Form pieces every app shares: a date picker, a service's errors shown on the form, a bounded
multiple choice of records, and the model form that carries the version it was opened at (the
form side of :mod:`core.concurrency`)."""

from django import forms
from django.core.exceptions import ValidationError


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def apply_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has that field,
    at the top of the form otherwise."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)


class BoundedKeysMixin:
    """For a multiple choice of records: a value with more digits than any key is refused as
    invalid. (Django looks all the values up in one ``__in`` query, and SQLite raises
    OverflowError for an integer beyond 64 bits instead of finding nothing.)"""

    def clean(self, value):
        for item in value if isinstance(value, list | tuple) else ():
            digits = str(item).strip().lstrip("+-").lstrip("0")
            if digits.isascii() and digits.isdigit() and len(digits) > 18:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super().clean(value)


class ModelMultipleChoiceField(BoundedKeysMixin, forms.ModelMultipleChoiceField):
    pass


class VersionedModelForm(forms.ModelForm):
    """A model form that carries the version it was opened at (see ``core.concurrency``)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["version"].initial = self.instance.version

    def changed_values(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data
        }
