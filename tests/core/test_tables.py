"""Exports open right in a spreadsheet: CSV with a BOM and a choice of separator, XLSX with real
dates and numbers, and no cell run as a formula."""

import csv
import datetime
import io

import openpyxl

from core.tables import DATE, NUMBER, Column, Table, csv_text, xlsx_bytes


def _table():
    table = Table(
        title="Estado: envíos/2026",
        columns=[Column("País"), Column("Enviado el", DATE), Column("Días de retraso", NUMBER)],
    )
    table.add("Ecuador", datetime.date(2026, 12, 11), 3)
    table.add('=HYPERLINK("http://evil")', None, None)
    return table


def test_csv_has_a_bom_and_reads_back_with_a_semicolon():
    text = csv_text(_table(), delimiter=";")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["País", "Enviado el", "Días de retraso"]
    assert rows[1] == ["Ecuador", "2026-12-11", "3"]


def test_no_cell_is_run_as_a_formula():
    rows = list(csv.reader(io.StringIO(csv_text(_table()).lstrip("\ufeff"))))
    assert rows[2][0].startswith("'=")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([_table()]))).active
    assert sheet["A3"].value.startswith("'=") and sheet["A3"].data_type == "s"


def test_xlsx_dates_are_real_dates_and_numbers_numbers():
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([_table()])))
    sheet = workbook.active
    assert sheet.title == "Estado  envíos 2026"
    assert sheet["B2"].is_date and sheet["B2"].value.date() == datetime.date(2026, 12, 11)
    assert sheet["C2"].value == 3 and sheet["C2"].data_type == "n"
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
