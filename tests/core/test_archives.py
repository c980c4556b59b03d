"""Zip bombs: an archive is refused on what it declares, and a member is never unpacked past a
bounded number of bytes, so memory stays flat whatever the archive holds (issue 11, item 2)."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError

from core import archives
from core.uploads import EVIDENCE, KNOWLEDGE_FILE, check_upload
from tests.files import (
    GIB,
    Member,
    content_bomb,
    docx_bomb,
    docx_bytes,
    mimetype_bomb,
    odt_bytes,
    upload,
    zeros,
    zip_bytes,
)

# What checking one upload may allocate at its peak, whatever the archive unpacks to.
FLAT = 8 * 1024 * 1024


def _peak_while_checking(content: bytes, name: str, policy=EVIDENCE) -> tuple[int, str]:
    """The peak of memory allocated while the file is checked, and the refusal's message."""
    file = upload(name, content)
    tracemalloc.start()
    try:
        check_upload(file, policy=policy)
    except ValidationError as error:
        message = " ".join(error.messages)
    else:
        message = ""
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, message


def test_the_bombs_are_real_zip_archives_of_a_gigabyte():
    for content, name in [(mimetype_bomb(), "mimetype"), (content_bomb(), "content.xml")]:
        assert len(content) < 1.1 * 1024 * 1024
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            assert archive.getinfo(name).file_size == GIB
            with archive.open(name) as member:
                assert member.read(1024 * 1024) == bytes(1024 * 1024)


def test_the_way_bombs_are_built_unpacks_in_full_to_the_size_and_checksum_declared():
    """The same construction at 64 MB, streamed to its end (zipfile checks the CRC there)."""
    size = 64 * 1024 * 1024
    archive = zipfile.ZipFile(io.BytesIO(odt_bytes(zeros("content.xml", size=size))))
    with archive, archive.open("content.xml") as member:
        total = 0
        while chunk := member.read(1024 * 1024):
            total += len(chunk)
    assert total == size


def test_an_opendocument_whose_mimetype_unpacks_to_a_gigabyte_is_refused_with_flat_memory():
    peak, message = _peak_while_checking(mimetype_bomb(), "plan.odt")
    assert "is not what a .odt file holds" in message
    assert peak < FLAT


def test_a_gigabyte_member_behind_a_valid_head_is_refused_for_its_ratio_with_flat_memory():
    peak, message = _peak_while_checking(content_bomb(), "plan.odt")
    assert "would unpack to an unreasonable size" in message
    assert peak < FLAT


def test_a_member_that_unpacks_past_what_it_declares_is_read_only_that_far():
    """[Content_Types].xml says 2 KB (a sane ratio) and holds a gigabyte: the bounded reader
    stops at the declared size, the checksum fails, the file is refused as damaged."""
    peak, message = _peak_while_checking(docx_bomb(), "plan.docx", KNOWLEDGE_FILE)
    assert "is damaged" in message
    assert peak < FLAT


def test_too_many_members_are_refused_before_the_directory_is_loaded(monkeypatch):
    monkeypatch.setattr(archives, "MAX_MEMBERS", 50)
    many = [Member.deflated(f"word/part{n}.xml", b"<p/>") for n in range(51)]
    content = zip_bytes(Member.deflated("[Content_Types].xml", b"<Types/>"), *many)
    with pytest.raises(ValidationError, match="number of parts"):
        check_upload(upload("many.docx", content), policy=EVIDENCE)
    monkeypatch.setattr(zipfile, "ZipFile", None)  # the end record alone decides
    with pytest.raises(ValidationError, match="number of parts"):
        check_upload(upload("many.docx", content), policy=EVIDENCE)


def test_a_total_declared_size_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(archives, "MAX_UNPACKED_BYTES", 1024)
    content = odt_bytes(Member.deflated("content.xml", b" " * 2000))
    with pytest.raises(ValidationError, match="unreasonable size"):
        check_upload(upload("plan.odt", content), policy=EVIDENCE)


def test_compression_methods_that_office_files_never_use_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>", compress_type=zipfile.ZIP_BZIP2)
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ValidationError, match="unreasonable size or number of parts"):
        check_upload(upload("plan.docx", buffer.getvalue()), policy=EVIDENCE)


@pytest.mark.parametrize(
    ("name", "content"),
    [("plan.odt", odt_bytes()), ("plan.docx", docx_bytes())],
)
def test_ordinary_packages_pass(name, content):
    assert check_upload(upload(name, content), policy=EVIDENCE).name == name


def test_a_truncated_archive_is_refused_as_damaged():
    content = odt_bytes()
    with pytest.raises(ValidationError, match="is damaged"):
        check_upload(upload("plan.odt", content[: len(content) - 30]), policy=EVIDENCE)


def test_a_zeros_member_of_a_small_size_is_not_a_bomb():
    """Members under a megabyte may compress far better than 100:1 (runs of spaces)."""
    small = zeros("content.xml", size=1024 * 1024)
    assert check_upload(upload("plan.odt", odt_bytes(small)), policy=EVIDENCE)
