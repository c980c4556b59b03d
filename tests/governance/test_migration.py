"""Migration 0004 moves presidency terms to the one convention for dated records (``end_on`` the
first day after) without changing a fact: every term and every recorded change keeps its last
day, and the database still refuses overlapping terms, forward and back."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.migrating import migrate, migrated_back_to

D = datetime.date
BEFORE = [("governance", "0003_one_line_text")]
AFTER = [("governance", "0004_presidency_terms_half_open")]


@pytest.fixture
def before_the_change(django_db_serialized_rollback, transactional_db):
    """The database as it was with last days; put back as it is after the test."""
    with migrated_back_to(BEFORE) as old:
        yield old


def _refuses(Term, **fields) -> bool:
    try:
        with transaction.atomic():
            Term.objects.create(**fields)
    except IntegrityError:
        return True
    return False


def test_every_term_keeps_its_last_day_and_overlaps_stay_refused(before_the_change):
    old = before_the_change
    Country = old.get_model("members", "Country")
    ec, ar, pa = (Country.objects.get(iso_code=code) for code in ("EC", "AR", "PA"))
    OldTerm = old.get_model("governance", "PresidencyTerm")
    OldChange = old.get_model("governance", "PresidencyTermChange")
    # Last days, as stored before: Ecuador to 2025-09-08, Argentina from the next day.
    ecuador = OldTerm.objects.create(country=ec, start_on=D(2024, 12, 12), end_on=D(2025, 9, 8))
    argentina = OldTerm.objects.create(country=ar, start_on=D(2025, 9, 9), end_on=D(2026, 9, 8))
    handover = OldChange.objects.create(
        term=ecuador,
        kind="handover",
        old_start_on=D(2024, 12, 12),
        old_end_on=D(2025, 12, 11),
        new_start_on=D(2024, 12, 12),
        new_end_on=D(2025, 9, 8),
        reason="Summit",
    )

    new = migrate(AFTER)

    Term = new.get_model("governance", "PresidencyTerm")
    Change = new.get_model("governance", "PresidencyTermChange")
    one = datetime.timedelta(days=1)
    last_days = {t.pk: (t.start_on, t.end_on - one) for t in Term.objects.all()}
    assert last_days == {
        ecuador.pk: (D(2024, 12, 12), D(2025, 9, 8)),
        argentina.pk: (D(2025, 9, 9), D(2026, 9, 8)),
    }
    change = Change.objects.get(pk=handover.pk)
    assert (change.old_end_on - one, change.new_end_on - one) == (D(2025, 12, 11), D(2025, 9, 8))
    # Half-open now: a term sharing Argentina's last day is refused, one starting on its end_on
    # (the first day after) is not.
    assert _refuses(Term, country_id=pa.pk, start_on=D(2026, 9, 8), end_on=D(2027, 9, 8))
    assert not _refuses(Term, country_id=pa.pk, start_on=D(2026, 9, 9), end_on=D(2027, 9, 9))
    assert _refuses(Term, country_id=pa.pk, start_on=D(2025, 1, 1), end_on=D(2025, 1, 2))

    # And back: last days again, the same facts, and the closed-range refusal.
    old = migrate(BEFORE)
    OldTerm = old.get_model("governance", "PresidencyTerm")
    OldChange = old.get_model("governance", "PresidencyTermChange")
    assert OldTerm.objects.get(pk=ecuador.pk).end_on == D(2025, 9, 8)
    assert OldTerm.objects.get(pk=argentina.pk).end_on == D(2026, 9, 8)
    assert OldTerm.objects.get(country_id=pa.pk).end_on == D(2027, 9, 8)
    change = OldChange.objects.get(pk=handover.pk)
    assert (change.old_end_on, change.new_end_on) == (D(2025, 12, 11), D(2025, 9, 8))
    assert _refuses(OldTerm, country_id=ar.pk, start_on=D(2027, 9, 8), end_on=D(2028, 9, 7))
    assert not _refuses(OldTerm, country_id=ar.pk, start_on=D(2027, 9, 9), end_on=D(2028, 9, 8))
