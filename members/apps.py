from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from allauth.mfa.signals import authenticator_added

        from core import demo_registry

        from . import demo
        from .second_factor import second_factor_set_up

        authenticator_added.connect(second_factor_set_up, dispatch_uid="members.second_factor")
        demo_registry.register(self.label, demo.load)
