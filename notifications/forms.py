from django import forms

from .models import Delivery, NotificationKind


class NotificationPreferencesForm(forms.Form):
    """One choice of delivery per kind of notification."""

    def __init__(self, *args, current: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in NotificationKind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label, choices=Delivery.choices, initial=current.get(kind)
            )
