"""Tables that leave the browser: one shape for every CSV and XLSX export of the portal.

A view builds a ``Table`` (column headings with a kind, and rows of plain Python values) and
answers with ``csv_response`` or ``xlsx_response``. What every export needs is done here once:

- CSV opens in any spreadsheet: UTF-8 with a byte-order mark, and a choice of ``,`` or ``;`` (a
  Spanish, Portuguese or French spreadsheet expects ``;``); dates as ISO 8601, which every
  spreadsheet reads as a date.
- XLSX dates are real dates (date cells with a date format), numbers are numbers, headings bold
  and frozen, widths from the column's kind.
- No cell is run as a formula (CSV/formula injection): text starting with ``= + - @`` or a tab is
  written with a leading apostrophe.
- One bad value never stops an export: a value that cannot be written becomes its text.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

TEXT, DATE, NUMBER, PERCENT, LONG_TEXT = "text", "date", "number", "percent", "long_text"
_WIDTHS = {TEXT: 24, DATE: 12, NUMBER: 12, PERCENT: 12, LONG_TEXT: 60}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DELIMITERS = {"comma": ",", "semicolon": ";"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    heading: str
    kind: str = TEXT


@dataclass
class Table:
    """A sheet: its title (the XLSX sheet name), its columns and its rows."""

    title: str
    columns: Sequence[Column]
    rows: list[Sequence] = field(default_factory=list)

    def add(self, *values) -> None:
        self.rows.append(values)


def safe_text(value):
    """Keep spreadsheet programs from running a cell as a formula."""
    if isinstance(value, str) and value[:1] in _FORMULA_START:
        return "'" + value
    return value


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    return safe_text(str(value))


def _xlsx_value(value):
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime.datetime):
        # Spreadsheets have no time zones: write the wall time as the reader's export shows it.
        return value.replace(tzinfo=None)
    if isinstance(value, datetime.date):
        return value
    return safe_text(str(value))


def csv_text(table: Table, *, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow([column.heading for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_value(value) for value in row])
    return "\ufeff" + buffer.getvalue()


def xlsx_bytes(tables: Iterable[Table]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(title=_sheet_title(table.title))
        sheet.append([column.heading for column in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_xlsx_value(value) for value in row])
        for index, column in enumerate(table.columns, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = _WIDTHS.get(column.kind, 24)
            if column.kind == DATE:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return (title.strip() or "Sheet")[:31]


def export_filename(*parts) -> str:
    return slugify("-".join(str(p) for p in parts if p)) or "export"


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(table: Table, *, filename: str, delimiter: str = ",") -> HttpResponse:
    response = HttpResponse(
        csv_text(table, delimiter=delimiter), content_type="text/csv; charset=utf-8"
    )
    return _attachment(response, f"{filename}.csv")


def xlsx_response(tables: Table | Iterable[Table], *, filename: str) -> HttpResponse:
    if isinstance(tables, Table):
        tables = [tables]
    return _attachment(HttpResponse(xlsx_bytes(tables), content_type=XLSX_TYPE), f"{filename}.xlsx")


def delimiter_from(request) -> str:
    """The CSV separator a person chose (``?sep=semicolon``), comma otherwise."""
    return DELIMITERS.get(request.GET.get("sep", ""), ",")
