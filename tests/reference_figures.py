"""The figures of the reference report's prose, typed by hand: the oracle for ``extract_facts``.

Before the library could read figures from prose, ``tools/build_example.py`` listed every
figure of ``tests/data/reference_report.txt`` here, each with the phrase it is read from. The
list is kept as the measure of the reader: ``tests/test_example.py`` checks that the embedded
example, now built by ``read_report``, recovers at least 95 % of these figures.
"""

from __future__ import annotations

from decimal import Decimal

from cchc_model import (
    CountFact,
    Fact,
    MoneyFact,
    MoneyScale,
    PercentFact,
    RateFact,
    RatioFact,
    TotalFact,
)

D = Decimal


def count(value: int, unit: str, label: str, text: str) -> CountFact:
    return CountFact(value, unit, label, text)


#: The figures of each paragraph, keyed by a phrase that occurs in that paragraph only.
FACTS: dict[str, tuple[Fact, ...]] = {
    "100% công chức sử dụng hộp thư": (
        PercentFact(D(100), "công chức sử dụng hộp thư điện tử", "100% công chức"),
    ),
    "06 Quyết định công bố danh mục": (
        count(6, "Quyết định", "công bố danh mục TTHC được sửa đổi, bổ sung",
              "06 Quyết định công bố"),
        count(3, "Quyết định", "phê duyệt quy trình nội bộ giải quyết TTHC",
              "03 Quyết định phê duyệt"),
        count(103, "TTHC", "cấp tỉnh", "cấp tỉnh là 103"),
        count(19, "TTHC", "cấp huyện", "cấp huyện: 19"),
        count(16, "TTHC", "cấp xã", "cấp xã: 16"),
    ),
    "chiếm tỷ lệ 100%; thực hiện số hóa": (
        PercentFact(D(100), "hồ sơ giải quyết trước và đúng hạn", "chiếm tỷ lệ 100%"),
    ),
    "Từ đầu năm đến nay": (
        TotalFact(
            count(5494, "hồ sơ", "tiếp nhận và giải quyết từ đầu năm", "5.494 hồ sơ"),
            (
                count(4964, "hồ sơ", "Trung tâm DVVL tỉnh, lĩnh vực BHTN", "4.964 hồ sơ"),
                count(530, "hồ sơ", "qua Trung tâm Phục vụ hành chính công tỉnh",
                      "là 530 hồ sơ"),
            ),
            complete=True,
            label="hồ sơ TTHC tiếp nhận và giải quyết",
            text="5.494 hồ sơ. Trong đó",
        ),
        RateFact(D(1607), D(4964), D("33.37"), "hồ sơ",
                 "tiếp nhận qua Cổng dịch vụ công quốc gia",
                 "1.607 hồ sơ, đạt tỷ lệ 33,37 %"),
        TotalFact(
            count(4282, "quyết định", "hưởng trợ cấp thất nghiệp", "4.282 quyết định"),
            (count(942, "quyết định", "trả kết quả qua Cổng dịch vụ công quốc gia",
                   "942 quyết định"),),
            complete=False,
            label="quyết định hưởng trợ cấp thất nghiệp",
            text="4.282 quyết định hưởng trợ cấp thất nghiệp",
        ),
        TotalFact(
            count(530, "hồ sơ", "qua Trung tâm Phục vụ hành chính công tỉnh", "530 hồ sơ"),
            (count(232, "hồ sơ", "tiếp nhận qua mạng", "tiếp nhận qua mạng 232 hồ sơ"),),
            complete=False,
            label="hồ sơ tiếp nhận qua Trung tâm Phục vụ hành chính công tỉnh",
            text="530 hồ sơ (trong đó: tiếp nhận qua mạng 232 hồ sơ)",
        ),
        TotalFact(
            count(486, "hồ sơ", "đã giải quyết", "giải quyết 486 hồ sơ"),
            (
                count(430, "hồ sơ", "trước hạn", "trước hạn 430"),
                count(55, "hồ sơ", "đúng hạn", "đúng hạn 55"),
            ),
            complete=True,
            label="hồ sơ đã giải quyết",
            text="486 hồ sơ (trước hạn 430; đúng hạn 55)",
        ),
        TotalFact(
            count(530, "hồ sơ", "qua Trung tâm Phục vụ hành chính công tỉnh", "530 hồ sơ"),
            (
                count(486, "hồ sơ", "đã giải quyết", "giải quyết 486 hồ sơ"),
                count(44, "hồ sơ", "đang giải quyết", "đang giải quyết 44 hồ sơ"),
            ),
            complete=True,
            label="hồ sơ qua Trung tâm Phục vụ hành chính công tỉnh theo tình trạng",
            text="đang giải quyết 44 hồ sơ",
        ),
    ),
    "Sở tiếp 36 lượt người": (
        count(36, "lượt người", "đến thắc mắc", "36 lượt người"),
        TotalFact(
            count(17, "đơn thư", "tiếp nhận qua tiếp công dân", "17 đơn thư"),
            (
                count(15, "đơn", "khiếu nại", "15 đơn khiếu nại"),
                count(2, "phản ánh, kiến nghị", "về đất đai", "2 phản ánh, kiến nghị"),
            ),
            complete=True,
            label="đơn thư",
            text="17 đơn thư (trong đó có 15 đơn khiếu nại",
        ),
        TotalFact(
            count(15, "đơn", "khiếu nại", "15 đơn khiếu nại"),
            (
                count(5, "đơn", "chính sách lao động", "5 đơn về chính sách lao động"),
                count(2, "đơn", "BHXH", "2 đơn về BHXH"),
                count(8, "đơn", "đất đai (khác)", "8 đơn về đất đai (khác)"),
            ),
            complete=True,
            label="đơn khiếu nại",
            text="15 đơn khiếu nại gồm",
        ),
    ),
    "đối với 02 đơn vị trực thuộc còn lại": (
        count(2, "đơn vị", "trực thuộc còn lại chưa trình đề án vị trí việc làm",
              "02 đơn vị trực thuộc"),
    ),
    "Nâng lương thường xuyên cho 13 công chức": (
        count(13, "công chức", "nâng lương thường xuyên", "13 công chức"),
        count(3, "công chức", "nâng lương vượt khung", "vượt khung: 03 công chức"),
        count(4, "công chức", "nâng lương trước thời hạn", "04 công chức thuộc Sở"),
        count(1, "viên chức", "lãnh đạo đơn vị trực thuộc, nâng lương trước thời hạn",
              "01 viên chức lãnh đạo"),
        count(1, "công chức", "nâng lương trước thời hạn khi nghỉ hưu",
              "01 công chức có thông báo nghỉ hưu"),
        count(2, "công chức", "tăng phụ cấp thâm niên nghề",
              "thâm niên nghề 02 công chức"),
        count(2, "công chức", "thông báo nghỉ hưu", "nghỉ hưu 02 công chức Sở"),
    ),
    "đã giải ngân: 3.585,23": (
        RateFact(D("3585.23"), D(3593), D(100), "triệu đồng",
                 "giải ngân vốn đầu tư công năm 2023",
                 "3.585,23 triệu đồng/3.593 triệu đồng (bao gồm kinh phí năm 2022 được "
                 "chuyển sang), đạt 100%"),
    ),
    "thực hiện 7/7 huyện": (
        RatioFact(D(7), D(7), "huyện, thành phố", "chi trả cho Người có công",
                  "7/7 huyện, thành phố"),
        count(2, "địa bàn", "thí điểm", "02 địa bàn thí điểm"),
        RateFact(D(3878), D(15127), D("25.63"), "đối tượng",
                 "chi trả qua tài khoản không dùng tiền mặt",
                 "3.878/15.127 (Người có công, bảo trợ xã hội) chiếm 25,63%"),
        MoneyFact(D("3.7"), MoneyScale.BILLION, "trên", "số tiền chi trả qua tài khoản",
                  "trên 3,7 tỷ đồng"),
    ),
    "Toàn trình là 10 DVCTT": (
        count(10, "DVCTT", "toàn trình", "Toàn trình là 10 DVCTT"),
        count(31, "DVCTT", "một phần", "một phần là 31 DVCTT"),
    ),
    "Bảo trợ xã hội là 230 hồ sơ": (
        count(230, "hồ sơ", "trợ cấp mai táng phí, Bảo trợ xã hội",
              "Bảo trợ xã hội là 230 hồ sơ"),
        count(18, "hồ sơ", "trợ cấp mai táng phí, Người có công", "Người có công: 18 hồ sơ"),
    ),
}
