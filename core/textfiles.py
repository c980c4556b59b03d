"""Checking an uploaded text file as text of its kind, the whole file, 64 KB at a time.

It must decode (UTF-8, with or without a byte-order mark, otherwise Windows-1252: what Excel
writes as "CSV" in Spanish, Portuguese and French), hold no control characters but tab, line
feed, form feed and carriage return (so UTF-16 and binary files fail), and no markup a browser
or viewer would render: the tags the WHATWG MIME Sniffing standard uses to recognise HTML, plus
SVG, MathML, XML, embedded objects, forms and images, anywhere in the file, in any case. A CSV
file must also parse as CSV (strict quoting, lines of at most ``MAX_LINE_CHARS``).
"""

import codecs
import csv
import io
import itertools
import re
from collections.abc import Iterator

CHUNK_BYTES = 64 * 1024
MAX_LINE_CHARS = 1024 * 1024
# Matched against lowercased text (faster than IGNORECASE on text full of "<").
_MARKUP = re.compile(
    r"<(?:!doctype|!--|\?xml"
    r"|/?(?:applet|base|body|div|embed|font|form|frame|frameset|head|html|iframe|image|img|link|"
    r"math|meta|object|script|style|svg|table|title)(?=[\s/>])"
    # Short tags only as tags: "<b>", "<a href=...", not "x <a b" in a sentence.
    r"|/?(?:a|b|p|br|h[1-6])(?=\s*/?>|\s+[\w:-]+\s*=))"
)
_CARRY = 64  # a tag cut between two chunks is found in the next window
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_DELIMITERS = ",;\t|"


class TextRefused(Exception):
    """``reason`` is "encoding", "control", "markup" (``detail``: what was found) or "csv"
    (``detail``: the line number)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def _encodings(upload) -> list[str]:
    upload.seek(0)
    start = upload.read(4)
    if start.startswith(codecs.BOM_UTF8):
        return ["utf-8-sig"]
    return ["utf-8", "cp1252"]


def _decoded(upload, encoding: str) -> Iterator[str]:
    """The file as text, chunk by chunk; UnicodeDecodeError if it is not in ``encoding``."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    upload.seek(0)  # not upload.chunks(): an in-memory upload gives itself whole
    while chunk := upload.read(CHUNK_BYTES):
        if text := decoder.decode(chunk):
            yield text
    if text := decoder.decode(b"", final=True):
        yield text


def _checked(pieces: Iterator[str]) -> Iterator[str]:
    carry = ""
    for piece in pieces:
        if _CONTROL.search(piece):
            raise TextRefused("control")
        window = carry + piece
        if "<" in window and (found := _MARKUP.search(window.lower())):
            raise TextRefused("markup", found.group(0))
        carry = window[-_CARRY:]
        yield piece


def _lines(pieces: Iterator[str]) -> Iterator[str]:
    """The text's lines: blocks cut after a line break, split into lines by ``io.StringIO``."""

    def blocks() -> Iterator[str]:
        pending = ""
        for piece in pieces:
            block = pending + piece
            cut = max(block.rfind("\n"), block.rfind("\r")) + 1
            pending = block[cut:]
            if len(pending) > MAX_LINE_CHARS:
                raise TextRefused("csv", "")
            yield block[:cut]
        yield pending

    return itertools.chain.from_iterable(io.StringIO(block, newline="") for block in blocks())


def _delimiter(first: list[str]) -> str:
    """The candidate that splits the first lines into the same number of fields, the most of
    them (csv.Sniffer backtracks for a minute on some 64 KB samples: not used)."""
    best, most = ",", 1
    for candidate in _DELIMITERS:
        try:
            widths = {len(row) for row in csv.reader(first, delimiter=candidate, strict=True)}
        except csv.Error:
            continue
        widths.discard(0)
        if len(widths) == 1 and (width := widths.pop()) > most:
            best, most = candidate, width
    return best


def _parse_csv(pieces: Iterator[str]) -> None:
    lines = _lines(pieces)
    first, size = [], 0  # the delimiter is read from the first 50 lines or 64 KB
    for line in lines:
        first.append(line)
        size += len(line)
        if len(first) == 50 or size > CHUNK_BYTES:
            break
    reader = csv.reader(itertools.chain(first, lines), delimiter=_delimiter(first), strict=True)
    try:
        for _row in reader:
            pass
    except csv.Error as error:
        raise TextRefused("csv", str(reader.line_num)) from error


def check_text(upload, *, is_csv: bool) -> None:
    """Raise ``TextRefused`` unless the whole upload is text of its kind (see the module)."""
    for encoding in _encodings(upload):
        try:
            pieces = _checked(_decoded(upload, encoding))
            if is_csv:
                _parse_csv(pieces)
            else:
                for _piece in pieces:
                    pass
        except UnicodeDecodeError:
            continue
        return
    raise TextRefused("encoding")
