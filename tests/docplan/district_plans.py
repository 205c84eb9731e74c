"""The plans of the tester's set (see district.py): four plans of imaginary districts and one letter."""
from __future__ import annotations

from .district import Case, Expect, P, Plan, chain, edit, edit_cell, extra_spaces, insert_row, join_following, nfd, \
    outline_numbers, style_bullets, table, table_as_tabs, typed_bullets

B = "num"   # a bullet Word draws


# ---------------------------------------------------------------- 1. huyện Thuỵ Lâm, 2025

THUY_LAM = (
    table(["UỶ BAN NHÂN DÂN\nHUYỆN THUỴ LÂM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
          ["Số: 45/KH-UBND", "Thuỵ Lâm, ngày 15 tháng 01 năm 2025"], borders=False),
    P("KẾ HOẠCH", bold=True, center=True),
    P("Xây dựng trường học đạt chuẩn quốc gia trên địa bàn huyện Thuỵ Lâm năm 2025", bold=True, center=True),
    "Căn cứ Thông tư số 17/2018/TT-BGDĐT ngày 22/8/2018 của Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Quy định về "
    "kiểm định chất lượng giáo dục và công nhận đạt chuẩn quốc gia đối với trường tiểu học;",
    "Căn cứ Kế hoạch số 112/KH-UBND ngày 20/12/2021 của UBND huyện Thuỵ Lâm về xây dựng trường học đạt chuẩn quốc "
    "gia giai đoạn 2021-2025;",
    "Xét đề nghị của Phòng Giáo dục và Đào tạo, Ủy ban nhân dân huyện ban hành Kế hoạch xây dựng trường học đạt "
    "chuẩn quốc gia năm 2025, cụ thể như sau:",
    P("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
    "1. Mục đích",
    P("Nâng cao chất lượng giáo dục toàn diện, từng bước hoàn thiện cơ sở vật chất theo hướng chuẩn hóa, hiện đại "
      "hóa.", B),
    P("Phấn đấu hoàn thành chỉ tiêu xây dựng trường chuẩn giai đoạn 2021-2025 mà Nghị quyết Đại hội Đảng bộ huyện "
      "đề ra.", B),
    "2. Yêu cầu",
    P("Các cơ sở giáo dục chủ động rà soát các tiêu chuẩn, xây dựng lộ trình cụ thể; tránh hình thức, chạy theo "
      "thành tích.", B),
    P("II. CHỈ TIÊU", bold=True),
    "1. Chỉ tiêu chung",
    "Đến cuối năm 2025, toàn huyện có 41/52 trường đạt chuẩn quốc gia, đạt tỷ lệ 78,8%.",
    "2. Chỉ tiêu cụ thể",
    "Năm 2025 phấn đấu có chín trường được công nhận đạt chuẩn quốc gia, bao gồm:",
    P("Công nhận mới: 4 trường;", B),
    P("Công nhận lại: 5 trường.", B),
    "3. Danh sách các trường",
    "a) Công nhận mới (04 đơn vị):",
    P("Trường Mầm non Hoa Mai;", B),
    P("Trường Tiểu học Thụy Hương;", B),
    P("Trường THCS Lê Quý Đôn;", B),
    P("Trường Tiểu học và Trung học cơ sở Tân Lập.", B),
    "b) Công nhận lại 05 cơ sở: Trường Mầm non Sen Hồng; Trường Tiểu học Kim Đồng; Trường THCS Thuỵ An; Trường "
    "Tiểu học Hoà Bình và Trường Mầm non Bình Minh.",
    "4. Thời gian đề nghị kiểm tra, công nhận",
    P("Quý II năm 2025: 04 trường, gồm:", B),
    P("Công nhận mới 02 trường: Tiểu học Thụy Hương, THCS Lê Quý Đôn;", B, 1),
    P("Công nhận lại 02 trường: Mầm non Sen Hồng, Tiểu học Kim Đồng.", B, 1),
    P("Quý 3/2025: 05 trường, gồm:", B),
    P("Công nhận mới 02 trường: MN Hoa Mai và TH&THCS Tân Lập;", B, 1),
    P("Công nhận lại 03 trường: THCS Thụy An, TH Hòa Bình, MN Bình Minh.", B, 1),
    P("III. KINH PHÍ THỰC HIỆN", bold=True),
    "Tổng kinh phí dự kiến: 12.750 triệu đồng (Mười hai tỷ, bảy trăm năm mươi triệu đồng), trong đó:",
    "- Ngân sách tỉnh: 7.500 triệu đồng;",
    "- Ngân sách huyện: 4.000 triệu đồng;",
    "- Xã hội hóa: 1,25 tỷ đồng.",
    "Kinh phí đầu tư chi tiết từng trường tại Phụ lục kèm theo.",
    P("IV. NHIỆM VỤ VÀ GIẢI PHÁP", bold=True),
    P("Tăng cường công tác tham mưu, tuyên truyền để cha mẹ học sinh và nhân dân hiểu, chung tay xây dựng trường "
      "chuẩn.", B),
    P("Huy động các nguồn lực xã hội hóa; ưu tiên đầu tư phòng học bộ môn, thư viện, nhà vệ sinh.", B),
    P("V. TỔ CHỨC THỰC HIỆN", bold=True),
    "1. Phòng Giáo dục và Đào tạo",
    P("Chủ trì, tham mưu UBND huyện triển khai Kế hoạch năm 2025; hướng dẫn các trường hoàn thiện hồ sơ tự đánh "
      "giá.", B),
    P("Tổng hợp, báo cáo kết quả thực hiện về UBND huyện trước ngày 15/12/2025.", B),
    "2. Phòng Tài chính - Kế hoạch",
    P("Tham mưu bố trí kinh phí theo Kế hoạch; hướng dẫn thanh quyết toán.", B),
    "3. UBND các xã, thị trấn",
    P("Dành quỹ đất, phối hợp với nhà trường huy động nguồn lực xây dựng cơ sở vật chất.", B),
    "Trên đây là Kế hoạch xây dựng trường học đạt chuẩn quốc gia năm 2025 của UBND huyện Thuỵ Lâm. Yêu cầu các cơ "
    "quan, đơn vị nghiêm túc triển khai thực hiện./.",
    table(["Nơi nhận:\n- UBND tỉnh;\n- Sở GD&ĐT;\n- Lưu: VT.",
           "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nLê Thị Thu Hà"], borders=False),
    P("PHỤ LỤC", bold=True, center=True),
    P("KINH PHÍ ĐẦU TƯ CÁC TRƯỜNG CÔNG NHẬN MỚI NĂM 2025", bold=True, center=True),
    "(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2025 của UBND huyện Thuỵ Lâm)",
    "ĐVT: triệu đồng",
    table(["TT", "Tên trường", "Hạng mục đầu tư", "Ngân sách tỉnh", "Ngân sách huyện", "Xã hội hóa", "Tổng cộng"],
          ["1", "MN Hoa Mai", "Xây dựng 04 phòng học, nhà vệ sinh", "2.000", "500", "", "2.500"],
          ["2", "TH Thụy Hương", "Phòng học bộ môn", "1.500", "1.000", "250", "2.750"],
          ["3", "THCS Lê Quý Đôn", "Nhà đa năng", "2.500", "1.000", "500", "4.000"],
          ["4", "TH&THCS Tân Lập", "Thư viện, thiết bị dạy học", "1.500", "1.500", "500", "3.500"],
          ["", "Tổng cộng", "", "7.500", "4.000", "1.250", "12.750"]),
    P("TIẾN ĐỘ THỰC HIỆN", bold=True, center=True),
    table(["Thời gian", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp"],
          ["Tháng 01/2025", "Ban hành Kế hoạch; giao chỉ tiêu cho các trường", "Phòng GD&ĐT", "Các trường"],
          ["Tháng 3/2025", "Kiểm tra, tư vấn 04 trường đề nghị công nhận Quý II", "Phòng GD&ĐT", "Các trường"],
          ["", "Hoàn thiện hồ sơ tự đánh giá, đăng ký đánh giá ngoài", "Các trường", "Phòng GD&ĐT"],
          ["Tháng 6/2025", "Đề nghị Sở GD&ĐT kiểm tra công nhận Trường Tiểu học Thụy Hương, Trường THCS Lê Quý Đôn, "
           "Trường Mầm non Sen Hồng và Trường Tiểu học Kim Đồng", "UBND huyện", "Phòng GD&ĐT"],
          ["Tháng 8/2025", "Hoàn thiện cơ sở vật chất 5 trường công nhận trong quý III năm 2025", "UBND các xã",
           "Các trường"],
          ["Tháng 10/2025", "Sở GD&ĐT kiểm tra, công nhận 05 trường: MN Hoa Mai, TH&THCS Tân Lập, THCS Thuỵ An, "
           "TH Hoà Bình, MN Bình Minh", "Phòng GD&ĐT", "Các trường"],
          ["Tháng 12/2025", "Tổng kết, đánh giá kết quả thực hiện Kế hoạch năm 2025", "Phòng GD&ĐT", ""],
          merge_down=0),
)

def replace_blocks(first: str, count: int, *new):
    """The paragraph starting with `first` and the `count - 1` after it replaced by `new`."""

    def apply(blocks):
        for index, block in enumerate(blocks):
            text = block if isinstance(block, str) else getattr(block, "text", None)
            if text is not None and text.startswith(first):
                return [*blocks[:index], *new, *blocks[index + count:]]
        raise AssertionError(first)

    return apply


THUY_LAM_PLAN = Plan(
    "thuy-lam-2025", THUY_LAM,
    slips=(
        Case("the whole count changed in the targets only", edit("có chín trường", "có mười trường"),
             (Expect("A001", "có mười trường"), Expect("X011", "Quý II năm 2025: 04 trường"))),
        Case("a part changed in the targets only", edit("Công nhận lại: 5 trường", "Công nhận lại: 6 trường"),
             (Expect("A001", "có chín trường"), Expect("X011", "b) Công nhận lại 05 cơ sở"),
              Expect("X011", "Công nhận lại 02 trường: Mầm non"))),
        Case("a count above its list of names changed", edit("(04 đơn vị)", "(05 đơn vị)"),
             (Expect("W001", "a) Công nhận mới (05 đơn vị)"), Expect("X011", "a) Công nhận mới (05 đơn vị)"))),
        Case("a school added to a list of names, the count kept",
             edit("Trường Tiểu học Hoà Bình và Trường Mầm non Bình Minh.",
                  "Trường Tiểu học Hoà Bình, Trường Mầm non Bình Minh và Trường THCS Kim Đồng."),
             (Expect("W001", "b) Công nhận lại 05 cơ sở"), Expect("W002", "b) Công nhận lại 05 cơ sở"))),
        Case("a quarter's count changed", edit("Quý 3/2025: 05 trường", "Quý 3/2025: 06 trường"),
             (Expect("X007", "Quý 3/2025: 06 trường"), Expect("X011", "Quý II năm 2025"),
              Expect("X008", "Hoàn thiện cơ sở vật chất 5 trường"))),
        Case("a task's count changed", edit("tư vấn 04 trường", "tư vấn 05 trường"),
             (Expect("X008", "tư vấn 05 trường"),)),
        Case("a name changed in the timeline", edit("Trường Tiểu học Thụy Hương, Trường THCS",
                                                    "Trường Tiểu học Thủy Hương, Trường THCS"),
             (Expect("X009", "Trường Tiểu học Thủy Hương"),)),
        Case("a name changed in a quarter", edit("THCS Thụy An, TH Hòa Bình", "THCS Thủy An, TH Hòa Bình"),
             (Expect("X009", "THCS Thủy An"),)),
        Case("a school moved to another level in the timeline", edit("TH Hoà Bình, MN Bình Minh",
                                                                       "TH Hoà Bình, TH Bình Minh"),
             (Expect("X010", "TH Bình Minh"),)),
        Case("a budget row added, the total kept",
             insert_row("TT", 1, ["5", "MN Sen Hồng", "Cải tạo sân chơi", "", "300", "", "300"]),
             (Expect("A001", "Tổng cộng 7.500"), Expect("A001", "Tổng cộng 7.500"))),
        Case("a budget line whose total is not its sources", edit_cell("TH Thụy Hương", "2.750", "2.570"),
             (Expect("A001", "Phòng học bộ môn"), Expect("A001", "Tổng cộng 7.500"))),
        Case("a stale year", edit("triển khai Kế hoạch năm 2025", "triển khai Kế hoạch năm 2024"),
             (Expect("D009", "Kế hoạch năm 2024"),)),
        Case("a deadline before the plan's date", edit("trước ngày 15/12/2025", "trước ngày 10/01/2025"),
             (Expect("D010", "trước ngày 10/01/2025"),)),
        Case("a deadline in another year", edit("trước ngày 15/12/2025", "trước ngày 15/12/2024"),
             (Expect("D003", "trước ngày 15/12/2024"),)),
        Case("a rate that does not match its fraction", edit("đạt tỷ lệ 78,8%", "đạt tỷ lệ 80,8%"),
             (Expect("A001", "đạt tỷ lệ 80,8%"),)),
        Case("a fraction changed, its rate kept", edit("41/52 trường", "42/52 trường"),
             (Expect("A001", "42/52 trường"),)),
        Case("a money total that does not add up", edit("dự kiến: 12.750", "dự kiến: 12.570"),
             (Expect("A001", "dự kiến: 12.570"), Expect("X011", "dự kiến: 12.570"))),
        Case("an amount in billions changed", edit("1,25 tỷ đồng", "1,52 tỷ đồng"),
             (Expect("A001", "Tổng kinh phí dự kiến"),)),
        Case("the timeline's first month before the plan", edit("Tháng 01/2025", "Tháng 12/2024"),
             (Expect("D007", "Tháng 12/2024"), Expect("D010", "Tháng 12/2024"))),
    ),
    benign=(
        Case("NFD text", nfd),
        Case("extra spaces", extra_spaces),
        Case("bullets typed instead of Word's", typed_bullets),
        Case("bullets through the List Bullet style", style_bullets),
        Case("headings numbered by Word", outline_numbers),
        Case("the parts numbered by Word", replace_blocks(
            "Công nhận mới: 4 trường;", 2, P("Công nhận mới: 4 trường;", "numbered"),
            P("Công nhận lại: 5 trường.", "numbered"))),
        Case("the parts numbered 1), 2) by hand", replace_blocks(
            "Công nhận mới: 4 trường;", 2, "1) Công nhận mới: 4 trường;", "2) Công nhận lại: 5 trường.")),
        Case("a quarter's groups as lines of one paragraph", join_following("Quý II năm 2025", 2)),
        Case("a list of names as lines of one paragraph", join_following("a) Công nhận mới", 4)),
        Case("a list of names on one line", replace_blocks(
            "a) Công nhận mới", 5, "a) Công nhận mới (04 đơn vị): Trường Mầm non Hoa Mai, Trường Tiểu học Thụy Hương, "
            "Trường THCS Lê Quý Đôn và Trường Tiểu học và Trung học cơ sở Tân Lập.")),
        Case("the parts on the line of their total", replace_blocks(
            "Năm 2025 phấn đấu", 3, "Năm 2025 phấn đấu có chín trường được công nhận đạt chuẩn quốc gia, bao gồm: "
            "công nhận mới 4 trường; công nhận lại 5 trường.")),
        Case("the money's parts on one line", replace_blocks(
            "Tổng kinh phí dự kiến", 4, "Tổng kinh phí dự kiến: 12.750 triệu đồng, trong đó: ngân sách tỉnh 7.500 "
            "triệu đồng; ngân sách huyện 4.000 triệu đồng; xã hội hóa 1,25 tỷ đồng.")),
        Case("the timeline as tab-separated text", table_as_tabs("Thời gian")),
        Case("the budget appendix as tab-separated text", table_as_tabs("TT")),
        Case("'Trường TH' and 'TH'", edit("MN Hoa Mai và TH&THCS Tân Lập", "Trường MN Hoa Mai và Trường TH&THCS Tân Lập")),
        Case("both tone placements", chain(edit("TH Hòa Bình", "TH Hoà Bình"), edit("THCS Thuỵ An;", "THCS Thụy An;"))),
        Case("'đơn vị' for 'trường'", edit("Quý 3/2025: 05 trường", "Quý 3/2025: 05 đơn vị")),
        Case("numbers written 09 and 9", chain(edit("có chín trường", "có 09 trường"), edit("Quý II năm 2025: 04",
                                                                                       "Quý II năm 2025: 4"))),
        Case("quarter written 'Quý III/2025'", edit("Quý 3/2025", "Quý III/2025")),
    ),
)



# ---------------------------------------------------------------- 2. thị xã An Lạc, 2025: a draft (number and date
# blank), the targets as a level table and a list table, quarters in the text and in the timeline

AN_LAC = (
    "ỦY BAN NHÂN DÂN\nTHỊ XÃ AN LẠC",
    "Số:        /KH-UBND",
    "An Lạc, ngày      tháng      năm 2025",
    P("DỰ THẢO", bold=True),
    P("KẾ HOẠCH", bold=True, center=True),
    P("Kiểm định chất lượng giáo dục và xây dựng trường đạt chuẩn quốc gia năm 2025", bold=True, center=True),
    "Thực hiện Kế hoạch số 210/KH-UBND ngày 28/12/2020 của UBND tỉnh về kiểm định chất lượng giáo dục và xây dựng "
    "trường đạt chuẩn quốc gia giai đoạn 2021-2025;",
    "Căn cứ kết quả rà soát các tiêu chuẩn của các trường năm học 2024-2025, UBND thị xã An Lạc xây dựng Kế hoạch "
    "như sau:",
    P("I. MỤC TIÊU", bold=True),
    "1. Mục tiêu chung",
    "- Đến hết năm 2025, có 35/57 trường đạt chuẩn quốc gia, tỷ lệ 61,4%; trong đó có 12/57 trường đạt chuẩn quốc "
    "gia mức độ 2, tỷ lệ 21,05%.",
    "2. Chỉ tiêu cụ thể",
    "Năm 2025 đề nghị kiểm tra, công nhận 06 trường (công nhận mới 02 trường, công nhận lại 04 trường), cụ thể "
    "từng cấp học như sau:",
    table(["Cấp học", "Số trường đề nghị công nhận mới", "Số trường đề nghị công nhận lại", "Tổng"],
          ["Mầm non", "01", "01", "02"],
          ["Tiểu học", "-", "02", "02"],
          ["THCS", "01", "01", "02"],
          ["Cộng", "02", "04", "06"]),
    "3. Danh sách trường đề nghị kiểm tra, công nhận",
    table(["STT", "Tên đơn vị", "Cấp học", "Hình thức công nhận", "Mức độ", "Thời gian"],
          ["1", "Trường Mầm non Hoa Sữa", "Mầm non", "Công nhận mới", "Mức độ 1", "Quý 3/2025"],
          ["2", "Trường THCS Nguyễn Trãi", "THCS", "Công nhận mới", "Mức độ 1", "Quý 3/2025"],
          ["3", "Trường Mầm non Họa Mi", "Mầm non", "Công nhận lại", "Mức độ 1", "Quý 2/2025"],
          ["4", "Trường Tiểu học An Lạc", "Tiểu học", "Công nhận lại", "Mức độ 2", "Quý 2/2025"],
          ["5", "Trường Tiểu học Lê Lợi", "Tiểu học", "Công nhận lại", "Mức độ 1", "Quý 4/2025"],
          ["6", "Trường THCS Chu Văn An", "THCS", "Công nhận lại", "Mức độ 2", "Quý 4/2025"]),
    "Tổng số: 06 trường.",
    "4. Lộ trình",
    "- Quý 2/2025: 02 trường công nhận lại (MN Họa Mi, TH An Lạc);",
    "- Quý 3/2025: 02 trường công nhận mới (MN Hoa Sữa, THCS Nguyễn Trãi);",
    "- Quý 4/2025: 02 trường công nhận lại (TH Lê Lợi, THCS Chu Văn An).",
    P("II. KINH PHÍ", bold=True),
    "Tổng kinh phí đầu tư cơ sở vật chất: 5.630 triệu đồng, trong đó:",
    "- Trường MN Hoa Sữa: 2.380 triệu đồng;",
    "- Trường THCS Nguyễn Trãi: 1,25 tỷ đồng;",
    "- Các trường công nhận lại: 2.000 triệu đồng.",
    P("III. TỔ CHỨC THỰC HIỆN", bold=True),
    "1. Phòng Giáo dục và Đào tạo: tham mưu UBND thị xã chỉ đạo các trường hoàn thành hồ sơ tự đánh giá trước "
    "ngày 30/4/2025; tổng hợp kết quả báo cáo UBND thị xã.",
    "2. Các trường: xây dựng kế hoạch cải tạo cơ sở vật chất, hoàn thiện hồ sơ theo lộ trình.",
    "TIẾN ĐỘ THỰC HIỆN",
    table(["TT", "Thời gian thực hiện", "Nội dung", "Đơn vị thực hiện", "Phối hợp"],
          ["1", "Tháng 2/2025", "Rà soát, tư vấn 06 trường đề nghị công nhận năm 2025", "Phòng GD&ĐT", "Các trường"],
          ["2", "Quý 2/2025", "Đề nghị kiểm tra công nhận lại 02 trường: MN Họa Mi, TH An Lạc", "Phòng GD&ĐT",
           "Sở GD&ĐT"],
          ["3", "Quý 3/2025", "Đề nghị kiểm tra công nhận mới 02 trường: Trường Mầm non Hoa Sữa, Trường THCS Nguyễn "
           "Trãi", "Phòng GD&ĐT", "Sở GD&ĐT"],
          ["4", "Quý 4/2025", "Đề nghị kiểm tra công nhận lại 02 trường: TH Lê Lợi, THCS Chu Văn An", "Phòng GD&ĐT",
           "Sở GD&ĐT"],
          ["5", "Tháng 12/2025", "Tổng kết, báo cáo UBND thị xã kết quả thực hiện Kế hoạch năm 2025", "Phòng GD&ĐT",
           ""]),
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
    "Nguyễn Văn Bình",
)

AN_LAC_PLAN = Plan(
    "an-lac-2025", AN_LAC,
    slips=(
        Case("a level-table row added, the totals kept", insert_row("Cấp học", 1, ["TH&THCS", "01", "-", "01"]),
             (Expect("A001", "Cộng 02 04 06"), Expect("A001", "Cộng 02 04 06"))),
        Case("a level's total wrong", edit_cell("Tiểu học", "02", "03"),
             (Expect("A001", "Tiểu học - 02 03"), Expect("A001", "Cộng 02 04 06"))),
        Case("a list-table row added, its stated total kept", insert_row(
            "STT", 0, ["7", "Trường Mầm non Sen Vàng", "Mầm non", "Công nhận mới", "Mức độ 1", "Quý 3/2025"]),
             (Expect("W001", "Tổng số: 06 trường"), Expect("W002", "Trường Mầm non Sen Vàng"))),
        Case("the count before its bracketed parts changed", edit("công nhận 06 trường (", "công nhận 07 trường ("),
             (Expect("A001", "công nhận 07 trường"), Expect("X011", "Cộng 02 04 06"))),
        Case("a rate that does not match its fraction", edit("tỷ lệ 61,4%", "tỷ lệ 64,1%"),
             (Expect("A001", "tỷ lệ 64,1%"),)),
        Case("the level-2 rate wrong", edit("tỷ lệ 21,05%", "tỷ lệ 25,01%"), (Expect("A001", "tỷ lệ 25,01%"),)),
        Case("a school's amount changed, the total kept", edit("Hoa Sữa: 2.380", "Hoa Sữa: 2.830"),
             (Expect("A001", "Tổng kinh phí đầu tư"),)),
        Case("a stale year in the timeline", edit("thực hiện Kế hoạch năm 2025", "thực hiện Kế hoạch năm 2024"),
             (Expect("D009", "Kế hoạch năm 2024"),)),
        Case("a quarter's count changed in the text", edit("Quý 3/2025: 02 trường", "Quý 3/2025: 03 trường"),
             (Expect("W001", "Quý 3/2025: 03 trường"), Expect("X011", "Quý 3/2025: 03 trường"),
              Expect("X008", "Quý 3/2025 Đề nghị kiểm tra công nhận mới"))),
        Case("a quarter of another year in the timeline", edit_cell("4", "Quý 4/2025", "Quý 4/2024"),
             (Expect("D007", "Quý 4/2024"),)),
        Case("a task's count changed", edit("công nhận lại 02 trường: TH Lê Lợi", "công nhận lại 03 trường: TH Lê Lợi"),
             (Expect("X008", "03 trường: TH Lê Lợi"), Expect("X008", "03 trường: TH Lê Lợi"))),
        Case("a name changed in the quarters", edit("THCS Chu Văn An)", "THCS Chu Văn Ân)"),
             (Expect("X009", "THCS Chu Văn Ân"),)),
    ),
    benign=(
        Case("NFD text", nfd),
        Case("extra spaces", extra_spaces),
        Case("the school list as tab-separated text", table_as_tabs("STT")),
        Case("headings numbered by Word", outline_numbers),
        Case("the level table as tab-separated text", table_as_tabs("Cấp học")),
        Case("both tone placements", edit("Trường Mầm non Họa Mi", "Trường Mầm non Hoạ Mi")),
        Case("the parts after 'trong đó' instead of in brackets", edit(
            "06 trường (công nhận mới 02 trường, công nhận lại 04 trường), cụ thể",
            "06 trường, trong đó: công nhận mới 02 trường, công nhận lại 04 trường; cụ thể")),
        Case("the date filled in", edit("ngày      tháng      năm 2025", "ngày 06 tháng 01 năm 2025")),
        Case("quarters written 'quý II năm 2025'", chain(edit("- Quý 2/2025", "- quý II năm 2025"),
                                                         edit("- Quý 4/2025", "- quý IV năm 2025"))),
    ),
)


# ---------------------------------------------------------------- 3. quận Đông Thành, 2025: appendix budget tables
# (two header rows, the school merged down over its lines, a subtotal per school)

DONG_THANH = (
    table(["ỦY BAN NHÂN DÂN\nQUẬN ĐÔNG THÀNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
          ["Số: 18/KH-UBND", "Đông Thành, ngày 20 tháng 02 năm 2025"], borders=False),
    P("KẾ HOẠCH", bold=True, center=True),
    P("Xây dựng trường mầm non, phổ thông đạt chuẩn quốc gia năm 2025", bold=True, center=True),
    "Căn cứ Kế hoạch số 95/KH-UBND ngày 10/3/2021 của UBND quận về xây dựng trường đạt chuẩn quốc gia giai đoạn "
    "2021-2025;",
    "Theo đề nghị của Phòng Giáo dục và Đào tạo, UBND quận Đông Thành ban hành Kế hoạch như sau:",
    P("I. CHỈ TIÊU", bold=True),
    "Năm 2025, quận phấn đấu có 04 trường được công nhận đạt chuẩn quốc gia, trong đó: 02 trường công nhận mới "
    "(MN Hoa Lan, TH Đông Thành) và 02 trường công nhận lại (TH Ngô Mây, THCS Đông Thành).",
    "Nâng tỷ lệ trường đạt chuẩn quốc gia toàn quận lên 84,2% (32/38 trường).",
    P("II. KINH PHÍ", bold=True),
    "Tổng kinh phí thực hiện năm 2025 là 4.600 triệu đồng (công nhận mới 3.400 triệu đồng; công nhận lại 1.200 "
    "triệu đồng), chi tiết tại Phụ lục 2 và Phụ lục 3.",
    P("III. TỔ CHỨC THỰC HIỆN", bold=True),
    "Phòng GD&ĐT chủ trì, hướng dẫn các trường hoàn thiện hồ sơ, báo cáo UBND quận trước ngày 15/11/2025.",
    "Phòng Tài chính - Kế hoạch thẩm định, bố trí kinh phí theo Phụ lục kèm theo.",
    table(["Nơi nhận:\n- Như trên;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nĐỗ Minh Quang"],
          borders=False),
    P("PHỤ LỤC 2", bold=True, center=True),
    P("KINH PHÍ ĐẦU TƯ CHO CÁC TRƯỜNG ĐỀ NGHỊ CÔNG NHẬN MỚI NĂM 2025", bold=True, center=True),
    "(Kèm theo Kế hoạch số 18/KH-UBND ngày 20/02/2025 của UBND quận Đông Thành)",
    "Đơn vị tính: triệu đồng",
    table(["TT", "Tên trường", "Hạng mục đầu tư", "Nguồn kinh phí", "<", "<", "Tổng cộng"],
          ["", "", "", "Ngân sách thành phố", "Ngân sách quận", "Xã hội hóa", ""],
          ["1", "MN Hoa Lan", "Xây mới 02 phòng học", "800", "400", "", "1.200"],
          ["", "", "Cải tạo nhà vệ sinh", "", "150", "50", "200"],
          ["", "Cộng", "", "800", "550", "50", "1.400"],
          ["2", "TH Đông Thành", "Phòng học bộ môn Tin học", "1.000", "500", "", "1.500"],
          ["", "", "Thiết bị dạy học", "", "300", "200", "500"],
          ["", "Cộng", "", "1.000", "800", "200", "2.000"],
          ["", "Tổng cộng", "", "1.800", "1.350", "250", "3.400"]),
    P("PHỤ LỤC 3", bold=True, center=True),
    P("KINH PHÍ ĐẦU TƯ CHO CÁC TRƯỜNG ĐỀ NGHỊ CÔNG NHẬN LẠI NĂM 2025", bold=True, center=True),
    "Đơn vị tính: triệu đồng",
    table(["TT", "Tên trường", "Hạng mục đầu tư", "Ngân sách quận", "Xã hội hóa", "Tổng cộng"],
          ["1", "TH Ngô Mây", "Sửa chữa phòng học", "600", "", "600"],
          ["2", "THCS Đông Thành", "Bổ sung thiết bị", "450", "150", "600"],
          ["", "Tổng cộng", "", "1.050", "150", "1.200"]),
    P("LỘ TRÌNH THỰC HIỆN", bold=True, center=True),
    table(["Thời gian", "Nội dung công việc", "Đơn vị chủ trì", "Thời hạn"],
          ["Quý I/2025", "Khảo sát, lập dự toán cải tạo cơ sở vật chất 04 trường", "Phòng GD&ĐT", "31/3/2025"],
          ["Quý II/2025", "Thi công các hạng mục tại MN Hoa Lan, TH Đông Thành", "Ban QLDA quận", "30/6/2025"],
          ["Quý III/2025", "Đề nghị Sở GD&ĐT kiểm tra công nhận TH Ngô Mây, THCS Đông Thành, MN Hoa Lan, TH Đông "
           "Thành", "Phòng GD&ĐT", "30/9/2025"]),
)

DONG_THANH_PLAN = Plan(
    "dong-thanh-2025", DONG_THANH,
    slips=(
        Case("an appendix line added, the total kept",
             insert_row("Nguồn kinh phí", 1, ["3", "MN Sơn Ca", "Bếp ăn bán trú", "", "200", "", "200"]),
             (Expect("A001", "Tổng cộng 1.800"), Expect("A001", "Tổng cộng 1.800"))),
        Case("a school's subtotal wrong", edit_cell("Cộng", "550", "505"), (Expect("A001", "Cộng 800 505"),)),
        Case("a line's total is not its sources", edit_cell("Bổ sung thiết bị", "600", "650"),
             (Expect("A001", "Bổ sung thiết bị"), Expect("A001", "Tổng cộng 1.050"))),
        Case("an amount of one kind changed in the text", edit("công nhận lại 1.200 triệu", "công nhận lại 1.300 triệu"),
             (Expect("A001", "Tổng kinh phí thực hiện"), Expect("X011", "Tổng kinh phí thực hiện"))),
        Case("a count changed, its names kept", edit("02 trường công nhận lại", "03 trường công nhận lại"),
             (Expect("A001", "04 trường được công nhận"), Expect("W001", "04 trường được công nhận"))),
        Case("a rate that does not match its fraction", edit("84,2%", "82,4%"), (Expect("A001", "82,4%"),)),
        Case("a deadline before the plan's date", edit_cell("Quý I/2025", "31/3/2025", "15/02/2025"),
             (Expect("D010", "Khảo sát, lập dự toán"),)),
        Case("a name changed in the timeline", edit("công nhận TH Ngô Mây", "công nhận TH Ngô Mậy"),
             (Expect("X009", "TH Ngô Mậy"),)),
        Case("a school the plan does not have", edit("tại MN Hoa Lan, TH Đông Thành", "tại MN Hoa Lan, TH Đông Hải"),
             (Expect("X010", "TH Đông Hải"),)),
    ),
    benign=(
        Case("NFD text", nfd),
        Case("extra spaces", extra_spaces),
        Case("an appendix as tab-separated text", table_as_tabs("Ngân sách quận")),
        Case("headings numbered by Word", outline_numbers),
        Case("the total in billions", edit("là 4.600 triệu đồng", "là 4,6 tỷ đồng")),
        Case("the money's parts after 'trong đó'", edit(
            "4.600 triệu đồng (công nhận mới 3.400 triệu đồng; công nhận lại 1.200 triệu đồng), chi tiết tại Phụ lục 2 "
            "và Phụ lục 3.", "4.600 triệu đồng, trong đó: công nhận mới 3.400 triệu đồng; công nhận lại 1.200 triệu "
            "đồng (chi tiết tại Phụ lục 2 và Phụ lục 3).")),
        Case("the count's parts on lines of their own", replace_blocks(
            "Năm 2025, quận phấn đấu", 1,
            "Năm 2025, quận phấn đấu có 04 trường được công nhận đạt chuẩn quốc gia, trong đó:",
            "- 02 trường công nhận mới: MN Hoa Lan, TH Đông Thành;",
            "- 02 trường công nhận lại: TH Ngô Mây, THCS Đông Thành.")),
    ),
)


# ---------------------------------------------------------------- 4. a letter of the education office (not a plan)

LETTER = (
    table(["UBND HUYỆN THUỴ LÂM\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
           "Hạnh phúc"],
          ["Số: 86/PGDĐT-TH\nV/v đăng ký kiểm tra công nhận trường đạt chuẩn quốc gia năm 2025",
           "Thuỵ Lâm, ngày 20 tháng 3 năm 2025"], borders=False),
    "Kính gửi: Sở Giáo dục và Đào tạo tỉnh Hưng Bình",
    "Thực hiện Kế hoạch số 45/KH-UBND ngày 15/01/2025 của UBND huyện Thuỵ Lâm về xây dựng trường học đạt chuẩn "
    "quốc gia năm 2025, Phòng GD&ĐT huyện Thuỵ Lâm đăng ký kiểm tra, công nhận 04 trường đạt chuẩn quốc gia trong "
    "Quý II năm 2025, cụ thể:",
    "- Công nhận mới 02 trường: TH Thụy Hương, THCS Lê Quý Đôn;",
    "- Công nhận lại 02 trường: MN Sen Hồng, TH Kim Đồng.",
    "Hồ sơ của các trường gửi kèm theo công văn này. Đề nghị Sở GD&ĐT xem xét, bố trí lịch kiểm tra trước ngày "
    "30/6/2025.",
    "Trân trọng./.",
    table(["Nơi nhận:\n- Như trên;\n- Lưu: VT.", "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\n\nNguyễn Văn Hải"],
          borders=False),
)

LETTER_PLAN = Plan("cong-van-2025", LETTER, refused="doc.letter")

PLANS = (THUY_LAM_PLAN, AN_LAC_PLAN, DONG_THANH_PLAN, LETTER_PLAN)
