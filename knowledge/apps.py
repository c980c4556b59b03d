import unicodedata

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def strip_accents(text):
    """ "Segurança" -> "Seguranca": what PostgreSQL's unaccent does, for SQLite."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _add_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("unaccent", 1, strip_accents, deterministic=True)


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge library")

    def ready(self):
        # SQLite (the embedded default) gets an unaccent() function like PostgreSQL's extension,
        # so the library's search ignores accents there too.
        connection_created.connect(_add_sqlite_functions, dispatch_uid="knowledge-sqlite-unaccent")

        from core import demo_registry
        from notifications.registry import register_source

        from . import demo, reminders

        demo_registry.register(self.label, demo.load)
        register_source(self.label, reminders.due)
