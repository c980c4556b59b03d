"""Checks for uploaded files, shared by every app: type by content, size, a clean name."""

import os
import re
import unicodedata
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Extension -> (content type, how to recognise the content).
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv",
    "txt": "text/plain",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
}
_OOXML_PART = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _content_matches(extension: str, head: bytes, file) -> bool:
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in ("jpg", "jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if extension in ("doc", "xls", "ppt"):
        return head.startswith(_OLE)
    if extension in _OOXML_PART or extension in ("odt", "ods"):
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            file.seek(0)
            with zipfile.ZipFile(file) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
        if extension in ("odt", "ods"):
            return "mimetype" in names
        return any(name.startswith(_OOXML_PART[extension]) for name in names)
    if extension in ("csv", "txt"):
        if b"\x00" in head:
            return False
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is fine.
            return error.start >= len(head) - 3
        return True
    return False


def clean_file_name(name: str) -> str:
    """ASCII letters, digits, dots, dashes and underscores only; no folders; not empty."""
    base = os.path.basename(name.replace("\\", "/"))
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_")[:80] or "file"
    return f"{stem}.{extension.lower()}" if extension else stem


def validate_upload(file) -> str:
    """Raise ValidationError unless the file is an allowed type (by its content) within the size
    limit. Returns the content type. Leaves the file positioned at its start."""
    limit = settings.ALLIANCE_MAX_UPLOAD_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    extension = file.name.rpartition(".")[2].lower() if "." in file.name else ""
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "Files of this type are not accepted. Upload a PDF, an Office document, a CSV or "
                "text file, or a PNG or JPEG image."
            ),
            code="type",
        )
    file.seek(0)
    head = file.read(2048)
    ok = _content_matches(extension, head, file)
    file.seek(0)
    if not ok:
        raise ValidationError(
            _(
                "The file's content is not a real .%(ext)s file. Check that you chose the right "
                "file."
            )
            % {"ext": extension},
            code="content",
        )
    file.name = clean_file_name(file.name)
    return ALLOWED_TYPES[extension]
