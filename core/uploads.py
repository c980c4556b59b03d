"""The one check every uploaded file goes through, with a policy per use.

A policy names the kinds a use accepts; its size limit is ``ALLIANCE_UPLOAD_MAX_MB[use]``
(megabytes, from ``ALLIANCE_UPLOAD_MAX_MB_<USE>`` in the environment). The kind is read from the
content, never trusted from the name or the type the browser claims: binary kinds by their
signature (``filetype``), zip packages (OpenDocument, Office Open XML) also from inside, within
the archive limits of ``core.archives``, and text kinds as text (``core.textfiles``).
"""

import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext as _

from .archives import ArchiveRefused, open_archive
from .textfiles import TextRefused, check_text

# Every kind any use accepts: extension -> the content type it is stored and served with.
CONTENT_TYPES = {
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
    "txt": "text/plain",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
TEXT_KINDS = {"csv", "txt"}
OPENDOCUMENT_KINDS = {"odt", "ods", "odp"}
# The content type [Content_Types].xml gives the main part of each Office Open XML kind (a
# macro-enabled document renamed .docx declares another one).
OOXML_MAIN_PARTS = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
_SNIFFED_AS = {"jpeg": "jpg"}  # filetype's name for the same format
SNIFF_BYTES = 8192
_OFFICE = ("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods")


@dataclass(frozen=True)
class UploadPolicy:
    use: str  # the key of ALLIANCE_UPLOAD_MAX_MB
    kinds: tuple[str, ...]

    @property
    def max_bytes(self) -> int:
        return int(settings.ALLIANCE_UPLOAD_MAX_MB[self.use] * 1024 * 1024)


EVIDENCE = UploadPolicy("evidence", (*_OFFICE, "odp", "csv", "png", "jpg", "jpeg", "gif", "webp"))
MEETING_DOCUMENT = UploadPolicy("meeting_document", (*_OFFICE, "csv", "txt", "png", "jpg", "jpeg"))
KNOWLEDGE_FILE = UploadPolicy(
    "knowledge_file", (*_OFFICE, "odp", "csv", "png", "jpg", "jpeg", "gif", "webp")
)
POLICIES = (EVIDENCE, MEETING_DOCUMENT, KNOWLEDGE_FILE)


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content_type: str
    size: int


def clean_file_name(name: str) -> str:
    """An ASCII, lowercase, dash-separated name that keeps its extension, without folders:
    "Guía Final (v2).PDF" becomes "guia-final-v2.pdf"."""
    path = PurePath(name.replace("\\", "/").replace("\x00", "")).name
    stem, dot, ext = path.rpartition(".")
    if not dot:
        stem, ext = path, ""
    stem = slugify(unicodedata.normalize("NFKD", stem))[:100] or "file"
    ext = slugify(ext)[:10]
    return get_valid_filename(f"{stem}.{ext}" if ext else stem)


def _refused(message: str, code: str, **params) -> ValidationError:
    return ValidationError(message % params, code=code)


def _not_this_kind(name: str, ext: str) -> ValidationError:
    return _refused(
        _(
            "The content of %(name)s is not what a .%(ext)s file holds. Check that you chose "
            "the right file."
        ),
        "content",
        name=name,
        ext=ext,
    )


def _archive_error(name: str, reason: str) -> ValidationError:
    if reason == "corrupt":
        return _refused(
            _("The file %(name)s is damaged: it cannot be opened as a document."),
            "archive",
            name=name,
        )
    return _refused(
        _(
            "The file %(name)s is refused: the archive inside it would unpack to an unreasonable "
            "size or number of parts."
        ),
        "archive",
        name=name,
    )


def _text_error(name: str, ext: str, refused: TextRefused) -> ValidationError:
    if refused.reason == "markup":
        return _refused(
            _(
                "The file %(name)s contains web page or image markup (%(found)s). HTML, SVG and "
                "XML files are not accepted, even renamed."
            ),
            "markup",
            name=name,
            found=refused.detail,
        )
    if refused.reason == "csv":
        if refused.detail:
            return _refused(
                _("The file %(name)s is not a valid CSV file: check line %(line)s."),
                "csv",
                name=name,
                line=refused.detail,
            )
        return _refused(_("The file %(name)s is not a valid CSV file."), "csv", name=name)
    return _refused(
        _(
            "The file %(name)s is not plain text (a .%(ext)s file must be): save it as text in "
            "UTF-8 and try again."
        ),
        "content",
        name=name,
        ext=ext,
    )


def _check_package(upload, ext: str, name: str) -> None:
    """Inside an OpenDocument or Office Open XML package, within the archive limits."""
    try:
        with open_archive(upload) as archive:
            if ext in OPENDOCUMENT_KINDS:
                expected = CONTENT_TYPES[ext].encode()
                matches = archive.read("mimetype", limit=len(expected) + 1) == expected
            else:
                matches = "[Content_Types].xml" in archive.names and OOXML_MAIN_PARTS[
                    ext
                ] in archive.read("[Content_Types].xml")
    except ArchiveRefused as refused:
        raise _archive_error(name, refused.reason) from refused
    if not matches:
        raise _not_this_kind(name, ext)


def _check_content(upload, ext: str, name: str) -> None:
    if ext in TEXT_KINDS:
        try:
            check_text(upload, is_csv=ext == "csv")
        except TextRefused as refused:
            raise _text_error(name, ext, refused) from refused
        return
    upload.seek(0)
    kind = filetype.guess(upload.read(SNIFF_BYTES))
    if kind is None or kind.extension != _SNIFFED_AS.get(ext, ext):
        raise _not_this_kind(name, ext)
    if ext in OPENDOCUMENT_KINDS or ext in OOXML_MAIN_PARTS:
        _check_package(upload, ext, name)


def check_upload(upload, *, policy: UploadPolicy) -> CheckedUpload:
    """Raise ``ValidationError`` (with a message for the person) unless the file is of a kind
    the policy accepts, by its content, and within its size limit. Returns the clean name, the
    content type and the size; leaves the file at its start."""
    name = clean_file_name(upload.name or "")
    limit = policy.max_bytes
    if upload.size > limit:
        raise _refused(
            _("The file %(name)s is %(size)s; files may be at most %(limit)s."),
            "too_large",
            name=name,
            size=filesizeformat(upload.size),
            limit=filesizeformat(limit),
        )
    if not upload.size:
        raise _refused(_("The file %(name)s is empty."), "empty", name=name)
    ext = name.rpartition(".")[2] if "." in name else ""
    if ext not in policy.kinds:
        raise _refused(
            _("The file %(name)s is not of an accepted type. Accepted: %(kinds)s."),
            "type",
            name=name,
            kinds=", ".join(kind.upper() for kind in policy.kinds),
        )
    try:
        _check_content(upload, ext, name)
    finally:
        upload.seek(0)
    return CheckedUpload(name=name, content_type=CONTENT_TYPES[ext], size=upload.size)
