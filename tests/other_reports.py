"""Reports of other agencies and periods, correct by construction.

Each is what a careful civil servant would file: every citation dated and attributed at its
first mention, numbers in each issuer's own series, figures that add up, an appendix whose
rows agree with each other and with the period's government levels. The library's rules must
find no error in any of them and at most two warnings (tests/test_other_reports.py): they are
the false-alarm budget of the rule set.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from cchc_model import (
    CountFact,
    DocumentDate,
    Fact,
    Header,
    Paragraph,
    RateFact,
    Recipient,
    Report,
    ReportingPeriod,
    Section,
    Signature,
    SigningAuthority,
    TotalFact,
    catalogue_2023,
    extract_references,
)
from cchc_model._model.appendix import Appendix

__all__ = ["OTHER_REPORTS"]


def _p(text: str, *facts: Fact) -> Paragraph:
    return Paragraph(text, references=tuple(extract_references(text)), facts=facts)


def _rate(numerator: int, denominator: int, stated: str, unit: str, text: str) -> RateFact:
    return RateFact(Decimal(numerator), Decimal(denominator), Decimal(stated), unit, text=text)


def _total(total: int, parts: tuple[int, ...], unit: str, text: str) -> TotalFact:
    return TotalFact(CountFact(total, unit), tuple(CountFact(p, unit) for p in parts), text=text)


def _appendix(values: dict[str, object], **notes: str) -> Appendix:
    return catalogue_2023().build(values, notes={k.replace("_", "."): v for k, v in notes.items()})  # type: ignore[arg-type]


def _signature(signer: str, *titles: str) -> Signature:
    return Signature(signer, titles=titles, authority=SigningAuthority.DEPUTY)


def so_tu_phap_2023() -> Report:
    """The 2023 annual report of a provincial Department of Justice (three levels)."""
    header = Header(
        "SỞ TƯ PHÁP", parent_agency="UBND TỈNH KHÁNH HÒA", number=412, symbol="BC-STP",
        place="Khánh Hòa", date=DocumentDate(2023, 12, 12),
        title="BÁO CÁO", subtitle="Công tác cải cách hành chính năm 2023",
        period=ReportingPeriod.annual(2023),
    )
    orientation = Section("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", (
        _p("Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương "
           "trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 và Kế hoạch số "
           "215/KH-UBND ngày 20/12/2022 của UBND tỉnh về cải cách hành chính năm 2023, Sở đã "
           "ban hành Kế hoạch số 05/KH-STP ngày 06/01/2023 về cải cách hành chính năm 2023."),
        _p("Sở đã ban hành Quyết định số 12/QĐ-STP ngày 16/01/2023 về việc kiện toàn Tổ "
           "kiểm soát thủ tục hành chính và Kế hoạch số 40/KH-STP ngày 03/3/2023 về kiểm tra "
           "công tác cải cách hành chính hằng năm."),
    ))
    results = Section("II", "KẾT QUẢ THỰC HIỆN", (
        _p("Thực hiện Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát "
           "thủ tục hành chính, Sở đã rà soát 112 thủ tục hành chính thuộc thẩm quyền."),
        _p("Trong năm, Sở đã tiếp nhận 1.250 hồ sơ, đã giải quyết 1.240 hồ sơ (trước hạn "
           "1.100; đúng hạn 140).",
           _total(1240, (1100, 140), "hồ sơ", "1.240 hồ sơ (trước hạn 1.100; đúng hạn 140)")),
        _p("Số hồ sơ tiếp nhận trực tuyến là 930/1.250 hồ sơ, đạt tỷ lệ 74,4%.",
           _rate(930, 1250, "74.4", "hồ sơ", "930/1.250 hồ sơ, đạt tỷ lệ 74,4%")),
        _p("Thực hiện Thông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Văn phòng Chính phủ quy "
           "định một số nội dung và biện pháp thi hành trong số hóa hồ sơ, kết quả giải quyết "
           "thủ tục hành chính."),
    ))
    appendix = _appendix({
        "1.1.1": 24, "1.1.2": 24, "1.1.3": 6, "1.3.1": 30, "1.3.2": 30, "1.3.3": 0,
        "3.1.3": 112, "3.1.3.a": 104, "3.1.3.b": 6, "3.1.3.c": 2,
        "3.5.1": 104, "3.5.2": 98,
        "4.1.4": 2, "4.1.4.a": 0, "4.1.4.b": 2, "4.1.4.c": 0,
        "4.2.1": 32, "4.2.2": 30, "4.3.1": 25, "4.3.2": 24,
        "6.1": 0, "6.2": 1, "6.3": 1, "6.4": 0, "7.8.1": 40, "7.8.2": 64,
    })
    return Report(
        header, sections=(orientation, results),
        recipients=(Recipient("Sở Nội vụ"), Recipient("Lưu: VT, VP")),
        signature=_signature("Nguyễn Văn An", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), appendix=appendix,
    )


def so_y_te_half_2024() -> Report:
    """The first half-year report of 2024 of a provincial Department of Health."""
    header = Header(
        "SỞ Y TẾ", parent_agency="UBND TỈNH LÀO CAI", number=186, symbol="BC-SYT",
        place="Lào Cai", date=DocumentDate(2024, 6, 17),
        title="BÁO CÁO", subtitle="Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024",
        period=ReportingPeriod.half_year(2024),
    )
    body = Section("I", "KẾT QUẢ", (
        _p("Căn cứ Kế hoạch số 320/KH-UBND ngày 15/12/2023 của UBND tỉnh về cải cách hành "
           "chính năm 2024, Sở đã ban hành Kế hoạch số 18/KH-SYT ngày 10/01/2024 về cải cách "
           "hành chính năm 2024 và Kế hoạch số 52/KH-SYT ngày 04/3/2024 về tuyên truyền cải "
           "cách hành chính năm 2024."),
        _p("Thực hiện Thông tư số 07/2021/TT-BYT ngày 27/5/2021 của Bộ Y tế hướng dẫn chức "
           "năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Trung tâm Y tế huyện, Sở đã trình "
           "UBND tỉnh Quyết định số 25/2024/QĐ-UBND ngày 02/4/2024 của UBND tỉnh."),
        _p("Công văn số 25/SYT-VP ngày 02/4/2024 của Sở Y tế về việc chấn chỉnh thời gian "
           "giải quyết hồ sơ đã được gửi các đơn vị trực thuộc."),
        _p("Tổng số 860 hồ sơ đã giải quyết (trước hạn 700; đúng hạn 160); tỷ lệ giải quyết "
           "đúng hạn là 860/860 hồ sơ, đạt 100%.",
           _total(860, (700, 160), "hồ sơ", "860 hồ sơ đã giải quyết (trước hạn 700; đúng hạn "
                  "160)"),
           _rate(860, 860, "100", "hồ sơ", "860/860 hồ sơ, đạt 100%")),
    ))
    appendix = _appendix({
        "1.1.1": 18, "1.1.2": 9, "1.3.1": 12, "1.3.2": 10, "1.3.3": 0,
        "3.1.3": 148, "3.1.3.a": 140, "3.1.3.b": 8, "3.1.3.c": 0,
        "3.5.1": 140, "3.5.2": 130,
        "4.1.4": 14, "4.1.4.a": 0, "4.1.4.b": 14, "4.1.4.c": 0,
        "4.2.1": 45, "4.2.2": 41, "5.1.2": 14,
        "6.1": 0, "6.2": 2, "6.3": 9, "6.4": 1, "7.8.1": 60, "7.8.2": 80,
    }, **{"1_3_1": "02 nhiệm vụ đang trong hạn"})
    return Report(
        header, sections=(body,), recipients=(Recipient("Sở Nội vụ"),),
        signature=_signature("Trần Thị Bình", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), appendix=appendix,
    )


def ubnd_huyen_q2_2024() -> Report:
    """A district People's Committee's report for quarter II of 2024 (before 1/7/2025)."""
    header = Header(
        "ỦY BAN NHÂN DÂN HUYỆN NINH PHƯỚC", parent_agency="", number=95, symbol="BC-UBND",
        place="Ninh Phước", date=DocumentDate(2024, 6, 14),
        title="BÁO CÁO", subtitle="Công tác cải cách hành chính quý II năm 2024",
        period=ReportingPeriod.quarter(2024, 2),
    )
    body = Section("I", "KẾT QUẢ", (
        _p("Thực hiện Kế hoạch số 12/KH-UBND ngày 08/01/2024 của UBND tỉnh về cải cách hành "
           "chính năm 2024, UBND huyện đã ban hành Kế hoạch số 30/KH-UBND ngày 19/01/2024 về "
           "cải cách hành chính năm 2024 và Quyết định số 210/QĐ-UBND ngày 26/02/2024 về việc "
           "thành lập Đoàn kiểm tra cải cách hành chính."),
        _p("Thực hiện Chỉ thị số 05-CT/HU ngày 11/3/2024 của Ban Thường vụ Huyện ủy về tăng "
           "cường sự lãnh đạo đối với công tác cải cách hành chính, UBND huyện đã ban hành "
           "Công văn số 415/UBND-NV ngày 20/3/2024 về triển khai thực hiện."),
        _p("Trong quý, Bộ phận Một cửa huyện tiếp nhận 2.140 hồ sơ, đã giải quyết 2.100 hồ sơ "
           "(trước hạn 1.900; đúng hạn 200).",
           _total(2100, (1900, 200), "hồ sơ",
                  "2.100 hồ sơ (trước hạn 1.900; đúng hạn 200)")),
    ))
    appendix = _appendix({
        "1.1.1": 16, "1.1.2": 6, "1.2.2": 0, "1.3.1": 8, "1.3.2": 8, "1.3.3": 0,
        "3.1.3": 0, "3.5.1": 0, "3.5.2": 0,
        "4.1.4": 38, "4.1.4.a": 0, "4.1.4.b": 0, "4.1.4.c": 38,
        "4.2.1": 60, "4.2.2": 58, "4.3.1": 820, "4.3.2": 801,
        "6.1": 0, "6.2": 0, "6.3": 4, "6.4": 30,
    })
    return Report(
        header, sections=(body,), recipients=(Recipient("UBND tỉnh"), Recipient("Sở Nội vụ")),
        signature=Signature("Lê Văn Cường", titles=("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
                            authority=SigningAuthority.ON_BEHALF),
        appendix=appendix,
    )


def ubnd_xa_2025(*, tasks_done: int = 14) -> Report:
    """A commune People's Committee's annual report of 2025, after the district level ended.

    *tasks_done* (row 1.1.2) lets a test plant a wrong figure.
    """
    header = Header(
        "ỦY BAN NHÂN DÂN XÃ PHƯỚC HẬU", parent_agency="", number=210, symbol="BC-UBND",
        place="Phước Hậu", date=DocumentDate(2025, 12, 10),
        title="BÁO CÁO", subtitle="Kết quả công tác cải cách hành chính năm 2025",
        period=ReportingPeriod.annual(2025),
    )
    body = Section("I", "KẾT QUẢ", (
        _p("Thực hiện Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện "
           "thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và "
           "Cổng Dịch vụ công quốc gia, UBND xã đã ban hành Quyết định số 35/QĐ-UBND ngày "
           "02/7/2025 về việc thành lập Trung tâm Phục vụ hành chính công xã."),
        _p("Thực hiện Kết luận số 183-KL/TW ngày 01/8/2025 của Bộ Chính trị, Ban Bí thư và "
           "Hướng dẫn số 21-HD/BTCTW ngày 05/8/2025 của Ban Tổ chức Trung ương, Đảng ủy xã đã "
           "ban hành Nghị quyết số 04-NQ/ĐU ngày 20/8/2025."),
        _p("Thực hiện Kế hoạch số 85/KH-UBND ngày 08/7/2025 của UBND xã về cải cách hành "
           "chính 6 tháng cuối năm 2025, đến nay đã hoàn thành 14/16 nhiệm vụ, đạt 87,5%.",
           _rate(14, 16, "87.5", "nhiệm vụ", "14/16 nhiệm vụ, đạt 87,5%")),
    ))
    appendix = _appendix({
        "1.1.1": 16, "1.1.2": tasks_done, "1.3.1": 10, "1.3.2": 10, "1.3.3": 0,
        "3.1.3.b": 0, "4.1.4.c": 0, "4.2.1": 40, "4.2.2": 38,
    })
    return Report(
        header, sections=(body,), recipients=(Recipient("UBND tỉnh"),),
        signature=Signature("Phạm Thị Dung", titles=("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
                            authority=SigningAuthority.ON_BEHALF),
        appendix=appendix,
    )


def so_noi_vu_q3_2023() -> Report:
    """A Department of Home Affairs' report for quarter III of 2023, citing Party documents."""
    header = Header(
        "SỞ NỘI VỤ", parent_agency="UBND TỈNH QUẢNG BÌNH", number=233, symbol="BC-SNV",
        place="Quảng Bình", date=DocumentDate(2023, 9, 15),
        title="BÁO CÁO", subtitle="Công tác cải cách hành chính quý III năm 2023",
        period=ReportingPeriod.quarter(2023, 3),
    )
    body = Section("I", "KẾT QUẢ", (
        _p("Quán triệt Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương "
           "Đảng khóa XII và Kết luận số 28-KL/TW ngày 21/02/2022 của Bộ Chính trị, Sở đã "
           "tham mưu UBND tỉnh ban hành Kế hoạch số 1890/KH-UBND ngày 14/7/2023 của UBND tỉnh "
           "về sắp xếp tổ chức bộ máy."),
        _p("Sở đã ban hành Công văn số 1466/SNV-CCHC ngày 18/7/2023 về việc đôn đốc thực "
           "hiện nhiệm vụ cải cách hành chính quý III và Kế hoạch số 98/KH-SNV ngày 02/8/2023 "
           "về kiểm tra cải cách hành chính năm 2023."),
        _p("Căn cứ Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ phê duyệt Đề án xác "
           "định Chỉ số cải cách hành chính giai đoạn 2022 - 2030, Sở đã hướng dẫn các cơ quan "
           "tự đánh giá; 19/20 cơ quan đã gửi kết quả, đạt 95%.",
           _rate(19, 20, "95", "cơ quan", "19/20 cơ quan đã gửi kết quả, đạt 95%")),
    ))
    return Report(
        header, sections=(body,), recipients=(Recipient("Bộ Nội vụ"), Recipient("UBND tỉnh")),
        signature=_signature("Hoàng Văn Em", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    )


#: The reports, by the name of the agency and period they stand for.
OTHER_REPORTS: dict[str, Callable[[], Report]] = {
    "Sở Tư pháp, năm 2023": so_tu_phap_2023,
    "Sở Y tế, 6 tháng đầu năm 2024": so_y_te_half_2024,
    "UBND huyện, quý II năm 2024": ubnd_huyen_q2_2024,
    "UBND xã, năm 2025 (sau 01/7/2025)": ubnd_xa_2025,
    "Sở Nội vụ, quý III năm 2023": so_noi_vu_q3_2023,
}
