"""Damaged and hostile .xls files for the corpus: the standard plan saved by xlwt, then edited in place.

An .xls is an OLE compound file (a header, a FAT of sector chains, a
directory) holding the BIFF8 record stream "Workbook". These helpers find the
sectors of that stream and rewrite records or chains without changing any
length, so each file differs from a valid one in exactly the field under test.
Each edit is one that, unguarded, makes python-calamine abort the process or
allocate without bound (measured: see `chuanqg_xl/oleguard.py`).
"""
from __future__ import annotations

import struct
from pathlib import Path
from typing import Callable, Iterator

SECTOR = 512   # xlwt writes version-3 files
END = 0xFFFFFFFE


def plan_xls(path: Path) -> bytes:
    """The standard plan as an .xls (the bytes), written at `path`."""
    from builders import grids_of, write_xls
    from hostile import standard_plan

    source = standard_plan(path.with_name(path.stem + ".source.xlsx"))
    try:
        sheets = {name: [["" if cell is None else cell for cell in row] for row in rows]
                  for name, rows in grids_of(source).items()}
    finally:
        source.unlink()
    write_xls(path, sheets, {"PL1 - Danh sách trường": [(30, 31, 10, 11)]})
    return path.read_bytes()


def _fat_sectors(data: bytes) -> list[int]:
    return [sector for sector in struct.unpack_from("<109I", data, 76) if sector < 0xFFFFFFFA]


def _fat(data: bytes) -> list[int]:
    fat: list[int] = []
    for sector in _fat_sectors(data):
        fat += struct.unpack_from("<128I", data, (sector + 1) * SECTOR)
    return fat


def _chain(data: bytes, start: int) -> list[int]:
    fat, chain, sector = _fat(data), [], start
    while sector < 0xFFFFFFFA:
        chain.append(sector)
        sector = fat[sector]
    return chain


def directory(data: bytes) -> dict[str, tuple[int, int, int]]:
    """Entry name → (offset of the entry in the file, start sector, length)."""
    found = {}
    for sector in _chain(data, struct.unpack_from("<I", data, 48)[0]):
        for index in range(SECTOR // 128):
            offset = (sector + 1) * SECTOR + index * 128
            entry = data[offset:offset + 128]
            size = struct.unpack_from("<H", entry, 64)[0]
            name = entry[:max(size - 2, 0)].decode("utf-16-le")
            found[name] = (offset, struct.unpack_from("<I", entry, 116)[0], struct.unpack_from("<I", entry, 120)[0])
    return found


def set_fat(data: bytes, sector: int, value: int) -> bytes:
    edited = bytearray(data)
    fat_sector = _fat_sectors(data)[sector // 128]
    struct.pack_into("<I", edited, (fat_sector + 1) * SECTOR + (sector % 128) * 4, value)
    return bytes(edited)


def workbook_sectors(data: bytes) -> list[int]:
    return _chain(data, directory(data)["Workbook"][1])


def records(stream: bytes) -> Iterator[tuple[int, int, int]]:
    """(offset, type, length) of each BIFF record."""
    pos = 0
    while pos + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, pos)
        yield pos, kind, size
        pos += 4 + size


def edit_records(data: bytes, edit: Callable[[bytearray, int, int, int], bool]) -> bytes:
    """Apply `edit(stream, offset, type, length)` to records until it returns True; the stream keeps its size."""
    sectors = workbook_sectors(data)
    stream = bytearray(b"".join(data[(s + 1) * SECTOR:(s + 2) * SECTOR] for s in sectors))
    for pos, kind, size in list(records(bytes(stream))):
        if edit(stream, pos, kind, size):
            break
    else:
        raise AssertionError("no record was edited")
    edited = bytearray(data)
    for index, sector in enumerate(sectors):
        edited[(sector + 1) * SECTOR:(sector + 2) * SECTOR] = stream[index * SECTOR:(index + 1) * SECTOR]
    return bytes(edited)


# ---------------------------------------------------------------- one builder per kind of lie


def _builder(change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes(change(plan_xls(path)))

    return build


def _header(offset: int, value: int) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        edited = bytearray(data)
        struct.pack_into("<I", edited, offset, value)
        return bytes(edited)

    return change


def _directory_loop(data: bytes) -> bytes:
    chain = _chain(data, struct.unpack_from("<I", data, 48)[0])
    return set_fat(data, chain[-1], chain[0])


def _stream_loop(data: bytes) -> bytes:
    """The Workbook chain loops, and its entry declares nearly 4 GB: calamine follows the loop that far."""
    sectors = workbook_sectors(data)
    edited = bytearray(set_fat(data, sectors[-1], sectors[0]))
    struct.pack_into("<I", edited, directory(data)["Workbook"][0] + 120, 0xFFFFFFF0)
    return bytes(edited)


def _difat_loop(data: bytes) -> bytes:
    """A DIFAT sector appended at the end whose 'next' pointer is itself."""
    last = len(data) // SECTOR - 1
    sector = bytearray(b"\xff" * SECTOR)
    struct.pack_into("<I", sector, SECTOR - 4, last)
    edited = bytearray(data) + sector
    struct.pack_into("<II", edited, 68, last, 1)
    return bytes(edited)


def _record(kind: int, change: Callable[[bytearray, int, int], None]) -> Callable[[bytes], bytes]:
    def edit(stream: bytearray, pos: int, found: int, size: int) -> bool:
        if found != kind:
            return False
        change(stream, pos + 4, size)
        return True

    return lambda data: edit_records(data, edit)


def _dimensions(first_row: int, last_row: int) -> Callable[[bytes], bytes]:
    def change(stream: bytearray, body: int, size: int) -> None:
        assert size == 14
        struct.pack_into("<II", stream, body, first_row, last_row)

    return _record(0x0200, change)


def _far_cell(kind: int) -> Callable[[bytes], bytes]:
    return _record(kind, lambda stream, body, size: struct.pack_into("<HH", stream, body, 65535, 65535))


def _merge_count(data: bytes) -> bytes:
    return _record(0x00E5, lambda stream, body, size: struct.pack_into("<H", stream, body, 60000))(data)


def _sst_count(data: bytes) -> bytes:
    return _record(0x00FC, lambda stream, body, size: struct.pack_into("<I", stream, body + 4, 0xFFFFFFF0))(data)


XLS_BUILDERS: dict[str, Callable[[Path], None]] = {
    "xls_fat_count": _builder(_header(44, 0xFFFFFFF0)),          # FAT sectors: more than the file has
    "xls_mini_fat_count": _builder(_header(64, 0xFFFF)),          # calamine's DIFAT length becomes 2^32 - 1
    "xls_difat_loop": _builder(_difat_loop),
    "xls_directory_loop": _builder(_directory_loop),
    "xls_stream_loop": _builder(_stream_loop),
    "xls_dimensions_huge": _builder(_dimensions(0, 0xFFFFFFF0)),
    "xls_dimensions_wrap": _builder(_dimensions(100, 5)),         # last row before the first: 32-bit wrap-around
    "xls_far_rk": _builder(_far_cell(0x027E)),                    # a number in column 65,535
    "xls_far_labelsst": _builder(_far_cell(0x00FD)),              # a text in column 65,535
    "xls_merge_count": _builder(_merge_count),                    # more merged ranges than the record holds
    "xls_sst_count": _builder(_sst_count),
}
