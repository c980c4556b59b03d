from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from core import demo_registry
        from notifications.registry import register_source
        from working_groups.services import register_lead_change_hook

        from . import demo, reminders
        from .services import committee_sync

        # The steering committee follows the group leads: the services that change leads run
        # the (idempotent) sync after their commit; beat runs it daily as well.
        register_lead_change_hook(committee_sync)
        demo_registry.register(self.label, demo.load)
        register_source(self.label, reminders.due)
