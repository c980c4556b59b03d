from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkingGroupsConfig(AppConfig):
    name = "working_groups"
    verbose_name = _("Working groups")

    def ready(self):
        from core import demo_registry
        from notifications.registry import register_source

        from . import demo, reminders

        demo_registry.register(self.label, demo.load)
        register_source(self.label, reminders.due)
