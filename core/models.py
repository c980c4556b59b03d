"""The audit log, which every app writes to (see :mod:`core.audit`). It names the user model by
setting, so core imports no app of ours."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .text import single_line


class AuditEntry(models.Model):
    """Who changed what, when, from what to what. Rows are only ever added: the admin shows them
    read-only and the database refuses updates and deletes (members migration 0006, which made
    the table; core/0001 took the model over, table, rows and triggers as they were)."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=60, db_index=True, validators=[single_line])
    object_type = models.CharField(
        _("record type"), max_length=60, db_index=True, validators=[single_line]
    )
    object_id = models.CharField(max_length=40, validators=[single_line])
    object_repr = models.CharField(_("record"), max_length=300, validators=[single_line])
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        db_table = "members_auditentry"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"
