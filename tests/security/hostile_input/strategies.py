"""Hypothesis strategies: hostile values, files whose content is not what their name says, and
the valid values that are mixed in so that the services see odd-but-valid input too."""

import dataclasses
import datetime
import io
import os
import tempfile
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from members.models import Country

# Hypothesis keeps caches in .hypothesis/ of the working directory: not in the project's tree.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="hypothesis-"))
FUZZ = hypothesis_settings(
    # 25 keeps CI fast; a deeper run: HOSTILE_INPUT_EXAMPLES=500 pytest tests/security/hostile_input
    max_examples=int(os.environ.get("HOSTILE_INPUT_EXAMPLES", "25")),
    database=None,  # nothing written into the tree
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def _zip(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


NASTY_TEXT = [
    "",
    " ",
    "\x00",
    "abc\x00def",
    "\x00" * 8,
    "\x01\x02\x03\x07\x08\x0b\x0c\x0e\x1b[31m\x7f",
    "\r\n\t\r\n",
    "\u200b\u202e\ufeff\u2028",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)",
    "' OR '1'='1",
    "'; DROP TABLE members_country; --",
    "1) UNION SELECT password FROM members_user --",
    "%",
    "_",
    "\\",
    "%00",
    "{{ 7|add:7 }}{% debug %}",
    "${7*7}",
    "../../../../etc/passwd",
    "A" * 5000,
    "é" * 60_000,
    "😀" * 500,
    "a,b,,;\n,",
    "EC, EC, ec",
]
NASTY_NUMBERS = [
    "-1",
    "0",
    "1",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "9" * 40,
    "9" * 5000,
    "1e309",
    "NaN",
    "inf",
    "-0",
    "1.5",
    "0x1F",
    "²",
    "¹²³",
    "٣",
]
NASTY_DATES = [
    "2025-02-30",
    "2025-02-29",
    "99999-01-01",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "2025-13-45",
    "-2025-01-01",
    "2025-1-1",
    "31/12/2025",
    "2025-02-30T25:61",
    "9999-12-31T23:59",
    "0001-01-01T00:00",
    "2025-06-01T10:00+99:00",
]
HOSTILE = st.one_of(
    st.sampled_from(NASTY_TEXT + NASTY_NUMBERS + NASTY_DATES),
    st.text(max_size=200),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
)


@dataclasses.dataclass(frozen=True)
class Upload:
    name: str
    content: bytes
    content_type: str = "application/octet-stream"

    def build(self) -> SimpleUploadedFile:
        return SimpleUploadedFile(self.name, self.content, content_type=self.content_type)


GOOD_FILES = [Upload("report.pdf", PDF, "application/pdf"), Upload("chart.png", PNG, "image/png")]
BAD_FILES = [
    Upload("page.html", b"<html><script>alert(document.cookie)</script></html>", "text/html"),
    Upload(
        "image.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
        b"<script>alert(1)</script></svg>",
        "image/svg+xml",
    ),
    Upload("invoice.pdf", EXE, "application/pdf"),
    Upload("setup.exe", EXE, "application/x-msdownload"),
    Upload("empty.pdf", b"", "application/pdf"),
    Upload("../../../etc/passwd.pdf", PDF, "application/pdf"),
    Upload("a" * 400 + ".pdf", PDF, "application/pdf"),
    Upload("no-extension", PDF),
    Upload("nul\x00byte.pdf", PDF, "application/pdf"),
    Upload("<script>.pdf", PDF, "application/pdf"),
    Upload("data.csv", b"a,b\x00c\n", "text/csv"),
    Upload("data.csv", b"\xff\xfe\xfa" * 100, "text/csv"),
    Upload("fake.docx", b"PK\x03\x04 not really a zip", "application/zip"),
    Upload("bomb.docx", _zip(**{"[Content_Types].xml": b"<x/>", "evil.txt": b"0" * 100_000})),
    Upload("image.png", b"GIF89a" + b"\x00" * 30, "image/png"),
]
FILES = st.sampled_from(GOOD_FILES + BAD_FILES)


EXTREME_DATES = [datetime.date.min, datetime.date(1, 1, 2), datetime.date(9999, 12, 30)]
EXTREME_DATES.append(datetime.date.max)


def dates():
    """Valid dates, extremes included (the form accepts them; the services must cope)."""
    return st.one_of(
        st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2030, 12, 31)),
        st.sampled_from(EXTREME_DATES),
        st.dates(),
    ).map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")


def datetimes():
    return st.one_of(
        st.datetimes(
            min_value=datetime.datetime(2025, 1, 1), max_value=datetime.datetime(2030, 12, 31)
        ),
        st.sampled_from(EXTREME_DATES).flatmap(
            lambda d: st.sampled_from([datetime.time(0, 0), datetime.time(23, 59)]).map(
                lambda t: datetime.datetime.combine(d, t)
            )
        ),
        st.datetimes(),
    ).map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}T{d.hour:02d}:{d.minute:02d}")


def text(max_size=60):
    return st.text(max_size=max_size)


def name_text():
    return st.text(
        alphabet=st.characters(categories=["L", "N", "Zs", "P"]), min_size=1, max_size=60
    )


def choice(values):
    return st.sampled_from([str(v) for v in values])


def countries():
    """Every country (a queryset for ``ids``/``many_ids``, read when each example is drawn)."""
    return Country.objects.all()


def ids(queryset):
    """One existing primary key, read when the example is drawn."""
    return st.integers(min_value=0, max_value=10**6).map(
        lambda n: str(_pick(list(queryset.values_list("pk", flat=True)), n))
    )


def many_ids(queryset):
    return st.lists(ids(queryset), max_size=4, unique=True)


def _pick(values, n):
    return values[n % len(values)] if values else 0


def current_version(model, pk):
    return st.builds(lambda: str(model.objects.get(pk=pk).version))


def fill(draw, fields: dict, files: tuple[str, ...]) -> dict:
    """Each field: a valid value, a hostile one, several values, or nothing at all."""
    names = sorted(fields) + list(files)
    hostile = draw(st.sets(st.sampled_from(names))) if names else set()
    post, uploads = {}, {}
    for name in names:
        if draw(st.integers(0, 9)) == 0:
            continue  # left out
        if name in files:
            upload = draw(FILES) if name not in hostile else draw(st.sampled_from(BAD_FILES))
            uploads[name] = upload.build()
        elif name in hostile:
            post[name] = draw(st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3)))
        else:
            post[name] = draw(fields[name])
    post.update(uploads)
    return post
