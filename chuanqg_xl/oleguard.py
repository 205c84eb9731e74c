"""The guard for legacy .xls files: an OLE compound file holding BIFF records.

python-calamine reads an .xls whole when it opens it, and trusts what the file
declares. Measured here, each of these ends the process (SIGABRT, no message)
or runs until memory is gone:

* the header's FAT sector count, and a DIFAT length calamine reads from the
  wrong bytes (half of the mini-FAT start, half of its length), size vectors
  before a single sector is read;
* a chain of sectors that loops back on itself (directory, mini stream, the
  Workbook stream) is followed until the length its directory entry declares,
  up to 2^64 bytes; a DIFAT chain that loops never ends;
* a DIMENSIONS record sizes the cell list (its row count is 32 bits, and a
  last row before the first wraps around), and a cell in column 65,535 makes
  the grid 65,536 × 65,536 cells;
* an SST record declares its number of strings.

`check_ole` walks the header, the chains calamine follows and the BIFF
records of the workbook stream, and refuses what would do any of this. It
reads the file once, from memory; a real district .xls is well under a
megabyte and takes a few milliseconds.
"""
from __future__ import annotations

import struct
from array import array
from pathlib import Path

from .errors import PlanError

RESERVED = 0xFFFFFFFA         # ids from here on are markers, not sectors
DIFSECT = 0xFFFFFFFC
ENDOFCHAIN = 0xFFFFFFFE
MAX_DIFAT_ENTRIES = 1 << 24   # what calamine reserves (4 bytes each) from its DIFAT length: 64 MB at most
WORKBOOK_STREAMS = ("Workbook", "Book", "WORKBOOK", "BOOK")  # calamine's order

_BOF, _EOF, _DIMENSIONS, _MERGED, _SST, _BOUNDSHEET = 0x0809, 0x000A, 0x0200, 0x00E5, 0x00FC, 0x0085
_CELLS = {0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006}   # NUMBER LABEL RSTRING BOOLERR RK LABELSST FORMULA
_MULRK = 0x00BD


def _damaged(path: Path, detail: str) -> PlanError:
    from .messages import phrase

    return PlanError("safety.ole_damaged", path=path, detail=phrase(detail))


def _u32s(data: bytes) -> array:
    values = array("I")
    values.frombytes(data[: len(data) - len(data) % 4])
    if values.itemsize != 4 or struct.pack("=I", 1) != struct.pack("<I", 1):  # pragma: no cover - big-endian
        values.byteswap()
    return values


class _Compound:
    """The sectors of a compound file as calamine sees them (sector i at offset (i + 1) × size)."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.data, self.path = data, path
        shift = struct.unpack_from("<H", data, 30)[0]
        self.size = 1 << shift
        self.maxid = len(data) // self.size
        fat_sectors, self.dir_start = struct.unpack_from("<II", data, 44)
        self.mini_start, self.mini_sectors = struct.unpack_from("<II", data, 60)
        difat_start = struct.unpack_from("<I", data, 68)[0]
        if fat_sectors > self.maxid + 1:
            raise _damaged(path, "safety.ole.fat_count")
        if struct.unpack_from("<I", data, 62)[0] > MAX_DIFAT_ENTRIES:  # calamine's DIFAT length (sic)
            raise _damaged(path, "safety.ole.mini_fat_count")
        if self.mini_sectors > self.maxid + 1:
            raise _damaged(path, "safety.ole.mini_fat_count")
        difat = list(_u32s(data[76:512]))
        seen: set[int] = set()
        sector = difat_start
        while sector < RESERVED:
            if sector in seen:
                raise _damaged(path, "safety.ole.loop")
            seen.add(sector)
            block = self.sector(sector)
            if block is None:
                break
            difat.extend(_u32s(block))
            sector = difat.pop()
        self.fat = array("I")
        for sector in difat:
            if sector < DIFSECT:
                block = self.sector(sector)
                if block is None:
                    break
                self.fat.extend(_u32s(block))

    def sector(self, sector: int) -> bytes | None:
        if sector > self.maxid:
            return None   # calamine stops with an error of its own
        start = (sector + 1) * self.size
        return self.data[start:start + self.size]

    def chain(self, start: int, length: int | None = None) -> bytes:
        """The bytes of a chain (up to `length`), refusing a chain that loops or leaves the FAT."""
        pieces: list[bytes] = []
        total = 0
        seen: set[int] = set()
        sector = start
        while sector != ENDOFCHAIN:
            if sector in seen:
                raise _damaged(self.path, "safety.ole.loop")
            seen.add(sector)
            block = self.sector(sector)
            if block is None:
                break
            pieces.append(block)
            total += len(block)
            if length is not None and total >= length:
                break
            if sector >= len(self.fat):
                raise _damaged(self.path, "safety.ole.fat_count")
            sector = self.fat[sector]
        data = b"".join(pieces)
        return data if length is None else data[:length]

    def streams(self) -> dict[str, tuple[int, int]]:
        """Directory entry name → (start sector, length), first entry of each name (as calamine finds it)."""
        directory = self.chain(self.dir_start)
        large = self.size == 4096
        found: dict[str, tuple[int, int]] = {}
        for offset in range(0, len(directory) - 127, 128):
            entry = directory[offset:offset + 128]
            name = entry[:64].decode("utf-16-le", "replace").split("\x00", 1)[0]
            start = struct.unpack_from("<I", entry, 116)[0]
            length = struct.unpack_from("<Q" if large else "<I", entry, 120)[0]
            found.setdefault(name if offset else "\x00root", (start, length))
        return found

    def stream(self, name: str) -> bytes | None:
        """A stream's bytes, read the way calamine reads it (small streams from the mini stream)."""
        streams = self.streams()
        if name not in streams:
            return None
        start, length = streams[name]
        if length >= 4096:
            return self.chain(start, length)
        if not self.mini_sectors or "\x00root" not in streams:
            return b""
        root_start, root_length = streams["\x00root"]
        mini = self.chain(root_start, root_length)
        mini_fat = _u32s(self.chain(self.mini_start, self.mini_sectors * self.size))
        pieces: list[bytes] = []
        total = 0
        seen: set[int] = set()
        sector = start
        while sector != ENDOFCHAIN and total < length:
            if sector in seen:
                raise _damaged(self.path, "safety.ole.loop")
            seen.add(sector)
            block = mini[sector * 64:sector * 64 + 64]
            if not block or sector >= len(mini_fat):
                break
            pieces.append(block)
            total += len(block)
            sector = mini_fat[sector]
        return b"".join(pieces)[:length]


def check_ole(data: bytes, path: Path, max_cells: int) -> None:
    """Refuse an .xls whose compound-file structure or BIFF records would make calamine allocate without
    bound; `max_cells` is the grid limit applied to every sheet."""
    if len(data) < 512 or struct.unpack_from("<H", data, 30)[0] not in (9, 12):
        return   # not something calamine reads past its header: it reports the file as damaged
    compound = _Compound(data, path)
    streams = compound.streams()
    if "\x00root" in streams and compound.mini_sectors:
        compound.chain(*streams["\x00root"])
        compound.chain(compound.mini_start, compound.mini_sectors * compound.size)
    for name in WORKBOOK_STREAMS:
        if name in streams:
            workbook = compound.stream(name)
            if workbook:
                check_biff(workbook, path, max_cells)
            return


def _sheet_names(stream: bytes) -> dict[int, str]:
    """Offset of each sheet's BOF → its name, from the BoundSheet8 records of the globals."""
    names: dict[int, str] = {}
    pos = 0
    while pos + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4:pos + 4 + size]
        pos += 4 + size
        if kind == _BOUNDSHEET and len(body) >= 8:
            offset, count, wide = struct.unpack_from("<I", body)[0], body[6], body[7] & 1
            raw = body[8:8 + count * (2 if wide else 1)]
            names[offset] = raw.decode("utf-16-le" if wide else "latin-1", "replace")
        elif kind == _EOF:
            break
    return names


def check_biff(stream: bytes, path: Path, max_cells: int) -> None:
    """Every sheet's DIMENSIONS and cells within `max_cells`; SST and merge records consistent with their length."""
    from .extent import refuse_grid

    names = _sheet_names(stream)
    sheet, depth = "", 0
    max_row = max_col = -1
    pos = 0
    size_of_stream = len(stream)
    while pos + 4 <= size_of_stream:
        start = pos
        kind, size = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4:pos + 4 + size]
        pos += 4 + size
        if kind == _BOF:
            if depth == 0:
                sheet, max_row, max_col = names.get(start, sheet), -1, -1
            depth += 1
            continue
        if kind == _EOF:
            depth = max(depth - 1, 0)
            continue
        if depth > 1:
            continue   # a chart or other substream inside a sheet: calamine skips it
        if kind in _CELLS and len(body) >= 4:
            row, col = struct.unpack_from("<HH", body)
        elif kind == _MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            col = max(first, struct.unpack_from("<H", body, len(body) - 2)[0])
        elif kind == _DIMENSIONS and len(body) in (10, 14):
            cells, last_row, last_col = _declared_area(body)
            if cells > max_cells:
                raise refuse_grid(path, sheet, last_row, last_col, declared=True)
            continue
        elif kind == _SST and len(body) >= 8:
            if struct.unpack_from("<I", body, 4)[0] > size_of_stream // 3 + 1:   # each string takes 3 bytes or more
                raise _damaged(path, "safety.ole.sst_count")
            continue
        elif kind == _MERGED and len(body) >= 2:
            if 2 + 8 * struct.unpack_from("<H", body)[0] > len(body):
                raise _damaged(path, "safety.ole.merge_count")
            continue
        else:
            continue
        if row > max_row or col > max_col:
            max_row, max_col = max(max_row, row), max(max_col, col)
            if (max_row + 1) * (max_col + 1) > max_cells:
                raise refuse_grid(path, sheet, max_row + 1, max_col + 1)


def _declared_area(body: bytes) -> tuple[int, int, int]:
    """The cell count calamine reserves for a DIMENSIONS record (with its unsigned 32-bit wrap-around),
    and the last row and column that count reaches (1-based)."""
    if len(body) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", body)
    else:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", body)
    if first_col > 0xFF or last_col < first_col:
        first_col = 0
    if last_row < 1 or last_col < 1:
        return 1, 1, 1
    rows = ((last_row - 1) - first_row + 1) % (1 << 32)
    cols = ((last_col - 1) - first_col + 1) % (1 << 32)
    return rows * cols, first_row + rows, first_col + cols
