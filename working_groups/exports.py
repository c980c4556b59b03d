"""The consolidated progress of a group in a cycle, as CSV and as an Excel workbook."""

import csv
import io

from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from . import selectors


def filename(cycle, group) -> str:
    return slugify(f"progress-{cycle.name}-{group.slug}") or "progress"


def _safe(value):
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def rows(*, cycle, group) -> list[list]:
    """A header and one row per (activity, country), with the activity's average progress."""
    countries, consolidated = selectors.consolidated_progress(cycle=cycle, group=group)
    out = [
        [
            _("Activity"),
            _("Due on"),
            _("Country"),
            _("Status"),
            _("Progress (%)"),
            _("Narrative"),
            _("Average progress of the activity (%)"),
        ]
    ]
    for row in consolidated:
        for country, update in zip(countries, row.updates, strict=True):
            if update is None:
                continue
            out.append(
                [
                    _safe(row.activity.title),
                    row.activity.due_on.isoformat(),
                    _safe(country.name),
                    update.get_status_display() if update.status else "",
                    update.percent,
                    _safe(update.narrative),
                    row.average,
                ]
            )
    return out


def consolidated_csv(*, cycle, group) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows(cycle=cycle, group=group):
        writer.writerow(["" if v is None else v for v in row])
    return "\ufeff" + buffer.getvalue()  # a BOM, so Excel reads the accents right


def consolidated_xlsx(*, cycle, group) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Progress")[:31]
    for row in rows(cycle=cycle, group=group):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFG", (40, 12, 24, 16, 12, 60, 16), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
