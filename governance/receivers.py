"""Keep the steering committee's dated record current when a group's leads change.

``working_groups`` knows nothing of governance (dependencies point one way), so governance
listens for changes to ``GroupLead`` rows and re-runs its idempotent service after the commit."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from working_groups.models import GroupLead


@receiver([post_save, post_delete], sender=GroupLead, dispatch_uid="committee-on-lead-change")
def group_leads_changed(sender, **kwargs):
    from .services import committee_sync

    transaction.on_commit(committee_sync)
