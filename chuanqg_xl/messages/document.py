"""The Word plan: where a statement is, what cannot be read, the document rules and the import report."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # where
    "doc.where.paragraph": {"vi": "đoạn {number} «{words}»", "en": "paragraph {number} «{words}»"},
    "doc.where.table_row": {"vi": "bảng {table}, dòng {row} «{words}»", "en": "table {table}, row {row} «{words}»"},
    # files that cannot be used
    "doc.not_word": {
        "vi": "Tệp '{path}' không phải văn bản Word (.docx/.doc) mà là tệp {kind}. Với --plan, hãy chỉ tệp kế hoạch "
              "Word; sổ Excel thì chạy: chuanqg-xl check '{path}'.",
        "en": "'{path}' is not a Word document (.docx/.doc) but a {kind} file. --plan takes the Word plan; check a "
              "workbook with: chuanqg-xl check '{path}'.",
    },
    "doc.word_not_workbook": {
        "vi": "Tệp '{path}' là văn bản Word, không phải sổ Excel, nên lệnh này không dùng được. Với văn bản kế hoạch "
              "Word, chạy 'chuanqg-xl check \"{path}\"' để kiểm tra, hoặc 'chuanqg-xl import \"{path}\" -o "
              "ke-hoach.xlsx' để lập sổ Excel từ văn bản.",
        "en": "'{path}' is a Word document, not an Excel workbook, so this command cannot use it. For a Word plan, "
              "run 'chuanqg-xl check \"{path}\"', or 'chuanqg-xl import \"{path}\" -o ke-hoach.xlsx' to build the "
              "workbook from it.",
    },
    "doc.plan_needs_workbook": {
        "vi": "'{path}' đã là văn bản kế hoạch Word; --plan dùng để đối chiếu một sổ Excel với văn bản: "
              "chuanqg-xl check ke-hoach.xlsx --plan \"{path}\".",
        "en": "'{path}' is already the Word plan; --plan holds a workbook against it: "
              "chuanqg-xl check ke-hoach.xlsx --plan \"{path}\".",
    },
    "doc.no_soffice": {
        "vi": "'{path}' là văn bản Word 97-2003 (.doc). Cần LibreOffice (lệnh soffice) để đọc loại tệp này nhưng máy "
              "chưa cài. Hãy mở tệp bằng Word, chọn Tệp > Lưu thành > Tài liệu Word (.docx), rồi chạy lại với tệp "
              ".docx; hoặc cài LibreOffice (https://www.libreoffice.org).",
        "en": "'{path}' is a Word 97-2003 document (.doc). Reading it needs LibreOffice (soffice), which is not "
              "installed. Save it as .docx from Word and rerun, or install LibreOffice.",
    },
    "doc.convert_failed": {
        "vi": "LibreOffice không chuyển được '{path}' sang .docx ({detail}). Hãy mở tệp bằng Word, lưu thành .docx "
              "rồi chạy lại.",
        "en": "LibreOffice could not convert '{path}' to .docx ({detail}). Save it as .docx from Word and rerun.",
    },
    "doc.convert_timeout": {
        "vi": "LibreOffice chạy quá {seconds} giây mà chưa chuyển xong '{path}' nên đã bị dừng. Hãy đóng các cửa sổ "
              "LibreOffice đang mở rồi chạy lại, hoặc lưu tệp thành .docx bằng Word.",
        "en": "LibreOffice took more than {seconds} s to convert '{path}' and was stopped. Close LibreOffice windows "
              "and retry, or save the file as .docx from Word.",
    },
    "doc.empty": {
        "vi": "Văn bản Word '{path}' không có chữ nào (trống, hoặc chỉ có hình ảnh/bản quét). Cần tệp kế hoạch có "
              "nội dung dạng chữ; bản quét thì phải nhận dạng chữ (OCR) trước.",
        "en": "'{path}' holds no text (empty, or only pictures/scans). A plan with text is needed; run OCR on scans "
              "first.",
    },
    "doc.letter": {
        "vi": "Văn bản Word '{path}' là một công văn ({said}), không phải kế hoạch xây dựng trường đạt chuẩn quốc gia, "
              "nên không kiểm tra. Hãy chọn tệp kế hoạch (văn bản có tiêu đề 'KẾ HOẠCH').",
        "en": "The Word document '{path}' is a letter ({said}), not a plan for national-standard schools, so it is "
              "not checked. Choose the plan (the document titled 'KẾ HOẠCH').",
    },
    "doc.not_a_plan": {
        "vi": "Văn bản Word '{path}' không giống một kế hoạch xây dựng trường đạt chuẩn quốc gia: không thấy số "
              "trường, danh sách trường, kinh phí hay bảng tiến độ nào để kiểm tra ({paragraphs} đoạn, {tables} "
              "bảng). Hãy kiểm tra lại đúng tệp chưa; các câu và bảng công cụ nhận ra được mô tả ở "
              "docs/plan-statements.md.",
        "en": "The Word document '{path}' does not look like a plan for national-standard schools: no school "
              "counts, school list, budget or timeline to check ({paragraphs} paragraphs, {tables} tables). Is it "
              "the right file? The statements the tool understands are listed in docs/plan-statements.md.",
    },
}

# ---------------------------------------------------------------- the report on a Word plan
MESSAGES.update({
    "doc.sentence": {"vi": " — câu: «{sentence}»", "en": " — sentence: «{sentence}»"},
    "doc.verified_header": {"vi": "Đã đối chiếu, khớp ({count}):", "en": "Checked and consistent ({count}):"},
    "doc.kind.new": {"vi": "công nhận mới", "en": "newly recognised"},
    "doc.kind.renew": {"vi": "công nhận lại (kể cả nâng mức độ)", "en": "re-recognised (upgrades included)"},
    "doc.kind.upgrade": {"vi": "nâng mức độ", "en": "upgraded"},
    "doc.kind.all": {"vi": "tất cả các hình thức", "en": "all kinds"},
    "doc.source.text": {"vi": "phần mục tiêu", "en": "the targets"},
    "doc.source.periods": {"vi": "các đợt/quý cộng lại", "en": "the batches/quarters added up"},
    "doc.source.level_table": {"vi": "bảng theo cấp học", "en": "the level table"},
    "doc.here.text": {"vi": "câu này", "en": "this sentence"},
    "doc.says.text": {"vi": "câu này ghi", "en": "this sentence states"},
    "doc.says.periods": {"vi": "các đợt/quý cộng lại được", "en": "the batches/quarters add up to"},
    "doc.says.level_table": {"vi": "bảng theo cấp học ghi", "en": "the level table states"},
    "doc.said.text": {"vi": "phần mục tiêu ghi", "en": "the targets state"},
    "doc.subject.all": {"vi": "Tổng số trường", "en": "Schools, all kinds"},
    "doc.subject.kind": {"vi": "Số trường {kind}", "en": "Schools {kind}"},
    "doc.budget_line": {"vi": "'{item}' của {school}", "en": "'{item}' of {school}"},
    "doc.funded_gap": {"vi": "{kind}: {planned} trường trong kế hoạch, {funded} có kinh phí",
                       "en": "{kind}: {planned} planned, {funded} funded"},
    "doc.ok.names": {"vi": "{count} trường, nêu tên đủ {named} trường", "en": "{count} schools, {named} named"},
    "doc.ok.list_rows": {"vi": "danh sách ghi {count} đơn vị, bảng có {rows} dòng",
                         "en": "the list states {count}, the table has {rows} rows"},
    "doc.ok.sections": {"vi": "{subject}: {value}, {other} khớp với {first} ({where})",
                        "en": "{subject}: {value} in {other} and in {first} ({where})"},
    "doc.ok.same_schools": {"vi": "cùng {count} trường như danh sách ở {where}",
                            "en": "the same {count} schools as the list at {where}"},
    "doc.ok.funded": {"vi": "{kind}: {count} trường, đều có kinh phí", "en": "{kind}: {count} schools, all funded"},
    "doc.ok.table_column": {"vi": "Tổng cộng {kind}: {total} = {parts}", "en": "Total {kind}: {total} = {parts}"},
    "doc.ok.budget_column": {"vi": "Tổng cộng cột '{column}': {total}", "en": "Total of '{column}': {total}"},
    "doc.ok.period": {"vi": "{count} trường = số trường của {period}", "en": "{count} schools = those of {period}"},
    "doc.ok.period_kind": {"vi": "{count} trường {kind} = số trường {kind} của {period}",
                           "en": "{count} schools {kind} = those of {period}"},
})

# ---------------------------------------------------------------- findings on a Word plan (variants of workbook rules)
MESSAGES.update({
    "finding.total-mismatch.doc_count": {
        "vi": "Kế hoạch nêu {stated} trường nhưng các phần cộng lại {parts} = {sum}.",
        "en": "The plan states {stated} schools but its parts add up to {parts} = {sum}.",
    },
    "finding.total-mismatch.doc_money": {
        "vi": "Tổng kinh phí ghi {stated} {unit} nhưng các khoản cộng lại {parts} = {sum} {unit}.",
        "en": "The total states {stated} {unit} but its parts ({parts}) add up to {sum} {unit_en}.",
    },
    "doc.unit.trieu dong": {"vi": "triệu đồng", "en": "million VND"},
    "doc.unit.ty dong": {"vi": "tỷ đồng", "en": "billion VND"},
    "doc.unit.nghin dong": {"vi": "nghìn đồng", "en": "thousand VND"},
    "doc.unit.dong": {"vi": "đồng", "en": "VND"},
    "finding.total-mismatch.doc_rate": {
        "vi": "Tỉ lệ ghi {stated} % nhưng {fraction} = {computed} %.",
        "en": "The rate says {stated} % but {fraction} = {computed} %.",
    },
    "finding.total-mismatch.doc_year_end": {
        "vi": "Duy trì {kept} + công nhận mới {new} = {sum}, nhưng kế hoạch ghi nâng tổng số lên {reached}.",
        "en": "{kept} kept + {new} new = {sum}, but the plan says the total reaches {reached}.",
    },
    "finding.total-mismatch.doc_table": {
        "vi": "Dòng Tổng cộng, cột '{column}': ghi {stated}, các cấp học cộng lại {parts} = {sum}.",
        "en": "Total row, column '{column}': states {stated}, the levels add up to {parts} = {sum}.",
    },
    "finding.total-mismatch.doc_table_row": {
        "vi": "Dòng {level}, cột '{column}': ghi {stated}, các cột cộng lại {parts} = {sum}.",
        "en": "Row {level}, column '{column}': states {stated}, the columns add up to {parts} = {sum}.",
    },
    "finding.total-mismatch.doc_budget": {
        "vi": "Dòng Tổng cộng, cột '{column}': ghi {stated}, các dòng cộng lại {sum}.",
        "en": "Total row, column '{column}': states {stated}, the lines add up to {sum}.",
    },
    "finding.total-mismatch.doc_budget_subtotal": {
        "vi": "Dòng Cộng của {school}, cột '{column}': ghi {stated}, các dòng của trường cộng lại {sum}.",
        "en": "Subtotal of {school}, column '{column}': states {stated}, the school's lines add up to {sum}.",
    },
    "finding.total-mismatch.doc_budget_row": {
        "vi": "Dòng {line}: cột '{column}' ghi {stated}, các nguồn cộng lại {parts} = {sum}.",
        "en": "Line {line}: column '{column}' states {stated}, the sources add up to {parts} = {sum}.",
    },
    "hint.total-mismatch.doc_count": {"vi": "Sửa con số tổng hoặc phần bị sai cho khớp.",
                                      "en": "Correct the total or the wrong part."},
    "hint.total-mismatch.doc_money": {"vi": "Sửa tổng kinh phí hoặc khoản bị sai cho khớp.",
                                      "en": "Correct the total or the wrong amount."},
    "hint.total-mismatch.doc_rate": {"vi": "Tính lại tỉ lệ từ phân số (hoặc sửa phân số).",
                                     "en": "Recompute the rate from the fraction (or correct the fraction)."},
    "hint.total-mismatch.doc_year_end": {"vi": "Sửa số trường duy trì, số công nhận mới hoặc tổng số.",
                                         "en": "Correct the kept count, the new count or the total."},
    "hint.total-mismatch.doc_table": {"vi": "Sửa dòng Tổng cộng hoặc số của cấp học bị sai.",
                                      "en": "Correct the total row or the wrong level."},
    "hint.total-mismatch.doc_budget": {"vi": "Sửa dòng Tổng cộng hoặc dòng kinh phí bị sai.",
                                       "en": "Correct the total row or the wrong line."},
    "hint.total-mismatch.doc_table_row": {"vi": "Sửa cột tổng của dòng hoặc số bị sai.",
                                          "en": "Correct the row's total or the wrong figure."},
    "hint.total-mismatch.doc_budget_subtotal": {"vi": "Sửa dòng Cộng của trường hoặc dòng kinh phí bị sai.",
                                                "en": "Correct the school's subtotal or the wrong line."},
    "hint.total-mismatch.doc_budget_row": {"vi": "Sửa cột tổng của dòng hoặc số tiền của nguồn bị sai.",
                                           "en": "Correct the line's total or the wrong source amount."},
    "finding.batch-count-mismatch.doc_parts": {
        "vi": "{label}: ghi {stated} trường nhưng các nhóm bên dưới cộng lại {parts} = {sum}.",
        "en": "{label}: states {stated} schools but the groups below add up to {parts} = {sum}.",
    },
    "finding.task-school-count-mismatch.doc_names": {
        "vi": "Nhiệm vụ ghi {stated} trường nhưng nêu tên {named} trường ({names}).",
        "en": "The task says {stated} schools but names {named} ({names}).",
    },
    "finding.task-school-count-mismatch.doc_period": {
        "vi": "Nhiệm vụ ghi {stated} trường của {period}, nhưng {period} có {counted} trường ({where}).",
        "en": "The task says {stated} schools of {period}, but {period} has {counted} ({where}).",
    },
    "finding.task-school-count-mismatch.doc_period_kind": {
        "vi": "Nhiệm vụ ghi {stated} trường {kind} của {period}, nhưng {period} có {counted} trường {kind} ({where}).",
        "en": "The task says {stated} schools {kind} of {period}, but {period} has {counted} ({where}).",
    },
    "finding.stated-figure-mismatch.doc_money_appendix": {
        "vi": "{what}: văn bản ghi {stated} triệu đồng, nhưng phụ lục cộng lại {counted} triệu đồng ({where}).",
        "en": "{what}: the text states {stated} million VND, but the appendix adds up to {counted} ({where}).",
    },
    "hint.stated-figure-mismatch.doc_money_appendix": {"vi": "Sửa số tiền trong văn bản hoặc trong phụ lục cho khớp.",
                                                       "en": "Correct the amount in the text or in the appendix."},
    "doc.money_of_kind": {"vi": "Kinh phí {kind}", "en": "Funding, {kind}"},
    "doc.money_total": {"vi": "Tổng kinh phí", "en": "Total funding"},
    "doc.ok.money_appendix": {"vi": "{what}: {stated} triệu đồng, khớp với phụ lục ({where})",
                              "en": "{what}: {stated} million VND, as the appendix adds up ({where})"},
    "finding.stated-figure-mismatch.doc_sections": {
        "vi": "{subject}: {says} {value}, nhưng {first_says} {first_value} ({first_where}).",
        "en": "{subject}: {says} {value}, but {first_says} {first_value} ({first_where}).",
    },
    "finding.school-name-variant.doc": {
        "vi": "'{name}' được hiểu là '{canonical}' ({where}) nhưng viết khác.",
        "en": "'{name}' is taken as '{canonical}' ({where}) but spelled differently.",
    },
    "hint.school-name-variant.doc": {"vi": "Sửa thành '{canonical}' cho thống nhất với danh sách.",
                                     "en": "Write '{canonical}' as the list does."},
    "finding.school-not-in-list.doc": {
        "vi": "'{name}' không có trong các danh sách trường của kế hoạch.",
        "en": "'{name}' is not in any of the plan's school lists.",
    },
    "finding.school-not-in-list.doc_other_prefix": {
        "vi": "'{name}' không có trong danh sách; danh sách có '{other}' nhưng khác cấp học nên không ghép.",
        "en": "'{name}' is not listed; the list has '{other}', a different level, so they are not merged.",
    },
    "finding.target-exceeded.doc": {
        "vi": "{kind}: chỉ tiêu giao {assigned} trường, kế hoạch {planned} (phấn đấu thêm {extra}: {names}).",
        "en": "{kind}: {assigned} assigned, {planned} planned ({extra} extra: {names}).",
    },
    "finding.period-outside-plan-year.doc": {
        "vi": "Thời gian '{value}' thuộc năm {found}, không phải năm kế hoạch {year}.",
        "en": "'{value}' is in {found}, not in the plan year {year}.",
    },
    "finding.deadline-before-plan-date.doc_group": {
        "vi": "'{time}' ({count} nhiệm vụ) hết hạn {date}, trước ngày ban hành kế hoạch {plan_date}.",
        "en": "'{time}' ({count} task(s)) ends {date}, before the plan's issue date {plan_date}.",
    },
})

# ---------------------------------------------------------------- rules that only a Word plan has
RULE_TEXTS: dict[str, dict[str, dict[str, str]]] = {}


def _r(title_vi: str, title_en: str, what_vi: str, what_en: str, why_vi: str, why_en: str,
       example_vi: str, example_en: str, fix_vi: str, fix_en: str) -> dict[str, dict[str, str]]:
    return {"title": {"vi": title_vi, "en": title_en}, "what": {"vi": what_vi, "en": what_en},
            "why": {"vi": why_vi, "en": why_en}, "example": {"vi": example_vi, "en": example_en},
            "fix": {"vi": fix_vi, "en": fix_en}}


RULE_TEXTS.update({
    "count-differs-from-names": _r(
        "Số trường khác số tên được nêu", "Count differs from the names listed",
        "Văn bản kế hoạch nêu một số trường kèm danh sách tên ('Công nhận mới 04 trường: …'), hoặc một bảng danh "
        "sách có dòng 'Danh sách này gồm: 20 đơn vị', mà số tên (số dòng) khác con số.",
        "The plan states a count with the names it lists ('Công nhận mới 04 trường: …'), or a list table closes "
        "with 'Danh sách này gồm: 20 đơn vị', and the names (rows) are not that many.",
        "Con số và danh sách đi cùng nhau trong văn bản trình ký; lệch nhau thì một trong hai sai.",
        "The count and its list are signed together; when they differ, one is wrong.",
        "'Công nhận mới 04 trường: MN Ngô Thị Nhậm, TH Trung Hiền, TH Đoàn Kết' (3 tên).",
        "'Công nhận mới 04 trường: MN Ngô Thị Nhậm, TH Trung Hiền, TH Đoàn Kết' (3 names).",
        "Bổ sung tên còn thiếu hoặc sửa con số.", "Add the missing names or correct the count.",
    ),
    "school-missing-from-section": _r(
        "Trường có ở phần này, thiếu ở phần kia", "School in one section, missing from the other",
        "Kế hoạch liệt kê trường hai lần — theo hình thức công nhận (mục tiêu) và theo đợt/quý (thời gian) — và "
        "một trường chỉ có ở một trong hai danh sách.",
        "The plan lists its schools twice — by kind (targets) and by batch/quarter (timing) — and a school is in "
        "only one of the two.",
        "Trường bị sót sẽ không có thời gian thực hiện, hoặc có thời gian mà không có trong chỉ tiêu.",
        "A school left out has no timing, or a timing without being in the targets.",
        "II.1 có 'MN Minh Khai' nhưng không quý nào ở II.2 nêu trường này.",
        "II.1 lists 'MN Minh Khai' but no quarter in II.2 does.",
        "Thêm trường vào phần còn thiếu, hoặc bỏ khỏi phần thừa.", "Add it where it is missing, or remove it.",
    ),
    "school-kind-differs": _r(
        "Một trường hai hình thức công nhận", "One school, two kinds of recognition",
        "Cùng một trường là 'công nhận mới' ở phần này nhưng 'công nhận lại' ở phần khác.",
        "The same school is 'công nhận mới' in one section and 'công nhận lại' in another.",
        "Trường sẽ bị tính vào sai chỉ tiêu và sai phụ lục kinh phí.",
        "It is counted against the wrong target and budget appendix.",
        "II.1: công nhận mới 'TH Đoàn Kết'; Quý IV: công nhận lại 'TH Đoàn Kết'.",
        "II.1: 'TH Đoàn Kết' new; Quarter IV: 'TH Đoàn Kết' re-recognised.",
        "Sửa hình thức ở phần bị sai.", "Correct the kind where it is wrong.",
    ),
    "funded-count-differs": _r(
        "Số trường có kinh phí khác số trường kế hoạch", "Funded schools differ from planned schools",
        "Phần kinh phí bố trí cho ít (hoặc nhiều) trường hơn số trường kế hoạch nêu theo từng hình thức, và văn bản "
        "không giải thích phần chênh lệch.",
        "The budget funds fewer (or more) schools than the plan has of a kind, and the text does not explain it.",
        "Trường không có kinh phí khó đạt chuẩn đúng hạn; người duyệt cần biết lý do.",
        "Unfunded schools may miss the standard; reviewers need the reason.",
        "06 trường (03 mới + 03 lại) nhưng kinh phí chỉ cho 02 + 02 trường.",
        "6 schools (3 new + 3 re-recognised) but budget for 2 + 2.",
        "Ghi lý do ngay sau phần kinh phí, ví dụ '(Có 02 trường: … đã được đầu tư từ năm 2022)', hoặc bổ sung "
        "kinh phí.",
        "State the reason next to the budget, e.g. '(Có 02 trường: … đã được đầu tư từ năm 2022)', or fund them.",
    ),
    "funded-count-explained": _r(
        "Chênh lệch số trường có kinh phí đã được giải thích", "Funding gap explained",
        "Số trường có kinh phí ít hơn số trường kế hoạch, và văn bản nêu đúng số trường chênh lệch kèm lý do "
        "(như 'đã được đầu tư từ năm 2022').",
        "Fewer schools are funded than planned, and the text names exactly that many with a reason (such as "
        "'đã được đầu tư từ năm 2022').",
        "Không phải lỗi: được nêu để người duyệt thấy chênh lệch và lý do.",
        "Not an error: shown so reviewers see the gap and its reason.",
        "06 trường, kinh phí cho 02 + 02; '(Có 02 trường: TH Đặng Trần Côn, TH Mạc Đĩnh Chi đã được đầu tư từ "
        "năm 2022)'.",
        "6 schools, 2 + 2 funded; two named as invested in 2022.",
        "Không cần làm gì.", "Nothing.",
    ),
    "likely-typo": _r(
        "Có thể gõ nhầm", "Likely typo",
        "Một từ trông như gõ nhầm bàn phím tiếng Việt (kiểu Telex gõ sai thứ tự), ví dụ 'anwm 2023' thay cho "
        "'năm 2023'.",
        "A word looks like a Vietnamese keyboard slip (Telex keys out of order), e.g. 'anwm 2023' for 'năm 2023'.",
        "Lỗi chính tả trong văn bản trình ký.", "A spelling slip in a document to be signed.",
        "'… công nhận lại anwm 2023.'", "'… công nhận lại anwm 2023.'",
        "Sửa thành từ được gợi ý.", "Use the suggested word.",
    ),
    "plan-of-another-unit": _r(
        "Văn bản Word của đơn vị khác", "Another unit's Word plan",
        "Văn bản Word đưa vào để đối chiếu (check --plan) có đơn vị ban hành ở địa danh khác với sổ (không chỉ "
        "viết tắt hay gõ lệch một hai chữ), và phần lớn các trường văn bản nêu tên không có trong sổ (hoặc văn bản "
        "nêu tên chưa đến 3 trường). Đơn vị đổi tên mà vẫn các trường ấy thì vẫn được đối chiếu như thường.",
        "The Word plan given to compare with (check --plan) names an issuing unit in another place than the "
        "workbook's (not just abbreviated or a letter or two apart), and most schools it names are not in the "
        "workbook (or it names fewer than 3). A renamed unit with the same schools is compared as usual.",
        "Có lẽ đã chọn nhầm tệp: so từng con số của hai kế hoạch khác nhau chỉ cho ra hàng chục chênh lệch vô "
        "nghĩa, nên không đối chiếu tiếp.",
        "Probably the wrong file: comparing every figure of two different plans only gives dozens of meaningless "
        "differences, so nothing more is compared.",
        "Sổ của UBND thành phố Kon Tum (2023), văn bản của UBND thành phố Lai Châu (2024); 0/13 trường có trong "
        "sổ.",
        "Workbook of Kon Tum city (2023), Word plan of Lai Châu city (2024); 0 of 13 schools in the workbook.",
        "Chọn văn bản kế hoạch của chính đơn vị này. Nếu đơn vị đã đổi tên, sửa 'Đơn vị ban hành' ở sheet Thông tin "
        "rồi kiểm tra lại.",
        "Choose this unit's own Word plan. If the unit was renamed, correct 'Đơn vị ban hành' on the Thông tin "
        "sheet and check again.",
    ),
})

MESSAGES.update({
    "finding.count-differs-from-names": {
        "vi": "Ghi {stated} trường nhưng nêu tên {named} trường ({names}).",
        "en": "States {stated} schools but names {named} ({names}).",
    },
    "finding.count-differs-from-names.list_table": {
        "vi": "Câu này ghi {stated} nhưng bảng danh sách ({table}) có {rows} trường.",
        "en": "This sentence states {stated} but the list table ({table}) has {rows} schools.",
    },
    "finding.school-missing-from-section.in_batches": {
        "vi": "'{name}' có ở đợt/quý này nhưng không có trong danh sách trường của kế hoạch ({where}).",
        "en": "'{name}' is in this batch/quarter but not in the plan's school list ({where}).",
    },
    "finding.school-missing-from-section.in_list": {
        "vi": "'{name}' có trong danh sách trường nhưng không có ở đợt/quý nào (các đợt/quý từ {where}).",
        "en": "'{name}' is in the school list but in no batch/quarter (they start at {where}).",
    },
    "finding.school-kind-differs": {
        "vi": "'{name}' là {kind} ở đây nhưng là {other_kind} ở {where}.",
        "en": "'{name}' is {kind} here but {other_kind} at {where}.",
    },
    "finding.funded-count-differs": {
        "vi": "Số trường có kinh phí khác số trường kế hoạch ({detail}): {count} trường chưa có kinh phí mà văn bản "
              "không nêu lý do.",
        "en": "Funded schools differ from planned ones ({detail}): {count} school(s) unfunded with no reason given.",
    },
    "finding.funded-count-differs.partly": {
        "vi": "Số trường có kinh phí khác số trường kế hoạch ({detail}): chênh {count} trường nhưng phần giải thích "
              "({where}) chỉ nêu {explained}.",
        "en": "Funded schools differ from planned ones ({detail}): {count} short, but the explanation ({where}) "
              "accounts for {explained}.",
    },
    "finding.funded-count-explained": {
        "vi": "Kinh phí bố trí cho ít trường hơn kế hoạch ({detail}); {count} trường chênh lệch đã được giải thích: "
              "đầu tư từ năm {year} ({names}).",
        "en": "Fewer schools are funded than planned ({detail}); the {count} school(s) of difference are explained: "
              "invested since {year} ({names}).",
    },
    "finding.plan-of-another-unit": {
        "vi": "Văn bản Word có vẻ là kế hoạch của đơn vị khác: văn bản ({word}) ghi '{stated}', năm {year}; sổ ghi "
              "'{held}', năm {held_year}. Không đối chiếu tiếp.",
        "en": "The Word plan seems to be another unit's: it ({word}) says '{stated}', year {year}; the workbook "
              "'{held}', year {held_year}. Nothing more was compared.",
    },
    "finding.plan-of-another-unit.names": {
        "vi": "Văn bản Word có vẻ là kế hoạch của đơn vị khác: văn bản ({word}) ghi '{stated}', năm {year}; sổ ghi "
              "'{held}', năm {held_year}; {found}/{named} trường văn bản nêu tên có trong sổ. Không đối chiếu tiếp.",
        "en": "The Word plan seems to be another unit's: it ({word}) says '{stated}', year {year}; the workbook "
              "'{held}', year {held_year}; {found} of the {named} schools it names are in the workbook. Nothing more "
              "was compared.",
    },
    "finding.likely-typo": {
        "vi": "'{word}' có thể là '{suggestion}' gõ nhầm.", "en": "'{word}' may be a slip for '{suggestion}'.",
    },
})

# ---------------------------------------------------------------- check ke-hoach.xlsx --plan ke-hoach.docx
MESSAGES.update({
    "doc.opt.plan": {
        "vi": "Văn bản kế hoạch Word (.docx/.doc) để đối chiếu với sổ: mọi con số, kinh phí, tỉ lệ, tên trường, "
              "đợt/quý và hạn nêu trong văn bản được so với sổ.",
        "en": "The Word plan (.docx/.doc) to hold against the workbook: every count, amount, rate, school, batch "
              "and deadline it states is compared.",
    },
    "doc.ok.workbook": {"vi": "khớp với sổ — {what}", "en": "matches the workbook — {what}"},
    "doc.ok.names_in_workbook": {"vi": "{count}/{total} trường của sổ có trong văn bản",
                                 "en": "{count} of the workbook's {total} schools are in the text"},
    "doc.ok.deadline": {"vi": "hạn {date}", "en": "deadline {date}"},
    "doc.label.kind_count": {"vi": "Số trường {kind}", "en": "Schools {kind}"},
    "doc.label.all_count": {"vi": "Tổng số trường trong kế hoạch", "en": "Schools in the plan"},
    "doc.label.period_count": {"vi": "Số trường {period}", "en": "Schools of {period}"},
    "doc.label.period_kind_count": {"vi": "{period} – {kind}", "en": "{period} – {kind}"},
    "doc.label.level_count": {"vi": "{level} – {kind}", "en": "{level} – {kind}"},
    "doc.label.budget_total": {"vi": "Tổng kinh phí", "en": "Total budget"},
    "doc.label.budget_kind": {"vi": "Kinh phí {kind}", "en": "Budget, {kind}"},
    "doc.label.funded": {"vi": "Số trường {kind} có kinh phí", "en": "Funded schools, {kind}"},
    "doc.label.total_schools": {"vi": "Tổng số trường trên địa bàn", "en": "Schools in the unit"},
    "doc.label.year_end": {"vi": "Số trường đạt chuẩn cuối năm", "en": "Schools meeting the standard at year end"},
    # the plan's details: in Vietnamese the workbook's own label on 'Thông tin' (layout.INFO_FIELDS)
    "doc.label.meta_year": {"vi": "{workbook}", "en": "Plan year"},
    "doc.label.meta_number": {"vi": "{workbook}", "en": "Plan number"},
    "doc.label.meta_date": {"vi": "{workbook}", "en": "Date issued"},
    "doc.label.meta_unit": {"vi": "{workbook}", "en": "Issuing unit"},
    "doc.label.meta_signer": {"vi": "{workbook}", "en": "Signed by"},
    "finding.stated-figure-mismatch.doc_workbook": {
        "vi": "{label}: văn bản Word ({word}) ghi {stated}, sổ Excel có {computed}.",
        "en": "{label}: the Word plan ({word}) states {stated}, the workbook has {computed}.",
    },
    "finding.stated-figure-mismatch.doc_meta": {
        "vi": "{label}: văn bản Word ({word}) ghi '{stated}', sổ ghi '{held}'.",
        "en": "{label}: the Word plan ({word}) says '{stated}', the workbook '{held}'.",
    },
    "finding.stated-figure-mismatch.doc_school_period": {
        "vi": "'{name}': văn bản Word ({word}) xếp vào {stated}, sổ ghi '{held}'.",
        "en": "'{name}': the Word plan ({word}) puts it in {stated}, the workbook says '{held}'.",
    },
    "finding.stated-figure-mismatch.doc_school_level": {
        "vi": "'{name}': văn bản Word ({word}) ghi mức độ {stated}, sổ ghi mức độ {held}.",
        "en": "'{name}': the Word plan ({word}) says level {stated}, the workbook level {held}.",
    },
    "finding.stated-figure-mismatch.doc_task_count": {
        "vi": "Nhiệm vụ: văn bản Word ({word}) ghi {stated} trường, sổ ghi {held}.",
        "en": "Task: the Word plan ({word}) says {stated} schools, the workbook {held}.",
    },
    "finding.stated-figure-mismatch.doc_task_deadline": {
        "vi": "Nhiệm vụ '{time}': văn bản Word ({word}) cho hạn {stated}, sổ ghi {held}.",
        "en": "Task '{time}': the Word plan ({word}) gives {stated}, the workbook {held}.",
    },
    "hint.stated-figure-mismatch.doc_workbook": {"vi": "Sửa văn bản hoặc sổ cho thống nhất.",
                                                 "en": "Make the text and the workbook agree."},
    "finding.school-not-in-list.doc_workbook": {
        "vi": "'{name}' có trong văn bản Word ({word}) nhưng không có trong danh sách trường (PL1).",
        "en": "'{name}' is in the Word plan ({word}) but not in the school list (PL1).",
    },
    "finding.school-name-variant.doc_workbook": {
        "vi": "Văn bản Word ({word}) viết '{name}', sổ (PL1 dòng {row}) viết '{canonical}'.",
        "en": "The Word plan ({word}) writes '{name}', the workbook (PL1 row {row}) '{canonical}'.",
    },
    "hint.school-name-variant.doc_workbook": {"vi": "Thống nhất một cách viết ở cả văn bản và sổ.",
                                              "en": "Use one spelling in both the text and the workbook."},
    "finding.school-kind-differs.doc_workbook": {
        "vi": "'{name}': văn bản Word ({word}) ghi {kind}, sổ ghi '{workbook}'.",
        "en": "'{name}': the Word plan ({word}) says {kind}, the workbook '{workbook}'.",
    },
    "finding.school-missing-from-section.workbook": {
        "vi": "'{name}' có trong sổ nhưng văn bản Word không nêu trường này (danh sách trường ở {word}).",
        "en": "'{name}' is in the workbook but the Word plan does not name it (its lists start at {word}).",
    },
})

# ---------------------------------------------------------------- import ke-hoach.docx -o ke-hoach.xlsx
MESSAGES.update({
    "doc.import.meta": {"vi": "{field}: {value}", "en": "{field}: {value}"},
    "doc.import.draft_number": {"vi": "Số kế hoạch để trống (dự thảo): sổ ghi '…/KH-UBND'; điền số khi ban hành.",
                                "en": "The number is blank (a draft): the workbook says '…/KH-UBND'; fill it in."},
    "doc.import.blank_date": {"vi": "Ngày ban hành để trống (dự thảo): điền vào 'Thông tin' khi ký.",
                              "en": "The date is blank (a draft): fill it in 'Thông tin' when signed."},
    "doc.import.missing_meta": {"vi": "Không tìm thấy '{field}' trong văn bản; hãy điền vào trang 'Thông tin' "
                                      "(hoặc dùng --unit/--year).",
                                "en": "'{field}' was not found in the text; fill it in 'Thông tin' (or pass "
                                      "--unit/--year)."},
    "doc.import.figure_note": {"vi": "Văn bản Word, {where}", "en": "Word plan, {where}"},
    "doc.import.figure": {"vi": "'{label}' = {value} — «{sentence}»", "en": "'{label}' = {value} — «{sentence}»"},
    "doc.import.pre_invested": {"vi": "Đã đầu tư năm {year}", "en": "Đã đầu tư năm {year}"},
    "doc.import.no_kind": {"vi": "'{name}': văn bản không nói là công nhận mới hay công nhận lại; hãy chọn ở cột "
                                 "'Hình thức công nhận'.",
                           "en": "'{name}': the text does not say new or re-recognised; choose it in 'Hình thức "
                                 "công nhận'."},
    "doc.import.explained_school": {"vi": "'{name}' (đã được đầu tư) đưa vào danh sách, ghi ở cột 'Đã đầu tư trước'.",
                                    "en": "'{name}' (already invested) added to the list, marked 'Đã đầu tư trước'."},
    "doc.import.schools": {"vi": "Danh sách trường (PL1): {count} trường được nêu tên, kèm hình thức, mức độ, "
                                 "đợt/quý từ các phần nêu trường đó.",
                           "en": "School list (PL1): {count} named school(s), with kind, level and batch from the "
                                 "sections that name them."},
    "doc.import.unnamed_schools": {"vi": "Kế hoạch nêu {stated} trường nhưng chỉ nêu tên {named}; thêm các trường "
                                         "còn lại vào PL1.",
                                   "en": "The plan states {stated} schools but names {named}; add the others to PL1."},
    "doc.import.level_table": {"vi": "Chỉ tiêu theo cấp học (Tổng hợp) lấy từ bảng theo cấp học.",
                               "en": "Targets by level (Tổng hợp) taken from the level table."},
    "doc.import.targets_counted": {"vi": "Chỉ tiêu theo cấp học (Tổng hợp): đếm từ {count} trường được nêu tên "
                                         "(không tính trường 'phấn đấu thêm').",
                                   "en": "Targets by level (Tổng hợp): counted from {count} named schools (stretch "
                                         "schools left out)."},
    "doc.import.batch": {"vi": "Đợt/quý '{label}': {total} trường.", "en": "Batch/quarter '{label}': {total}."},
    "doc.import.budget_table": {"vi": "Kinh phí: {count} dòng từ bảng phụ lục.",
                                "en": "Budget: {count} line(s) from the appendix table."},
    "doc.import.no_budget_lines": {"vi": "Văn bản chỉ nêu tổng kinh phí, không có bảng kinh phí từng trường: các "
                                         "tổng được ghi ở 'Tổng hợp', PL2/PL3 để trống.",
                                   "en": "The text states only budget totals, no per-school table: the totals go "
                                         "to 'Tổng hợp', PL2/PL3 stay empty."},
    "doc.import.timeline": {"vi": "Tiến độ: {count} nhiệm vụ từ bảng tiến độ (hạn = ngày cuối của thời gian ghi).",
                            "en": "Timeline: {count} task(s) from the timeline table (deadline = end of its time)."},
    "doc.import.no_deadline": {"vi": "Không tính được hạn hoàn thành từ '{time}'.",
                               "en": "No deadline can be taken from '{time}'."},
    "doc.import.findings": {"vi": "Văn bản tự mâu thuẫn ({count}) — sổ giữ nguyên con số như văn bản, 'check' sẽ "
                                  "báo lại:",
                            "en": "The text contradicts itself ({count}) — the workbook keeps the figures as "
                                  "written; 'check' reports them again:"},
})
MESSAGES.update({
    "doc.import.kind_inferred": {
        "vi": "'{name}': ghi 'Công nhận mới' — kế hoạch 'xây dựng … đạt chuẩn quốc gia' và không nhắc công nhận lại "
              "ở đâu; hãy xem lại.",
        "en": "'{name}': set to 'Công nhận mới' — the plan 'builds … to the standard' and never mentions "
              "re-recognition; please review.",
    },
})
MESSAGES.update({
    "doc.import.no_standard_level": {
        "vi": "Văn bản không nêu mức độ đạt chuẩn của {count} trường ({names}); hãy chọn ở cột 'Mức độ' của PL1.",
        "en": "The text gives no standard level for {count} school(s) ({names}); choose it in PL1's 'Mức độ'.",
    },
})

# ---------------------------------------------------------------- docs/plan-statements.md (docplan.forms)
MESSAGES.update({
    "doc.forms.title": {"vi": "# Những câu và bảng công cụ đọc được trong văn bản kế hoạch Word",
                        "en": "# The statements and tables read in a Word plan"},
    "doc.forms.intro": {
        "vi": "Trang này được sinh tự động (`python -m chuanqg_xl.docplan.forms > docs/plan-statements.md`): mỗi ví "
              "dụ được đưa qua đúng bộ đọc mà `chuanqg-xl check ke-hoach.docx` dùng, và phần *Công cụ hiểu* là những "
              "gì bộ đọc lấy ra được. Nếu một câu trong văn bản của anh chị không được hiểu, hãy so với các mẫu "
              "dưới đây. Chữ NFD, khoảng trắng thừa, 'Trường TH' hay 'TH', hai cách bỏ dấu thanh ('Thuỵ'/'Thụy'), "
              "câu viết trên một dòng hay tách dòng, bảng Word hay dòng cách nhau bằng Tab đều được đọc như nhau.",
        "en": "Generated (`python -m chuanqg_xl.docplan.forms --lang en`): each example goes through the very reader "
              "`chuanqg-xl check ke-hoach.docx` uses, and *Understood* lists what it took from it.",
    },
    "doc.forms.example": {"vi": "Ví dụ:", "en": "Example:"},
    "doc.forms.understood": {"vi": "Công cụ hiểu:", "en": "Understood:"},
    "doc.forms.nothing": {"vi": "(không nhận ra gì)", "en": "(nothing)"},
    "doc.form.header.title": {"vi": "Phần đầu: số, địa danh và ngày, đơn vị, năm kế hoạch, người ký",
                              "en": "The header: number, place and date, unit, plan year, signer"},
    "doc.form.header.what": {
        "vi": "Số kế hoạch 'Số: 38/KH-UBND' (có hoặc không có dấu cách), dòng 'Địa danh, ngày … tháng … năm …', đơn vị "
              "ban hành (từ 'ỦY BAN NHÂN DÂN / QUẬN …' ở góc trái, hoặc 'UBND quận … ban hành/xây dựng'), năm kế "
              "hoạch từ tiêu đề sau chữ 'KẾ HOẠCH', người ký sau 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'. Phần đầu có thể là "
              "đoạn văn hoặc bảng không viền.",
        "en": "The number, the place-and-date line, the issuing unit, the year in the title after 'KẾ HOẠCH', the "
              "signer after 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'; paragraphs or a borderless table.",
    },
    "doc.form.draft.title": {"vi": "Dự thảo: số và ngày để trống", "en": "A draft: number and date left blank"},
    "doc.form.draft.what": {"vi": "'Số: /KH-UBND' và 'ngày tháng năm' để trống được hiểu là dự thảo (sổ ghi "
                                  "'…/KH-UBND').",
                            "en": "A blank number and date mean a draft (the workbook says '…/KH-UBND')."},
    "doc.form.count_parts.title": {"vi": "Số trường và các phần của nó", "en": "A count with its parts"},
    "doc.form.count_parts.what": {
        "vi": "'N trường, trong đó: …' (cũng 'bao gồm', 'gồm có'); các phần cùng dòng, cách nhau bằng dấu phẩy hoặc "
              "chấm phẩy, hoặc ở các dòng gạch đầu dòng bên dưới. Số viết '06', '6' hay bằng chữ ('sáu', đến hai "
              "mươi); 'trường', 'đơn vị', 'đơn vị trường', 'cơ sở', 'CSGD'. Các phần cũng có thể nằm trong ngoặc ngay "
              "sau con số ('06 trường (công nhận mới 02 trường, công nhận lại 04 trường)'), hoặc viết số trước hình "
              "thức ('02 trường công nhận mới (…) và 02 trường công nhận lại (…)'). Được kiểm tra: tổng = các phần "
              "(A001).",
        "en": "'N schools, of which: …' with the parts on the line or below; numbers as digits or words (to "
              "twenty); 'trường', 'đơn vị', 'cơ sở'. Checked: total = parts (A001).",
    },
    "doc.form.count_names.title": {"vi": "Số trường kèm tên trường", "en": "A count with the names it lists"},
    "doc.form.count_names.what": {
        "vi": "Tên sau dấu hai chấm (kể cả sau 'theo chỉ tiêu … giao:'), trong ngoặc sau con số, hoặc ngay sau con số "
              "('01 trường MN Minh Khai'); ngăn bằng dấu phẩy, chấm phẩy, 'và' hoặc xuống dòng; có hoặc không có chữ "
              "'Trường'; tiền tố viết tắt (MN, MG, NT, TH, THCS, TH&THCS, THPT, PTDTBT…) hoặc đầy đủ ('Mầm non', "
              "'Tiểu học và Trung học cơ sở'). Câu kết thúc bằng dấu hai chấm mà mỗi dòng (gạch đầu dòng gõ tay hay "
              "do Word đánh) bên dưới là một tên trường: các dòng đó là danh sách tên của con số. Ghi chú trong ngoặc "
              "sau một nhóm tên ('(mức độ 2)', '(nâng mức độ "
              "2)') áp cho cả nhóm. 'theo chỉ tiêu … giao' là chỉ tiêu giao, 'thêm' là phấn đấu thêm. Được kiểm tra: "
              "số trường = số tên (W001), chỉ tiêu giao và phấn đấu thêm (X003).",
        "en": "Names after a colon, in brackets, or right after the count; separated by commas, semicolons, 'và' or "
              "line breaks; with or without 'Trường'; a note in brackets applies to its run of names. Checked: "
              "count = names (W001), assigned target and stretch (X003).",
    },
    "doc.form.batches.title": {"vi": "Đợt và quý, với danh sách bên dưới", "en": "Batches and quarters"},
    "doc.form.batches.what": {
        "vi": "'Quý III/2023: 08 trường' hoặc 'Đợt 1 (tháng 3/2024) … 6 đơn vị trường:', các dòng '+' bên dưới là "
              "các nhóm của đợt/quý đó. Được kiểm tra: đợt = các nhóm (X007), các đợt cộng lại = phần mục tiêu (X011), "
              "cùng các trường như danh sách theo hình thức (W002), cùng hình thức (W003), cùng cách viết (X009).",
        "en": "A quarter or batch line and the '+' lines below it. Checked: batch = groups (X007), batches added up "
              "= targets (X011), the same schools (W002), kinds (W003) and spellings (X009).",
    },
    "doc.form.money.title": {"vi": "Kinh phí và các phần, lời giải thích", "en": "Money with its parts"},
    "doc.form.money.what": {
        "vi": "'Tổng kinh phí là 44.497 triệu đồng, trong đó: …' (dấu chấm ngăn hàng nghìn, dấu phẩy thập phân; "
              "triệu đồng, tỷ đồng, nghìn đồng, đồng); '(02 trường)' trong một phần là số trường có kinh phí; "
              "'(Có 02 trường: … đã được đầu tư từ năm 2022)' giải thích chênh lệch. Được kiểm tra: tổng = các "
              "khoản (A001), số trường có kinh phí so với kế hoạch (W004, hoặc W005 khi đã giải thích đúng). Các "
              "khoản cũng có thể nằm trong ngoặc sau tổng; số tiền theo hình thức (công nhận mới/lại) được so với "
              "phụ lục kinh phí cùng hình thức, và tổng kinh phí với các phụ lục khi câu nói 'chi tiết tại Phụ lục' "
              "(X011).",
        "en": "A total with its parts; '(02 trường)' in a part is the funded count; '(… đã được đầu tư từ năm "
              "2022)' explains a gap. Checked: total = parts (A001), funded vs planned (W004/W005).",
    },
    "doc.form.rates.title": {"vi": "Tỉ lệ, số trường cuối năm", "en": "Rates and the year end"},
    "doc.form.rates.what": {
        "vi": "'35/57 trường, tỉ lệ 61,40 %', '41/52 trường đạt chuẩn quốc gia, đạt tỷ lệ 78,8%', '84,2% (32/38 "
              "trường)'; 'duy trì … 22 trường, … công nhận mới … 06 trường, … lên 28/28'; "
              "'mức độ 2: 19/28'. Được kiểm tra: tỉ lệ = phân số theo số chữ số thập phân đã viết (A001), duy trì "
              "+ mới = tổng (A001).",
        "en": "'35/57 trường, tỉ lệ 61,40 %'; kept + new = reached. Checked with A001.",
    },
    "doc.form.level_table.title": {"vi": "Bảng theo cấp học", "en": "The level table"},
    "doc.form.level_table.what": {
        "vi": "Bảng 'Cấp học | Công nhận mới | Công nhận lại' ('-' là 0), có thể thêm cột 'Tổng', với dòng 'Tổng "
              "cộng' (hoặc 'Cộng'). Được kiểm tra: dòng Tổng cộng = các cấp học, cột Tổng = các hình thức (A001), và "
              "khớp với con số trong văn bản (X011).",
        "en": "'Cấp học | Công nhận mới | Công nhận lại' with a total row. Checked: A001, and against the text "
              "(X011).",
    },
    "doc.form.list_table.title": {"vi": "Bảng danh sách trường", "en": "School-list tables"},
    "doc.form.list_table.what": {
        "vi": "Bảng có cột tên ('CƠ SỞ GIÁO DỤC', 'Tên trường', 'Đơn vị'…) và ít nhất một cột khác (TT, hình thức, "
              "'TÍCH HỢP KĐCLGD&CQG' kiểu 'CĐ2-MĐ1', ghi chú 'CN Lần đầu'/'CN lại'); câu 'Danh sách này gồm: N đơn "
              "vị' ngay sau bảng. Được kiểm tra: số dòng (W001), cấp độ đủ cho mức độ (D001).",
        "en": "A table with a name column and another (TT, kind, 'CĐ2-MĐ1', notes); 'Danh sách này gồm: N' after it. "
              "Checked: rows (W001), accreditation level (D001).",
    },
    "doc.form.budget_table.title": {"vi": "Bảng kinh phí (phụ lục)", "en": "Budget appendix tables"},
    "doc.form.budget_table.what": {
        "vi": "Bảng có cột hạng mục ('Hạng mục đầu tư', 'Nội dung đầu tư'…) và cột số tiền (nguồn: 'Ngân sách tỉnh', "
              "'Ngân sách huyện', 'Xã hội hóa'…, và/hoặc 'Tổng cộng'); tiêu đề hai dòng ('Nguồn kinh phí' gộp trên "
              "các nguồn) được đọc; tên trường gộp ô xuống nhiều dòng; dòng 'Cộng' của từng trường; dòng 'Tổng "
              "cộng'. Hình thức công nhận lấy từ tiêu đề phụ lục ('… CÔNG NHẬN MỚI'), đơn vị từ 'ĐVT: …' (mặc định "
              "triệu đồng). Trong quận/huyện của thành phố trực thuộc trung ương, 'Ngân sách thành phố' cạnh 'Ngân "
              "sách quận' là ngân sách cấp tỉnh. Được kiểm tra: dòng Tổng cộng và dòng Cộng = các dòng, cột Tổng "
              "cộng của mỗi dòng = các nguồn (A001), và khớp với số tiền trong văn bản (X011).",
        "en": "A table with an item column and amount columns (sources and/or a total); a two-row header, a school "
              "merged down over its lines, a 'Cộng' subtotal per school, a 'Tổng cộng' row. The kind comes from the "
              "appendix title, the unit from 'ĐVT: …' (million VND by default). Checked: totals and subtotals = "
              "lines, each line's total = its sources (A001), and against the text's amounts (X011).",
    },
    "doc.form.budget_table": {"vi": "bảng kinh phí ({kind}): {rows} dòng, {subtotals} dòng Cộng; cột: {columns}; "
                                    "cộng lại {total} triệu đồng",
                              "en": "budget table ({kind}): {rows} lines, {subtotals} subtotals; columns: {columns}; "
                                    "adds up to {total} million VND"},
    "doc.form.timeline.title": {"vi": "Bảng tiến độ (lộ trình)", "en": "The timeline table"},
    "doc.form.timeline.what": {
        "vi": "Bảng có cột thời gian ('Thời gian hoàn thành', 'Tháng'…) và nội dung nhiệm vụ; thời gian viết một lần "
              "cho nhiều dòng (ô gộp hoặc để trống) áp cho các dòng dưới; khi cột thời gian ghi một quý hay một đợt "
              "('Quý 2/2025'), số trường của nhiệm vụ là số trường của quý đó. Được kiểm tra: số trường của nhiệm vụ so "
              "với đợt/quý nó nhắc (X008) và với tên nó nêu (X008), tên trường so với danh sách (X009, X010), hạn "
              "trước ngày ban hành (D010), năm khác năm kế hoạch (D007).",
        "en": "A table with a time column and tasks; a time written once covers the rows below. Checked: task "
              "counts against the quarter and the names (X008), names against the lists (X009, X010), dates "
              "(D010, D007).",
    },
    "doc.form.text_dates.title": {"vi": "Năm cũ, hạn trong câu, lỗi gõ", "en": "Stale years, deadlines, typos"},
    "doc.form.text_dates.what": {
        "vi": "'Kế hoạch năm 2022' trong kế hoạch năm 2023 (không tính các câu căn cứ 'Căn cứ…', 'Thực hiện…') (D009); "
              "'trước (ngày) 20/12/2024', 'hoàn thành trước …' (D010, D003); 'anwm 2023' (W006).",
        "en": "'Kế hoạch năm 2022' in a 2023 plan, legal bases aside (D009); 'trước 20/12/2024' (D010, D003); "
              "'anwm 2023' (W006).",
    },
    "doc.form.not_read.title": {"vi": "Những gì không được đọc", "en": "What is not read"},
    "doc.form.not_read.what": {
        "vi": "'năm' và 'tư' không được hiểu là số (dễ nhầm với 'năm 2023', 'đầu tư'); tên trường không có tiền tố "
              "cấp học ('Trường Nguyễn Du') không được nhận ra là tên trường — hãy viết 'TH Nguyễn Du'; số viết "
              "bằng chữ từ hai mươi mốt trở lên cũng không. Một công văn (có dòng 'V/v …' dưới số, 'Kính gửi: …', "
              "không có tiêu đề 'KẾ HOẠCH') không được kiểm tra: công cụ báo đó là công văn.",
        "en": "'năm' and 'tư' are not read as numbers; names without a level prefix are not school names; number "
              "words above twenty are not read. A letter ('V/v …' under its number, 'Kính gửi: …', no 'KẾ HOẠCH' "
              "title) is refused as a letter.",
    },
    "doc.form.count": {"vi": "{value} trường ({kind})", "en": "{value} schools ({kind})"},
    "doc.form.names": {"vi": "tên: {names}", "en": "names: {names}"},
    "doc.form.role.assigned": {"vi": "chỉ tiêu giao", "en": "assigned"},
    "doc.form.role.extra": {"vi": "phấn đấu thêm", "en": "stretch"},
    "doc.form.role.kept": {"vi": "duy trì", "en": "kept"},
    "doc.form.role.explained": {"vi": "giải thích", "en": "explanation"},
    "doc.form.role.funded": {"vi": "có kinh phí", "en": "funded"},
    "doc.form.role.task": {"vi": "nhiệm vụ", "en": "task"},
    "doc.form.role.list_total": {"vi": "tổng danh sách", "en": "list total"},
    "doc.form.header.number": {"vi": "số kế hoạch: {value}", "en": "number: {value}"},
    "doc.form.header.date": {"vi": "ngày ban hành: {value}", "en": "date: {value}"},
    "doc.form.header.unit": {"vi": "đơn vị ban hành: {value}", "en": "unit: {value}"},
    "doc.form.header.year": {"vi": "năm kế hoạch: {value}", "en": "plan year: {value}"},
    "doc.form.header.signer": {"vi": "người ký: {value}", "en": "signer: {value}"},
    "doc.form.header.signer_title": {"vi": "chức vụ: {value}", "en": "title: {value}"},
    "doc.form.header.draft": {"vi": "dự thảo (số để trống)", "en": "a draft (no number)"},
    "doc.form.schools": {"vi": "trường", "en": "schools"},
    "doc.form.money": {"vi": "kinh phí {amount} {unit}", "en": "money {amount} {unit}"},
    "doc.form.explanation": {"vi": "giải thích: {count} trường ({names}) đã đầu tư từ năm {year}",
                             "en": "explanation: {count} school(s) ({names}) invested since {year}"},
    "doc.form.rate": {"vi": "phân số {fraction}, tỉ lệ ghi {percent} % {level2}",
                      "en": "fraction {fraction}, stated rate {percent} % {level2}"},
    "doc.form.fraction": {"vi": "phân số {fraction} {level2}", "en": "fraction {fraction} {level2}"},
    "doc.form.level2": {"vi": "(mức độ 2)", "en": "(level 2)"},
    "doc.form.year_end": {"vi": "duy trì {kept} + công nhận mới {new} → {reached}",
                          "en": "kept {kept} + new {new} → {reached}"},
    "doc.form.level_table": {"vi": "bảng theo cấp học: {rows}; tổng cộng {total}",
                             "en": "level table: {rows}; total {total}"},
    "doc.form.list_table": {"vi": "bảng danh sách {count} trường, câu ghi {stated}; ví dụ {first}",
                            "en": "list table of {count} schools, stated {stated}; e.g. {first}"},
    "doc.form.task": {"vi": "nhiệm vụ '{time}' (hạn {deadline}): {counts}; trường nêu: {names}",
                      "en": "task '{time}' (due {deadline}): {counts}; schools named: {names}"},
    "doc.form.mention": {"vi": "tên trường trong câu: {name}", "en": "school named in the text: {name}"},
    "doc.form.deadline": {"vi": "hạn: {date}", "en": "deadline: {date}"},
    "doc.form.stale": {"vi": "năm cũ: '{phrase}'", "en": "stale year: '{phrase}'"},
    "doc.form.typo": {"vi": "có thể gõ nhầm: '{word}' → '{suggestion}'", "en": "likely typo: '{word}' → '{suggestion}'"},
})
