"""Looking inside an uploaded zip package (OpenDocument, Office Open XML) without unpacking it.

An archive is refused before anything in it is unpacked when its end record declares too many
members or too large a directory, or when its members declare an absurd unpacked size or
compression ratio. Members are then read through a bounded reader: at most ``READ_BYTES`` of a
member are ever unpacked, whatever its headers say, so memory stays flat for any upload.
"""

import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

MiB = 1024 * 1024
MAX_MEMBERS = 10_000  # a 1,000-slide presentation has about 3,000
MAX_DIRECTORY_BYTES = 4 * MiB  # the central directory of 10,000 members with long names
MAX_UNPACKED_BYTES = 1024 * MiB  # all members together, as declared
MAX_RATIO = 100  # declared unpacked size / compressed size of one member (Apache POI's default)
RATIO_FROM_BYTES = 1 * MiB  # small members may compress better than that (runs of spaces)
READ_BYTES = 256 * 1024  # the most that is ever unpacked from one member

_END = struct.Struct("<4s4H2LH")  # end of central directory record
_END_SIGNATURE = b"PK\x05\x06"
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
_ZIP64_END = struct.Struct("<4sQ2H2L4Q")
_ZIP64_END_SIGNATURE = b"PK\x06\x06"
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}  # all that ODF and OOXML allow
_BROKEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
    NotImplementedError,
    zlib.error,
    struct.error,
)


class ArchiveRefused(Exception):
    """``reason`` is one of "corrupt", "members", "unpacked", "ratio", "method"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Archive:
    """An open zip package whose members are read a bounded number of bytes at a time."""

    def __init__(self, archive: zipfile.ZipFile):
        self._archive = archive
        self.names = frozenset(archive.namelist())

    def read(self, name: str, limit: int = READ_BYTES) -> bytes:
        """At most ``min(limit, READ_BYTES)`` bytes of the member, unpacked. A member that
        unpacks to something else than its headers declare fails its checksum: refused."""
        try:
            with self._archive.open(name) as member:
                return member.read(min(limit, READ_BYTES))
        except _BROKEN as error:
            raise ArchiveRefused("corrupt") from error


def _declared_extent(upload) -> tuple[int, int]:
    """(members, bytes of central directory) as the end record declares them; read from the
    last 64 KB of the file, before zipfile loads the directory into memory."""
    size = upload.size
    tail_length = min(size, _END.size + 0xFFFF)  # the record and the longest comment
    upload.seek(size - tail_length)
    tail = upload.read(tail_length)
    at = tail.rfind(_END_SIGNATURE)
    if at < 0 or at + _END.size > len(tail):
        raise ArchiveRefused("corrupt")
    fields = _END.unpack_from(tail, at)
    members, directory, offset = fields[4], fields[5], fields[6]
    if members == 0xFFFF or directory == 0xFFFFFFFF or offset == 0xFFFFFFFF:
        locator = at - _ZIP64_LOCATOR.size
        if locator < 0 or tail[locator : locator + 4] != _ZIP64_LOCATOR_SIGNATURE:
            raise ArchiveRefused("corrupt")
        record_offset = _ZIP64_LOCATOR.unpack_from(tail, locator)[2]
        upload.seek(record_offset)
        record = upload.read(_ZIP64_END.size)
        if len(record) < _ZIP64_END.size or not record.startswith(_ZIP64_END_SIGNATURE):
            raise ArchiveRefused("corrupt")
        fields = _ZIP64_END.unpack(record)
        members, directory = fields[7], fields[8]
    return members, directory


def _check_declared_sizes(infos: list[zipfile.ZipInfo], archive_size: int) -> None:
    unpacked = packed = 0
    for info in infos:
        if info.compress_type not in _METHODS:
            raise ArchiveRefused("method")
        if info.flag_bits & 0x1:  # zip encryption: neither ODF nor OOXML uses it
            raise ArchiveRefused("method")
        unpacked += info.file_size
        packed += info.compress_size
        if info.file_size > RATIO_FROM_BYTES and (
            info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise ArchiveRefused("ratio")
    if unpacked > MAX_UNPACKED_BYTES:
        raise ArchiveRefused("unpacked")
    if packed > archive_size:
        raise ArchiveRefused("corrupt")


@contextmanager
def open_archive(upload) -> Iterator[Archive]:
    """The upload as an ``Archive``, or ``ArchiveRefused`` before anything is unpacked."""
    members, directory = _declared_extent(upload)
    if members > MAX_MEMBERS or directory > MAX_DIRECTORY_BYTES:
        raise ArchiveRefused("members")
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
    except _BROKEN as error:
        raise ArchiveRefused("corrupt") from error
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:  # the end record understated them
            raise ArchiveRefused("members")
        _check_declared_sizes(infos, upload.size)
        yield Archive(archive)
