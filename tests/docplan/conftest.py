"""Word plans built from text in tmp_path: a paragraph is a string, a table a list of rows."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Callable, Sequence

import docx
import pytest

Block = str | Sequence[Sequence[str]]
ROOT = Path(__file__).resolve().parents[2]


def load_script(path: Path, name: str) -> ModuleType:
    """A script of the repository (samples/build.py, samples/plans/agreement.py) loaded by path, once."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def write_docx(path: Path, blocks: Sequence[Block]) -> Path:
    """Paragraphs (a string; '\\n' inside becomes a line break) and tables (rows of cells, '\\n' a new paragraph)."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            paragraph = document.add_paragraph()
            for index, line in enumerate(block.split("\n")):
                if index:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
            continue
        rows = [list(row) for row in block]
        width = max(len(row) for row in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c in range(width):
                lines = (row[c] if c < len(row) else "").split("\n")
                cell = table.cell(r, c)
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    document.save(str(path))
    return path


# A small plan in which every statement agrees with every other (check finds nothing): tests change one thing.
HEADER = ["ỦY BAN NHÂN DÂN\nQUẬN THỬ NGHIỆM", "Số: 12/KH-UBND", "Quận Thử Nghiệm, ngày 10 tháng 01 năm 2023",
          "KẾ HOẠCH", "Xây dựng trường đạt chuẩn quốc gia năm 2023",
          "Căn cứ Kế hoạch số 37/KH-UBND ngày 23 tháng 02 năm 2021 của UBND quận Thử Nghiệm;",
          "I. MỤC TIÊU"]
TARGETS = ["- Phấn đấu đến hết năm 2023: Đạt tỷ lệ trường đạt chuẩn quốc gia 12/20 trường, tỉ lệ 60,00 %.",
           "- Năm 2023 xây dựng 03 trường, trong đó: Công nhận mới 02 trường, công nhận lại 01 trường.",
           "- Công nhận mới 02 trường: TH Kim Đồng, MN Hoa Sen.",
           "- Công nhận lại (01 trường): THCS Tây Sơn.",
           "2. Thời gian dự kiến hoàn thành:",
           "- Quý III/2023: 02 trường",
           "+ Công nhận mới 01 trường: TH Kim Đồng.",
           "+ Công nhận lại 01 trường: THCS Tây Sơn.",
           "- Quý IV/2023: 01 trường",
           "+ Công nhận mới 01 trường: MN Hoa Sen."]
BUDGET = ["III. KINH PHÍ",
          "Tổng kinh phí là 3.500 triệu đồng, trong đó:",
          "- Công nhận mới (02 trường): 2.800 triệu đồng.",
          "- Công nhận lại (01 trường): 700 triệu đồng."]
TIMELINE = [["Thời gian hoàn thành", "Nội dung nhiệm vụ", "Đơn vị chủ trì thực hiện", "Đơn vị phối hợp thực hiện"],
            ["Tháng 3/2023", "Rà soát điều kiện các trường", "Phòng GD&ĐT", "Các trường"],
            ["Tháng 9/2023", "Hoàn thiện hồ sơ 02 trường Quý III (TH Kim Đồng, THCS Tây Sơn)", "Phòng GD&ĐT",
             "Các trường"],
            ["Tháng 11/2023", "Đón đoàn kiểm tra 01 trường công nhận mới Quý IV: MN Hoa Sen", "Phòng GD&ĐT",
             "UBND quận"]]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]


def base_blocks() -> list[Block]:
    return [*HEADER, *TARGETS, *BUDGET, "V. TỔ CHỨC THỰC HIỆN", "Phòng GD&ĐT chủ trì thực hiện Kế hoạch năm 2023.",
            *SIGNATURE, "TIẾN ĐỘ THỰC HIỆN", TIMELINE]


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    counter = [0]

    def make(blocks: Sequence[Block] | None = None, name: str | None = None) -> Path:
        counter[0] += 1
        return write_docx(tmp_path / (name or f"plan{counter[0]}.docx"), base_blocks() if blocks is None else blocks)

    return make
