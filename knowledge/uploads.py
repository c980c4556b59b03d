"""Checks on uploaded files: the type is read from the content, not trusted from the name."""

import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext as _

# Extension -> MIME type of what we accept. The content must agree with the extension.
ALLOWED = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "csv": "text/csv",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
# What the sniffer may report for each extension (its names for the same formats).
SNIFFED_AS = {
    "jpeg": "jpg",
}
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content_type: str
    size: int


def clean_file_name(name: str) -> str:
    """An ASCII, lowercase, dash-separated name that keeps its extension: "Guía Final (v2).PDF"
    becomes "guia-final-v2.pdf"."""
    path = PurePath(name.replace("\\", "/")).name
    stem, dot, ext = path.rpartition(".")
    if not dot:
        stem, ext = path, ""
    stem = unicodedata.normalize("NFKD", stem)
    stem = slugify(stem)[:100] or "file"
    ext = slugify(ext)[:10]
    return get_valid_filename(f"{stem}.{ext}" if ext else stem)


def _looks_like_csv(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character may be cut at the end of the sample; latin-1 files are common too.
        try:
            text = head[:-4].decode("utf-8")
        except UnicodeDecodeError:
            text = head.decode("latin-1")
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return bool(text) and printable / len(text) > 0.97


def check_upload(upload) -> CheckedUpload:
    """Raise ``ValidationError`` unless the file is of an allowed type (by its content) and
    within the size limit; return its clean name and type otherwise."""
    limit = settings.KNOWLEDGE_MAX_UPLOAD_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; files may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    name = clean_file_name(upload.name or "")
    ext = name.rpartition(".")[2].lower() if "." in name else ""
    if ext not in ALLOWED:
        raise ValidationError(
            _(
                "Files of this type cannot be uploaded. Allowed: PDF, Word, Excel, PowerPoint, "
                "OpenDocument, CSV and images (PNG, JPEG, GIF, WebP)."
            ),
            code="type",
        )
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if ext == "csv":
        matches = filetype.guess(head) is None and _looks_like_csv(head)
    else:
        kind = filetype.guess(head)
        matches = kind is not None and kind.extension == SNIFFED_AS.get(ext, ext)
    if not matches:
        raise ValidationError(
            _("The content of %(name)s is not a %(ext)s file. Check the file and try again.")
            % {"name": name, "ext": ext.upper()},
            code="content",
        )
    return CheckedUpload(name=name, content_type=ALLOWED[ext], size=upload.size)
