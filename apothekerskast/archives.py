"""Bounded checks of uploaded zip archives: plain zips and the office formats built on zip (ASVS V12.1).

Everything is decided from the archive's directory before any member is unpacked, and what is unpacked is read
with a cap, so a zip bomb costs a few kilobytes of memory, not gigabytes:
- at most MAX_MEMBERS entries, counted in the raw bytes before Python's zipfile builds one object per entry;
- at most MAX_UNCOMPRESSED bytes unpacked in total, and no member over a megabyte that unpacks to more than
  MAX_RATIO times its packed size;
- only stored or deflated members (other methods cannot be unpacked with a cap), none encrypted;
- archives inside the archive (a zip of toolkits, the spreadsheet behind a chart in a .docx) are checked the same
  way, against the same totals, at most MAX_NESTING levels deep.
"""

import shutil
import tempfile
import zipfile
import zlib
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

MAX_MEMBERS = 1000
MAX_UNCOMPRESSED = 250 * 1024 * 1024
MAX_RATIO = 100
RATIO_FREE_SIZE = 1024 * 1024  # small members may compress as well as they like
MAX_NESTING = 2
CHUNK = 1024 * 1024
DIRECTORY_ENTRY = b"PK\x01\x02"
ARCHIVE_STARTS = (b"PK\x03\x04", b"PK\x05\x06")
# What reading a damaged or hostile archive may raise.
UNREADABLE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, NotImplementedError)


class Budget:
    """What the members of an upload may still add up to, across nested archives."""

    def __init__(self):
        self.members = 0
        self.uncompressed = 0


def refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params)


def directory_entries(file):
    """How many directory entries the file's bytes could hold, counted without parsing them."""
    file.seek(0)
    count, tail = 0, b""
    while chunk := file.read(CHUNK):
        data = tail + chunk
        count += data.count(DIRECTORY_ENTRY)
        tail = data[-(len(DIRECTORY_ENTRY) - 1) :]
    file.seek(0)
    return count


@contextmanager
def checked_archive(file):
    """Open an uploaded zip after checking it and everything nested in it; a ValidationError says what is wrong.

    Raises zipfile.BadZipFile (or another of UNREADABLE) for a file that is no readable zip.
    """
    with _checked(file, Budget(), depth=0) as archive:
        yield archive


@contextmanager
def _checked(file, budget, depth):
    if directory_entries(file) + budget.members > MAX_MEMBERS:
        refuse(
            "Dit archief bevat te veel bestanden. Het maximum is %(limit)s bestanden, ook in archieven in het archief.",
            "archive_members",
            limit=MAX_MEMBERS,
        )
    with zipfile.ZipFile(file) as archive:
        members = archive.infolist()
        budget.members += len(members)
        for member in members:
            check_member(member, budget)
        for member in members:
            if not member.is_dir() and member.file_size >= len(ARCHIVE_STARTS[0]) and is_archive(archive, member):
                if depth >= MAX_NESTING:
                    refuse(
                        "Dit archief bevat te diep geneste archieven (een zip in een zip in een zip). "
                        "Pakt u het uit en uploadt u de bestanden los.",
                        "archive_nesting",
                    )
                with unpacked(archive, member) as inner, _checked(inner, budget, depth + 1):
                    pass
        yield archive


def check_member(member, budget):
    if member.flag_bits & 0x1:
        refuse(
            "Dit archief is versleuteld en kan daarom niet worden gecontroleerd. Upload het zonder wachtwoord.",
            "archive_encrypted",
        )
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        refuse(
            "Dit archief gebruikt een compressiemethode die niet wordt geaccepteerd. Maakt u het opnieuw aan als "
            "gewone zip.",
            "archive_method",
        )
    budget.uncompressed += member.file_size
    if budget.uncompressed > MAX_UNCOMPRESSED:
        refuse(
            "Dit archief is uitgepakt te groot (meer dan %(limit)s). Upload de bestanden apart.",
            "archive_size",
            limit=filesizeformat(MAX_UNCOMPRESSED),
        )
    if member.file_size > RATIO_FREE_SIZE and member.file_size > MAX_RATIO * max(member.compress_size, 1):
        refuse(
            "Dit archief is verdacht sterk ingepakt: een bestand erin wordt uitgepakt meer dan %(ratio)s keer zo "
            "groot. Zulke bestanden (zip-bommen) worden geweigerd.",
            "archive_ratio",
            ratio=MAX_RATIO,
        )


def is_archive(archive, member):
    with archive.open(member) as content:
        return content.read(len(ARCHIVE_STARTS[0])).startswith(ARCHIVE_STARTS)


@contextmanager
def unpacked(archive, member):
    """A nested archive in a temporary file (in memory up to a megabyte), read no further than its declared size."""
    with tempfile.SpooledTemporaryFile(max_size=CHUNK) as copy, archive.open(member) as content:
        shutil.copyfileobj(LimitedReader(content, member.file_size), copy, CHUNK)
        copy.seek(0)
        yield copy


def read_member(archive, name, limit):
    """At most `limit` bytes of a member, whatever its declared size."""
    with archive.open(name) as content:
        return content.read(limit)


class LimitedReader:
    """A file's read() that stops after `limit` bytes."""

    def __init__(self, file, limit):
        self.file = file
        self.left = limit

    def read(self, size=-1):
        size = self.left if size is None or size < 0 else min(size, self.left)
        data = self.file.read(size)
        self.left -= len(data)
        return data
