"""The layout spec: sheet names and headers exactly as the standard workbook needs them."""
from __future__ import annotations

from chuanqg_xl import layout as L
from chuanqg_xl.normalize import fold


def headers(spec: L.TableSheet) -> list[str]:
    return [column.header for column in spec.columns]


def test_sheet_names_are_the_standard_ones() -> None:
    assert L.SHEET_ORDER == ("Thông tin", "Tổng hợp", "PL1 - Danh sách trường", "PL2 - Kinh phí CN mới",
                             "PL3 - Kinh phí CN lại", "Tiến độ")


def test_school_list_headers() -> None:
    assert headers(L.SCHOOLS) == ["STT", "Tên trường", "Cấp học", "Xã/Phường", "Hình thức công nhận", "Mức độ",
                                  "Cấp độ kiểm định", "Thời gian dự kiến", "Đã đầu tư trước",
                                  "Kinh phí (triệu đồng)", "Ghi chú"]


def test_budget_headers() -> None:
    for spec in L.BUDGET_SHEETS:
        assert headers(spec) == ["STT", "Tên trường", "Hạng mục đầu tư", "Ngân sách tỉnh", "Ngân sách huyện",
                                 "Ngân sách xã", "Xã hội hóa", "Nguồn khác", "Tổng cộng", "Ghi chú"]
        assert spec.total_row


def test_timeline_headers_include_ours_between_the_required_ones() -> None:
    required = ["Thời gian", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Trường liên quan",
                "Số trường", "Hạn hoàn thành", "Trạng thái", "Ngày hoàn thành", "Ghi chú"]
    found = headers(L.TIMELINE)
    assert [header for header in found if header in required] == required
    assert set(found) - set(required) == {"Số trường nêu tên"}


def test_info_fields() -> None:
    assert [field.label for field in L.INFO_FIELDS] == [
        "Đơn vị ban hành", "Cơ quan tham mưu", "Tỉnh/Thành phố", "Năm kế hoạch", "Giai đoạn", "Số kế hoạch",
        "Ngày ban hành", "Người ký", "Chức vụ người ký", "Tổng số trường trên địa bàn",
        "Số trường đạt chuẩn đầu năm", "Số trường mức độ 2 đầu năm", "Đơn vị tính kinh phí"]
    assert next(field for field in L.INFO_FIELDS if field.key == "money_unit").default == "triệu đồng"


def test_derived_columns_are_the_computed_ones() -> None:
    assert L.SCHOOLS.derived_keys == ("stt", "budget")
    assert L.BUDGET_NEW.derived_keys == ("stt", "total")
    assert L.TIMELINE.derived_keys == ("named_count",)


def test_dropdown_vocabularies() -> None:
    assert L.LEVELS.values == ("Mầm non", "Tiểu học", "THCS", "TH&THCS", "THPT")
    assert L.KINDS.values == ("Công nhận mới", "Công nhận lại", "Nâng mức độ", "Công nhận lại và nâng mức độ")
    assert L.STATUSES.values == ("Chưa thực hiện", "Đang thực hiện", "Hoàn thành")
    choice_columns = {column.key for spec in L.TABLE_SHEETS for column in spec.columns if column.vocabulary}
    assert choice_columns == {"level", "kind", "standard_level", "accreditation_level", "status"}


def test_synonyms_do_not_collide_within_a_sheet() -> None:
    for spec in L.TABLE_SHEETS:
        seen: dict[str, str] = {}
        for column in spec.columns:
            for label in column.labels:
                key = fold(label)
                assert seen.setdefault(key, column.key) == column.key, (spec.name, label)


def test_vocabulary_synonyms_point_to_one_value() -> None:
    for vocabulary in (L.LEVELS, L.KINDS, L.STANDARD_LEVELS, L.ACCREDITATION_LEVELS, L.STATUSES):
        for value in vocabulary.values:
            assert vocabulary.match(value) == value
    assert L.KINDS.match("CN Lần đầu") == L.KIND_NEW
    assert L.LEVELS.match("TH-THCS") == "TH&THCS"
    assert L.LEVELS.match("MG") == "Mầm non"
