"""The audit log: services call :func:`audit` for every change that matters to governance."""

import datetime
import decimal

from django.db import models

from .models import AuditEntry
from .text import one_line


def _plain(value):
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime, decimal.Decimal)):
        return str(value)
    return value


def snapshot(instance: models.Model, fields: list[str]) -> dict:
    return {name: _plain(getattr(instance, name)) for name in fields}


def audit(
    *,
    actor,
    action: str,
    instance: models.Model,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """Record one change. ``before``/``after`` are field snapshots; only differences are kept."""
    before, after = before or {}, after or {}
    changes = {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=instance._meta.label,
        object_id=str(instance.pk),
        object_repr=one_line(instance)[:300],
        changes=changes,
    )
