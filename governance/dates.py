import calendar
import datetime

TERM_MONTHS = 12


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when that day does not exist)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def default_term_end(start_on: datetime.date) -> datetime.date:
    """A term is 12 months: its ``end_on`` (first day after) is the same date a year later."""
    return add_months(start_on, TERM_MONTHS)
