"""Optimistic locking: an edit names the version it started from, and loses if it is stale."""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class StaleEditError(ValidationError):
    def __init__(self):
        super().__init__(
            _(
                "Someone else saved this record after you opened it. Your changes have not been "
                "saved; they are still in the form below. Open the record again in a new tab to "
                "see the other changes, then apply yours."
            ),
            code="stale",
        )


def save_versioned(instance, *, fields: list[str], version: int) -> None:
    """Write ``fields`` of ``instance`` only if its stored version is still ``version``."""
    instance.full_clean()
    values = {name: getattr(instance, name) for name in fields}
    updated = (
        type(instance)
        .objects.filter(pk=instance.pk, version=version)
        .update(**values, version=F("version") + 1)
    )
    if updated != 1:
        raise StaleEditError()
    instance.version = version + 1
