"""Evidence files are checked by their content, not by the name or type the browser claims."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Office: .doc, .xls, .ppt
OOXML_PARTS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
IMAGE_MAGIC = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
}
ALLOWED_EXTENSIONS = sorted(
    {"pdf", "csv", "doc", "xls", "ppt", "webp", *OOXML_PARTS, *ODF_TYPES, *IMAGE_MAGIC}
)


def _zip_names(head: bytes, upload) -> list[str] | None:
    if not head.startswith(b"PK\x03\x04"):
        return None
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _odf_mimetype(upload) -> bytes:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.read("mimetype")[:100]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return b""


def _is_csv(upload) -> bool:
    upload.seek(0)
    sample = upload.read(64 * 1024)
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A sample cut in the middle of a character is still text.
        if error.start < len(sample) - 4:
            try:
                sample.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def content_matches(extension: str, upload) -> bool:
    upload.seek(0)
    head = upload.read(16)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in IMAGE_MAGIC:
        return head.startswith(IMAGE_MAGIC[extension])
    if extension == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if extension in ("doc", "xls", "ppt"):
        return head.startswith(OLE2)
    if extension in OOXML_PARTS:
        names = _zip_names(head, upload) or []
        prefix = OOXML_PARTS[extension]
        return "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names)
    if extension in ODF_TYPES:
        return (
            _zip_names(head, upload) is not None and _odf_mimetype(upload) == ODF_TYPES[extension]
        )
    if extension == "csv":
        return _is_csv(upload)
    return False


def validate_evidence_file(upload) -> None:
    """PDF, Office documents (Microsoft or OpenDocument), CSV and images, up to the size set in
    ``ALLIANCE_EVIDENCE_MAX_BYTES``; the content must be what the file's extension says."""
    limit = settings.ALLIANCE_EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file %(name)s is %(size)s; files may be at most %(limit)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
            code="file_too_large",
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _(
                "The file %(name)s is not of an accepted type. Accepted: PDF, Word, Excel, "
                "PowerPoint, OpenDocument, CSV, and PNG, JPEG, GIF or WebP images."
            )
            % {"name": upload.name},
            code="file_type",
        )
    try:
        matches = content_matches(extension, upload)
    finally:
        upload.seek(0)
    if not matches:
        raise ValidationError(
            _("The content of %(name)s is not a %(ext)s file. Check the file and try again.")
            % {"name": upload.name, "ext": extension.upper()},
            code="file_content",
        )
