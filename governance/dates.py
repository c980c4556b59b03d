import datetime

from core.dates import add_months

TERM_MONTHS = 12


def default_term_end(start_on: datetime.date) -> datetime.date:
    """A term is 12 months: its ``end_on`` (first day after) is the same date a year later."""
    return add_months(start_on, TERM_MONTHS)
