from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from members import demo_registry

        from . import demo, receivers  # noqa: F401

        demo_registry.register(self.label, demo.load)
