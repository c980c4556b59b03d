"""Testing a data migration: go back to the state before it, make rows, go forward, look."""

import contextlib

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate to ``targets`` (``[(app, migration name or None)]``); the models as they are then."""
    return MigrationExecutor(connection).migrate(targets).apps


@contextlib.contextmanager
def migrated_back_to(targets):
    """The database at ``targets`` for the body; every migration applied again afterwards. Use
    from a fixture that asks for ``django_db_serialized_rollback`` and ``transactional_db``."""
    old = migrate(targets)
    try:
        yield old
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
