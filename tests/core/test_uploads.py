"""The one upload check: a policy per use, the kind read from the content, the size in megabytes
from the settings, clean names; text files checked as text of their kind (issue 11, item 8)."""

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import TemporaryUploadedFile

from core.uploads import (
    EVIDENCE,
    KNOWLEDGE_FILE,
    MEETING_DOCUMENT,
    POLICIES,
    check_upload,
    clean_file_name,
)
from tests.files import (
    CSV_BYTES,
    DOCM_CONTENT_TYPES,
    EXE_BYTES,
    HTML_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    SVG_BYTES,
    docx_bytes,
    odt_bytes,
    upload,
)

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def refusal(name: str, content: bytes, policy=MEETING_DOCUMENT) -> str:
    with pytest.raises(ValidationError) as error:
        check_upload(upload(name, content), policy=policy)
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("report.pdf", PDF_BYTES, "application/pdf"),
        ("chart.png", PNG_BYTES, "image/png"),
        ("data.csv", CSV_BYTES, "text/csv"),
        (
            "guide.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("plan.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_allowed_files_pass_every_policy(name, content, content_type):
    for policy in POLICIES:
        checked = check_upload(upload(name, content), policy=policy)
        assert (checked.name, checked.content_type, checked.size) == (
            name,
            content_type,
            len(content),
        )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", EXE_BYTES),  # a program named as a PDF
        ("chart.png", PDF_BYTES),  # a PDF named as an image
        ("guide.docx", PDF_BYTES),
        ("guide.docx", odt_bytes()),  # another package kind
        ("macros.docx", docx_bytes(DOCM_CONTENT_TYPES)),  # a .docm renamed
    ],
)
def test_content_that_is_not_what_the_name_says_is_refused(name, content):
    assert f"The content of {name} is not what a" in refusal(name, content)


def test_binary_named_as_text_is_refused():
    assert "The file data.csv is not plain text" in refusal("data.csv", PNG_BYTES)


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "image.svg", "noextension"])
def test_kinds_no_policy_accepts_are_refused(name):
    for policy in POLICIES:
        assert "is not of an accepted type. Accepted: PDF, DOC" in refusal(name, PDF_BYTES, policy)


def test_each_use_accepts_its_own_kinds():
    assert "txt" in MEETING_DOCUMENT.kinds and "txt" not in EVIDENCE.kinds
    assert "webp" in KNOWLEDGE_FILE.kinds and "webp" not in MEETING_DOCUMENT.kinds
    assert check_upload(upload("notes.txt", b"Minutes\n"), policy=MEETING_DOCUMENT)
    assert "not of an accepted type" in refusal("notes.txt", b"Minutes\n", EVIDENCE)


def test_each_use_has_its_size_limit_in_megabytes_from_the_settings(settings):
    assert set(settings.ALLIANCE_UPLOAD_MAX_MB) == {policy.use for policy in POLICIES}
    settings.ALLIANCE_UPLOAD_MAX_MB = {**settings.ALLIANCE_UPLOAD_MAX_MB, "evidence": 1}
    big = PDF_BYTES + b"0" * MB
    message = refusal("big.pdf", big, EVIDENCE)
    assert "The file big.pdf is 1.0\xa0MB; files may be at most 1.0\xa0MB." in message
    assert check_upload(upload("big.pdf", big), policy=KNOWLEDGE_FILE).size == len(big)


def test_the_limits_come_from_the_environment_in_megabytes():
    code = "from alliance.settings import base; print(base.ALLIANCE_UPLOAD_MAX_MB)"
    env = {**os.environ, "ALLIANCE_UPLOAD_MAX_MB_EVIDENCE": "3"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "'evidence': 3," in out.stdout
    assert "'knowledge_file': 50" in out.stdout and "'meeting_document': 20" in out.stdout


@pytest.mark.parametrize("old", ["ALLIANCE_MAX_UPLOAD_BYTES", "KNOWLEDGE_MAX_UPLOAD_MB"])
def test_a_retired_size_setting_stops_the_start_with_its_new_name(old):
    code = "import alliance.settings.base"
    env = {**os.environ, old: "5"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert out.returncode != 0
    assert f"{old} is no longer read: set ALLIANCE_UPLOAD_MAX_MB_" in out.stderr


def test_an_empty_file_is_refused():
    assert "The file report.pdf is empty." in refusal("report.pdf", b"")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Guía Final (v2).PDF", "guia-final-v2.pdf"),
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\ana\\Informe Año 2025.docx", "informe-ano-2025.docx"),
        ("   .pdf", "file.pdf"),
        ("données<script>.csv", "donneesscript.csv"),
        ("nul\x00byte.pdf", "nulbyte.pdf"),
    ],
)
def test_file_names_are_cleaned(raw, clean):
    assert clean_file_name(raw) == clean
    content = {"pdf": PDF_BYTES, "docx": docx_bytes(), "csv": CSV_BYTES}[clean.rpartition(".")[2]]
    assert check_upload(upload(raw, content), policy=EVIDENCE).name == clean


# --- Text files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("data.csv", HTML_BYTES),
        ("data.csv", SVG_BYTES),
        ("notes.txt", HTML_BYTES),
        ("notes.txt", SVG_BYTES),
        ("data.csv", b"country,year\nEC,2024\n<SCRIPT src=//evil.example></SCRIPT>\n"),
        ("data.csv", b'<?xml version="1.0"?><svg/>'),
        ("notes.txt", b"Minutes\n" * 20_000 + b"<iframe src=x>"),  # far past the first chunk
        ("notes.txt", b"Acta\n" * 13_106 + b"  <htm" + b"l>"),  # cut between chunks
        ("data.csv", "<html><body>ñ</body></html>".encode("cp1252")),
        ("notes.txt", b'x <a href="javascript:alert(1)">here</a>'),
    ],
)
def test_markup_in_a_text_file_is_refused_wherever_it_is(name, content):
    assert "contains web page or image markup" in refusal(name, content)


@pytest.mark.parametrize(
    "content",
    [
        CSV_BYTES,
        "país;año;valor\nEcuador;2024;6,5\n".encode(),  # Spanish Excel: semicolons
        "\ufeffcountry,name\nBR,São Paulo\n".encode(),  # UTF-8 with a byte-order mark
        "país,año\nPerú,2024\n".encode("cp1252"),  # Excel's "CSV" on Windows
        b'id,comment\n1,"a quoted, multi-line\nfield with ""quotes"""\n',
        b"x < y,a<b,1 <a b\n",  # comparisons are not markup
        b"one column\nonly\n",
        b"old,mac\r1,2\r",  # carriage returns alone
    ],
)
def test_real_csv_files_pass(content):
    assert check_upload(upload("data.csv", content), policy=KNOWLEDGE_FILE).content_type == (
        "text/csv"
    )


def test_a_csv_that_does_not_parse_is_refused_with_its_line():
    message = refusal("data.csv", b'country,year\nEC,2024\n"EC"x,2025\n')
    assert "The file data.csv is not a valid CSV file: check line 3." in message
    assert "not a valid CSV file" in refusal("data.csv", b"a," * 600_000)  # one endless line
    # csv.Sniffer spends a minute on this one (valid CSV); the delimiter is found by trial.
    assert check_upload(upload("data.csv", b', "x' * 16_384), policy=KNOWLEDGE_FILE)


@pytest.mark.parametrize(
    "content",
    [
        b"a,b\x00c\n",
        b"a,b\x1b[31mred\n",
        "country\nEcuador\n".encode("utf-16"),
        b"caf\x81\n",  # not UTF-8, and a byte Windows-1252 does not define
    ],
)
def test_a_text_file_that_is_not_text_is_refused(content):
    assert "is not plain text" in refusal("data.csv", content)


def test_the_limits_are_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for policy in POLICIES:
        variable = f"ALLIANCE_UPLOAD_MAX_MB_{policy.use.upper()}"
        default = django_settings.ALLIANCE_UPLOAD_MAX_MB[policy.use]
        assert f"| `{variable}` | `{default}` |" in readme


def _on_disk(name: str, content: bytes) -> TemporaryUploadedFile:
    """How Django hands over an upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE."""
    file = TemporaryUploadedFile(name, "application/octet-stream", len(content), None)
    file.write(content)
    file.seek(0)
    return file


def test_uploads_kept_on_disk_are_checked_whole_chunk_by_chunk():
    rows = b"country,year,value\n" + b"".join(b"EC,%d,%d\n" % (n, n * 7) for n in range(400_000))
    assert len(rows) > 5 * MB
    with _on_disk("data.csv", rows) as file:
        assert check_upload(file, policy=KNOWLEDGE_FILE).size == len(rows)
    marked = _on_disk("data.csv", rows + b"<svg onload=alert(1)>\n")
    with marked, pytest.raises(ValidationError, match="markup"):
        check_upload(marked, policy=KNOWLEDGE_FILE)
    with _on_disk("guide.docx", docx_bytes()) as file:
        assert check_upload(file, policy=KNOWLEDGE_FILE).name == "guide.docx"


def test_a_large_text_upload_is_read_a_chunk_at_a_time():
    row = b",".join([b"Ecuador 2024"] * 80) + b"\n"  # about 1 KB
    content = row * (16 * 1024)  # 16 MB, kept in memory by the test
    tracemalloc.start()
    try:
        check_upload(upload("data.csv", content), policy=KNOWLEDGE_FILE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * MB, f"{peak / MB:.1f} MB"
