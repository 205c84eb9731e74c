"""The standard workbook, declared once.

Sheet names, headers and their synonyms, vocabularies, which cells are typed
and which are derived. The template writer, the reader, recalc and export all
read this module; nothing else spells a sheet name or a header.
"""
from __future__ import annotations


from .normalize import Vocabulary
from .records import record

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without loading typing (2 ms of every start-up)
if TYPE_CHECKING:
    from typing import Literal

    ValueType = Literal["text", "number", "count", "date", "percent", "choice", "level", "periodtext"]

# ---------------------------------------------------------------- vocabularies

LEVELS = Vocabulary("Cấp học", [
    ("Mầm non", ("MN", "Mẫu giáo", "MG", "Nhà trẻ", "NT", "GDMN", "Giáo dục mầm non", "Mầm non (MN)")),
    ("Tiểu học", ("TH", "Cấp 1", "Cấp I", "Trường tiểu học")),
    ("THCS", ("Trung học cơ sở", "Cấp 2", "Cấp II")),
    ("TH&THCS", ("TH-THCS", "TH và THCS", "TH & THCS", "TH, THCS", "Tiểu học và Trung học cơ sở",
                 "Tiểu học và THCS", "PTCS", "Liên cấp TH&THCS", "T’H&THCS")),
    ("THPT", ("Trung học phổ thông", "Cấp 3", "Cấp III", "THCS&THPT", "THCS-THPT", "THCS và THPT")),
])

KIND_NEW = "Công nhận mới"
KIND_RENEW = "Công nhận lại"
KIND_UPGRADE = "Nâng mức độ"
KIND_RENEW_UPGRADE = "Công nhận lại và nâng mức độ"

KINDS = Vocabulary("Hình thức công nhận", [
    (KIND_NEW, ("CN mới", "CN lần đầu", "Công nhận lần đầu", "Lần đầu", "Mới", "CNM", "Công nhận mới lần đầu",
                "Đạt chuẩn lần đầu", "Xây dựng mới")),
    (KIND_RENEW, ("CN lại", "Lại", "Công nhận lại chuẩn", "Duy trì", "Công nhận duy trì", "CNL", "Tái công nhận")),
    (KIND_UPGRADE, ("Nâng mức", "Nâng chuẩn", "Nâng mức độ 2", "Nâng lên mức độ 2", "Nâng mức độ đạt chuẩn",
                    "Nâng chuẩn mức độ 2")),
    (KIND_RENEW_UPGRADE, ("CN lại và nâng mức độ", "Công nhận lại, nâng mức độ", "Công nhận lại + nâng mức độ",
                          "CN lại, nâng mức độ", "Công nhận lại và nâng mức độ 2")),
])
# Kinds that belong in PL3 (schools already recognised) and that raise the level.
RENEW_KINDS = frozenset({KIND_RENEW, KIND_UPGRADE, KIND_RENEW_UPGRADE})
UPGRADE_KINDS = frozenset({KIND_UPGRADE, KIND_RENEW_UPGRADE})

STANDARD_LEVELS = Vocabulary("Mức độ", [
    ("Mức độ 1", ("1", "MĐ1", "MĐ 1", "Mức độ I", "Mức 1", "I", "MD1", "Chuẩn mức độ 1")),
    ("Mức độ 2", ("2", "MĐ2", "MĐ 2", "Mức độ II", "Mức 2", "II", "MD2", "Chuẩn mức độ 2")),
])
ACCREDITATION_LEVELS = Vocabulary("Cấp độ kiểm định", [
    ("Cấp độ 1", ("1", "CĐ1", "CĐ 1", "Cấp độ I", "Cấp 1", "CD1")),
    ("Cấp độ 2", ("2", "CĐ2", "CĐ 2", "Cấp độ II", "Cấp 2", "CD2")),
    ("Cấp độ 3", ("3", "CĐ3", "CĐ 3", "Cấp độ III", "Cấp 3", "CD3")),
    ("Cấp độ 4", ("4", "CĐ4", "CĐ 4", "Cấp độ IV", "Cấp 4", "CD4")),
])
STATUS_TODO = "Chưa thực hiện"
STATUS_DOING = "Đang thực hiện"
STATUS_DONE = "Hoàn thành"
STATUSES = Vocabulary("Trạng thái", [
    (STATUS_TODO, ("Chưa", "Chưa bắt đầu", "Chưa làm", "Chưa triển khai")),
    (STATUS_DOING, ("Đang", "Đang làm", "Đang triển khai", "Đang tiến hành")),
    (STATUS_DONE, ("Đã hoàn thành", "Xong", "Đã xong", "Hoàn tất", "Đã thực hiện", "HT")),
])

# ---------------------------------------------------------------- columns


@record(frozen=True)
class Column:
    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    type: ValueType = "text"
    vocabulary: Vocabulary | None = None
    required: bool = False      # the header must be present for the sheet to be usable
    needs_value: bool = False   # every data row must fill it
    derived: bool = False       # recalc writes it; people should not type it
    width: float = 14
    group: str | None = None    # a merged group header above (Tổng hợp)

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.header, *self.synonyms)


NAME_SYNONYMS = ("Cơ sở giáo dục", "Tên đơn vị", "Tên cơ sở giáo dục", "Trường", "Tên trường học", "Đơn vị",
                 "Đơn vị trường học", "Tên CSGD", "CSGD")
STT = Column("stt", "STT", ("TT", "Số TT", "Số thứ tự", "S.T.T", "Stt"), "count", derived=True, width=6)
NOTE = Column("note", "Ghi chú", ("Ghi chu", "Note", "Chú thích"), width=28)

SOURCES: tuple[Column, ...] = (
    Column("province", "Ngân sách tỉnh", ("NS tỉnh", "Vốn tỉnh", "Ngân sách cấp tỉnh", "NST", "Tỉnh"),
           "number", width=13),
    Column("district", "Ngân sách huyện", ("NS huyện", "Ngân sách quận", "Ngân sách thị xã",
                                           "Ngân sách thành phố", "Ngân sách cấp huyện", "NS quận", "Huyện"),
           "number", width=13),
    Column("commune", "Ngân sách xã", ("NS xã", "Ngân sách phường", "Ngân sách xã/phường", "Ngân sách cấp xã",
                                       "Xã"), "number", width=13),
    Column("social", "Xã hội hóa", ("XHH", "Huy động xã hội hóa", "Vận động tài trợ", "Tài trợ", "Xã hội hoá"),
           "number", width=13),
    Column("other", "Nguồn khác", ("Khác", "Nguồn vốn khác", "Các nguồn khác"), "number", width=13),
)
SOURCE_KEYS = tuple(column.key for column in SOURCES)


@record(frozen=True)
class TableSheet:
    """A sheet holding one table: a header row, data rows, maybe a total row."""

    key: str
    name: str
    aliases: tuple[str, ...]
    title: str
    columns: tuple[Column, ...]
    total_row: bool = False
    blank_rows: int = 10  # empty formatted rows in the template

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def derived_keys(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.columns if column.derived)


SCHOOLS = TableSheet(
    key="schools",
    name="PL1 - Danh sách trường",
    aliases=("PL1", "Phụ lục 1", "Phu luc 1", "Danh sách trường", "Danh sach truong", "DS trường", "Danh sách"),
    title="DANH SÁCH TRƯỜNG XÂY DỰNG ĐẠT CHUẨN QUỐC GIA",
    columns=(
        STT,
        Column("name", "Tên trường", NAME_SYNONYMS, required=True, needs_value=True, width=34),
        Column("level", "Cấp học", ("Cấp", "Bậc học", "Cấp học (MN/TH/THCS)"), "choice", LEVELS, width=12),
        Column("commune", "Xã/Phường", ("Xã, phường", "Xã/phường/thị trấn", "Phường/Xã", "Địa bàn", "Địa chỉ",
                                        "Xã phường", "Đơn vị hành chính"), width=18),
        Column("kind", "Hình thức công nhận", ("Hình thức", "Loại công nhận", "Công nhận", "Nội dung công nhận",
                                               "Hình thức CN"), "choice", KINDS, required=True, needs_value=True,
               width=20),
        Column("standard_level", "Mức độ", ("Mức độ chuẩn", "Mức độ đạt chuẩn", "MĐ", "Mức độ CQG",
                                            "Chuẩn quốc gia"), "choice", STANDARD_LEVELS, needs_value=True,
               width=11),
        Column("accreditation_level", "Cấp độ kiểm định", ("Cấp độ", "Cấp độ KĐCLGD", "KĐCLGD", "CĐ",
                                                           "Kiểm định", "Cấp độ KĐ"), "choice",
               ACCREDITATION_LEVELS, width=12),
        Column("timing", "Thời gian dự kiến", ("Thời gian", "Đợt", "Thời gian công nhận", "Dự kiến",
                                               "Thời gian hoàn thành", "Quý", "Đợt/Quý"), "periodtext", width=20),
        Column("pre_invested", "Đã đầu tư trước", ("Đã đầu tư", "Đã được đầu tư", "Đầu tư trước"), width=20),
        Column("budget", "Kinh phí (triệu đồng)", ("Kinh phí", "Tổng kinh phí", "Kinh phí đầu tư"), "number",
               derived=True, width=14),
        NOTE,
    ),
    total_row=True,
)


def _budget_sheet(key: str, name: str, aliases: tuple[str, ...], title: str) -> TableSheet:
    return TableSheet(
        key=key,
        name=name,
        aliases=aliases,
        title=title,
        columns=(
            STT,
            Column("name", "Tên trường", NAME_SYNONYMS, required=True, needs_value=True, width=30),
            Column("item", "Hạng mục đầu tư", ("Hạng mục", "Nội dung đầu tư", "Nội dung", "Danh mục",
                                               "Hạng mục công trình", "Danh mục đầu tư"), needs_value=True,
                   width=34),
            *SOURCES,
            Column("total", "Tổng cộng", ("Tổng", "Cộng", "Thành tiền", "Tổng kinh phí", "Tổng số"), "number",
                   derived=True, width=14),
            NOTE,
        ),
        total_row=True,
    )


BUDGET_NEW = _budget_sheet(
    "budget_new", "PL2 - Kinh phí CN mới",
    ("PL2", "Phụ lục 2", "Phu luc 2", "Kinh phí CN mới", "Kinh phí công nhận mới"),
    "KINH PHÍ ĐẦU TƯ CÁC TRƯỜNG CÔNG NHẬN MỚI",
)
BUDGET_RENEW = _budget_sheet(
    "budget_renew", "PL3 - Kinh phí CN lại",
    ("PL3", "Phụ lục 3", "Phu luc 3", "Kinh phí CN lại", "Kinh phí công nhận lại"),
    "KINH PHÍ ĐẦU TƯ CÁC TRƯỜNG CÔNG NHẬN LẠI, NÂNG MỨC ĐỘ",
)
BUDGET_SHEETS = (BUDGET_NEW, BUDGET_RENEW)

TIMELINE = TableSheet(
    key="timeline",
    name="Tiến độ",
    aliases=("Tien do", "Tiến độ thực hiện", "Lộ trình", "Lộ trình thực hiện", "Timeline", "Kế hoạch tiến độ"),
    title="TIẾN ĐỘ THỰC HIỆN",
    columns=(
        Column("time", "Thời gian", ("Thời gian hoàn thành", "Thời gian thực hiện", "Tháng", "Thời điểm"),
               "periodtext", width=16),
        Column("task", "Nội dung nhiệm vụ", ("Nội dung", "Nhiệm vụ", "Công việc", "Nội dung công việc"),
               required=True, needs_value=True, width=48),
        Column("lead", "Đơn vị chủ trì", ("Đơn vị chủ trì thực hiện", "Chủ trì", "Cơ quan chủ trì",
                                          "Đơn vị thực hiện"), width=20),
        Column("partners", "Đơn vị phối hợp", ("Đơn vị phối hợp thực hiện", "Phối hợp", "Cơ quan phối hợp"),
               width=24),
        Column("schools", "Trường liên quan", ("Các trường", "Trường", "Danh sách trường", "Trường học"),
               width=34),
        Column("school_count", "Số trường", ("Số lượng trường", "SL trường", "Số trường (theo kế hoạch)"),
               "count", width=9),
        Column("named_count", "Số trường nêu tên", ("Số trường (tính)", "Số trường đã nêu"), "count",
               derived=True, width=10),
        Column("deadline", "Hạn hoàn thành", ("Hạn", "Thời hạn hoàn thành", "Thời hạn", "Hạn chót"), "date",
               width=13),
        Column("status", "Trạng thái", ("Tình trạng", "Tình hình thực hiện", "Kết quả"), "choice", STATUSES,
               width=15),
        Column("done_date", "Ngày hoàn thành", ("Ngày hoàn thành thực tế", "Hoàn thành ngày"), "date", width=13),
        NOTE,
    ),
    blank_rows=15,
)
TABLE_SHEETS = (SCHOOLS, BUDGET_NEW, BUDGET_RENEW, TIMELINE)

# ---------------------------------------------------------------- Thông tin


@record(frozen=True)
class InfoField:
    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    type: ValueType = "text"
    required: bool = False
    default: object = None
    hint: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.synonyms)


INFO_NAME = "Thông tin"
INFO_ALIASES = ("Thong tin", "Thông tin chung", "Thông tin kế hoạch", "Metadata", "Chung")
INFO_TITLE = "THÔNG TIN KẾ HOẠCH"
INFO_HEADERS = ("Mục", "Giá trị", "Hướng dẫn")
INFO_FIELDS: tuple[InfoField, ...] = (
    InfoField("unit", "Đơn vị ban hành", ("Cơ quan ban hành", "Đơn vị", "UBND"), required=True,
              hint="Ví dụ: UBND quận Hai Bà Trưng"),
    InfoField("advisor", "Cơ quan tham mưu", ("Đơn vị tham mưu", "Cơ quan soạn thảo"),
              default="Phòng Giáo dục và Đào tạo", hint="Thường là Phòng Giáo dục và Đào tạo"),
    InfoField("province", "Tỉnh/Thành phố", ("Tỉnh", "Tỉnh, thành phố", "Tỉnh/TP")),
    InfoField("year", "Năm kế hoạch", ("Năm", "Năm thực hiện"), "count", required=True),
    InfoField("period", "Giai đoạn", ("Giai đoạn kế hoạch",), default="2021-2025"),
    InfoField("number", "Số kế hoạch", ("Số hiệu", "Số văn bản", "Số"), hint="Ví dụ: 38/KH-UBND"),
    InfoField("date", "Ngày ban hành", ("Ngày ký", "Ngày"), "date", hint="Ngày/tháng/năm"),
    InfoField("signer", "Người ký", ("Họ tên người ký",)),
    InfoField("signer_title", "Chức vụ người ký", ("Chức vụ",), hint="Ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
    InfoField("total_schools", "Tổng số trường trên địa bàn", ("Tổng số trường",), "count"),
    InfoField("standard_at_start", "Số trường đạt chuẩn đầu năm", ("Số trường đạt chuẩn",), "count"),
    InfoField("level2_at_start", "Số trường mức độ 2 đầu năm", ("Số trường đạt mức độ 2",), "count"),
    InfoField("money_unit", "Đơn vị tính kinh phí", ("Đơn vị tính", "ĐVT"), default="triệu đồng"),
)

# ---------------------------------------------------------------- Tổng hợp

SUMMARY_NAME = "Tổng hợp"
SUMMARY_ALIASES = ("Tong hop", "Tổng hợp chỉ tiêu", "Chỉ tiêu", "Tổng hợp kế hoạch", "Summary")
SUMMARY_TITLE = "TỔNG HỢP CHỈ TIÊU VÀ KẾ HOẠCH"

TARGET_LABEL = "Cấp học"
TARGET_ASSIGNED = "Chỉ tiêu giao"
TARGET_PLANNED = "Kế hoạch"
TARGET_TOTAL_GROUP = "Tổng số"
TOTAL_LABEL = "Tổng cộng"
TOTAL_SYNONYMS = ("Tổng cộng", "Tổng", "Cộng", "Tổng số", "Cộng chung", "Tổng cộng chung")
# The kinds counted in the targets table; "lại và nâng" counts as nâng mức độ.
TARGET_KINDS: tuple[tuple[str, str], ...] = (
    ("new", KIND_NEW), ("renew", KIND_RENEW), ("upgrade", KIND_UPGRADE),
)
KIND_TO_TARGET = {KIND_NEW: "new", KIND_RENEW: "renew", KIND_UPGRADE: "upgrade", KIND_RENEW_UPGRADE: "upgrade"}
TARGET_SYNONYMS = {
    "assigned": (TARGET_ASSIGNED, "Chỉ tiêu", "Chỉ tiêu được giao", "Giao"),
    "planned": (TARGET_PLANNED, "Kế hoạch năm", "Dự kiến", "Theo danh sách", "Thực hiện"),
}


@record(frozen=True)
class Figure:
    """An overall figure: the number the plan states, next to the computed one."""

    key: str
    label: str
    synonyms: tuple[str, ...] = ()
    type: ValueType = "count"


FIGURES_HEADERS = ("Chỉ số", "Nêu trong kế hoạch", "Tính từ các bảng", "Ghi chú")
FIGURES_HEADER_SYNONYMS = {
    "label": ("Chỉ số", "Chỉ tiêu", "Nội dung"),
    "stated": ("Nêu trong kế hoạch", "Số nêu trong kế hoạch", "Theo kế hoạch", "Số liệu nêu"),
    "computed": ("Tính từ các bảng", "Tính toán", "Tự tính"),
    "note": ("Ghi chú",),
}
FIGURES: tuple[Figure, ...] = (
    Figure("planned_total", "Số trường trong kế hoạch năm", ("Số trường xây dựng chuẩn trong năm",
                                                             "Tổng số trường trong kế hoạch", "Danh sách gồm",
                                                             "Số đơn vị trong danh sách")),
    Figure("year_end", "Số trường đạt chuẩn cuối năm", ("Số trường đạt chuẩn quốc gia cuối năm",
                                                         "Tổng số trường đạt chuẩn")),
    Figure("rate", "Tỉ lệ trường đạt chuẩn cuối năm", ("Tỷ lệ trường đạt chuẩn cuối năm", "Tỉ lệ đạt chuẩn",
                                                       "Tỷ lệ đạt chuẩn", "Tỉ lệ"), "percent"),
    Figure("level2_year_end", "Số trường mức độ 2 cuối năm", ("Số trường đạt chuẩn mức độ 2 cuối năm",
                                                              "Trong đó mức độ 2")),
    Figure("funded_new", "Số trường có kinh phí CN mới (PL2)", ("Số trường đầu tư công nhận mới",)),
    Figure("funded_renew", "Số trường có kinh phí CN lại (PL3)", ("Số trường đầu tư công nhận lại",)),
    Figure("budget_new", "Kinh phí công nhận mới (PL2)", ("Kinh phí CN mới", "Tổng kinh phí PL2"), "number"),
    Figure("budget_renew", "Kinh phí công nhận lại, nâng mức độ (PL3)", ("Kinh phí CN lại", "Kinh phí PL3",
                                                                        "Kinh phí công nhận lại (PL3)"),
           "number"),
    Figure("budget_total", "Tổng kinh phí", ("Tổng kinh phí đầu tư", "Tổng nhu cầu kinh phí"), "number"),
    *(Figure(f"source_{column.key}", f"Trong đó: {column.header}", (column.header,), "number")
      for column in SOURCES),
)

BATCH_LABEL = "Đợt/Quý"
BATCH_LABEL_SYNONYMS = ("Đợt / Quý", "Đợt", "Quý", "Thời gian", "Đợt công nhận")
BATCH_STATED_GROUP = "Nêu trong kế hoạch"
BATCH_COMPUTED_GROUP = "Tính từ danh sách"
BATCH_COLUMNS: tuple[tuple[str, str], ...] = (
    ("new", KIND_NEW), ("renew", "Công nhận lại, nâng mức độ"), ("total", "Tổng"),
)

# ---------------------------------------------------------------- Kiểm tra (written by recalc)

REVIEW_NAME = "Kiểm tra"
REVIEW_FALLBACK_NAME = "Kiểm tra (chuanqg-xl)"  # when someone already has a sheet called "Kiểm tra"
REVIEW_MARK = "(chuanqg-xl)"  # in cell A1 of the sheet recalc writes: how a later run knows it is ours
REVIEW_COLUMNS = ("Mã", "Mức", "Trang tính", "Ô", "Nội dung", "Cách xử lý")
REVIEW_LOG_TITLE = "GIÁ TRỊ ĐÃ ĐƯỢC THAY BẰNG CÔNG THỨC"
REVIEW_LOG_COLUMNS = ("Trang tính", "Ô", "Giá trị đã nhập", "Giá trị tính lại")

SHEET_ORDER = (INFO_NAME, SUMMARY_NAME, SCHOOLS.name, BUDGET_NEW.name, BUDGET_RENEW.name, TIMELINE.name)
REQUIRED_SHEETS = SHEET_ORDER

# The tool's own mark, so later runs can find and remove what it wrote.
TOOL_AUTHOR = "chuanqg-xl"
MONEY_FORMAT = "#,##0"  # "#,##0.###" leaves a trailing decimal point on whole numbers in Excel
RATE_FORMAT = "0.00%"
DATE_FORMAT = "dd/mm/yyyy"


@record(frozen=True)
class TemplateStyle:
    """Presentation of the standard workbook (template and samples)."""

    font: str = "Times New Roman"
    size: int = 12
    header_fill: str = "#DDEBF7"
    derived_fill: str = "#EDEDED"
    title_size: int = 14
    header_row: int = 3   # tables: title in row 1, unit line in row 2, headers in row 3


STYLE = TemplateStyle()
