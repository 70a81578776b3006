"""Reading export files into batches of raw rows, without judging their values.

``open_export`` opens a listed path only when it is a regular file inside the export
folder (``Refused`` says why not); the ``ExportFile`` it returns is hashed once, then
parsed through a ``HashingReader``, so that the bytes parsed are known to be the bytes
hashed. Three readers, one per file kind: CSV (streamed), JSONL webhook envelopes
(streamed) and the Buddy JSON export (read whole). Each one fills a ``FileInfo`` with
the file's export metadata and yields ``Chunk``s: up to ``batch_size`` records, as
raw-table ``Batch``es plus the lines it could not split or parse. A problem with the
whole file raises ``FileRejected``, possibly after some chunks were yielded: the caller
rolls back.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import operator
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from csr_analytics.contract import JsonExport, RawTable

BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
NUL_IN_LINE = "NUL character in the line"
BLOCK_SIZE = 1024 * 1024
DEFAULT_BATCH_SIZE = 50_000
# A JSONL webhook line is one envelope: raw column <- envelope key (payload = the line).
WEBHOOK_FIELDS = {"event_id": "id", "event_type": "type", "occurred_at": "timestamp"}
WEBHOOK_REQUIRED = ("id", "type", "timestamp", "data")
WEBHOOK_PAYLOAD = "payload"
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Text no database column can hold: NUL, and the unpaired surrogates a JSON \u escape makes.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
UNSTORABLE = "a value holds a NUL character or an unpaired surrogate, which text cannot store"
_JSON_SPACE = re.compile(r"[ \t\n\r]*")  # whitespace between JSON tokens
# A JSON document's strings, brackets, constants and numbers (to find where parsing failed).
_JSON_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"|[\[\]{}]|NaN|-?Infinity|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?'
)

csv.field_size_limit(2**31 - 1)

RejectedLine = tuple[int, str, str]  # source_line, raw_line, error


@dataclass
class Batch:
    """Rows for one raw table: data values in contract column order, line, extra JSON.

    ``extras`` is None when no row of the batch has an ``_extra``.
    """

    table: str
    columns: Sequence[str]
    rows: list[Sequence[str | None]]
    lines: list[int]
    extras: list[str | None] | None


class FileRejected(Exception):
    """The whole file is refused; the message names the file, the line and the rule."""

    def __init__(self, message: str) -> None:
        super().__init__(storable(message))  # it is printed and stored in the ledger


class FileChanged(FileRejected):
    """The bytes parsed are not the bytes hashed before: the file changed during the load."""

    def __init__(self, relative: str) -> None:
        super().__init__(f"{relative}: the file changed while it was being loaded; load it again")


class Refused(Exception):
    """A listed path that is not read: a folder, a link that leads nowhere or outside the
    export folder, a FIFO, socket or device. ``status`` is its ledger status."""

    def __init__(self, message: str, status: str = "rejected") -> None:
        super().__init__(storable(message))
        self.status = status


def storable(text: str) -> str:
    """The text with NUL and unpaired surrogates written as ``\\uXXXX`` escapes."""
    if _UNSTORABLE.search(text) is None:
        return text
    return _UNSTORABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def is_storable(values: Sequence[str | None]) -> bool:
    return not any(value is not None and _UNSTORABLE.search(value) for value in values)


@dataclass
class FileInfo:
    """What a reader learnt about a file besides its rows."""

    export_id: str | None = None
    export_date: str | None = None
    export_date_source: str | None = None
    metadata: dict[str, Any] | None = None
    rows_read: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class Chunk:
    batches: list[Batch]
    rejected: list[RejectedLine]
    position: int  # bytes of the file read so far (for the progress bar)


def normalise(name: str) -> str:
    """A header cell as a column name: lower case, non-alphanumeric runs as ``_``."""
    return _NON_ALNUM.sub("_", name.strip().lower()).strip("_")


def date_from_file_name(relative: str) -> str | None:
    """The last valid ``YYYY-MM-DD`` in the file name, if any."""
    for text in reversed(_DATE_IN_NAME.findall(relative.rsplit("/", 1)[-1])):
        try:
            date.fromisoformat(text)
        except ValueError:
            continue
        return text
    return None


def _fall_back_to_file_name(info: FileInfo, relative: str) -> None:
    if info.export_date is None:
        info.export_date = date_from_file_name(relative)
        info.export_date_source = "file_name" if info.export_date else None


def _strip_newline(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith(("\n", "\r")):
        return text[:-1]
    return text


def looks_utf16(relative: str, line: int, why: str) -> FileRejected:
    """The rejection of a whole file that looks UTF-16 (its BOM, or NULs in its header)."""
    return FileRejected(f"{relative}, line {line}: looks like UTF-16: {why}; save it as UTF-8")


def bom_rejection(relative: str, data: bytes) -> FileRejected | None:
    """The rejection of a file whose first bytes are a UTF-16 byte-order mark, else None."""
    start = data[:2]
    if start not in UTF16_BOMS:
        return None
    bom = start.hex(" ").upper()
    return looks_utf16(relative, 1, f"it starts with the UTF-16 byte-order mark {bom}")


class LineFeed:
    """The decoded lines of a binary file, counted, for csv.reader and JSONL.

    Lines end at ``\n``, ``\r\n`` or ``\r`` and keep their ending (what csv.reader
    wants). ``pending`` holds the lines read since the caller last cleared it: the exact
    text of the record being parsed, and with ``line_no`` the line where it starts.
    ``nul_line`` is the last line read that holds a NUL character (0: none yet).
    """

    def __init__(self, handle: IO[bytes], relative: str) -> None:
        self._handle = handle
        self._text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        self._relative = relative
        self._pushed: str | None = None
        self.line_no = 0
        self.nul_line = 0
        self.pending: list[str] = []

    def __iter__(self) -> Iterator[str]:
        return self._lines()

    def _lines(self) -> Iterator[str]:
        pending = self.pending
        if self._pushed is not None:
            text, self._pushed = self._pushed, None
            self.line_no += 1
            pending.append(text)
            yield text
        try:
            for text in self._text:
                self.line_no += 1
                if "\x00" in text:
                    self.nul_line = self.line_no
                pending.append(text)
                yield text
        except UnicodeDecodeError:
            raise self._invalid_utf8() from None

    def _invalid_utf8(self) -> FileRejected:
        offset = invalid_utf8_offset(self._handle)
        if offset is None:  # cannot happen: the decoder just failed
            return FileRejected(f"{self._relative}: invalid UTF-8")
        if offset == 0:
            self._handle.seek(0)
            utf16 = bom_rejection(self._relative, self._handle.read(2))
            if utf16 is not None:
                return utf16
        self._handle.seek(offset)
        byte = self._handle.read(1)
        line = line_at_offset(self._handle, offset)
        return FileRejected(f"{self._relative}, line {line}: invalid UTF-8 (byte 0x{byte.hex()})")

    def unread(self, text: str) -> None:
        """Give back the last line read, so that the next read returns it again."""
        self._pushed = text
        self.line_no -= 1
        self.pending.pop()

    def start_line(self) -> int:
        return self.line_no - len(self.pending) + 1

    def holds_nul(self) -> bool:
        """Whether a line of the pending record holds a NUL character."""
        return self.nul_line >= self.line_no - len(self.pending) + 1

    def take(self) -> str:
        """The pending record's exact text (without its final newline), then forget it."""
        text = _strip_newline("".join(self.pending))
        self.pending.clear()
        return text


def invalid_utf8_offset(handle: IO[bytes]) -> int | None:
    """Byte offset of the first invalid UTF-8 sequence of the file, None when valid."""
    handle.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    while True:
        block = handle.read(BLOCK_SIZE)
        buffered = len(decoder.getstate()[0])
        try:
            decoder.decode(block, final=not block)
        except UnicodeDecodeError as error:
            return offset - buffered + error.start
        if not block:
            return None
        offset += len(block)


def line_at_offset(handle: IO[bytes], offset: int) -> int:
    """The 1-based line holding a byte offset (lines end at \\n, \\r\\n or \\r)."""
    handle.seek(0)
    breaks, remaining, after_cr = 0, offset, False
    while remaining > 0:
        block = handle.read(min(remaining, BLOCK_SIZE))
        if not block:
            break
        remaining -= len(block)
        breaks += block.count(b"\n") + block.count(b"\r") - block.count(b"\r\n")
        if after_cr and block.startswith(b"\n"):
            breaks -= 1
        after_cr = block.endswith(b"\r")
    return breaks + 1


# ------------------------------------------------------------ opening the files

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class HashingReader(io.RawIOBase):
    """A read-only view of a binary file that hashes every byte read through it.

    The digest is that of the bytes read in order from the start; seeking back to the
    start begins it again, any other jump makes it unusable (``hexdigest`` is None).
    Closing it leaves the file open.
    """

    def __init__(self, file: io.FileIO) -> None:
        super().__init__()
        self._file = file
        self._digest = hashlib.sha256()
        self._in_order = True
        self.size = 0  # bytes hashed

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._file.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        position = self._file.seek(offset, whence)
        if position == 0:
            self._digest, self.size, self._in_order = hashlib.sha256(), 0, True
        elif position != self.size:
            self._in_order = False
        return position

    def readinto(self, buffer: Any) -> int:
        count = self._file.readinto(buffer) or 0
        if count:
            with memoryview(buffer) as view:
                self._digest.update(view[:count])
            self.size += count
        return count

    def readall(self) -> bytes:
        data = self._file.readall() or b""
        self._digest.update(data)
        self.size += len(data)
        return data

    def hexdigest(self) -> str | None:
        return self._digest.hexdigest() if self._in_order else None


class ExportFile:
    """A regular file of the export folder, open for reading.

    ``prehash`` reads it once to decide whether it was already loaded; ``reader`` gives
    the handle to parse, which hashes what it reads; ``check_unchanged`` then compares the
    two digests and the file's size at opening and now.
    """

    def __init__(self, file: io.FileIO, relative: str, size: int) -> None:
        self.file = file
        self.relative = relative
        self.size = size  # at opening
        self.sha256 = ""
        self._hashed = 0
        self._reader: HashingReader | None = None

    def __enter__(self) -> ExportFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.file.close()

    def prehash(self) -> str:
        """The SHA-256 of the file's bytes as they are now."""
        self.file.seek(0)
        digest, self._hashed = hashlib.sha256(), 0
        for block in iter(lambda: self.file.read(BLOCK_SIZE), b""):
            digest.update(block)
            self._hashed += len(block)
        self.sha256 = digest.hexdigest()
        return self.sha256

    def reader(self) -> io.BufferedReader:
        """A handle on the file from its start that hashes every byte the parser reads."""
        self.file.seek(0)
        self._reader = HashingReader(self.file)
        return io.BufferedReader(self._reader, buffer_size=BLOCK_SIZE)

    def check_unchanged(self) -> str:
        """The digest of the parsed bytes; ``FileChanged`` unless it is the pre-hash's."""
        reader = self._reader
        if reader is None or reader.hexdigest() != self.sha256 or reader.size != self._hashed:
            raise FileChanged(self.relative)
        if os.fstat(self.file.fileno()).st_size != self.size:
            raise FileChanged(self.relative)
        return self.sha256


def open_export(root: Path, relative: str, recognised: bool) -> ExportFile:
    """Open a listed path when it is a regular file inside ``root`` (a resolved folder).

    A symbolic link is followed to a file inside ``root`` only. A folder, a link that
    leads nowhere or outside, a FIFO, socket or device is ``Refused`` and never opened;
    a link to a folder inside is not followed (its files are listed where it leads), and
    is skipped unless its name is an export file's. Other problems raise ``OSError``.
    """
    path = root / relative
    status = os.lstat(path)
    if stat.S_ISLNK(status.st_mode):
        path, status = _follow_link(root, path, relative)
        if stat.S_ISDIR(status.st_mode):
            raise _link_to_folder(root, path, relative, recognised)
    if stat.S_ISDIR(status.st_mode):
        raise Refused(f"{relative}: is a folder, not a file")
    _refuse_special(status, relative)
    file, size = _open_regular(path, relative)
    return ExportFile(file, relative, size)


def _follow_link(root: Path, path: Path, relative: str) -> tuple[Path, os.stat_result]:
    """The resolved target of a link and its status, when it is inside ``root``."""
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(root):
        message = "is a symbolic link that leads outside the export folder, refused"
        raise Refused(f"{relative}: {message}")
    try:
        return target, os.stat(target)
    except FileNotFoundError:
        message = "is a symbolic link to nothing (its target does not exist)"
        raise Refused(f"{relative}: {message}") from None
    except OSError as error:
        message = f"is a symbolic link that cannot be followed ({error.strerror})"
        raise Refused(f"{relative}: {message}") from None


def _link_to_folder(root: Path, target: Path, relative: str, recognised: bool) -> Refused:
    """A link to a folder inside ``root``: refused under an export file's name, else
    skipped, since the folder's own files are listed where it leads."""
    if recognised:
        return Refused(f"{relative}: is a symbolic link to a folder, not a file")
    where = target.relative_to(root).as_posix()
    where = "the export folder itself" if where == "." else f"the folder {where}"
    message = f"is a symbolic link to {where}, not followed: its files are read there"
    return Refused(f"{relative}: {message}", "skipped_unrecognised")


def _refuse_special(status: os.stat_result, relative: str) -> None:
    for test, kind in _KINDS:
        if test(status.st_mode):
            raise Refused(f"{relative}: is not a regular file ({kind}), not read")
    if not stat.S_ISREG(status.st_mode):
        raise Refused(f"{relative}: is not a regular file, not read")


def _open_regular(path: Path, relative: str) -> tuple[io.FileIO, int]:
    """The open file and its size. Opened without blocking (a FIFO swapped in after the
    check) or following a link (one swapped in), then checked again."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC
    file = io.FileIO(os.open(path, flags), "rb", closefd=True)
    try:
        status = os.fstat(file.fileno())
        _refuse_special(status, relative)
        os.set_blocking(file.fileno(), True)
    except BaseException:
        file.close()
        raise
    return file, status.st_size


# --------------------------------------------------------------------------- CSV


@dataclass(frozen=True)
class HeaderMap:
    """How the fields of a record become a raw row."""

    width: int  # number of fields a record must have
    positions: tuple[int | None, ...]  # field index of each contract column
    extras: tuple[tuple[str, int], ...]  # (key in _extra, field index)

    @property
    def identity(self) -> bool:
        return not self.extras and self.positions == tuple(range(self.width))


class ExtraKeys:
    """Unique ``_extra`` keys for header cells: a repeated cell ``name`` becomes
    ``name (2)``, ``name (3)``, ... skipping keys already taken, in linear time."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}  # the first number not yet tried, per cell

    def key(self, cell: str) -> str:
        candidate = cell
        if candidate in self._taken:
            number = self._next.get(cell, 2)
            while f"{cell} ({number})" in self._taken:
                number += 1
            self._next[cell] = number + 1
            candidate = f"{cell} ({number})"
        self._taken.add(candidate)
        return candidate


def map_header(header: Sequence[str], table: RawTable, where: str) -> HeaderMap:
    """Match header cells to the contract's columns; unknown cells go to ``_extra``."""
    known = set(table.columns)
    index: dict[str, int] = {}
    extras: list[tuple[str, int]] = []
    keys = ExtraKeys()
    for position, cell in enumerate(header):
        name = normalise(cell)
        if name in known and name not in index:
            index[name] = position
        else:
            extras.append((keys.key(cell), position))
    missing = [
        column for column in table.columns if column in table.required and column not in index
    ]
    if missing:
        names = ", ".join(f'"{column}"' for column in missing)
        plural = "s" if len(missing) > 1 else ""
        raise FileRejected(f"{where}: missing required column{plural} {names}")
    return HeaderMap(
        width=len(header),
        positions=tuple(index.get(column) for column in table.columns),
        extras=tuple(extras),
    )


def _read_preamble(feed: LineFeed, info: FileInfo, relative: str) -> dict[str, tuple[int, str]]:
    """Consume leading blank and ``# Key: value`` lines; return them keyed by normalised key.
    A NUL in one of them rejects the file as UTF-16, as one in the header line does."""
    metadata: dict[str, str] = {}
    by_key: dict[str, tuple[int, str]] = {}
    for text in feed:
        line = _strip_newline(text).strip()
        if line.startswith("#"):
            if feed.nul_line == feed.line_no:
                why = "NUL character in a metadata line before the header"
                raise looks_utf16(relative, feed.line_no, why)
            key, colon, value = line[1:].partition(":")
            if colon and key.strip():
                metadata[key.strip()] = value.strip()
                by_key[normalise(key)] = (feed.line_no, value.strip())
        elif line:
            feed.unread(text)
            break
        feed.pending.clear()
    if metadata:
        info.metadata = metadata
    info.export_id = by_key.get("export_id", (0, ""))[1] or None
    info.export_date = by_key.get("export_date", (0, ""))[1] or None
    info.export_date_source = "header" if info.export_date else None
    return by_key


def _delimiter(table: RawTable, header_line: str) -> str:
    if table.delimiter != "auto":
        return table.delimiter
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _read_header(
    feed: LineFeed, table: RawTable, relative: str
) -> tuple[Iterator[list[str]], HeaderMap]:
    first = next(iter(feed), None)
    if first is None:
        raise FileRejected(f"{relative}, line {feed.line_no + 1}: no header row")
    feed.unread(first)
    reader = csv.reader(feed, delimiter=_delimiter(table, first), strict=True)
    try:
        header = next(reader)
    except csv.Error as error:
        _refuse_nul_in_header(feed, relative)
        where = f"{relative}, line {feed.start_line()}"
        raise FileRejected(f"{where}: cannot parse the header row ({error})") from None
    _refuse_nul_in_header(feed, relative)
    where = f"{relative}, line {feed.start_line()}"
    feed.pending.clear()
    return reader, map_header(header, table, where)


def _refuse_nul_in_header(feed: LineFeed, relative: str) -> None:
    if feed.holds_nul():
        why = "NUL character in the header line"
        raise looks_utf16(relative, feed.start_line(), why)


def _rejected_record(feed: LineFeed, problem: str) -> RejectedLine:
    """The pending record as a rejected line; a NUL in it is the reason given first."""
    if feed.holds_nul():
        return feed.start_line(), storable(feed.take()), NUL_IN_LINE
    return feed.start_line(), feed.take(), problem


def _total_records(relative: str, by_key: dict[str, tuple[int, str]], read: int) -> None:
    if "total_records" not in by_key:
        return
    line, text = by_key["total_records"]
    digits = re.sub(r"[\s,_]", "", text)
    if not (digits.isascii() and digits.isdigit()):
        raise FileRejected(f"{relative}, line {line}: Total Records {text!r} is not a number")
    if int(digits) != read:
        raise FileRejected(
            f"{relative}, line {line}: Total Records is {int(digits)} "
            f"but the file has {read} data records"
        )


def read_csv(
    handle: IO[bytes],
    relative: str,
    table: RawTable,
    info: FileInfo,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Chunk]:
    """Stream a CSV file as chunks of rows and rejected lines."""
    feed = LineFeed(handle, relative)
    by_key = _read_preamble(feed, info, relative)
    _fall_back_to_file_name(info, relative)
    reader, header = _read_header(feed, table, relative)
    project = _projection(header)
    width, pending = header.width, feed.pending
    batch, rejected = _new_batch(table, bool(header.extras)), []
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            rejected.append(_rejected_record(feed, f"cannot parse: {error}"))
            continue
        if not fields:  # an empty line
            pending.clear()
            continue
        start = feed.line_no - len(pending) + 1
        if len(fields) != width or feed.nul_line >= start:
            message = f"expected {width} fields, found {len(fields)}"
            rejected.append(_rejected_record(feed, message))
            continue
        batch.lines.append(start)
        pending.clear()
        if project is None:
            batch.rows.append(fields)
        else:
            batch.rows.append(project(fields))
            if batch.extras is not None:
                batch.extras.append(_extra_json(fields, header.extras))
        if len(batch.rows) >= batch_size or len(rejected) >= batch_size:
            info.rows_read += len(batch.rows) + len(rejected)
            yield Chunk([batch], rejected, handle.tell())
            batch, rejected = _new_batch(table, bool(header.extras)), []
    info.rows_read += len(batch.rows) + len(rejected)
    yield Chunk([batch], rejected, handle.tell())
    _total_records(relative, by_key, info.rows_read)


def _projection(header: HeaderMap) -> Callable[[list[str]], Sequence[str | None]] | None:
    """Fields (in file order) to values (in contract order); None when they are the same."""
    if header.identity:
        return None
    missing = header.width  # a None appended to the fields stands in for absent columns
    getter = operator.itemgetter(*(missing if p is None else p for p in header.positions), missing)

    def project(fields: list[str]) -> Sequence[str | None]:
        fields.append(None)  # type: ignore[arg-type]
        return getter(fields)[:-1]

    return project


def _new_batch(table: RawTable, with_extras: bool = False) -> Batch:
    """An empty batch; ``extras`` stays None when no row of it can have any."""
    return Batch(table.name, table.columns, rows=[], lines=[], extras=[] if with_extras else None)


def _extra_json(fields: Sequence[str], extras: Sequence[tuple[str, int]]) -> str:
    return json.dumps({key: fields[p] for key, p in extras}, ensure_ascii=False)


# ------------------------------------------------------------------------- JSONL


def _envelope_problem(text: str) -> tuple[dict[str, Any] | None, str | None]:
    try:
        envelope = json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        return None, f"not valid JSON: {error}"
    if not isinstance(envelope, dict):
        return None, "not a JSON object"
    missing = [key for key in WEBHOOK_REQUIRED if envelope.get(key) is None]
    if missing:
        return None, "missing " + ", ".join(missing)
    return envelope, None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _envelope_row(columns: Sequence[str], line: str) -> list | str:
    """A JSONL line's raw row, or why it is a rejected line."""
    if "\x00" in line:  # JSON text cannot hold it, nor can a database's text
        return NUL_IN_LINE
    envelope, problem = _envelope_problem(line)
    if envelope is None:
        return problem or "not an envelope"
    return _webhook_row(columns, envelope, line)


def read_jsonl(
    handle: IO[bytes],
    relative: str,
    table: RawTable,
    info: FileInfo,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Chunk]:
    """Stream webhook envelopes, one row per line, every delivery kept."""
    _fall_back_to_file_name(info, relative)
    feed = LineFeed(handle, relative)
    batch = _new_batch(table)
    rejected: list[RejectedLine] = []
    for _ in feed:
        line = feed.take()
        if not line.strip():
            continue
        row = _envelope_row(table.columns, line)
        if isinstance(row, list):
            batch.rows.append(row)
            batch.lines.append(feed.line_no)
        else:
            rejected.append((feed.line_no, storable(line), row))
        if len(batch.rows) + len(rejected) >= batch_size:
            info.rows_read += len(batch.rows) + len(rejected)
            yield Chunk([batch], rejected, handle.tell())
            batch, rejected = _new_batch(table), []
    info.rows_read += len(batch.rows) + len(rejected)
    yield Chunk([batch], rejected, handle.tell())


def _webhook_row(columns: Sequence[str], envelope: dict[str, Any], line: str) -> list | str:
    """The envelope's raw row, or why it cannot be stored."""
    try:
        row = [_webhook_value(column, envelope, line) for column in columns]
    except RecursionError:
        return "nested too deeply to store as text"
    return row if is_storable(row) else UNSTORABLE


def _webhook_value(column: str, envelope: dict[str, Any], line: str) -> str | None:
    if column == WEBHOOK_PAYLOAD:
        return line
    key = WEBHOOK_FIELDS.get(column)
    return None if key is None else as_text(envelope.get(key))


# ------------------------------------------------------------- Buddy JSON export


class RawFloat(float):
    """A JSON number with a fraction or exponent, remembering how it was written."""

    text: str

    def __new__(cls, text: str) -> RawFloat:
        number = super().__new__(cls, text)
        number.text = text
        return number


def as_text(value: Any) -> str | None:
    """A JSON value as raw text: strings as they are, numbers as written, rest as JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, RawFloat):
        return value.text
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _line_of(text: str, needle: str) -> int | None:
    offset = text.find(needle)
    return None if offset < 0 else text.count("\n", 0, offset) + 1


def _parse_json_document(data: bytes, relative: str) -> tuple[str, dict[str, Any]]:
    utf16 = bom_rejection(relative, data)
    if utf16 is not None:
        raise utf16
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FileRejected(f"{relative}, line {line}: invalid UTF-8") from None
    try:
        document = json.loads(text, parse_float=RawFloat, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise FileRejected(
            f"{relative}, line {error.lineno}: not valid JSON ({error.msg})"
        ) from None
    except (ValueError, RecursionError) as error:
        line, problem = _json_problem(text, error)
        raise FileRejected(f"{relative}, line {line}: not valid JSON ({problem})") from None
    if not isinstance(document, dict):
        raise FileRejected(f"{relative}, line 1: the export is not a JSON object")
    return text, document


def _json_problem(text: str, error: Exception) -> tuple[int, str]:
    """Where and why a syntactically valid document could not be read: too deep a nesting,
    a NaN or Infinity, or an integer longer than Python converts."""
    depth, deepest, deepest_at = 0, 0, 0
    digits = sys.get_int_max_str_digits()
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token[0] in "[{":
            depth += 1
            if depth > deepest:
                deepest, deepest_at = depth, match.start()
        elif token[0] in "]}":
            depth -= 1
        elif isinstance(error, RecursionError) or token[0] == '"':
            continue
        elif token in ("NaN", "Infinity", "-Infinity"):
            return text.count("\n", 0, match.start()) + 1, f"{token} is not JSON"
        elif token.lstrip("-").isdigit() and len(token.lstrip("-")) > digits:
            line = text.count("\n", 0, match.start()) + 1
            return line, f"an integer of more than {digits} digits"
    if isinstance(error, RecursionError):
        line = text.count("\n", 0, deepest_at) + 1
        return line, f"nested {deepest} levels deep, too deep to read"
    return 1, str(error)


def _export_metadata(text: str, document: dict[str, Any], relative: str) -> dict[str, Any]:
    metadata = document.get("export_metadata")
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        line = _line_of(text, '"export_metadata"')
        raise FileRejected(f"{relative}, line {line}: export_metadata is not an object")
    return metadata


def _check_record_counts(
    text: str, document: dict[str, Any], metadata: dict[str, Any], relative: str
) -> None:
    counts = metadata.get("record_counts")
    if counts is None:
        return
    line = _line_of(text, '"record_counts"')
    where = f"{relative}, line {line}"
    if not isinstance(counts, dict):
        raise FileRejected(f"{where}: record_counts is not an object")
    for entity, expected in counts.items():
        if isinstance(expected, bool) or not isinstance(expected, int):
            raise FileRejected(f"{where}: record_counts.{entity} is not a whole number")
        array = document.get(entity)
        actual = len(array) if isinstance(array, list) else 0
        if actual != expected:
            raise FileRejected(
                f"{where}: record_counts.{entity} is {expected} "
                f"but the {entity} array has {actual} elements"
            )


def _json_batches(
    elements: list[Any], table: RawTable, where: str, batch_size: int
) -> tuple[list[Batch], list[RejectedLine]]:
    known = set(table.columns)
    seen: set[str] = set()
    batches = [_new_batch(table, with_extras=True)]
    rejected: list[RejectedLine] = []
    for position, element in enumerate(elements, start=1):
        try:
            if not isinstance(element, dict):
                raw = storable(as_text(element) or "null")
                rejected.append((position, raw, "element is not a JSON object"))
                continue
            values: dict[str, str | None] = {}
            extra: dict[str, str | None] = {}
            for key, value in element.items():
                name = normalise(key)
                if name in known and name not in values:
                    values[name] = as_text(value)
                else:
                    extra[key] = as_text(value)
            row = [values.get(column) for column in table.columns]
            extra_text = json.dumps(extra, ensure_ascii=False) if extra else None
        except RecursionError:
            raise FileRejected(f"{where}: element {position} is nested too deeply") from None
        if not is_storable([*row, extra_text]):
            rejected.append((position, storable(as_text(element) or ""), UNSTORABLE))
            continue
        seen.update(values)
        batch = batches[-1]
        if len(batch.rows) >= batch_size:
            batch = _new_batch(table, with_extras=True)
            batches.append(batch)
        batch.rows.append(row)
        batch.lines.append(position)
        batch.extras.append(extra_text)
    missing = sorted(table.required - seen) if len(rejected) < len(elements) else []
    if missing:
        names = ", ".join(f'"{column}"' for column in missing)
        raise FileRejected(f"{where}: no element has the required column(s) {names}")
    return batches, rejected


def _check_top_level_keys(
    text: str, document: dict[str, Any], export: JsonExport, relative: str, info: FileInfo
) -> None:
    """Refuse an unknown key holding an array (its rows would be lost); warn about others."""
    arrays = [table.json_array for table in export.tables if table.json_array]
    for key, value in document.items():
        if key == "export_metadata" or key in arrays:
            continue
        if not isinstance(value, list):
            info.warnings.append(f"{relative}: {key!r} is not an entity of the contract, ignored")
            continue
        line = text.count("\n", 0, _top_level_key_offsets(text).get(key, 0)) + 1
        elements = f"{len(value)} element{'' if len(value) == 1 else 's'}"
        raise FileRejected(
            f"{relative}, line {line}: unknown array {key!r} ({elements}); the export's "
            f"entity arrays are {', '.join(arrays)}: its rows would be lost, so the file "
            "is refused"
        )


def _top_level_key_offsets(text: str) -> dict[str, int]:
    """Where each key of the document's top-level object is written (the last one wins,
    as in the parsed document). The text is known to parse."""
    decoder = json.JSONDecoder()
    offsets: dict[str, int] = {}
    position = _JSON_SPACE.match(text).end() + 1  # after "{"
    while True:
        position = _JSON_SPACE.match(text, position).end()
        if text[position] != '"':
            return offsets  # "}": the object is empty
        key, end = decoder.raw_decode(text, position)
        offsets[key] = position
        position = _JSON_SPACE.match(text, end).end() + 1  # after ":"
        _, end = decoder.raw_decode(text, _JSON_SPACE.match(text, position).end())
        position = _JSON_SPACE.match(text, end).end()
        if text[position] != ",":
            return offsets
        position += 1


def read_json_export(
    handle: IO[bytes],
    relative: str,
    export: JsonExport,
    info: FileInfo,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[Chunk]:
    """Read the Buddy JSON export whole; one chunk per entity array."""
    text, document = _parse_json_document(handle.read(), relative)
    metadata = _export_metadata(text, document, relative)
    _check_record_counts(text, document, metadata, relative)
    if metadata:
        try:
            as_text(metadata)  # the ledger stores it as JSON text
        except RecursionError:
            line = _line_of(text, '"export_metadata"')
            message = f"{relative}, line {line}: export_metadata is nested too deeply"
            raise FileRejected(message) from None
        info.metadata = metadata
        info.export_id = storable(as_text(metadata.get("export_id")) or "") or None
        info.export_date = storable(as_text(metadata.get("export_date")) or "") or None
        info.export_date_source = "json" if info.export_date else None
    _fall_back_to_file_name(info, relative)
    _check_top_level_keys(text, document, export, relative, info)
    for table in export.tables:
        elements = document.get(table.json_array or "")
        if elements is None:
            continue
        needle = f'"{table.json_array}"'
        where = f"{relative}, line {_line_of(text, needle)}"
        if not isinstance(elements, list):
            raise FileRejected(f"{where}: {table.json_array} is not an array")
        batches, rejected = _json_batches(elements, table, where, batch_size)
        info.rows_read += len(elements)
        yield Chunk(batches, rejected, handle.tell())
