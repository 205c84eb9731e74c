"""The rule catalogue's words and the message of each finding."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}


def _r(title_vi: str, title_en: str, what_vi: str, what_en: str, why_vi: str, why_en: str,
       example_vi: str, example_en: str, fix_vi: str, fix_en: str) -> dict[str, dict[str, str]]:
    return {
        "title": {"vi": title_vi, "en": title_en},
        "what": {"vi": what_vi, "en": what_en},
        "why": {"vi": why_vi, "en": why_en},
        "example": {"vi": example_vi, "en": example_en},
        "fix": {"vi": fix_vi, "en": fix_en},
    }


# The rule catalogue's words: what each rule flags, why it matters, an example, what to do.
RULE_TEXTS: dict[str, dict[str, dict[str, str]]] = {
    "missing-required-value": _r(
        "Thiếu giá trị bắt buộc", "Missing required value",
        "Một ô bắt buộc còn trống: tên trường, hình thức công nhận, mức độ, cấp học (khi không suy ra được từ tên), "
        "tên trường và hạng mục của dòng kinh phí, nội dung nhiệm vụ, đơn vị ban hành, năm kế hoạch.",
        "A required cell is empty: school name, kind of recognition, standard level, school level (when the name "
        "does not tell), the school and item of a budget line, a task's content, the issuing unit, the plan year.",
        "Thiếu các giá trị này thì không đếm được số trường theo cấp học, hình thức và không đối chiếu được giữa "
        "các phụ lục.", "Without them schools cannot be counted by level and kind, nor matched across appendices.",
        "PL1 dòng 7: có tên 'TH Kim Đồng' nhưng cột 'Hình thức công nhận' để trống.",
        "PL1 row 7 names 'TH Kim Đồng' but leaves 'Hình thức công nhận' empty.",
        "Điền giá trị vào ô được chỉ ra (dùng danh sách thả xuống nếu có).",
        "Fill in the cell (use the dropdown where there is one).",
    ),
    "value-not-in-vocabulary": _r(
        "Giá trị không thuộc danh mục", "Value outside the vocabulary",
        "Ô có danh sách thả xuống (Cấp học, Hình thức công nhận, Mức độ, Cấp độ kiểm định, Trạng thái) chứa giá "
        "trị không nhận ra được, kể cả theo các cách viết thường gặp.",
        "A dropdown cell (level, kind, standard level, accreditation level, status) holds a value that is not "
        "recognised, not even as a common variant.",
        "Giá trị lạ không được đếm vào bảng tổng hợp, nên số liệu tổng hợp sẽ thiếu.",
        "Unknown values are not counted in the summary, so the summary falls short.",
        "'Công nhận lia' (gõ nhầm) → gợi ý 'Công nhận lại'. Thiếu dấu như 'Cong nhan lai' vẫn được hiểu đúng.",
        "'Công nhận lia' (typo) → suggests 'Công nhận lại'. Missing accents ('Cong nhan lai') are understood.",
        "Chọn giá trị trong danh sách thả xuống; công cụ gợi ý giá trị gần nhất.",
        "Pick a value from the dropdown; the tool suggests the closest one.",
    ),
    "number-stored-as-text": _r(
        "Số lưu dạng chữ", "Number stored as text",
        "Một con số (số trường, chỉ tiêu, tỉ lệ) được gõ hoặc dán dưới dạng chữ, ví dụ '02' hay '61,40 %'.",
        "A number (a count, a target, a rate) was typed or pasted as text, e.g. '02' or '61,40 %'.",
        "Công cụ vẫn đọc được, nhưng Excel coi đó là chữ: không cộng, không so sánh được trong công thức.",
        "The tool reads it, but Excel treats it as text: formulas will not add or compare it.",
        "Tổng hợp: 'Nêu trong kế hoạch' ghi '06' (chữ).", "Summary: 'Nêu trong kế hoạch' holds '06' as text.",
        "Gõ lại số (không có dấu nháy đơn ở đầu), hoặc dùng Dữ liệu → Văn bản thành cột.",
        "Retype the number without a leading apostrophe, or use Data → Text to Columns.",
    ),
    "text-in-number-column": _r(
        "Chữ trong cột số", "Text in a number column",
        "Ô thuộc cột số (kinh phí, số trường) chứa chữ không đọc được thành số.",
        "A cell of a number column (amounts, counts) holds text that is not a number.",
        "Giá trị này bị bỏ qua khi cộng tổng, nên tổng sẽ thiếu.", "It is skipped when totals are added.",
        "PL2 cột 'Ngân sách tỉnh' ghi 'chưa có'.", "PL2 'Ngân sách tỉnh' holds 'chưa có'.",
        "Ghi số (để trống nếu bằng 0); đưa phần giải thích sang cột Ghi chú.",
        "Enter a number (leave empty for zero); move explanations to Ghi chú.",
    ),
    "duplicate-school": _r(
        "Trường bị lặp trong danh sách", "Duplicate school in the list",
        "Cùng một trường (cùng cấp học và tên) xuất hiện hai lần trong PL1.",
        "The same school (same level prefix and name) appears twice in PL1.",
        "Trường lặp bị đếm hai lần trong tổng hợp và tỉ lệ đạt chuẩn.",
        "A duplicate is counted twice in the summary and the rate.",
        "'TH Tây Sơn' ở dòng 6 và dòng 12.", "'TH Tây Sơn' in rows 6 and 12.",
        "Xóa dòng lặp, hoặc sửa tên nếu là hai trường khác nhau.",
        "Delete the duplicate row, or correct the name if they are two schools.",
    ),
    "level-contradicts-name": _r(
        "Cấp học mâu thuẫn với tên trường", "Level contradicts the school name",
        "Cột 'Cấp học' ghi một cấp khác với tiền tố trong tên trường (MN, TH, THCS, TH&THCS, THPT).",
        "The level column disagrees with the name prefix (MN, TH, THCS, TH&THCS, THPT).",
        "Trường sẽ bị đếm vào sai dòng của bảng tổng hợp theo cấp học.", "It is counted in the wrong summary row.",
        "'THCS Tây Sơn' nhưng Cấp học ghi 'Tiểu học'.", "'THCS Tây Sơn' with level 'Tiểu học'.",
        "Sửa cột Cấp học (hoặc tên trường) cho thống nhất.", "Make the level and the name agree.",
    ),
    "vocabulary-diacritic-slip": _r(
        "Giá trị danh mục gõ sai dấu", "Vocabulary value with a diacritic slip",
        "Ô có danh sách thả xuống (Cấp học, Hình thức công nhận, Mức độ, Cấp độ kiểm định, Trạng thái) chứa giá "
        "trị chỉ khớp với danh mục khi bỏ dấu, và dấu làm thành một chữ khác: 'Công nhân mới' thay vì 'Công nhận "
        "mới'. Công cụ vẫn hiểu theo giá trị trong danh mục. Chữ hoa, dạng Unicode (NFD/NFC) và vị trí đặt dấu "
        "thanh ('hoà'/'hòa') là cùng một cách viết; giá trị gõ hoàn toàn không dấu cũng không bị nhắc.",
        "A dropdown cell (level, kind, standard level, accreditation level, status) holds a value that matches "
        "the vocabulary only with diacritics ignored, and its diacritics make another word: 'Công nhân mới' "
        "('worker new') for 'Công nhận mới'. The tool still reads it as the vocabulary value. Case, the Unicode "
        "form (NFD/NFC) and tone-mark placement ('hoà'/'hòa') are the same spelling; a value typed without any "
        "diacritics is not flagged either.",
        "Người đọc bản in thấy một chữ khác nghĩa; bộ lọc, danh sách thả xuống và công thức COUNTIFS của Excel coi "
        "đó là một giá trị khác, nên Excel có thể không đếm trường này cho đến khi chạy recalc.",
        "A reader of the printout sees a word with another meaning; Excel's filters, dropdown and COUNTIFS treat "
        "it as another value, so Excel may not count the school until recalc runs.",
        "'Tiêu học' (thiếu dấu hỏi) → hiểu là 'Tiểu học', kèm ghi chú đề nghị sửa.",
        "'Tiêu học' (hook above missing) → read as 'Tiểu học', with a note suggesting the fix.",
        "Sửa theo gợi ý, hoặc chọn lại giá trị trong danh sách thả xuống.",
        "Apply the suggestion, or pick the value from the dropdown again.",
    ),
    "untidy-text": _r(
        "Chữ chưa chuẩn hóa", "Untidy text",
        "Chữ dùng dạng Unicode tổ hợp (NFD, thường do sao chép từ PDF hoặc máy Mac) hoặc có khoảng trắng thừa.",
        "Text in decomposed Unicode (NFD, often pasted from PDF or a Mac) or with extra spaces.",
        "Công cụ vẫn hiểu, nhưng Excel coi 'Nhậm' dạng NFD và NFC là khác nhau khi tìm kiếm, lọc, VLOOKUP.",
        "The tool copes, but Excel's search, filters and lookups treat the two forms as different.",
        "'Ngô Thị  Nhậm' (hai dấu cách).", "'Ngô Thị  Nhậm' (two spaces).",
        "Gõ lại hoặc dùng Unikey → Chuyển mã sang Unicode dựng sẵn; xóa khoảng trắng thừa (hàm TRIM).",
        "Retype, or convert to precomposed Unicode; remove extra spaces (TRIM).",
    ),
    "invalid-date": _r(
        "Ngày không hợp lệ", "Invalid date",
        "Ô ngày (hạn hoàn thành, ngày hoàn thành, ngày ban hành) chứa giá trị không phải ngày.",
        "A date cell holds something that is not a date.",
        "Không kiểm tra được hạn và tiến độ của nhiệm vụ.", "Deadlines and progress cannot be checked.",
        "'Hạn hoàn thành' ghi 'cuối quý'.", "'Hạn hoàn thành' holds 'cuối quý'.",
        "Nhập ngày dạng ngày/tháng/năm, ví dụ 31/03/2024.", "Enter a day/month/year date, e.g. 31/03/2024.",
    ),
    "negative-amount": _r(
        "Số tiền âm", "Negative amount",
        "Một khoản kinh phí mang dấu âm.", "A budget amount is negative.",
        "Kinh phí đầu tư không thể âm; thường do gõ nhầm dấu trừ.", "Investment cannot be negative.",
        "'Ngân sách huyện' ghi -1.200.", "'Ngân sách huyện' holds -1,200.",
        "Sửa lại số tiền.", "Correct the amount.",
    ),
    "number-out-of-range": _r(
        "Số không hợp lệ", "Number out of range",
        "Ô số chứa giá trị vô cực, NaN hoặc lớn bất thường (quá một triệu tỉ).",
        "A number cell holds infinity, NaN or an absurdly large value.",
        "Giá trị như vậy làm hỏng mọi tổng và không thể là số liệu thật.", "It breaks every total.",
        "Ô kinh phí ghi 1E+300.", "An amount of 1E+300.",
        "Nhập lại số đúng.", "Enter the right number.",
    ),
    "row-below-total": _r(
        "Dòng nằm dưới dòng Tổng cộng", "Row below the total",
        "Có dữ liệu ở dưới dòng 'Tổng cộng' của bảng.", "There is data below the table's total row.",
        "Dòng đó không được tính vào tổng, vào danh sách trường hay vào phụ lục xuất ra.",
        "It is left out of the totals, the school list and the export.",
        "Thêm trường mới ở dòng 25, dưới dòng Tổng cộng (dòng 24).", "A school added in row 25, below the total.",
        "Chèn dòng mới phía trên dòng Tổng cộng rồi chuyển dữ liệu lên.",
        "Insert a row above the total and move the data there.",
    ),
    "text-number-not-summed": _r(
        "Số dạng chữ không được cộng", "Text number left out of totals",
        "Một khoản kinh phí hoặc chỉ tiêu được cộng vào tổng nhưng đang lưu dạng chữ (ví dụ '1.500').",
        "An amount or target that a total adds is stored as text (e.g. '1.500').",
        "Excel bỏ qua ô chữ trong hàm SUM, nên tổng in ra sẽ thiếu đúng số tiền này.",
        "Excel's SUM skips text, so the printed total is short by this amount.",
        "PL2 'Xã hội hóa' ghi '1.500' (chữ) → tổng thiếu 1.500 triệu đồng.",
        "PL2 'Xã hội hóa' holds '1.500' as text → the total is 1,500 short.",
        "Gõ lại thành số (không có dấu nháy ở đầu), rồi chạy lại recalc.",
        "Retype it as a number, then run recalc again.",
    ),
    "stt-out-of-sequence": _r(
        "STT không liên tục", "Row numbers out of sequence",
        "Cột STT bị nhảy số, lặp số hoặc gõ tay khác thứ tự dòng.",
        "The STT column skips, repeats or disagrees with the row order.",
        "Phụ lục nộp kèm kế hoạch cần đánh số liên tục.", "Appendices need continuous numbering.",
        "STT: 1, 2, 4, 5.", "STT: 1, 2, 4, 5.",
        "Chạy recalc: STT được đánh lại bằng công thức.", "Run recalc: STT is renumbered with formulas.",
    ),
    "date-stored-as-text": _r(
        "Ngày lưu dạng chữ", "Date stored as text",
        "Ô ngày chứa chữ như '31/01/2024' thay vì giá trị ngày của Excel.",
        "A date cell holds text such as '31/01/2024' rather than an Excel date.",
        "Công cụ vẫn đọc được, nhưng Excel không sắp xếp, lọc hay tính theo ngày này được.",
        "The tool reads it, but Excel cannot sort, filter or compute with it.",
        "'Hạn hoàn thành' ghi '20/01/2024' dạng chữ.", "'Hạn hoàn thành' holds '20/01/2024' as text.",
        "Gõ lại ngày, hoặc định dạng ô là Ngày rồi nhập lại.", "Retype it as a date.",
    ),
    "formula-error-value": _r(
        "Công thức báo lỗi", "Formula error",
        "Một ô hiển thị lỗi của Excel như #REF!, #VALUE!, #DIV/0!.",
        "A cell shows an Excel error such as #REF!, #VALUE!, #DIV/0!.",
        "Lỗi lan sang mọi ô dùng ô này, và in ra phụ lục sẽ thấy lỗi.", "Errors spread and show in print.",
        "#REF! sau khi xóa một dòng mà công thức đang tham chiếu.", "#REF! after deleting a referenced row.",
        "Sửa công thức hoặc nhập lại giá trị.", "Fix the formula or retype the value.",
    ),
    "formulas-not-calculated": _r(
        "Công thức chưa được tính", "Formulas not calculated",
        "Tệp có công thức nhưng không lưu kết quả (thường do được tạo bằng phần mềm khác Excel).",
        "The file has formulas without stored results (usually written by a program other than Excel).",
        "Các ô đó được đọc là trống, nên kết quả kiểm tra có thể sai.",
        "Those cells read as empty, so checks may be wrong.",
        "Tệp xuất từ một phần mềm quản lý, chưa mở bằng Excel.", "A file exported by some software.",
        "Mở tệp bằng Excel hoặc LibreOffice, lưu lại, rồi chạy lại.", "Open and save it in Excel, then rerun.",
    ),
    "unreadable-period": _r(
        "Không đọc được đợt/quý", "Unreadable batch or quarter",
        "Nhãn đợt/quý trong bảng 'theo đợt/quý' (hoặc thời gian dự kiến của một trường) không xác định được "
        "là đợt, quý hay tháng nào.",
        "A batch/quarter label (or a school's planned time) cannot be read as a batch, quarter or month.",
        "Không đếm được số trường của đợt/quý đó để đối chiếu với con số kế hoạch nêu.",
        "The schools of that batch cannot be counted against the stated figure.",
        "'Cuối năm' thay vì 'Quý IV/2023'.", "'Cuối năm' instead of 'Quý IV/2023'.",
        "Viết theo dạng 'Đợt 1 (tháng 3/2024)', 'Quý III/2023' hoặc 'Tháng 5/2023'.",
        "Write 'Đợt 1 (tháng 3/2024)', 'Quý III/2023' or 'Tháng 5/2023'.",
    ),
    "school-list-separator": _r(
        "Danh sách trường ngăn cách sai", "School list separated wrongly",
        "Cột 'Trường liên quan' liệt kê nhiều trường ngăn cách bằng dấu phẩy.",
        "'Trường liên quan' lists several schools separated by commas.",
        "Công thức đếm số trường dùng dấu ';', nên các trường ngăn bằng dấu phẩy bị đếm thành một.",
        "The count formula splits on ';', so comma-separated schools count as one.",
        "'TH Đoàn Kết, TH Trung Hiền'.", "'TH Đoàn Kết, TH Trung Hiền'.",
        "Dùng dấu chấm phẩy: 'TH Đoàn Kết; TH Trung Hiền'.", "Use semicolons: 'TH Đoàn Kết; TH Trung Hiền'.",
    ),
    "total-mismatch": _r(
        "Tổng không khớp", "Total does not add up",
        "Một ô tổng (tổng dòng kinh phí, dòng Tổng cộng theo từng nguồn, kinh phí từng trường ở PL1, các tổng ở "
        "Tổng hợp, tỉ lệ) khác với kết quả cộng lại từ các ô thành phần.",
        "A total (budget line, total row per source, a school's budget in PL1, summary totals, the rate) differs "
        "from the sum of its parts.",
        "Số tổng sai sẽ đi thẳng vào văn bản kế hoạch trình ký.", "A wrong total goes straight into the signed plan.",
        "PL2 dòng Tổng cộng, cột Tổng cộng ghi 31.000 nhưng cộng các dòng được 31.162.",
        "PL2 total row says 31,000 while the lines add up to 31,162.",
        "Chạy recalc: ô được thay bằng công thức đúng; giá trị cũ được ghi lại trong trang 'Kiểm tra'.",
        "Run recalc: the cell gets the right formula; the old value is logged in 'Kiểm tra'.",
    ),
    "sum-range-incomplete": _r(
        "Công thức SUM bỏ sót dòng", "SUM range leaves out rows",
        "Công thức SUM của dòng Tổng cộng không phủ hết các dòng của bảng — thường do chèn thêm dòng ngay trên "
        "dòng Tổng cộng, ngoài vùng công thức.",
        "A total row's SUM does not cover all rows of its table — usually rows inserted just above the total, "
        "outside the range.",
        "Trường hoặc hạng mục mới thêm không được cộng, dù nhìn bảng vẫn thấy đủ.",
        "Newly added rows are silently left out of the total.",
        "=SUM(D4:D12) nhưng bảng đã có dữ liệu tới dòng 14.", "=SUM(D4:D12) while the table runs to row 14.",
        "Chạy recalc: công thức được viết lại phủ toàn bảng.", "Run recalc: the formula is rewritten to cover "
        "the whole table.",
    ),
    "constant-in-derived-cell": _r(
        "Số gõ tay ở ô tự tính", "Typed constant in a derived cell",
        "Ô tổng (ô nền xám) chứa một số gõ tay thay vì công thức; hiện vẫn đúng.",
        "A derived (grey) cell holds a typed number instead of a formula; it is right for now.",
        "Khi sửa số liệu thành phần, ô này sẽ không tự cập nhật và trở nên sai.",
        "It will not update when the parts change.",
        "PL3 dòng Tổng cộng ghi 13.335 bằng tay.", "PL3 total row holds 13,335 typed by hand.",
        "Chạy recalc để thay bằng công thức.", "Run recalc to put a formula there.",
    ),
    "stale-count-formula": _r(
        "Công thức đếm đã cũ", "Stale count formula",
        "Ô đếm số trường dùng công thức ROWS() theo các dòng của danh sách (PL1) hoặc của phụ lục kinh phí (PL2, "
        "PL3); sau khi chèn, xóa hoặc sửa dòng ở đó, công thức không còn đếm đúng các trường cần đếm (hoặc hiện "
        "#REF! vì dòng nó đếm đã bị xóa). Các ô tổng cộng lại từ ô này cũng lệch theo.",
        "A school count uses ROWS() over rows of the list (PL1) or of a budget appendix (PL2, PL3); after rows were "
        "inserted, deleted or edited there, it no longer counts the right schools (or shows #REF!, a row it "
        "counted having been deleted). Totals built on it are off too.",
        "Số liệu của kế hoạch (danh sách trường) không sai: chỉ công thức đã cũ. Nhưng bản in sẽ hiện số sai cho "
        "đến khi tính lại.",
        "The plan's figures (the list) are not wrong, only the formula is stale; but a printout shows the wrong "
        "number until it is recalculated.",
        "Chèn một dòng trống giữa hai trường ở PL1: ô 'Kế hoạch' Tiểu học đếm 4 thay vì 3.",
        "A blank row inserted between two schools in PL1: the primary 'Kế hoạch' cell counts 4 instead of 3.",
        "Chạy recalc: công thức đếm được viết lại bằng COUNTIFS (SUMPRODUCT cho số trường có kinh phí) theo các "
        "cột của bảng, không còn phụ thuộc vào vị trí dòng.",
        "Run recalc: the count is rewritten as COUNTIFS (SUMPRODUCT for the schools funded) over the table's "
        "columns, which no longer depends on rows.",
    ),
    "duplicate-budget-item": _r(
        "Hạng mục kinh phí ghi hai lần", "Budget item entered twice",
        "Cùng một trường có hai dòng kinh phí cùng hạng mục đầu tư trong một phụ lục.",
        "One school has two budget lines with the same item in one appendix.",
        "Thường là dòng chép lại hoặc sửa số mà quên xóa dòng cũ: tổng kinh phí bị cộng hai lần.",
        "Usually a copied line, or a corrected amount whose old line was not deleted: the money is counted twice.",
        "PL2: 'TH Kim Đồng – Nhà vệ sinh' 200 ở dòng 5 và 250 ở dòng 7.",
        "PL2: 'TH Kim Đồng – toilets' 200 on row 5 and 250 on row 7.",
        "Xóa dòng thừa, hoặc ghi rõ hai hạng mục khác nhau (ví dụ 'Nhà vệ sinh học sinh', 'Nhà vệ sinh giáo viên').",
        "Delete the extra line, or name the two items apart.",
    ),
    "budget-line-without-amount": _r(
        "Dòng kinh phí không có số tiền", "Budget line without an amount",
        "Một dòng ở PL2/PL3 có trường và hạng mục nhưng không có số tiền ở nguồn nào.",
        "A PL2/PL3 line names a school and an item but has no amount in any source.",
        "Hạng mục không có kinh phí thì tổng của trường và của phụ lục thiếu khoản này.",
        "Without an amount, the school's and the appendix's totals leave the item out.",
        "PL3: 'THCS Tây Sơn – Sửa chữa chống xuống cấp' để trống mọi cột nguồn vốn.",
        "PL3: 'THCS Tây Sơn – repairs' with every source column empty.",
        "Điền số tiền vào cột nguồn vốn tương ứng, hoặc xóa dòng nếu hạng mục không còn.",
        "Fill the amount in its source column, or delete the line.",
    ),
    "implausible-amount": _r(
        "Số tiền không hợp lý", "Implausible amount",
        "Một số tiền ở PL2/PL3 lớn hoặc nhỏ hơn các dòng khác hàng trăm, hàng nghìn lần, hoặc chỉ khớp tổng "
        "nêu trong kế hoạch khi đổi đơn vị: có lẽ đã gõ theo đồng hay nghìn đồng trong bảng tính bằng triệu "
        "đồng, hoặc gõ 1.2 thay cho 1.200.",
        "An amount in PL2/PL3 hundreds or thousands of times larger or smaller than the other lines, or one that "
        "only matches the plan's stated total in another unit: typed in đồng or thousand đồng in a table in "
        "million đồng, or 1.2 typed for 1.200.",
        "Một số gõ sai đơn vị làm tổng kinh phí sai hàng nghìn lần; tổng ở xa khó lần ra dòng gây lỗi.",
        "One amount in the wrong unit makes the total wrong a thousandfold, and the far-away total hides which line.",
        "PL2 ghi 2.800.000.000 (đồng) cho 'Nhà hiệu bộ' trong khi bảng tính bằng triệu đồng (2.800).",
        "PL2 holds 2,800,000,000 (đồng) for an item while the table is in million đồng (2,800).",
        "Đổi số về triệu đồng (ví dụ 2.800).", "Convert the amount to million đồng (e.g. 2,800).",
    ),
    "damaged-cell": _r(
        "Ô bị hỏng trong tệp", "Cell damaged in the file",
        "Ô số chứa chữ mà Excel không đọc được là số (NaN, Infinity, 'abc'), hoặc ô chữ tham chiếu tới một chuỗi "
        "không tồn tại trong bảng chuỗi của tệp.",
        "A number cell holds text Excel cannot read as a number (NaN, Infinity, 'abc'), or a text cell refers to "
        "a string the file's string table does not have.",
        "Excel chỉ mở tệp như vậy sau khi 'sửa chữa'; một số chương trình đọc ô tham chiếu hỏng thành một chữ "
        "khác hẳn (ví dụ tiêu đề trang), nên tên trường hay số tiền có thể bị đọc sai mà không ai hay.",
        "Excel opens such a file only after 'repair'; some programs read a broken reference as quite another "
        "text (a sheet title, say), so a school name or an amount can be misread unnoticed.",
        "Ô B4 chứa tham chiếu chuỗi 'abc' thay vì một số thứ tự.", "Cell B4 refers to string 'abc' instead of an index.",
        "Gõ lại nội dung đúng vào ô. recalc ghi ô này lại thành chữ hoặc giá trị lỗi (#NUM!, #REF!) để tệp mở "
        "được bình thường.",
        "Type the right content in the cell. recalc rewrites it as text or an error value (#NUM!, #REF!) so that "
        "the file opens normally.",
    ),
    "control-character": _r(
        "Ký tự điều khiển trong ô", "Control character in a cell",
        "Ô chứa ký tự điều khiển vô hình (ESC, BEL, …), thường do dán từ phần mềm khác.",
        "A cell holds an invisible control character (ESC, BEL, …), usually pasted from another program.",
        "Ký tự này không hiện trong Excel nhưng làm tên không khớp khi so sánh, và khi in ra màn hình có thể "
        "đổi màu, xóa hay ẩn các dòng báo cáo (chuanqg-xl luôn in nó dưới dạng nhìn thấy được, như \\x1b).",
        "Excel does not show it, but names then fail to match, and printed to a terminal it can recolour, erase "
        "or hide report lines (chuanqg-xl always prints it visibly, as \\x1b).",
        "'TH Kim Đồng\\x1b[2J'.", "'TH Kim Đồng\\x1b[2J'.",
        "Gõ lại nội dung ô (hoặc dùng hàm CLEAN trong Excel).", "Retype the cell (or use Excel's CLEAN function).",
    ),
    "school-named-twice": _r(
        "Trường nêu hai lần trong một nhiệm vụ", "School named twice in one task",
        "Cột 'Trường liên quan' của một nhiệm vụ nêu cùng một trường hai lần.",
        "A task's 'Trường liên quan' names the same school twice.",
        "Số trường của nhiệm vụ được so theo các trường khác nhau; tên lặp thường là chép nhầm thay cho một "
        "trường khác.",
        "A task's count is compared with distinct schools; a repeated name is often pasted in place of another.",
        "'TH Kim Đồng; THCS Tây Sơn; TH Kim Đồng'.", "'TH Kim Đồng; THCS Tây Sơn; TH Kim Đồng'.",
        "Xóa tên lặp, hoặc thay bằng trường còn thiếu.", "Remove the repeat, or put the missing school there.",
    ),
    "schools-without-target": _r(
        "Có trường dù chỉ tiêu giao bằng 0", "Schools listed against a zero target",
        "Chỉ tiêu giao của một cấp học và hình thức là 0 nhưng danh sách vẫn có trường thuộc đó.",
        "The target assigned for a level and kind is 0, yet the list has schools of that level and kind.",
        "Chỉ tiêu 0 mà có trường thường là gõ thiếu chỉ tiêu hoặc ghi nhầm cấp học/hình thức của trường.",
        "A zero target with schools is usually a target left out, or a school's level or kind mistyped.",
        "Tổng hợp: THCS – Công nhận lại giao 0, PL1 có 1 trường THCS công nhận lại.",
        "Summary: THCS re-recognition target 0, PL1 lists one.",
        "Ghi đúng chỉ tiêu giao, hoặc sửa cấp học/hình thức của trường trong PL1.",
        "Enter the real target, or correct the school's level or kind in PL1.",
    ),
    "date-years-from-plan": _r(
        "Ngày cách năm kế hoạch nhiều năm", "Date years away from the plan year",
        "Hạn hoàn thành hoặc ngày hoàn thành cách năm kế hoạch từ hai năm trở lên.",
        "A deadline or completion date two or more years away from the plan year.",
        "Kế hoạch năm chỉ trải qua năm đó (và đầu năm sau); năm 2032 trong kế hoạch 2023 là gõ nhầm.",
        "A yearly plan spans its year (and early next year); 2032 in a 2023 plan is a typo.",
        "Ngày hoàn thành 15/10/2032 trong kế hoạch năm 2023.", "Completed on 15/10/2032 in the 2023 plan.",
        "Sửa lại năm của ngày.", "Correct the date's year.",
    ),
    "deadline-before-period": _r(
        "Hạn trước thời gian của nhiệm vụ", "Deadline before the task's own period",
        "Hạn hoàn thành của nhiệm vụ đứng trước ngày bắt đầu thời gian ghi ở cột 'Thời gian' của chính nó.",
        "A task's deadline falls before the start of the period in its own 'Thời gian' cell.",
        "Nhiệm vụ 'Tháng 10/2023' không thể xong trước 31/05/2023: một trong hai đã ghi nhầm.",
        "A task of October 2023 cannot be due on 31/05/2023: one of the two is wrong.",
        "Thời gian 'Tháng 10/2023', hạn 31/05/2023.", "Time 'Tháng 10/2023', due 31/05/2023.",
        "Sửa hạn hoàn thành hoặc thời gian của nhiệm vụ.", "Correct the deadline or the task's time.",
    ),
    "plan-date-outside-year": _r(
        "Ngày ban hành khác năm kế hoạch", "Plan date in another year",
        "Ngày ban hành ở trang Thông tin không thuộc năm kế hoạch (trừ tháng 12 năm trước).",
        "The plan's date on Thông tin is not in the plan year (December of the year before aside).",
        "Kế hoạch năm được ban hành trong năm đó hoặc cuối năm trước; một năm khác thường là chép từ kế hoạch "
        "cũ, và kéo theo các hạn 'trước ngày ban hành'.",
        "A yearly plan is issued in its year or late the year before; another year is usually copied from an old "
        "plan, and makes deadlines look 'before the plan date'.",
        "Kế hoạch năm 2023, ngày ban hành 10/02/2022.", "2023 plan dated 10/02/2022.",
        "Sửa ngày ban hành (hoặc năm kế hoạch).", "Correct the date (or the plan year).",
    ),
    "count-differs-from-list": _r(
        "Số trường khác danh sách", "Count differs from the school list",
        "Cột 'Kế hoạch' của bảng tổng hợp theo cấp học ghi số trường khác với số trường đếm được trong danh "
        "sách PL1 (theo cấp học và hình thức công nhận).",
        "The summary's 'Kế hoạch' column differs from the schools counted in PL1 by level and kind.",
        "Đây chính là lỗi 'số trường giữa các phần không khớp' thường gặp trong văn bản kế hoạch.",
        "This is the classic 'school counts differ between sections' mistake.",
        "Tổng hợp ghi 03 trường công nhận mới nhưng PL1 chỉ có 2.", "Summary says 3 new, PL1 lists 2.",
        "Chạy recalc để đếm lại từ danh sách; nếu danh sách thiếu trường, bổ sung vào PL1.",
        "Run recalc to recount; if PL1 is missing schools, add them.",
    ),
    "target-not-met": _r(
        "Kế hoạch thấp hơn chỉ tiêu giao", "Plan below the assigned target",
        "Số trường trong danh sách thấp hơn chỉ tiêu được giao cho cấp học và hình thức đó.",
        "The list has fewer schools than the target assigned for that level and kind.",
        "Kế hoạch không hoàn thành chỉ tiêu cấp trên giao.", "The plan misses the assigned target.",
        "Chỉ tiêu giao THCS công nhận mới 2, danh sách có 1.", "Target 2 new THCS, list has 1.",
        "Bổ sung trường vào PL1, hoặc ghi rõ lý do trong Ghi chú.", "Add schools or explain in Ghi chú.",
    ),
    "target-exceeded": _r(
        "Kế hoạch vượt chỉ tiêu giao", "Plan above the assigned target",
        "Số trường trong danh sách nhiều hơn chỉ tiêu giao — thường là 'phấn đấu thêm'.",
        "More schools than assigned — usually a deliberate stretch goal.",
        "Không phải lỗi; được nêu để người duyệt thấy phần phấn đấu thêm.", "Not an error; shown for review.",
        "Chỉ tiêu giao 4 trường công nhận mới, kế hoạch 5 (phấn đấu thêm MN Minh Khai).",
        "Target 4 new schools, plan 5 (extra: MN Minh Khai).",
        "Không cần làm gì nếu đúng ý định.", "Nothing, if intended.",
    ),
    "budget-in-wrong-appendix": _r(
        "Kinh phí ghi sai phụ lục", "Budget in the wrong appendix",
        "Trường có kinh phí ở PL2 (công nhận mới) nhưng trong danh sách không phải công nhận mới, hoặc có "
        "kinh phí ở PL3 nhưng không phải công nhận lại/nâng mức độ.",
        "A school budgeted in PL2 is not 'công nhận mới' in the list, or one in PL3 is not re-recognised or "
        "upgraded.",
        "Tổng kinh phí công nhận mới và công nhận lại sẽ bị lẫn vào nhau.", "The two budget totals get mixed up.",
        "'TH Ngô Quyền' (công nhận lại) có dòng kinh phí ở PL2.", "'TH Ngô Quyền' (re-recognised) in PL2.",
        "Chuyển các dòng kinh phí sang đúng phụ lục, hoặc sửa hình thức công nhận ở PL1.",
        "Move the lines to the right appendix, or correct the kind in PL1.",
    ),
    "school-without-budget": _r(
        "Trường chưa có kinh phí", "School without budget",
        "Trường trong danh sách không có dòng kinh phí nào ở PL2/PL3 và cũng không được đánh dấu 'Đã đầu tư "
        "trước'.",
        "A listed school has no budget line in PL2/PL3 and is not marked 'Đã đầu tư trước'.",
        "Số trường có kinh phí sẽ khác số trường trong chỉ tiêu mà không có lời giải thích (như kế hoạch có 06 "
        "trường nhưng chỉ bố trí kinh phí cho 04).",
        "The funded count differs from the target count with no explanation (6 schools, only 4 funded).",
        "'TH Mạc Đĩnh Chi' không có dòng nào ở PL3.", "'TH Mạc Đĩnh Chi' has no line in PL3.",
        "Thêm dòng kinh phí, hoặc ghi vào cột 'Đã đầu tư trước' (ví dụ 'Đã đầu tư năm 2022').",
        "Add budget lines, or fill 'Đã đầu tư trước' (e.g. 'Đã đầu tư năm 2022').",
    ),
    "budget-school-not-in-list": _r(
        "Trường có kinh phí nhưng không có trong danh sách", "Budgeted school not in the list",
        "Dòng kinh phí ở PL2/PL3 ghi tên một trường không có trong PL1.",
        "A budget line names a school that PL1 does not list.",
        "Kinh phí này không gắn được với trường nào trong kế hoạch.", "The money belongs to no planned school.",
        "PL2 có 'MN Hoa Mai' nhưng PL1 không có trường này.", "PL2 has 'MN Hoa Mai', PL1 does not.",
        "Thêm trường vào PL1 hoặc sửa tên cho khớp.", "Add the school to PL1 or correct the name.",
    ),
    "batch-count-mismatch": _r(
        "Số trường theo đợt/quý không khớp", "Batch or quarter count mismatch",
        "Số trường mà kế hoạch nêu cho một đợt/quý khác với số trường trong danh sách có thời gian dự kiến là "
        "đợt/quý đó, hoặc các phần (mới + lại) không cộng ra tổng nêu.",
        "The schools the plan states for a batch/quarter differ from the list, or its parts do not add up.",
        "Văn bản kế hoạch và danh sách kèm theo nói hai con số khác nhau.",
        "The plan text and its list disagree.",
        "Quý IV nêu 08 trường nhưng danh sách có 07 trường dự kiến Quý IV.",
        "Quarter IV states 8 schools, the list has 7.",
        "Sửa con số nêu trong kế hoạch hoặc cột 'Thời gian dự kiến' ở PL1.",
        "Correct the stated figure or the schools' planned time in PL1.",
    ),
    "task-school-count-mismatch": _r(
        "Số trường của nhiệm vụ không khớp", "Task school count mismatch",
        "Cột 'Số trường' của một nhiệm vụ khác với số trường được nêu ở cột 'Trường liên quan' (tên trường "
        "hoặc cả đợt/quý như 'Quý IV/2023').",
        "A task's 'Số trường' differs from the schools its 'Trường liên quan' names (by name or as a whole batch "
        "such as 'Quý IV/2023').",
        "Tiến độ sẽ giao việc cho số trường khác với danh sách.", "The timeline assigns work to the wrong number.",
        "Tháng 9: 'tại 09 trường … Quý IV' nhưng Quý IV có 07 trường.",
        "September: '09 schools … Quarter IV' while Quarter IV has 7.",
        "Sửa số trường hoặc danh sách trường của nhiệm vụ.", "Correct the count or the schools named.",
    ),
    "school-name-variant": _r(
        "Tên trường viết khác danh sách", "School name spelled differently",
        "Một tên trường ở PL2/PL3 hoặc Tiến độ khớp với một trường trong PL1 khi bỏ qua dấu, hoa/thường, khoảng "
        "trắng — nhưng viết khác. Không bao giờ ghép hai trường khác tiền tố (TH ≠ MN).",
        "A name in PL2/PL3 or the timeline matches a PL1 school once accents, case and spacing are ignored, but "
        "is spelled differently. Schools with different prefixes (TH ≠ MN) are never merged.",
        "Tên viết hai kiểu làm người đọc nghi là hai trường, và tra cứu trong Excel không khớp.",
        "Two spellings look like two schools, and Excel lookups miss.",
        "Tiến độ ghi 'TH Ngô Thị Nhâm', danh sách ghi 'TH Ngô Thị Nhậm'.",
        "The timeline writes 'TH Ngô Thị Nhâm', the list 'TH Ngô Thị Nhậm'.",
        "Sửa theo cách viết trong danh sách PL1 (được gợi ý).", "Use the PL1 spelling (suggested).",
    ),
    "school-not-in-list": _r(
        "Trường không có trong danh sách", "School not in the list",
        "Tiến độ nêu một trường mà PL1 không có (kể cả khi bỏ qua dấu).",
        "The timeline names a school PL1 does not list (even ignoring accents).",
        "Nhiệm vụ nhắm tới trường không thuộc kế hoạch, hoặc tên bị viết sai nhiều.",
        "The task targets a school outside the plan, or the name is badly misspelt.",
        "'THCS Tây Sơn 2' trong Tiến độ.", "'THCS Tây Sơn 2' in the timeline.",
        "Sửa tên, hoặc bổ sung trường vào PL1.", "Correct the name or add the school to PL1.",
    ),
    "stated-figure-mismatch": _r(
        "Con số nêu trong kế hoạch không khớp", "Stated figure does not match",
        "Một con số kế hoạch nêu (số trường đạt chuẩn cuối năm, tỉ lệ, số trường mức độ 2, số trường có kinh "
        "phí, tổng kinh phí, kinh phí theo nguồn) khác với con số tính từ các bảng.",
        "A figure the plan states (year-end count, rate, level-2 count, funded schools, budget totals) differs "
        "from what the tables give.",
        "Văn bản kế hoạch sẽ mâu thuẫn với phụ lục kèm theo.", "The plan text contradicts its appendices.",
        "Kế hoạch nêu tổng kinh phí 44.497 nhưng PL2 + PL3 cộng được 44.479.",
        "The plan states 44,497 while PL2 + PL3 add to 44,479.",
        "Sửa con số nêu trong kế hoạch hoặc số liệu trong bảng.", "Correct the stated figure or the tables.",
    ),
    "pre-invested-with-budget": _r(
        "Đã đầu tư trước nhưng vẫn có kinh phí", "Pre-invested school still budgeted",
        "Trường được đánh dấu 'Đã đầu tư trước' nhưng vẫn có kinh phí năm nay.",
        "A school marked 'Đã đầu tư trước' still has budget lines this year.",
        "Có thể đúng (đầu tư bổ sung), nhưng cần xem lại để tránh tính trùng.", "May be right; check for doubles.",
        "'TH Đặng Trần Côn' đã đầu tư năm 2022, PL2 vẫn có 500 triệu.",
        "'TH Đặng Trần Côn' invested in 2022, PL2 still has 500.",
        "Xóa dấu 'Đã đầu tư trước' hoặc các dòng kinh phí, tùy thực tế.", "Remove the mark or the lines.",
    ),
    "ambiguous-school-name": _r(
        "Tên trường không rõ", "Ambiguous school name",
        "Một tên ở PL2/PL3 hoặc Tiến độ khớp với nhiều trường trong PL1 khi bỏ dấu.",
        "A name matches several PL1 schools once accents are ignored.",
        "Không xác định được kinh phí hay nhiệm vụ thuộc trường nào.", "The line cannot be attributed.",
        "'TH Huong Van' khớp cả 'TH Hương Văn' và 'TH Hương Vân'.", "'TH Huong Van' matches two schools.",
        "Viết đúng tên có dấu như trong PL1.", "Write the name exactly as in PL1.",
    ),
    "accreditation-level-too-low": _r(
        "Cấp độ kiểm định chưa đủ", "Accreditation level too low",
        "Mức độ 1 cần cấp độ kiểm định từ 2 trở lên; mức độ 2 cần từ cấp độ 3 (Thông tư 17, 18, 19/2018/TT-BGDĐT).",
        "Standard level 1 needs accreditation level ≥ 2; level 2 needs ≥ 3 (circulars 17, 18, 19/2018).",
        "Hồ sơ đề nghị công nhận sẽ không đủ điều kiện.", "The application would not qualify.",
        "'TH Số 2 Tứ Hạ' đề nghị mức độ 2 với cấp độ 2.", "Level 2 requested with accreditation level 2.",
        "Sửa mức độ hoặc cấp độ kiểm định cho đúng (CĐ2-MĐ1, CĐ3-MĐ2).", "Use CĐ2-MĐ1 or CĐ3-MĐ2.",
    ),
    "upgrade-not-to-level-2": _r(
        "Nâng mức độ nhưng không lên mức độ 2", "Upgrade not to level 2",
        "Trường 'nâng mức độ' phải ghi mức độ 2 (mức sau khi nâng).",
        "An upgraded school must show standard level 2 (the level after the upgrade).",
        "Không thể nâng lên mức độ 1; số trường mức độ 2 cuối năm sẽ sai.", "The level-2 count would be wrong.",
        "'TH Kim Đồng' nâng mức độ, cột Mức độ ghi 'Mức độ 1'.", "'TH Kim Đồng' upgraded, level 'Mức độ 1'.",
        "Ghi 'Mức độ 2'.", "Enter 'Mức độ 2'.",
    ),
    "deadline-outside-plan-year": _r(
        "Hạn hoàn thành ngoài năm kế hoạch", "Deadline outside the plan year",
        "Hạn hoàn thành của nhiệm vụ không thuộc năm kế hoạch.", "A task's deadline is not in the plan year.",
        "Thường là gõ nhầm năm (chép từ kế hoạch năm trước).", "Usually a year copied from last year's plan.",
        "Kế hoạch năm 2024, hạn 31/01/2023.", "2024 plan, deadline 31/01/2023.",
        "Sửa năm của hạn hoàn thành.", "Correct the year.",
    ),
    "task-overdue": _r(
        "Nhiệm vụ quá hạn", "Task overdue",
        "Với --as-of NGÀY: nhiệm vụ đã quá hạn hoàn thành mà trạng thái chưa phải 'Hoàn thành'.",
        "With --as-of DATE: a task past its deadline and not 'Hoàn thành'.",
        "Đây là nội dung báo cáo định kỳ 3 hoặc 6 tháng mà kế hoạch yêu cầu.",
        "It is what the periodic progress report asks for.",
        "Hạn 31/03/2023, ngày kiểm tra 15/04/2023, trạng thái 'Đang thực hiện'.",
        "Due 31/03/2023, checked 15/04/2023, status 'Đang thực hiện'.",
        "Cập nhật trạng thái và ngày hoàn thành, hoặc đôn đốc đơn vị chủ trì.", "Update the status or follow up.",
    ),
    "completed-without-date": _r(
        "Hoàn thành nhưng chưa ghi ngày", "Completed without a date",
        "Nhiệm vụ có trạng thái 'Hoàn thành' nhưng cột 'Ngày hoàn thành' trống.",
        "A task is 'Hoàn thành' but 'Ngày hoàn thành' is empty.",
        "Báo cáo tiến độ không biết nhiệm vụ xong đúng hạn hay trễ.", "The report cannot tell if it was on time.",
        "Trạng thái 'Hoàn thành', ngày hoàn thành trống.", "Status done, no date.",
        "Ghi ngày hoàn thành.", "Enter the completion date.",
    ),
    "completion-date-without-status": _r(
        "Có ngày hoàn thành nhưng trạng thái chưa xong", "Completion date but status not done",
        "Cột 'Ngày hoàn thành' có ngày nhưng trạng thái không phải 'Hoàn thành'.",
        "'Ngày hoàn thành' has a date but the status is not 'Hoàn thành'.",
        "Hai cột mâu thuẫn nhau.", "The two columns contradict each other.",
        "Ngày hoàn thành 15/03/2023, trạng thái 'Đang thực hiện'.", "Done 15/03/2023, status in progress.",
        "Sửa trạng thái hoặc xóa ngày.", "Correct the status or clear the date.",
    ),
    "period-outside-plan-year": _r(
        "Thời gian ngoài năm kế hoạch", "Period outside the plan year",
        "Thời gian dự kiến của một trường, nhãn đợt/quý hoặc thời gian của nhiệm vụ ghi năm khác năm kế hoạch.",
        "A school's planned time, a batch label or a task's time names another year than the plan year.",
        "Thường là chép từ kế hoạch năm trước mà quên sửa (như 'Kế hoạch năm 2022' trong kế hoạch 2023).",
        "Usually copied from last year's plan ('Kế hoạch năm 2022' in a 2023 plan).",
        "Kế hoạch 2023 nhưng ghi 'Quý IV/2022'.", "A 2023 plan with 'Quý IV/2022'.",
        "Sửa năm.", "Correct the year.",
    ),
    "year-end-exceeds-total": _r(
        "Số trường đạt chuẩn vượt tổng số trường", "Year-end count above total schools",
        "Số trường đạt chuẩn cuối năm (đầu năm + công nhận mới) lớn hơn tổng số trường trên địa bàn.",
        "Schools meeting the standard at year end exceed all schools in the unit.",
        "Tỉ lệ sẽ vượt 100%: số đầu năm hoặc danh sách công nhận mới bị sai.", "The rate would exceed 100%.",
        "Đầu năm 27 + công nhận mới 6 = 33 > 28 trường.", "27 + 6 = 33 > 28 schools.",
        "Kiểm tra lại 'Số trường đạt chuẩn đầu năm' và 'Tổng số trường trên địa bàn' ở trang Thông tin.",
        "Check the start-of-year and total counts on 'Thông tin'.",
    ),
    "stale-year-in-text": _r(
        "Nhắc kế hoạch của năm khác", "Text names another year's plan",
        "Nội dung nhiệm vụ nhắc 'Kế hoạch năm YYYY' với YYYY khác năm kế hoạch.",
        "A task mentions 'Kế hoạch năm YYYY' for another year than the plan year.",
        "Thường là đoạn chép từ kế hoạch năm trước mà quên sửa năm.",
        "Usually text copied from last year's plan with the year left unchanged.",
        "Kế hoạch năm 2023 nhưng nhiệm vụ ghi 'tuyên truyền … Kế hoạch năm 2022'.",
        "A 2023 plan whose task says '… Kế hoạch năm 2022'.",
        "Sửa năm cho đúng, hoặc giữ nguyên nếu thật sự nói về kế hoạch năm đó.",
        "Correct the year, or keep it if that plan is really meant.",
    ),
    "deadline-before-plan-date": _r(
        "Hạn hoàn thành trước ngày ban hành", "Deadline before the plan is issued",
        "Hạn hoàn thành của nhiệm vụ sớm hơn ngày ban hành kế hoạch.",
        "A task's deadline falls before the plan's issue date.",
        "Kế hoạch chưa ban hành thì chưa giao được việc; có thể hạn bị gõ nhầm, hoặc việc đã làm trước.",
        "The task was due before the plan that assigns it; a typo, or work done beforehand.",
        "Kế hoạch ngày 10/02/2023, nhiệm vụ 'Tháng 1/2023' hạn 31/01/2023.",
        "Plan of 10/02/2023, a 'Tháng 1/2023' task due 31/01/2023.",
        "Xem lại hạn; nếu việc đã làm trước khi ban hành, ghi trạng thái 'Hoàn thành'.",
        "Check the deadline; if the work was done already, mark it done.",
    ),
}

MESSAGES.update({
    "docs.rules.title": {"vi": "# Danh mục quy tắc kiểm tra", "en": "# Rule catalogue"},
    "docs.rules.intro": {
        "vi": "Trang này được sinh tự động từ `chuanqg_xl/rules.py` và `chuanqg_xl/messages/rules.py` "
              "(`chuanqg-xl rules --format markdown`). Mỗi quy tắc có mã cố định, tên, mức độ và cách xử lý.",
        "en": "Generated from `chuanqg_xl/rules.py` and `chuanqg_xl/messages/rules.py` "
              "(`chuanqg-xl rules --format markdown --lang en`).",
    },
    "docs.rules.severity": {"vi": "Mức", "en": "Severity"},
    "docs.rules.recalc_fixes": {"vi": "recalc tự sửa", "en": "fixed by recalc"},
    "docs.rules.what": {"vi": "Phát hiện gì:", "en": "What it flags:"},
    "docs.rules.why": {"vi": "Vì sao quan trọng:", "en": "Why it matters:"},
    "docs.rules.example": {"vi": "Ví dụ:", "en": "Example:"},
    "docs.rules.fix": {"vi": "Cách xử lý:", "en": "What to do:"},
})

# ---------------------------------------------------------------- finding messages
MESSAGES.update({
    "finding.missing-required-value": {"vi": "Chưa điền '{field}'.", "en": "'{field}' is empty."},
    "finding.missing-required-value.level": {
        "vi": "Chưa điền '{field}' và tên '{name}' không cho biết cấp học.",
        "en": "'{field}' is empty and the name '{name}' does not tell the level.",
    },
    "finding.missing-required-value.needed_for": {
        "vi": "Chưa điền '{field}', nên không tính được '{figure}' để đối chiếu với con số kế hoạch nêu.",
        "en": "'{field}' is empty, so '{figure}' cannot be computed to compare with the stated figure.",
    },
    "finding.value-not-in-vocabulary": {
        "vi": "'{value}' không có trong danh mục '{field}' — có phải '{suggestion}'?",
        "en": "'{value}' is not a valid '{field}' — did you mean '{suggestion}'?",
    },
    "finding.value-not-in-vocabulary.none": {
        "vi": "'{value}' không có trong danh mục '{field}'.",
        "en": "'{value}' is not a valid '{field}'.",
    },
    "hint.value-not-in-vocabulary": {"vi": "Sửa thành '{suggestion}' (chọn trong danh sách thả xuống).",
                                     "en": "Change it to '{suggestion}' (pick from the dropdown)."},
    "hint.value-not-in-vocabulary.none": {"vi": "Chọn một trong: {values}.", "en": "Pick one of: {values}."},
    "finding.vocabulary-diacritic-slip": {
        "vi": "'{value}' được hiểu là '{suggestion}' (cột '{field}'), nhưng dấu khác với cách viết trong danh mục — "
              "có phải gõ nhầm '{suggestion}'?",
        "en": "'{value}' is read as '{suggestion}' ('{field}'), but its diacritics differ from the vocabulary's "
              "spelling — a slip for '{suggestion}'?",
    },
    "hint.vocabulary-diacritic-slip": {"vi": "Sửa thành '{suggestion}' (chọn trong danh sách thả xuống).",
                                       "en": "Change it to '{suggestion}' (pick from the dropdown)."},
    "finding.number-stored-as-text": {
        "vi": "Số '{value}' ở cột '{field}' đang lưu dạng chữ (đọc được là {number}).",
        "en": "The number '{value}' in '{field}' is stored as text (read as {number}).",
    },
    "finding.text-in-number-column": {
        "vi": "'{value}' không phải là số (cột '{field}').",
        "en": "'{value}' is not a number (column '{field}').",
    },
    "finding.number-out-of-range": {
        "vi": "Giá trị {value} ở cột '{field}' không hợp lệ (vô cực hoặc lớn bất thường).",
        "en": "The value {value} in '{field}' is invalid (infinite or absurdly large).",
    },
    "finding.text-number-not-summed": {
        "vi": "Số '{value}' ở cột '{field}' đang lưu dạng chữ nên Excel không cộng vào tổng (thiếu {number}).",
        "en": "'{value}' in '{field}' is stored as text, so Excel leaves it out of totals ({number} missing).",
    },
    "finding.invalid-date": {
        "vi": "'{value}' không phải ngày hợp lệ (cột '{field}').",
        "en": "'{value}' is not a valid date (column '{field}').",
    },
    "finding.date-stored-as-text": {
        "vi": "Ngày '{value}' đang lưu dạng chữ (đọc được là {date}).",
        "en": "The date '{value}' is stored as text (read as {date}).",
    },
    "finding.level-contradicts-name": {
        "vi": "Cấp học '{level}' mâu thuẫn với tên trường '{name}' (tên cho thấy {implied}).",
        "en": "Level '{level}' contradicts the name '{name}' (which says {implied}).",
    },
    "finding.duplicate-school": {
        "vi": "Trường '{name}' bị lặp: đã có ở dòng {other_row}.",
        "en": "'{name}' is listed twice: already in row {other_row}.",
    },
    "finding.unreadable-period": {
        "vi": "Không xác định được đợt/quý/tháng từ '{value}'.",
        "en": "Cannot tell the batch/quarter/month from '{value}'.",
    },
    "finding.negative-amount": {
        "vi": "Số tiền âm ({value}) ở cột '{field}'.", "en": "Negative amount ({value}) in '{field}'.",
    },
    "finding.row-below-total": {
        "vi": "Dòng {row} nằm dưới dòng Tổng cộng (dòng {total_row}) nên không được tính.",
        "en": "Row {row} is below the total row ({total_row}) and is not counted.",
    },
    "finding.school-list-separator": {
        "vi": "'{value}' ngăn cách các trường bằng dấu phẩy; hãy dùng dấu chấm phẩy ';'.",
        "en": "'{value}' separates schools with commas; use ';'.",
    },
    "finding.formula-error-value": {"vi": "Ô hiển thị lỗi {value}.", "en": "The cell shows the error {value}."},
    "finding.untidy-text.nfd": {
        "vi": "{count} ô ở cột '{field}' dùng Unicode tổ hợp (NFD), ví dụ '{value}'.",
        "en": "{count} cell(s) in '{field}' use decomposed Unicode (NFD), e.g. '{value}'.",
    },
    "finding.untidy-text.spaces": {
        "vi": "{count} ô ở cột '{field}' có khoảng trắng thừa, ví dụ '{value}'.",
        "en": "{count} cell(s) in '{field}' have extra spaces, e.g. '{value}'.",
    },
    "finding.formulas-not-calculated": {
        "vi": "Tệp có công thức chưa được tính (không lưu kết quả); các ô đó được đọc là trống.",
        "en": "The file has formulas with no stored results; those cells read as empty.",
    },
    "finding.stt-out-of-sequence": {
        "vi": "STT ghi {actual_text}, theo thứ tự phải là {expected_text}.",
        "en": "Row number is {actual_text}; in sequence it should be {expected_text}.",
    },
    "finding.sum-range-incomplete": {
        "vi": "{what}: công thức {formula} bỏ sót dòng {missing} của bảng.",
        "en": "{what}: the formula {formula} leaves out row(s) {missing} of the table.",
    },
    "finding.total-mismatch": {
        "vi": "{what}: đang ghi {actual_text}, cộng lại được {expected_text}.",
        "en": "{what}: shows {actual_text}, the parts add up to {expected_text}.",
    },
    "hint.total-mismatch": {
        "vi": "Chạy recalc: ô được ghi công thức đúng ({expected_text}); giá trị cũ được lưu ở trang 'Kiểm tra'.",
        "en": "Run recalc: the cell gets the right formula ({expected_text}); the old value is kept in 'Kiểm tra'.",
    },
    "finding.count-differs-from-list": {
        "vi": "{what}: đang ghi {actual_text}, danh sách trường (PL1) có {expected_text}.",
        "en": "{what}: shows {actual_text}, the school list (PL1) has {expected_text}.",
    },
    "finding.duplicate-budget-item": {
        "vi": "'{name}' – '{item}' đã có ở dòng {other_row} ({other_amount}); dòng này ghi {amount}.",
        "en": "'{name}' – '{item}' is already on row {other_row} ({other_amount}); this line says {amount}.",
    },
    "finding.budget-line-without-amount": {
        "vi": "Dòng kinh phí '{name}' – '{item}' không có số tiền ở nguồn vốn nào.",
        "en": "Budget line '{name}' – '{item}' has no amount in any source.",
    },
    "finding.implausible-amount": {
        "vi": "{field} {value} ({unit}) gấp khoảng {ratio} lần mức thường gặp ở các dòng khác ({typical}): có lẽ gõ "
              "theo {likely}; đúng ra khoảng {suggested}.",
        "en": "{field} {value} ({unit}) is about {ratio} times the other lines' usual amount ({typical}): probably "
              "typed in {likely}; should be about {suggested}.",
    },
    "finding.implausible-amount.total": {
        "vi": "{field} {value} ({unit}): với {suggested} thay cho số này, tổng kinh phí bằng đúng {stated} nêu trong "
              "kế hoạch — có lẽ gõ theo {likely}.",
        "en": "{field} {value} ({unit}): with {suggested} instead, the budget total equals the stated {stated} — "
              "probably typed in {likely}.",
    },
    "finding.damaged-cell.string_ref": {
        "vi": "Ô tham chiếu tới chuỗi chữ '{raw}', không có trong tệp (tệp bị hỏng): nội dung thật của ô đã mất và "
              "được đọc là #REF!.",
        "en": "The cell refers to string '{raw}', which the file does not have (the file is damaged): its real "
              "content is lost and is read as #REF!.",
    },
    "finding.damaged-cell.style": {
        "vi": "{count} ô của trang dùng định dạng số {index}, mà tệp chỉ có {formats} định dạng (tệp bị hỏng); recalc "
              "đặt lại định dạng mặc định cho các ô đó, giá trị giữ nguyên.",
        "en": "{count} cell(s) of the sheet use format {index}, but the file has only {formats} (the file is damaged); "
              "recalc gives them the default format, values unchanged.",
    },
    "finding.damaged-cell.number": {
        "vi": "Ô số chứa '{raw}', không phải là số Excel đọc được (tệp bị hỏng); recalc ghi lại ô thành {repaired}.",
        "en": "The number cell holds '{raw}', which Excel cannot read as a number (the file is damaged); recalc "
              "rewrites it as {repaired}.",
    },
    "finding.control-character": {
        "vi": "Ô '{field}' chứa ký tự điều khiển vô hình: '{value}'.",
        "en": "Cell '{field}' holds an invisible control character: '{value}'.",
    },
    "finding.school-named-twice": {
        "vi": "'{name}' được nêu hai lần trong nhiệm vụ này.",
        "en": "'{name}' is named twice in this task.",
    },
    "finding.schools-without-target": {
        "vi": "{level} – {kind}: chỉ tiêu giao là 0 nhưng danh sách có {planned} trường.",
        "en": "{level} – {kind}: the assigned target is 0 but the list has {planned} school(s).",
    },
    "finding.date-years-from-plan": {
        "vi": "{field} {date} cách năm kế hoạch {year} tới {years} năm.",
        "en": "{field} {date} is {years} years from the plan year {year}.",
    },
    "finding.deadline-before-period": {
        "vi": "Hạn hoàn thành {date} trước thời gian của chính nhiệm vụ ('{time}', từ {start}).",
        "en": "Deadline {date} is before the task's own period ('{time}', from {start}).",
    },
    "finding.plan-date-outside-year": {
        "vi": "Ngày ban hành {date} không thuộc năm kế hoạch {year}.",
        "en": "The plan date {date} is not in the plan year {year}.",
    },
    "finding.formula-error-value.derived": {
        "vi": "{what}: ô tự tính hiển thị lỗi {value} (công thức tham chiếu ô đã bị xóa hoặc giá trị không hợp "
              "lệ); recalc sẽ viết lại công thức.",
        "en": "{what}: the computed cell shows the error {value} (its formula refers to a deleted cell or a bad "
              "value); recalc will rewrite the formula.",
    },
    "finding.stale-count-formula": {
        "vi": "{what}: đang ghi {actual_text}, danh sách có {expected_text} — công thức đếm {formula} tính theo "
              "dòng {rows} của danh sách, trong đó có dòng không phải trường cần đếm: một dòng đã được chèn vào "
              "danh sách; recalc sẽ viết lại công thức đếm này.",
        "en": "{what}: shows {actual_text}, the list has {expected_text} — the count {formula} covers rows {rows} "
              "of the list, some of which are not schools to count: a row was inserted in the list; recalc will "
              "rewrite this count.",
    },
    "finding.stale-count-formula.changed": {
        "vi": "{what}: đang ghi {actual_text}, danh sách có {expected_text} — công thức đếm {formula} tính theo "
              "các dòng đã chọn trước khi danh sách thay đổi (dòng bị xóa, chuyển hoặc sửa); recalc sẽ viết lại "
              "công thức đếm này.",
        "en": "{what}: shows {actual_text}, the list has {expected_text} — the count {formula} covers the rows chosen "
              "before the list changed (rows deleted, moved or edited); recalc will rewrite this count.",
    },
    "finding.stale-count-formula.appendix": {
        "vi": "{what}: đang ghi {actual_text}, phụ lục có {expected_text} trường — công thức đếm {formula} tính theo "
              "dòng {rows} của '{table}', trong đó có dòng không phải dòng đầu của một trường: một dòng đã được chèn "
              "vào phụ lục; recalc sẽ viết lại công thức đếm này.",
        "en": "{what}: shows {actual_text}, the appendix funds {expected_text} school(s) — the count {formula} covers "
              "rows {rows} of '{table}', some of which are not a school's first line: a row was inserted in the "
              "appendix; recalc will rewrite this count.",
    },
    "finding.stale-count-formula.appendix.changed": {
        "vi": "{what}: đang ghi {actual_text}, phụ lục có {expected_text} trường — công thức đếm {formula} tính theo "
              "các dòng đã chọn trước khi '{table}' thay đổi (dòng bị xóa, chuyển hoặc sửa); recalc sẽ viết lại công "
              "thức đếm này.",
        "en": "{what}: shows {actual_text}, the appendix funds {expected_text} school(s) — the count {formula} covers "
              "the rows chosen before '{table}' changed (rows deleted, moved or edited); recalc will rewrite this "
              "count.",
    },
    "finding.stale-count-formula.deleted": {
        "vi": "{what}: hiển thị {actual_text}, đúng ra {expected_text} — công thức đếm {formula} đếm một dòng đã bị "
              "xóa khỏi '{table}' (số liệu của kế hoạch không sai, chỉ công thức đã cũ); recalc sẽ viết lại công "
              "thức đếm này.",
        "en": "{what}: shows {actual_text}, should be {expected_text} — the count {formula} counted a row that was "
              "deleted from '{table}' (the plan's figures are not wrong, only the formula is stale); recalc will "
              "rewrite this count.",
    },
    "finding.stale-count-formula.consequence": {
        "vi": "{what}: đang ghi {actual_text}, đúng ra {expected_text} — công thức ở ô này đúng, nhưng cộng từ ô "
              "đếm đã cũ {cause}; recalc sẽ sửa cả hai.",
        "en": "{what}: shows {actual_text}, should be {expected_text} — this cell's formula is right but adds the "
              "stale count in {cause}; recalc fixes both.",
    },
    "finding.constant-in-derived-cell": {
        "vi": "{what}: là số gõ tay ({actual_text}) thay vì công thức.",
        "en": "{what}: a typed number ({actual_text}) instead of a formula.",
    },
    "finding.target-not-met": {
        "vi": "{level} – {kind}: danh sách có {planned} trường, thấp hơn chỉ tiêu giao {assigned}.",
        "en": "{level} – {kind}: the list has {planned} school(s), below the assigned {assigned}.",
    },
    "finding.target-exceeded": {
        "vi": "{level} – {kind}: danh sách có {planned} trường, vượt chỉ tiêu giao {assigned} "
              "(phấn đấu thêm {extra}).",
        "en": "{level} – {kind}: the list has {planned} school(s), above the assigned {assigned} "
              "({extra} extra).",
    },
    "finding.school-name-variant": {
        "vi": "'{name}' được hiểu là '{canonical}' (PL1 dòng {row}) nhưng viết khác.",
        "en": "'{name}' is taken as '{canonical}' (PL1 row {row}) but spelled differently.",
    },
    "hint.school-name-variant": {"vi": "Sửa thành '{canonical}' như trong danh sách PL1.",
                                 "en": "Write '{canonical}' as in PL1."},
    "finding.ambiguous-school-name": {
        "vi": "'{name}' có thể là {candidates}; không xác định được trường nào.",
        "en": "'{name}' could be {candidates}; cannot tell which.",
    },
    "finding.budget-school-not-in-list": {
        "vi": "'{name}' có kinh phí nhưng không có trong danh sách trường (PL1).",
        "en": "'{name}' has budget lines but is not in the school list (PL1).",
    },
    "finding.budget-school-not-in-list.other_prefix": {
        "vi": "'{name}' có kinh phí nhưng không có trong PL1; PL1 có '{other}' nhưng khác cấp học nên không ghép.",
        "en": "'{name}' is not in PL1; PL1 has '{other}', a different level, so they are not merged.",
    },
    "finding.school-not-in-list": {
        "vi": "'{name}' không có trong danh sách trường (PL1).",
        "en": "'{name}' is not in the school list (PL1).",
    },
    "finding.school-not-in-list.other_prefix": {
        "vi": "'{name}' không có trong PL1; PL1 có '{other}' nhưng khác cấp học nên không ghép.",
        "en": "'{name}' is not in PL1; PL1 has '{other}', a different level, so they are not merged.",
    },
    "finding.budget-in-wrong-appendix": {
        "vi": "'{name}' có kinh phí ở {appendix} nhưng trong danh sách là '{kind}'.",
        "en": "'{name}' is budgeted in {appendix} but listed as '{kind}'.",
    },
    "finding.budget-in-wrong-appendix.kind": {
        "vi": "'{name}' ghi hình thức '{kind}' nhưng mọi dòng kinh phí của trường ({lines}) đều ở {appendix}: "
              "có lẽ hình thức công nhận ở ô này bị ghi nhầm.",
        "en": "'{name}' is listed as '{kind}' but all its budget lines ({lines}) are in {appendix}: the kind in this "
              "cell is probably wrong.",
    },
    "finding.school-without-budget": {
        "vi": "'{name}' ({kind}) không có dòng kinh phí nào ở {appendix} và chưa ghi 'Đã đầu tư trước'.",
        "en": "'{name}' ({kind}) has no budget line in {appendix} and is not marked 'Đã đầu tư trước'.",
    },
    "finding.pre-invested-with-budget": {
        "vi": "'{name}' ghi '{mark}' nhưng vẫn có {amount} {unit} ở {appendix}.",
        "en": "'{name}' is marked '{mark}' but still has {amount} {unit} in {appendix}.",
    },
    "finding.batch-count-mismatch": {
        "vi": "{label} – {column}: kế hoạch nêu {stated} trường, danh sách PL1 có {counted}.",
        "en": "{label} – {column}: the plan states {stated}, the list (PL1) has {counted}.",
    },
    "finding.batch-count-mismatch.parts": {
        "vi": "{label}: {new} công nhận mới + {renew} công nhận lại/nâng mức độ = {sum}, nhưng ghi tổng {total}.",
        "en": "{label}: {new} new + {renew} re-recognised/upgraded = {sum}, but the total says {total}.",
    },
    "finding.task-school-count-mismatch": {
        "vi": "Nhiệm vụ ghi {stated} trường nhưng nêu {named} trường ({names}).",
        "en": "The task says {stated} schools but names {named} ({names}).",
    },
    "finding.stated-figure-mismatch": {
        "vi": "{label}: kế hoạch nêu {stated}, các bảng cho {computed}.",
        "en": "{label}: the plan states {stated}, the tables give {computed}.",
    },
    "finding.accreditation-level-too-low": {
        "vi": "'{name}' đề nghị mức độ {standard} nhưng cấp độ kiểm định là {accreditation} "
              "(cần từ cấp độ {needed}).",
        "en": "'{name}' seeks level {standard} with accreditation level {accreditation} (needs {needed}).",
    },
    "finding.upgrade-not-to-level-2": {
        "vi": "'{name}' nâng mức độ nhưng ghi mức độ {standard}; nâng mức độ phải lên mức độ 2.",
        "en": "'{name}' is upgraded but shows level {standard}; an upgrade must reach level 2.",
    },
    "finding.deadline-outside-plan-year": {
        "vi": "Hạn hoàn thành {date} không thuộc năm kế hoạch {year}.",
        "en": "The deadline {date} is not in the plan year {year}.",
    },
    "finding.completed-without-date": {
        "vi": "Nhiệm vụ đã 'Hoàn thành' nhưng chưa ghi ngày hoàn thành.",
        "en": "The task is done but has no completion date.",
    },
    "finding.completion-date-without-status": {
        "vi": "Có ngày hoàn thành {date} nhưng trạng thái là '{status}'.",
        "en": "Completed on {date} but the status is '{status}'.",
    },
    "finding.task-overdue": {
        "vi": "Quá hạn {days} ngày (hạn {date}), trạng thái '{status}'.",
        "en": "{days} day(s) overdue (due {date}), status '{status}'.",
    },
    "finding.period-outside-plan-year": {
        "vi": "'{value}' thuộc năm {found}, không phải năm kế hoạch {year}.",
        "en": "'{value}' is in {found}, not in the plan year {year}.",
    },
    "finding.stale-year-in-text": {
        "vi": "Nội dung nhắc '{quote}' trong kế hoạch năm {year}.",
        "en": "The text mentions '{quote}' in the {year} plan.",
    },
    "finding.deadline-before-plan-date": {
        "vi": "Hạn hoàn thành {date} trước ngày ban hành kế hoạch {plan_date}.",
        "en": "The deadline {date} is before the plan's issue date {plan_date}.",
    },
    "finding.year-end-exceeds-total": {
        "vi": "Số trường đạt chuẩn cuối năm ({count}) lớn hơn tổng số trường trên địa bàn ({total}).",
        "en": "Schools meeting the standard at year end ({count}) exceed all schools ({total}).",
    },
    # what a derived cell is, for messages
    "what.stt": {"vi": "STT dòng {row}", "en": "Row number of row {row}"},
    "what.line_total": {"vi": "Tổng cộng của dòng {row}", "en": "Total of row {row}"},
    "what.subtotal": {"vi": "Dòng cộng {row}, cột '{column}'", "en": "Subtotal row {row}, column '{column}'"},
    "what.table_total": {"vi": "Dòng Tổng cộng, cột '{column}'", "en": "Total row, column '{column}'"},
    "what.school_budget": {"vi": "Kinh phí của '{name}'", "en": "Budget of '{name}'"},
    "what.task_count": {"vi": "Số trường nêu tên ở dòng {row}", "en": "Schools named in row {row}"},
    "what.target_planned": {"vi": "Kế hoạch {kind} – {level}", "en": "Planned {kind} – {level}"},
    "what.target_total": {"vi": "{which} (tổng số) – {level}", "en": "{which} (all kinds) – {level}"},
    "what.target_total_row": {"vi": "Tổng cộng – {kind} – {which}", "en": "Total – {kind} – {which}"},
    "what.figure": {"vi": "'{label}' (tính từ các bảng)", "en": "'{label}' (from the tables)"},
    "what.batch": {"vi": "{label} – {column} (tính từ danh sách)", "en": "{label} – {column} (from the list)"},
})

