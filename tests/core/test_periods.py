"""The one convention for dated records: ``[start_on, end_on)``, open when ``end_on`` is empty."""

import datetime

from core.periods import end_after, last_day

D = datetime.date


def test_last_day_is_the_day_before_end_on_and_end_after_reverses_it():
    assert last_day(D(2026, 3, 1)) == D(2026, 2, 28)
    assert end_after(D(2026, 2, 28)) == D(2026, 3, 1)
    assert last_day(None) is None and end_after(None) is None
