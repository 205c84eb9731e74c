"""The benchmark of the Word plan: `check ke-hoach.docx` of a 30-page plan, as whole processes.

    python bench/word.py                   # writes bench/out/plan-word-30p.docx once, then times it
    python bench/word.py --runs 3 --pages 60

The plan is generated (deterministic): the header and legal bases of a real plan, the targets with 60
schools named by kind, four quarters with their lists, the budget with its parts and explanation, the level
table, a 60-row school-list table, a 40-row timeline, and as many paragraphs of ordinary prose (the seeds'
own kind of sentences) as make the requested number of A4 pages at 13 pt (about 480 words a page). Measured,
like bench/run.py: the median wall time of whole processes (start-up and imports included) after one
unmeasured warm-up, and the peak RSS from os.wait4, for

* ``check``        ``chuanqg-xl check plan.docx --format json``
* ``check --plan`` ``chuanqg-xl check plan.xlsx --plan plan.docx --format json`` (the plan's own import)
* ``import``       ``chuanqg-xl import plan.docx -o plan.xlsx --force``

and writes the table to bench/results-word.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import child_env, find_cli, run_once  # noqa: E402

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results-word.md"
WORDS_PER_PAGE = 480
TARGET_SECONDS = 1.0

PROSE = ("Tiếp tục nâng cao chất lượng các tiêu chuẩn trường đạt chuẩn quốc gia tại các trường đã được công nhận; "
         "huy động các nguồn lực đầu tư cơ sở vật chất, trang thiết bị dạy học theo hướng chuẩn hóa, hiện đại hóa; "
         "bồi dưỡng đội ngũ cán bộ quản lý, giáo viên, nhân viên đáp ứng yêu cầu đổi mới căn bản, toàn diện giáo "
         "dục và đào tạo; phối hợp chặt chẽ giữa nhà trường, gia đình và xã hội trong công tác giáo dục học sinh; "
         "định kỳ 6 tháng/lần báo cáo kết quả thực hiện về Phòng Giáo dục và Đào tạo để tổng hợp, báo cáo Ủy ban "
         "nhân dân quận theo dõi, chỉ đạo.")
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ")
GIVEN = ("Văn Ơn", "Thị Minh Khai", "Quang Trung", "Du", "Trãi", "Bỉnh Khiêm", "Đình Chiểu", "Huệ", "Lợi",
         "Tất Thành", "Công Trứ", "Khuyến")
PREFIXES = ("MN", "TH", "THCS")


def school_names(count: int) -> list[str]:
    names = []
    for index in range(count):
        names.append(f"{PREFIXES[index % 3]} {FAMILY[index % len(FAMILY)]} {GIVEN[(index // 3) % len(GIVEN)]}"
                     + (f" {index // 36 + 1}" if index >= 36 else ""))
    return names


def write_plan(path: Path, pages: int) -> Path:
    import docx

    names = school_names(60)
    new, renew = names[:24], names[24:]
    quarters = [("Quý I/2023", new[:6], renew[:9]), ("Quý II/2023", new[6:12], renew[9:18]),
                ("Quý III/2023", new[12:18], renew[18:27]), ("Quý IV/2023", new[18:], renew[27:])]
    document = docx.Document()
    blocks: list[object] = [
        [["ỦY BAN NHÂN DÂN\nQUẬN THỬ NGHIỆM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
         ["Số: 38/KH-UBND", "Quận Thử Nghiệm, ngày 10 tháng 01 năm 2023"]],
        "KẾ HOẠCH", "Xây dựng trường đạt chuẩn quốc gia quận Thử Nghiệm năm 2023",
        *(f"Căn cứ Kế hoạch số {100 + index}/KH-UBND ngày 23 tháng 02 năm 2021 của UBND quận Thử Nghiệm về việc xây "
          "dựng trường đạt chuẩn quốc gia giai đoạn 2021-2025;" for index in range(8)),
        "UBND quận Thử Nghiệm ban hành Kế hoạch như sau:", "I. MỤC TIÊU",
        "- Phấn đấu đến hết năm 2023: Đạt tỷ lệ trường đạt chuẩn quốc gia 90/120 trường, tỉ lệ 75,00 %.",
        "- Năm 2023 xây dựng 60 trường, trong đó: Công nhận mới 24 trường, công nhận lại 36 trường.",
        [["Cấp học", "Công nhận mới", "Công nhận lại"], ["Mầm non", "08", "12"], ["Tiểu học", "08", "12"],
         ["THCS", "08", "12"], ["Tổng cộng", "24", "36"]],
        f"- Công nhận mới 24 trường: {', '.join(new)}.", f"- Công nhận lại (36 trường): {', '.join(renew)}.",
        "2. Thời gian dự kiến hoàn thành:",
    ]
    for label, new_names, renew_names in quarters:
        blocks += [f"- {label}: {len(new_names) + len(renew_names):02d} trường",
                   f"+ Công nhận mới {len(new_names):02d} trường: {', '.join(new_names)};",
                   f"+ Công nhận lại {len(renew_names):02d} trường: {', '.join(renew_names)}."]
    blocks += ["III. KINH PHÍ", "Tổng kinh phí là 120.000 triệu đồng, trong đó:",
               "- Công nhận mới (24 trường): 84.000 triệu đồng.", "- Công nhận lại (36 trường): 36.000 triệu đồng.",
               "IV. NHIỆM VỤ, GIẢI PHÁP"]
    words_so_far = sum(len(str(block).split()) for block in blocks) + 60 * 8 + 40 * 30
    prose = max(0, pages * WORDS_PER_PAGE - words_so_far)
    per_paragraph = len(PROSE.split())
    blocks += [f"{index + 1}. {PROSE}" if index % 5 == 0 else f"- {PROSE}"
               for index in range(prose // per_paragraph + 1)]
    blocks += ["TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn An", "DANH SÁCH CÁC TRƯỜNG",
               [["TT", "CƠ SỞ GIÁO DỤC", "TÍCH HỢP KĐCLGD&CQG", "GHI CHÚ"],
                *([f"{index + 1}.", name, "CĐ2-MĐ1", "CN Lần đầu" if name in new else "CN lại"]
                  for index, name in enumerate(names))],
               "Danh sách này gồm: 60 đơn vị./.", "TIẾN ĐỘ THỰC HIỆN"]
    timeline = [["Thời gian hoàn thành", "Nội dung nhiệm vụ", "Đơn vị chủ trì thực hiện", "Đơn vị phối hợp thực hiện"]]
    for month in range(1, 13):
        for step in range(4 if month % 3 == 0 else 3):
            quarter = quarters[(month - 1) // 3]
            if step == 0:
                task = (f"Hoàn thiện hồ sơ {len(quarter[1]) + len(quarter[2]):02d} trường công nhận mới và công nhận "
                        f"lại {quarter[0].split('/')[0]}")
            elif step == 1:
                task = f"Mời Sở tư vấn công tác xây dựng chuẩn quốc gia trường {quarter[1][month % len(quarter[1])]}"
            else:
                task = "Họp Ban chỉ đạo kiểm đếm tiến độ công việc xây dựng trường đạt chuẩn quốc gia"
            timeline.append([f"Tháng {month}/2023" if step == 0 else "", task, "Phòng GD&ĐT", "Các trường"])
    blocks.append(timeline)
    for block in blocks:
        if isinstance(block, str):
            paragraph = document.add_paragraph()
            for index, line in enumerate(block.split("\n")):
                if index:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
            continue
        rows = block
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    document.core_properties.created = document.core_properties.modified = dt.datetime(2023, 1, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "out")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    plan = args.out / f"plan-word-{args.pages}p.docx"
    if not plan.exists():
        # written in a child, so this measuring process stays small (see run.own_peak_bytes)
        subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {str(BENCH_DIR)!r}); "
                        f"from word import write_plan; from pathlib import Path; "
                        f"write_plan(Path({str(plan)!r}), {args.pages})"], check=True)
    cli = find_cli()
    rows = []
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        env = child_env(work_dir)
        workbook = work_dir / "plan.xlsx"
        commands = [
            ("import", [cli, "import", str(plan), "-o", str(workbook), "--force"], (0, 1)),
            ("check", [cli, "check", str(plan), "--format", "json"], (0, 1)),
            ("check --plan", [cli, "check", str(workbook), "--plan", str(plan), "--format", "json"], (0, 1)),
        ]
        for name, command, ok in commands:
            run_once(command, 120, ok, env)   # warm-up: file cache, bytecode cache
            samples = [run_once(command, 120, ok, env) for _ in range(args.runs)]
            seconds = [sample.seconds for sample in samples]
            peak = max(sample.peak_bytes for sample in samples) / 2**20
            rows.append((name, statistics.median(seconds), min(seconds), max(seconds), peak))
    size = plan.stat().st_size / 1024
    lines = ["# Benchmark: the Word plan", "",
             f"Written by `python bench/word.py --pages {args.pages} --runs {args.runs}` on "
             f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC (same machine notes as results.md).", "",
             f"Plan: {args.pages} A4 pages at 13 pt (about {WORDS_PER_PAGE} words a page), {size:.0f} KB: 60 named "
             "schools, four quarters, a level table, a 60-row list table, a 40-row timeline, prose.", "",
             "| command | median s | min–max s | peak MiB |", "|---|---:|---:|---:|"]
    lines += [f"| `{name}` | {median:.3f} | {low:.3f}–{high:.3f} | {peak:.0f} |" for name, median, low, high, peak in rows]
    check = next(median for name, median, *_ in rows if name == "check")
    verdict = "met" if check < TARGET_SECONDS else "missed"
    lines += ["", f"Target: `check` of a {args.pages}-page plan in well under {TARGET_SECONDS:.0f} s, whole process — "
              f"{verdict} ({check:.3f} s)."]
    args.results.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
