"""Files for upload tests: the smallest files that are what they claim to be, and zip bombs.

The bombs are real: a member of a gigabyte of zeros, deflated to about a megabyte. The deflate
stream is built the fast way (one compressed megabyte, flushed so that it stands alone, repeated
a thousand times) and written into a zip by hand, so that a test can also make the headers lie.
zipfile reads every archive made here (``tests/core/test_archives.py`` checks it).
"""

import functools
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
CSV_BYTES = b"country,year,homicides\nEcuador,2024,6986\nCosta Rica,2024,880\n"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
HTML_BYTES = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG_BYTES = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
)
ODT_MIME = b"application/vnd.oasis.opendocument.text"
DOCX_CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
# What a Word document with macros (.docm) declares for its main part.
DOCM_CONTENT_TYPES = DOCX_CONTENT_TYPES.replace(
    b"vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    b"vnd.ms-word.document.macroEnabled.main+xml",
)
GIB = 1024**3
MIB = 1024**2


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes(content_types: bytes = DOCX_CONTENT_TYPES) -> bytes:
    """A minimal Word document (an Office Open XML zip)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@dataclass(frozen=True)
class Member:
    name: str
    data: bytes  # as it lies in the archive
    crc: int
    size: int  # what it really unpacks to
    method: int = zipfile.ZIP_DEFLATED
    declared_size: int | None = None  # what the headers say it unpacks to (default: size)

    @classmethod
    def stored(cls, name: str, content: bytes) -> "Member":
        return cls(name, content, zlib.crc32(content), len(content), zipfile.ZIP_STORED)

    @classmethod
    def deflated(cls, name: str, content: bytes) -> "Member":
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        data = packer.compress(content) + packer.flush()
        return cls(name, data, zlib.crc32(content), len(content))


@functools.cache
def _zeros(size: int) -> tuple[bytes, int]:
    """``size`` zero bytes (a multiple of a megabyte), deflated, and their CRC-32."""
    chunk = bytes(MIB)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)  # stands alone
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(chunk, crc)
    return block * (size // MIB) + packer.flush(), crc


def zeros(name: str, size: int = GIB, declared_size: int | None = None) -> Member:
    data, crc = _zeros(size)
    return Member(name, data, crc, size, declared_size=declared_size)


def zip_bytes(*members: Member) -> bytes:
    """A zip archive of the members, in order, headers as each member says."""
    out, directory = io.BytesIO(), io.BytesIO()
    for member in members:
        offset, name = out.tell(), member.name.encode()
        declared = member.size if member.declared_size is None else member.declared_size
        sizes = (member.crc, len(member.data), declared)
        out.write(
            struct.pack(
                "<4s5H3L2H", b"PK\x03\x04", 20, 0, member.method, 0, 33, *sizes, len(name), 0
            )
        )
        out.write(name + member.data)
        directory.write(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                20,
                20,
                0,
                member.method,
                0,
                33,
                *sizes,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    start, listing = out.tell(), directory.getvalue()
    out.write(listing)
    out.write(
        struct.pack(
            "<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(listing), start, 0
        )
    )
    return out.getvalue()


def odt_bytes(*more: Member) -> bytes:
    """An OpenDocument text: its mimetype first and stored, then ``more`` (or a content.xml)."""
    return zip_bytes(
        Member.stored("mimetype", ODT_MIME),
        *(more or [Member.deflated("content.xml", b"<office:document-content/>")]),
    )


def mimetype_bomb() -> bytes:
    """The .odt of the report: about a megabyte, whose ``mimetype`` unpacks to a gigabyte."""
    return zip_bytes(zeros("mimetype"), Member.deflated("content.xml", b"<x/>"))


def content_bomb() -> bytes:
    """An .odt that passes a look at its first bytes, with a content.xml of a gigabyte."""
    return odt_bytes(zeros("content.xml"))


def docx_bomb() -> bytes:
    """A .docx whose [Content_Types].xml declares 2 KB but unpacks to a gigabyte (its Word part
    first, which is enough for a look at the first bytes)."""
    return zip_bytes(
        Member.deflated("word/document.xml", b"<w:document/>"),
        zeros("[Content_Types].xml", declared_size=2048),
    )
