"""Province level and legacy files: consolidate, import, status."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ command help
    "province.help.consolidate": {
        "vi": "Tổng hợp kế hoạch của nhiều đơn vị (huyện, quận, thị xã) vào một sổ Excel cấp tỉnh: mỗi đơn vị một "
              "dòng tổng hợp, danh sách trường và tiến độ chung (có cột đơn vị), trang 'Vấn đề cần xem' (tệp không "
              "đọc được, trường trùng giữa hai đơn vị, năm kế hoạch khác đa số, đơn vị có lỗi). Nhận tệp hoặc thư "
              "mục. Tệp không đọc được được báo lại, các tệp khác vẫn được tổng hợp. Mã thoát: 0 mọi tệp đều tổng "
              "hợp được và không đơn vị nào có lỗi, 1 có tệp không đọc được hoặc đơn vị có lỗi, 2 không tổng hợp "
              "được gì.\n\nVí dụ:\n\n\b\n    chuanqg-xl consolidate ke-hoach/ -o tong-hop-tinh.xlsx\n"
              "    chuanqg-xl consolidate kon-tum.xlsx lai-chau.xlsx -o tong-hop.xlsx",
        "en": "Merge the plans of many districts into one province workbook (summary per district, combined school "
              "list and timeline, problems). Exit 0 all consolidated without errors, 1 an unreadable file or a "
              "district with errors, 2 nothing to consolidate.",
    },
    "province.help.import": {
        "vi": "Chuyển một bảng cũ tự do (danh sách trường kiểu 'TT | CƠ SỞ GIÁO DỤC | TÍCH HỢP KĐCLGD&CQG | GHI "
              "CHÚ', hoặc bảng tiến độ 'Thời gian hoàn thành | Nội dung nhiệm vụ | Đơn vị chủ trì thực hiện | Đơn vị "
              "phối hợp thực hiện') sang sổ kế hoạch chuẩn, và báo những gì đã chuyển, chưa chuyển được, số liệu "
              "nêu không khớp. Mã thoát: 0 đã chuyển, 1 đã chuyển nhưng có số liệu nêu không khớp, 2 tệp không "
              "dùng được.\n\nVí dụ:\n\n\b\n    chuanqg-xl import danh-sach-cu.xlsx -o plan.xlsx\n"
              "    chuanqg-xl import tien-do.xlsx -o plan.xlsx --unit \"UBND quận Hai Bà Trưng\" --year 2023",
        "en": "Turn a legacy free-form school list or timeline into the standard workbook and report what was "
              "mapped, what was not, and stated counts that disagree. Exit 0 imported, 1 a count disagrees, "
              "2 unusable input.",
    },
    "province.help.status": {
        "vi": "Báo cáo tiến độ thực hiện kế hoạch tại một ngày: nhiệm vụ đã hoàn thành, đang thực hiện, quá hạn (số "
              "ngày trễ), đến hạn trong 30 ngày tới, theo từng đơn vị chủ trì — báo cáo định kỳ 3 hoặc 6 tháng. "
              "Nhiệm vụ chưa ghi hạn được tính hạn theo cột thời gian (\"Tháng 5,6/2023\" → 30/06/2023). "
              "Mã thoát: 0 đã lập báo cáo, 2 tệp không dùng được.\n\nVí dụ:\n\n\b\n"
              "    chuanqg-xl status plan.xlsx --as-of 2023-06-30\n"
              "    chuanqg-xl status plan.xlsx --as-of 2023-06-30 -o bao-cao-tien-do.xlsx",
        "en": "The timeline's progress on a date: done, in progress, overdue (days late), due within 30 days, "
              "per lead unit. Exit 0 report made, 2 unusable input.",
    },
    "province.opt.consolidate_output": {"vi": "Tệp tổng hợp cần ghi (ghi đè nếu đã có).",
                                        "en": "Province workbook to write (overwritten if present)."},
    "province.opt.import_output": {"vi": "Sổ kế hoạch chuẩn cần ghi.", "en": "Standard workbook to write."},
    "province.opt.status_output": {"vi": "Ghi thêm báo cáo ra tệp Excel này.",
                                   "en": "Also write the report to this workbook."},
    "province.opt.as_of": {"vi": "Ngày báo cáo (ngày/tháng/năm, như 30/06/2023, hoặc 2023-06-30); mặc định là "
                                 "hôm nay.",
                           "en": "Report date (day/month/year, as 30/06/2023, or 2023-06-30); today by default."},
    "province.opt.horizon": {"vi": "Số ngày tới được tính là 'sắp đến hạn'.",
                             "en": "Days ahead counted as 'due soon'."},
    "province.progress": {"vi": "Đang đọc kế hoạch các đơn vị", "en": "Reading district plans"},
    "province.progress.read": {"vi": "Đang đọc kế hoạch các đơn vị", "en": "Reading district plans"},
    "province.progress.write": {"vi": "Đang ghi tệp tổng hợp", "en": "Writing the workbook"},
    "province.opt.jobs": {
        "vi": "Số tiến trình đọc tệp cùng lúc (mặc định: bằng số nhân CPU khi có từ 8 tệp).",
        "en": "Files read at once, each in a process of its own (default: one per CPU core from 8 files on).",
    },
    "province.status.wrote": {"vi": "Đã ghi báo cáo tiến độ: {path}", "en": "Wrote the progress report: {path}"},
    # ------------------------------------------------------------ shared words
    "province.no_unit": {"vi": "(chưa ghi đơn vị)", "en": "(no unit)"},
    "province.total": {"vi": "Tổng cộng", "en": "Total"},
    "province.yes": {"vi": "Có", "en": "Yes"},
    "province.none": {"vi": "(không có)", "en": "(none)"},
    "province.no_problems": {"vi": "Không có vấn đề nào cần xem.", "en": "Nothing needs attention."},
    # ------------------------------------------------------------ errors (exit 2)
    "province.error.no_inputs": {
        "vi": "Không có tệp nào để tổng hợp: hãy chỉ ra các tệp .xlsx hoặc thư mục chứa chúng.",
        "en": "Nothing to consolidate: give .xlsx files or folders holding them.",
    },
    "province.error.nothing_readable": {
        "vi": "Không đọc được tệp nào trong {count} tệp, chưa ghi gì: {details}",
        "en": "None of the {count} file(s) could be read; nothing was written: {details}",
    },
    "province.error.nothing_to_import": {
        "vi": "Tệp '{path}' không có bảng nào nhận dạng được (trang: {sheets}). Cần một dòng tiêu đề như "
              "'TT | CƠ SỞ GIÁO DỤC | TÍCH HỢP KĐCLGD&CQG | GHI CHÚ' hoặc 'Thời gian hoàn thành | Nội dung nhiệm vụ "
              "| Đơn vị chủ trì thực hiện | Đơn vị phối hợp thực hiện'.",
        "en": "File '{path}' holds no table the tool recognises (sheets: {sheets}). It needs a header row such as "
              "'TT | CƠ SỞ GIÁO DỤC | TÍCH HỢP KĐCLGD&CQG | GHI CHÚ' or 'Thời gian hoàn thành | Nội dung nhiệm vụ | "
              "Đơn vị chủ trì thực hiện | Đơn vị phối hợp thực hiện'.",
    },
    # ------------------------------------------------------------ consolidate: printed report
    "province.consolidate.header": {
        "vi": "Tổng hợp {read}/{total} tệp vào '{output}':",
        "en": "Consolidated {read}/{total} file(s) into '{output}':",
    },
    "province.consolidate.district_line": {
        "vi": "{file}: {unit}, năm {year} — {schools} trường, {tasks} nhiệm vụ",
        "en": "{file}: {unit}, year {year} — {schools} school(s), {tasks} task(s)",
    },
    "province.consolidate.skipped": {
        "vi": "{file}: bỏ qua (đây là một tệp tổng hợp do chuanqg-xl lập trước đó)",
        "en": "{file}: skipped (a consolidation chuanqg-xl wrote earlier)",
    },
    "province.consolidate.skipped_many": {
        "vi": "{count} tệp tổng hợp do chuanqg-xl lập trước đó được bỏ qua",
        "en": "{count} consolidations chuanqg-xl wrote earlier were skipped",
    },
    "province.consolidate.totals": {
        "vi": "{districts} đơn vị ({provinces} tỉnh), {schools} trường, {tasks} nhiệm vụ; tổng kinh phí {budget} "
              "triệu đồng.",
        "en": "{districts} district(s) ({provinces} province(s)), {schools} school(s), {tasks} task(s); total "
              "budget {budget} million VND.",
    },
    "province.consolidate.errors_by_district": {
        "vi": "Đơn vị có lỗi trong kế hoạch: {count}/{districts} ({errors} lỗi); nhiều lỗi nhất: {worst}.",
        "en": "Districts whose plan has errors: {count}/{districts} ({errors} errors); most: {worst}.",
    },
    "province.consolidate.no_errors": {"vi": "Không đơn vị nào có lỗi trong kế hoạch.",
                                       "en": "No district's plan has errors."},
    "province.consolidate.problems": {"vi": "Vấn đề cần xem ({count}):", "en": "Needs attention ({count}):"},
    "province.consolidate.kind_line": {"vi": "{kind} ({count}):", "en": "{kind} ({count}):"},
    "province.consolidate.more": {"vi": "… và {count} vấn đề khác loại này", "en": "… and {count} more of this kind"},
    "province.consolidate.where": {
        "vi": "Danh sách đầy đủ: trang '{problems}' và '{names}' của tệp '{output}'; mọi chi tiết: chạy lại với "
              "--format json.",
        "en": "The full lists: sheets '{problems}' and '{names}' of '{output}'; every detail: run again with "
              "--format json.",
    },
    "province.consolidate.done": {
        "vi": "Đã ghi '{output}': {districts} đơn vị, {schools} trường, {tasks} nhiệm vụ; tổng kinh phí {budget} "
              "triệu đồng.",
        "en": "Wrote '{output}': {districts} district(s), {schools} school(s), {tasks} task(s); total budget "
              "{budget} million VND.",
    },
    # ------------------------------------------------------------ consolidate: problems
    "province.problem.unreadable": {
        "vi": "{file}: không đọc được, chưa được tổng hợp — {detail}",
        "en": "{file}: could not be read and was left out — {detail}",
    },
    "province.problem.worker_died": {
        "vi": "{file}: tiến trình đọc tệp này bị hệ thống dừng ({detail}), thường vì tệp quá lớn hoặc hỏng; chưa "
              "được tổng hợp, các tệp khác vẫn được tổng hợp. Hãy kiểm tra tệp: chuanqg-xl check \"{path}\"",
        "en": "{file}: the process reading it was stopped by the system ({detail}), usually because the file is "
              "too large or damaged; left out, the other files were consolidated. Check it: chuanqg-xl check "
              "\"{path}\"",
    },
    "province.problem.too_big": {
        "vi": "{file}: không đủ bộ nhớ để đọc tệp này; chưa được tổng hợp.",
        "en": "{file}: not enough memory to read this file; left out.",
    },
    "province.problem.unexpected": {
        "vi": "{file}: lỗi không mong đợi khi đọc ({detail}), chưa được tổng hợp. Hãy gửi tệp này cho nhóm phát "
              "triển.",
        "en": "{file}: unexpected error while reading ({detail}); left out. Please send the file to the developers.",
    },
    "province.problem.error_findings": {
        "vi": "{file} ({unit}): kế hoạch có {count} lỗi ({codes}); vẫn được tổng hợp nhưng số liệu có thể chưa "
              "đúng.",
        "en": "{file} ({unit}): the plan has {count} error(s) ({codes}); consolidated anyway, but its figures may "
              "be wrong.",
    },
    # the terminal report's advice after that line (the workbook, the JSON and the page say it their own way)
    "province.advice.error_findings": {"vi": "Xem chi tiết: chuanqg-xl check \"{path}\"",
                                       "en": "Details: chuanqg-xl check \"{path}\""},
    "province.problem.year_differs": {
        "vi": "{file} ({unit}): kế hoạch năm {year}, khác năm của đa số ({majority}: {count}/{total} đơn vị). Có "
              "thể gửi nhầm kế hoạch năm khác.",
        "en": "{file} ({unit}): plan year {year} differs from the majority ({majority}: {count}/{total} "
              "districts). Perhaps another year's plan was sent.",
    },
    "province.problem.no_year": {
        "vi": "{file} ({unit}): chưa ghi năm kế hoạch (trang 'Thông tin').",
        "en": "{file} ({unit}): no plan year (sheet 'Thông tin').",
    },
    "province.problem.duplicate_unit": {
        "vi": "Đơn vị '{unit}' có {count} tệp ({files}): số liệu của đơn vị này bị tính {count} lần. Hãy giữ lại "
              "một tệp.",
        "en": "Unit '{unit}' has {count} files ({files}): its figures are counted {count} times. Keep one file.",
    },
    "province.problem.duplicate_stamp": {
        "vi": "{count} tệp ({files}) có cùng số kế hoạch {number} ngày {date} trong cùng một tỉnh, tên đơn vị ghi "
              "khác nhau ({units}): có thể là một đơn vị gửi nhiều lần. Nếu đúng vậy, hãy giữ lại một tệp.",
        "en": "{count} files ({files}) carry the same plan number {number} of {date} in one province, under "
              "different unit names ({units}): perhaps one district sent several times. If so, keep one file.",
    },
    "province.and_more": {"vi": "{shown} … và {count} nơi khác", "en": "{shown} … and {count} more"},
    "province.problem.duplicate_school": {
        "vi": "Trường '{name}' có trong danh sách của nhiều đơn vị: {places}. Nếu là cùng một trường thì bị tính "
              "hai lần; nếu chỉ trùng tên thì có thể bỏ qua.",
        "en": "School '{name}' is in the lists of several districts: {places}. If it is one school it is counted "
              "twice; if the names merely coincide, ignore this.",
    },
    "province.flag.no_year": {"vi": "Chưa ghi năm", "en": "No year"},
    "province.flag.year_differs": {"vi": "Năm {year} khác đa số", "en": "Year {year} differs"},
    "province.flag.errors": {"vi": "{count} lỗi trong kế hoạch", "en": "{count} error(s) in the plan"},
    "province.flag.duplicate_unit": {"vi": "Đơn vị có nhiều tệp", "en": "Unit sent twice"},
    "province.flag.shared_names": {"vi": "{count} trường trùng tên với đơn vị khác",
                                   "en": "{count} school name(s) also in other districts"},
    "province.kind.unreadable": {"vi": "Không đọc được", "en": "Unreadable"},
    "province.kind.error_findings": {"vi": "Kế hoạch có lỗi", "en": "Plan has errors"},
    "province.kind.year_differs": {"vi": "Năm khác đa số", "en": "Year differs"},
    "province.kind.no_year": {"vi": "Chưa ghi năm", "en": "No year"},
    "province.kind.duplicate_school": {"vi": "Trường trùng giữa các đơn vị", "en": "School in two districts"},
    "province.names_pointer": {
        "vi": "{count} tên trường có trong danh sách của nhiều đơn vị: xem trang '{sheet}' (mỗi tên một dòng).",
        "en": "{count} school name(s) are in the lists of several districts: see sheet '{sheet}' (one row a name).",
    },
    "province.also_in_many": {"vi": "{count} nơi khác (xem trang '{sheet}')",
                              "en": "{count} other places (see sheet '{sheet}')"},
    "province.kind.duplicate_unit": {"vi": "Đơn vị có nhiều tệp", "en": "Unit sent twice"},
    # ------------------------------------------------------------ consolidate: the workbook
    "province.title": {"vi": "TỔNG HỢP KẾ HOẠCH XÂY DỰNG TRƯỜNG ĐẠT CHUẨN QUỐC GIA CÁC ĐƠN VỊ",
                       "en": "NATIONAL-STANDARD SCHOOL PLANS OF THE DISTRICTS"},
    "province.title_schools": {"vi": "DANH SÁCH TRƯỜNG XÂY DỰNG ĐẠT CHUẨN QUỐC GIA CÁC ĐƠN VỊ",
                               "en": "SCHOOLS IN THE DISTRICTS' PLANS"},
    "province.title_tasks": {"vi": "TIẾN ĐỘ THỰC HIỆN CỦA CÁC ĐƠN VỊ", "en": "TIMELINES OF THE DISTRICTS"},
    "province.title_problems": {"vi": "CÁC VẤN ĐỀ CẦN XEM", "en": "WHAT NEEDS ATTENTION"},
    "province.title_names": {"vi": "TÊN TRƯỜNG CÓ TRONG DANH SÁCH CỦA NHIỀU ĐƠN VỊ",
                             "en": "SCHOOL NAMES IN THE LISTS OF SEVERAL DISTRICTS"},
    "province.no_shared_names": {"vi": "Không có tên trường nào trùng giữa các đơn vị.",
                                 "en": "No school name is in the lists of two districts."},
    "province.subtitle": {
        "vi": "{count} đơn vị — kế hoạch năm {years} — lập ngày {date} bằng chuanqg-xl",
        "en": "{count} district(s) — plan year {years} — made on {date} with chuanqg-xl",
    },
    "province.sheet.summary": {"vi": "Tổng hợp đơn vị", "en": "Districts"},
    "province.sheet.schools": {"vi": "Danh sách trường", "en": "Schools"},
    "province.sheet.tasks": {"vi": "Tiến độ các đơn vị", "en": "Timelines"},
    "province.sheet.problems": {"vi": "Vấn đề cần xem", "en": "Problems"},
    "province.sheet.names": {"vi": "Trường trùng tên", "en": "Shared names"},
    "province.intro.rate": {"vi": "Tỉ lệ trường đạt chuẩn cuối năm ({count} đơn vị có đủ số liệu):",
                            "en": "Schools meeting the standard at year end ({count} district(s) with the data):"},
    "province.intro.majority_year": {"vi": "Năm kế hoạch của đa số đơn vị:", "en": "Plan year of most districts:"},
    "province.col.stt": {"vi": "STT", "en": "No."},
    "province.col.unit": {"vi": "Đơn vị", "en": "District"},
    "province.col.province": {"vi": "Tỉnh/Thành phố", "en": "Province"},
    "province.col.name_districts": {"vi": "Số đơn vị", "en": "Districts"},
    "province.col.name_provinces": {"vi": "Số tỉnh", "en": "Provinces"},
    "province.col.name_places": {"vi": "Các đơn vị có tên trường này", "en": "Where the name is found"},
    "province.col.file": {"vi": "Tệp", "en": "File"},
    "province.col.year": {"vi": "Năm", "en": "Year"},
    "province.col.number": {"vi": "Số kế hoạch", "en": "Plan number"},
    "province.col.schools": {"vi": "Số trường trong kế hoạch", "en": "Schools in the plan"},
    "province.col.unknown": {"vi": "Chưa rõ", "en": "Unknown"},
    "province.col.difference": {"vi": "Chênh lệch (KH − giao)", "en": "Difference (plan − assigned)"},
    "province.col.total_schools": {"vi": "Tổng số trường", "en": "Schools in the district"},
    "province.col.at_start": {"vi": "Đạt chuẩn đầu năm", "en": "Meeting the standard at start"},
    "province.col.year_end": {"vi": "Đạt chuẩn cuối năm", "en": "Meeting the standard at year end"},
    "province.col.rate": {"vi": "Tỉ lệ", "en": "Rate"},
    "province.col.errors": {"vi": "Lỗi", "en": "Errors"},
    "province.col.warnings": {"vi": "Cảnh báo", "en": "Warnings"},
    "province.col.flags": {"vi": "Lưu ý", "en": "Notes"},
    "province.col.also_in": {"vi": "Cũng có trong kế hoạch của", "en": "Also in the plan of"},
    "province.col.severity": {"vi": "Mức", "en": "Severity"},
    "province.col.problem": {"vi": "Vấn đề", "en": "Problem"},
    "province.col.detail": {"vi": "Nội dung", "en": "Detail"},
    "province.col.group.kinds": {"vi": "Số trường theo hình thức công nhận", "en": "Schools by kind of recognition"},
    "province.col.group.levels": {"vi": "Số trường theo cấp học", "en": "Schools by level"},
    "province.col.group.targets": {"vi": "Chỉ tiêu và kế hoạch", "en": "Targets and plan"},
    "province.col.group.budget": {"vi": "Kinh phí (triệu đồng)", "en": "Budget (million VND)"},
    "province.col.group.year_end": {"vi": "Trường đạt chuẩn", "en": "Schools meeting the standard"},
    "province.col.group.checks": {"vi": "Kiểm tra", "en": "Checks"},
    # ------------------------------------------------------------ import
    "province.import.header": {
        "vi": "Đã chuyển '{source}' sang sổ kế hoạch chuẩn '{output}': {schools} trường, {tasks} nhiệm vụ.",
        "en": "Imported '{source}' into the standard workbook '{output}': {schools} school(s), {tasks} task(s).",
    },
    "province.import.mapped": {"vi": "Đã chuyển:", "en": "Mapped:"},
    "province.import.unmapped": {"vi": "Chưa chuyển được ({count}) — cần người bổ sung:",
                                 "en": "Not mapped ({count}) — for a person to complete:"},
    "province.import.mismatches": {"vi": "Số liệu nêu không khớp với các dòng ({count}):",
                                   "en": "Stated counts that disagree with the rows ({count}):"},
    "province.import.mismatch_line": {
        "vi": "{where}: '{quote}' — nêu {stated}, thực tế có {counted}.",
        "en": "{where}: '{quote}' — states {stated}, the rows give {counted}.",
    },
    "province.import.next": {
        "vi": "Tiếp theo: mở '{output}', bổ sung những mục còn thiếu rồi chạy: chuanqg-xl check \"{output}\"",
        "en": "Next: open '{output}', complete what is missing, then run: chuanqg-xl check \"{output}\"",
    },
    "province.import.school_table": {
        "vi": "danh sách trường, {count} trường; cột {columns}",
        "en": "school list, {count} school(s); columns {columns}",
    },
    "province.import.timeline_table": {
        "vi": "bảng tiến độ, {count} nhiệm vụ; cột {columns}",
        "en": "timeline, {count} task(s); columns {columns}",
    },
    "province.import.unknown_column": {
        "vi": "cột '{label}' không có trong sổ chuẩn; giá trị được chép vào 'Ghi chú'.",
        "en": "column '{label}' has no place in the standard workbook; its values were copied to 'Ghi chú'.",
    },
    "province.import.skipped_row": {"vi": "bỏ qua dòng '{text}' (không phải một trường/nhiệm vụ).",
                                    "en": "skipped the row '{text}' (not a school or task)."},
    "province.import.section": {"vi": "dòng tiêu đề nhóm '{text}' (hình thức: {kind}).",
                                "en": "group heading '{text}' (kind: {kind})."},
    "province.import.no_level": {
        "vi": "không xác định được cấp học của '{name}' (tên không có MN/TH/THCS…); hãy điền cột 'Cấp học'.",
        "en": "no level for '{name}' (no MN/TH/THCS… prefix); fill 'Cấp học'.",
    },
    "province.import.no_kind": {
        "vi": "không xác định được hình thức công nhận của '{name}' (ghi: {value}); hãy điền 'Hình thức công nhận'.",
        "en": "no kind of recognition for '{name}' (written: {value}); fill 'Hình thức công nhận'.",
    },
    "province.import.bad_combo": {
        "vi": "không đọc được cấp độ/mức độ từ '{value}' (dạng mong đợi: CĐ2-MĐ1).",
        "en": "could not read cấp độ/mức độ from '{value}' (expected like CĐ2-MĐ1).",
    },
    "province.import.levels_from_names": {"vi": "cấp học lấy từ tiền tố tên trường: {count} trường.",
                                          "en": "level taken from the name prefix: {count} school(s)."},
    "province.import.kinds_from_note": {
        "vi": "hình thức công nhận lấy từ cột ghi chú ('CN Lần đầu' → Công nhận mới, 'CN lại' → Công nhận lại): "
              "{count} trường.",
        "en": "kind of recognition taken from the note column ('CN Lần đầu' → new, 'CN lại' → renewed): "
              "{count} school(s).",
    },
    "province.import.combos": {"vi": "mức độ và cấp độ kiểm định tách từ dạng 'CĐ2-MĐ1': {count} trường.",
                               "en": "standard and accreditation levels split from 'CĐ2-MĐ1': {count} school(s)."},
    "province.import.stated_count": {
        "vi": "'{quote}' → 'Số trường trong kế hoạch năm' nêu {count} (trang Tổng hợp).",
        "en": "'{quote}' → stated 'Số trường trong kế hoạch năm' {count} (sheet Tổng hợp).",
    },
    "province.import.figure_note": {"vi": "Theo bảng cũ: \"{quote}\"", "en": "From the legacy table: \"{quote}\""},
    "province.import.times_filled": {
        "vi": "thời gian ghi một lần cho nhiều dòng đã được điền xuống: {count} nhiệm vụ.",
        "en": "times written once for several rows were filled down: {count} task(s).",
    },
    "province.import.deadlines": {
        "vi": "hạn hoàn thành tính theo thời gian (ngày cuối tháng/quý): {count} nhiệm vụ.",
        "en": "deadlines taken from the time (last day of the month/quarter): {count} task(s).",
    },
    "province.import.names_found": {
        "vi": "tên trường lấy từ nội dung nhiệm vụ vào 'Trường liên quan': {count} nhiệm vụ.",
        "en": "school names taken from the task text into 'Trường liên quan': {count} task(s).",
    },
    "province.import.task_group": {
        "vi": "nêu {count} trường không kèm tên; đã ghi 'Trường liên quan' là '{group}' để so với danh sách.",
        "en": "states {count} schools without names; 'Trường liên quan' set to '{group}' to compare with the list.",
    },
    "province.import.task_count_only": {
        "vi": "nêu {count} trường nhưng không nêu tên; hãy ghi tên trường (hoặc đợt/quý) vào 'Trường liên quan'.",
        "en": "states {count} schools but names none; write the schools (or batch) in 'Trường liên quan'.",
    },
    "province.import.no_deadline": {
        "vi": "không tính được hạn hoàn thành từ '{time}'; hãy điền 'Hạn hoàn thành'.",
        "en": "no deadline can be taken from '{time}'; fill 'Hạn hoàn thành'.",
    },
    "province.import.meta": {"vi": "{field}: {value}", "en": "{field}: {value}"},
    "province.import.missing_meta": {
        "vi": "chưa tìm thấy '{field}' trong tệp; hãy điền ở trang 'Thông tin' (hoặc dùng tùy chọn --unit/--year).",
        "en": "'{field}' not found in the file; fill it on sheet 'Thông tin' (or use --unit/--year).",
    },
    # ------------------------------------------------------------ status
    "province.status.header": {
        "vi": "Tiến độ thực hiện kế hoạch — {unit}, năm {year} — tính đến ngày {date}",
        "en": "Progress of the plan — {unit}, year {year} — as of {date}",
    },
    "province.status.no_tasks": {
        "vi": "Trang '{sheet}' chưa có nhiệm vụ nào: chưa có gì để báo cáo tiến độ. Hãy điền các nhiệm vụ, hạn hoàn "
              "thành và trạng thái rồi chạy lại.",
        "en": "The '{sheet}' sheet has no task yet: there is no progress to report. Fill in the tasks, their "
              "deadlines and status, then run this again.",
    },
    "province.status.counts": {
        "vi": "{total} nhiệm vụ: {done} hoàn thành, {in_progress} đang thực hiện, {overdue} quá hạn, {due_soon} "
              "đến hạn trong {days} ngày tới, {not_due} chưa đến hạn, {no_deadline} không có hạn.",
        "en": "{total} task(s): {done} done, {in_progress} in progress, {overdue} overdue, {due_soon} due within "
              "{days} days, {not_due} not yet due, {no_deadline} without a deadline.",
    },
    "province.status.section.overdue": {"vi": "QUÁ HẠN ({count}):", "en": "OVERDUE ({count}):"},
    "province.status.section.due_soon": {"vi": "ĐẾN HẠN TRONG {days} NGÀY TỚI ({count}):",
                                         "en": "DUE WITHIN {days} DAYS ({count}):"},
    "province.status.section.in_progress": {"vi": "ĐANG THỰC HIỆN ({count}):", "en": "IN PROGRESS ({count}):"},
    "province.status.section.done": {"vi": "ĐÃ HOÀN THÀNH ({count}):", "en": "DONE ({count}):"},
    "province.status.section.no_deadline": {
        "vi": "{count} nhiệm vụ không có hạn hoàn thành và không tính được từ cột thời gian.",
        "en": "{count} task(s) have no deadline and none can be taken from the time column.",
    },
    "province.status.section.by_lead": {"vi": "THEO ĐƠN VỊ CHỦ TRÌ:", "en": "BY LEAD UNIT:"},
    "province.status.lead_line": {
        "vi": "{lead}: {total} nhiệm vụ — {done} hoàn thành, {in_progress} đang thực hiện, {overdue} quá hạn"
              "{late}, {due_soon} sắp đến hạn",
        "en": "{lead}: {total} task(s) — {done} done, {in_progress} in progress, {overdue} overdue{late}, "
              "{due_soon} due soon",
    },
    "province.status.latest": {"vi": " (trễ nhất {days} ngày)", "en": " (the latest {days} days)"},
    "province.status.no_lead": {"vi": "(chưa ghi đơn vị chủ trì)", "en": "(no lead unit)"},
    "province.status.inferred": {"vi": "{date} (theo thời gian)", "en": "{date} (from the time)"},
    "province.status.line.overdue": {"vi": "hạn {deadline}, trễ {days} ngày",
                                     "en": "due {deadline}, {days} days late"},
    "province.status.line.due_soon": {"vi": "hạn {deadline}, còn {days} ngày",
                                      "en": "due {deadline}, {days} days left"},
    "province.status.line.in_progress": {"vi": "đang thực hiện, hạn {deadline}",
                                         "en": "in progress, due {deadline}"},
    "province.status.line.done": {"vi": "hoàn thành ngày {date}", "en": "done on {date}"},
    "province.status.line.done_late": {"vi": "hoàn thành ngày {date}, trễ {days} ngày",
                                       "en": "done on {date}, {days} days late"},
    "province.status.title": {"vi": "BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH", "en": "PROGRESS REPORT"},
    "province.status.title_leads": {"vi": "TIẾN ĐỘ THEO ĐƠN VỊ CHỦ TRÌ", "en": "PROGRESS BY LEAD UNIT"},
    "province.status.subtitle": {"vi": "{unit} — kế hoạch năm {year} — tính đến ngày {date}",
                                 "en": "{unit} — plan year {year} — as of {date}"},
    "province.status.sheet.tasks": {"vi": "Báo cáo tiến độ", "en": "Progress"},
    "province.status.sheet.leads": {"vi": "Theo đơn vị chủ trì", "en": "By lead unit"},
    "province.status.category.done": {"vi": "Hoàn thành", "en": "Done"},
    "province.status.category.overdue": {"vi": "Quá hạn", "en": "Overdue"},
    "province.status.category.due_soon": {"vi": "Đến hạn trong {days} ngày", "en": "Due within {days} days"},
    "province.status.category.in_progress": {"vi": "Đang thực hiện", "en": "In progress"},
    "province.status.category.not_due": {"vi": "Chưa đến hạn", "en": "Not yet due"},
    "province.status.category.no_deadline": {"vi": "Không có hạn", "en": "No deadline"},
    "province.status.col.stt": {"vi": "STT", "en": "No."},
    "province.status.col.time": {"vi": "Thời gian", "en": "Time"},
    "province.status.col.task": {"vi": "Nội dung nhiệm vụ", "en": "Task"},
    "province.status.col.lead": {"vi": "Đơn vị chủ trì", "en": "Lead unit"},
    "province.status.col.deadline": {"vi": "Hạn hoàn thành", "en": "Deadline"},
    "province.status.col.inferred": {"vi": "Hạn tính theo thời gian", "en": "Deadline from the time"},
    "province.status.col.status": {"vi": "Trạng thái", "en": "Status"},
    "province.status.col.done_date": {"vi": "Ngày hoàn thành", "en": "Done on"},
    "province.status.col.category": {"vi": "Tình hình", "en": "Standing"},
    "province.status.col.days_late": {"vi": "Số ngày trễ", "en": "Days late"},
    "province.status.col.days_left": {"vi": "Số ngày còn lại", "en": "Days left"},
    "province.status.col.cell": {"vi": "Ô trong sổ", "en": "Cell"},
    "province.status.col.total": {"vi": "Số nhiệm vụ", "en": "Tasks"},
    "province.status.col.max_late": {"vi": "Trễ nhiều nhất (ngày)", "en": "Most days late"},
}
