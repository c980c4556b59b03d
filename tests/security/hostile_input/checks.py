"""What every answer to hostile input must satisfy, and the runner that posts a form."""

import dataclasses
from collections.abc import Callable
from pathlib import Path

from django.apps import apps
from django.conf import settings as django_settings
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import client_for

from .strategies import FUZZ, fill
from .world import World


@dataclasses.dataclass
class Form:
    """A form: who posts it, where, and for each field a strategy of valid values (hostile ones
    are mixed in by the test)."""

    user: str
    url: Callable[[World], str]
    fields: Callable[[World], dict]
    # The names of its file fields, or a function of the world that names them.
    files: tuple[str, ...] | Callable[[World], tuple[str, ...]] = ()
    # Tables whose rows may change even when the answer is a 4xx (an intended partial save).
    may_change_on_4xx: tuple[str, ...] = ()


def row_counts() -> dict[str, int]:
    """The number of rows of every table of the project's apps, in one query."""
    tables = sorted(
        model._meta.db_table
        for label in ("members", "notifications", "governance", "working_groups", "knowledge")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    )
    quote = connection.ops.quote_name
    sql = " UNION ALL ".join(
        f"SELECT '{table}', COUNT(*) FROM {quote(table)}"  # the project's own table names
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def media_files() -> int:
    root = Path(django_settings.MEDIA_ROOT)
    return sum(1 for p in root.rglob("*") if p.is_file()) if root.exists() else 0


ERROR_MARKERS = (b"errorlist", b"form-errors", b'class="messages', b'"error"')


def check_answer(response, *, before, after, files_before, files_after, may_change=()):
    status = response.status_code
    assert status < 500, status
    if 300 <= status < 400:
        assert response["Location"]
        return
    content = b"".join(response) if response.streaming else response.content
    assert content.strip(), f"{status} without a message"
    if 400 <= status < 500:
        if status in (400, 409) and response["Content-Type"].startswith("text/html"):
            assert any(marker in content for marker in ERROR_MARKERS), content[:2000]
        changed = {
            label: (before[label], after[label])
            for label in before
            if before[label] != after[label] and label not in may_change
        }
        assert not changed, f"a {status} answer left rows behind: {changed}"
        if not may_change:
            assert files_after == files_before, "a refused upload left a file behind"


def post_hostile_input(client, world: World, form: Form) -> None:
    """Post ``form`` many times with hostile values mixed into valid ones; check every answer."""
    client_for(client, getattr(world, form.user))
    url = form.url(world)
    files = form.files(world) if callable(form.files) else form.files
    fields = form.fields(world)  # the same fields for every example, whatever they change

    @FUZZ
    @given(data=st.data())
    def post_hostile(data):
        post = fill(data.draw, fields, files)
        before, files_before = row_counts(), media_files()
        response = client.post(url, post)
        if response.status_code in (301, 302, 303):
            # What was saved must not break the page it leads to.
            assert client.get(response["Location"]).status_code < 500
        check_answer(
            response,
            before=before,
            after=row_counts(),
            files_before=files_before,
            files_after=media_files(),
            may_change=form.may_change_on_4xx,
        )

    post_hostile()
