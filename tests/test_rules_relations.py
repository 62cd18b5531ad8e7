"""The rules relating appendix rows: each one where it holds and where it fails."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from cchc_model import Appendix, Ratio, Severity, catalogue_2023, select_rules, validate
from cchc_model._rules.default import default_rules
from cchc_model._rules.relations import RELATION_RULES, _side, relations_2023

D = Decimal


def build(values: dict[str, object], notes: dict[str, str] | None = None) -> Appendix:
    return catalogue_2023().build(values, notes=notes)  # type: ignore[arg-type]


def found(rule: str, values: dict[str, object], notes: dict[str, str] | None = None
          ) -> list[tuple[str, str]]:
    rules = select_rules(RELATION_RULES, prefix=rule)
    return [(f.path, f.message) for f in validate(build(values, notes), rules=rules).findings]


def test_registered() -> None:
    """Every relation rule is in the default rule set, with a basis and an English message."""
    ids = [r.id for r in default_rules()]
    for rule in RELATION_RULES:
        assert rule.id in ids
        assert rule.basis
        assert rule.message_en


def test_codes_cover_relations() -> None:
    """Each rule's codes list every row its relations read (the catalogue's parts included)."""
    relations = relations_2023(catalogue_2023())
    for rule in RELATION_RULES:
        for relation in relations.get(rule.id, ()):
            assert set(relation.codes) <= set(rule.codes), rule.id


class TestBreakdownSum:
    def test_holds(self) -> None:
        """138 = 103 + 19 + 16."""
        assert found("appendix.breakdown_sum",
                     {"3.1.3": 138, "3.1.3.a": 103, "3.1.3.b": 19, "3.1.3.c": 16}) == []

    def test_fails(self) -> None:
        """A total that is not the sum of its "Trong đó" rows is an error at the total."""
        assert found("appendix.breakdown_sum",
                     {"3.1.3": 140, "3.1.3.a": 103, "3.1.3.b": 19, "3.1.3.c": 16}) == [(
            '$["3.1.3"]',
            ("Chỉ tiêu 3.1.3 = 140 không khớp tổng các dòng “Trong đó” "
            "3.1.3.a + 3.1.3.b + 3.1.3.c = 103 + 19 + 16 = 138."),
        )]

    def test_partial_parts_already_too_many(self) -> None:
        """Parts given that already exceed the total break it, blanks or not."""
        assert len(found("appendix.breakdown_sum", {"4.1.4": 2, "4.1.4.b": 3})) == 1

    def test_blank_total_says_nothing(self) -> None:
        """Parts without their total: nothing to compare."""
        assert found("appendix.breakdown_sum", {"4.1.4.b": 3}) == []


class TestIncomplete:
    def test_names_blank_rows(self) -> None:
        """Parts that fall short of the total with some blank: the blank rows are named."""
        assert found("relations.incomplete", {"3.1.3": 138, "3.1.3.a": 103}) == [(
            '$["3.1.3"]',
            ("Không kiểm tra được 3.1.3 = 3.1.3.a + 3.1.3.b + 3.1.3.c "
            "(appendix.breakdown_sum): thiếu số liệu 3.1.3.b, 3.1.3.c."),
        )]

    def test_holds_when_blanks_do_not_matter(self) -> None:
        """Blank rows whose figures could only be zero are not reported."""
        assert found("relations.incomplete", {"3.1.3": 103, "3.1.3.a": 103}) == []

    def test_not_a_breach(self) -> None:
        """An undecided relation is info, not an error of the relation's own rule."""
        result = validate(build({"3.1.3": 138, "3.1.3.a": 103}), rules=RELATION_RULES)
        assert [(f.rule, f.severity) for f in result.findings] == [
            ("relations.incomplete", Severity.INFO),
        ]


class TestPlanDone:
    def test_holds(self) -> None:
        """25 of 25 tasks done."""
        assert found("tasks.plan_done", {"1.1.1": 25, "1.1.2": 25}) == []

    def test_fails(self) -> None:
        """More tasks done than planned."""
        assert found("tasks.plan_done", {"1.1.1": 25, "1.1.2": 26}) == [(
            '$["1.1.2"]',
            ("Số nhiệm vụ đã hoàn thành 1.1.2 = 26 lớn hơn số nhiệm vụ đề ra trong kế hoạch "
            "1.1.1 = 25."),
        )]


class TestAssignedDone:
    def test_holds(self) -> None:
        """138 assigned = 126 on time + 0 late + 12 within their deadline (the note)."""
        assert found("tasks.assigned_done", {"1.3.1": 138, "1.3.2": 126, "1.3.3": 0},
                     {"1.3.2": "12 đang trong hạn"}) == []

    def test_fails(self) -> None:
        """Done and pending beyond the tasks assigned."""
        assert found("tasks.assigned_done", {"1.3.1": 130, "1.3.2": 126, "1.3.3": 0},
                     {"1.3.2": "12 đang trong hạn"}) == [(
            '$["1.3.1"]',
            ("Nhiệm vụ hoàn thành đúng hạn 126 + quá hạn 0 + 12 đang trong hạn (ghi chú 1.3.2) "
            "= 138 lớn hơn tổng số nhiệm vụ được giao 130 (1.3.1)."),
        )]

    def test_fails_without_note(self) -> None:
        """Without a note, done alone may not exceed assigned."""
        assert len(found("tasks.assigned_done", {"1.3.1": 10, "1.3.2": 8, "1.3.3": 3})) == 1


class TestAssignedUnaccounted:
    def test_holds(self) -> None:
        """The note's in-time count makes up the rest."""
        assert found("tasks.assigned_unaccounted", {"1.3.1": 138, "1.3.2": 126, "1.3.3": 0},
                     {"1.3.2": "12 đang trong hạn"}) == []

    def test_no_note_no_finding(self) -> None:
        """Without a note there is nothing to account for."""
        assert found("tasks.assigned_unaccounted",
                     {"1.3.1": 138, "1.3.2": 126, "1.3.3": 0}) == []

    def test_fails(self) -> None:
        """Tasks neither done nor within their deadline are pointed out."""
        assert found("tasks.assigned_unaccounted", {"1.3.1": 140, "1.3.2": 126, "1.3.3": 0},
                     {"1.3.1": "12 nhiệm vụ chưa đến hạn"}) == [(
            '$["1.3.1"]',
            ("Được giao 140 nhiệm vụ, hoàn thành đúng hạn 126, quá hạn 0, ghi chú 1.3.1 nêu 12 "
            "đang trong hạn: còn 2 nhiệm vụ chưa được nêu (chưa hoàn thành và đã quá hạn?)."),
        )]


class TestResolvedFound:
    def test_holds(self) -> None:
        """3 of 4 issues resolved."""
        assert found("inspection.resolved_found", {"1.2.3": 4, "1.2.4": 3}) == []

    def test_fails(self) -> None:
        """More issues resolved than found."""
        assert [p for p, _ in found("inspection.resolved_found", {"1.2.3": 2, "1.2.4": 3})] == [
            '$["1.2.4"]'
        ]


class TestHandledProposed:
    def test_holds(self) -> None:
        """Handled ≤ proposed."""
        assert found("institutions.handled_proposed", {"2.4": 2, "2.5": 2}) == []

    def test_fails(self) -> None:
        """Handled > proposed."""
        assert [p for p, _ in found("institutions.handled_proposed", {"2.4": 1, "2.5": 2})] == [
            '$["2.5"]'
        ]


class TestProposedReviewed:
    def test_holds(self) -> None:
        """0 proposed of 0 checked + 6 screened."""
        assert found("institutions.proposed_reviewed", {"2.2": 0, "2.3": 6, "2.4": 0}) == []

    def test_fails(self) -> None:
        """More proposed than checked and screened together."""
        assert found("institutions.proposed_reviewed", {"2.2": 1, "2.3": 2, "2.4": 4}) == [(
            '$["2.4"]',
            ("Số VBQPPL đã kiến nghị xử lý 2.4 = 4 lớn hơn số VBQPPL đã kiểm tra và rà soát "
            "2.2 + 2.3 = 1 + 2 = 3."),
        )]


class TestRatioBound:
    def test_holds(self) -> None:
        """12/12 issued of planned."""
        assert found("appendix.ratio_bound", {"2.1": Ratio(12, 12)}) == []

    def test_fails(self) -> None:
        """13/12: more issued than planned, a warning."""
        rules = select_rules(RELATION_RULES, prefix="appendix.ratio_bound")
        result = validate(build({"2.1": Ratio(13, 12)}), rules=rules)
        assert [(f.path, f.severity, f.message) for f in result.findings] == [(
            '$["2.1"]', Severity.WARNING,
            "Chỉ tiêu 2.1 ghi 13/12: số đã thực hiện lớn hơn số kế hoạch.",
        )]


class TestPresentAssigned:
    def test_holds(self) -> None:
        """44 of 47 civil servants, 50 of 52 staff."""
        assert found("staff.present_assigned",
                     {"4.2.1": 47, "4.2.2": 44, "4.3.1": 52, "4.3.2": 50}) == []

    def test_fails(self) -> None:
        """More in post than assigned, for either kind of staff."""
        assert [p for p, _ in found("staff.present_assigned",
                                    {"4.2.1": 40, "4.2.2": 44, "4.3.1": 50, "4.3.2": 52})] == [
            '$["4.2.2"]', '$["4.3.2"]'
        ]


class TestAutonomyGroups:
    def test_holds_against_parts(self) -> None:
        """0 + 0 + 2 + 1 units by group = the 03 units under the department (4.1.4 blank)."""
        assert found("sncl.autonomy_groups",
                     {"4.1.4.b": 3, "6.1": 0, "6.2": 0, "6.3": 2, "6.4": 1}) == []

    def test_fewer_groups_than_units(self) -> None:
        """3 of 4 units assigned a group so far (lũy kế): the remainder is not a finding."""
        assert found("sncl.autonomy_groups",
                     {"4.1.4": 4, "6.1": 0, "6.2": 0, "6.3": 2, "6.4": 1}) == []

    def test_fails(self) -> None:
        """More units in the groups than units."""
        assert found("sncl.autonomy_groups",
                     {"4.1.4": 2, "6.1": 0, "6.2": 0, "6.3": 2, "6.4": 1}) == [(
            '$["6.1"]',
            ("Số ĐVSNCL đã được giao tự chủ theo bốn nhóm 6.1 + 6.2 + 6.3 + 6.4 = 0 + 0 + 2 + 1 "
             "= 3 nhiều hơn tổng số ĐVSNCL 4.1.4 = 2."),
        )]


class TestAutonomyRemainder:
    def test_remainder_is_explained(self) -> None:
        """3 of 4 units in a group: one unit not yet assigned, as information."""
        assert found("sncl.autonomy_remainder",
                     {"4.1.4": 4, "6.1": 0, "6.2": 0, "6.3": 2, "6.4": 1}) == [(
            '$["6.1"]',
            ("Còn 1 ĐVSNCL chưa được giao tự chủ theo một trong bốn nhóm: 6.1 + 6.2 + 6.3 + "
             "6.4 = 0 + 0 + 2 + 1 = 3 trên tổng số 4.1.4 = 4."),
        )]

    def test_silent_when_all_assigned_or_rows_blank(self) -> None:
        """All units in a group, or a group row blank: nothing to explain."""
        assert found("sncl.autonomy_remainder",
                     {"4.1.4.b": 3, "6.1": 0, "6.2": 0, "6.3": 2, "6.4": 1}) == []
        assert found("sncl.autonomy_remainder", {"4.1.4": 4, "6.3": 2, "6.4": 1}) == []


class TestJobPositions:
    def test_holds(self) -> None:
        """0 of 3 units."""
        assert found("sncl.job_positions", {"4.1.4": 3, "5.1.2": 0}) == []

    def test_fails(self) -> None:
        """More units with job positions than units."""
        assert [p for p, _ in found("sncl.job_positions", {"4.1.4": 3, "5.1.2": 4})] == [
            '$["5.1.2"]'
        ]


class TestPortalOnline:
    def test_holds(self) -> None:
        """41 online of 41 integrated."""
        assert found("tthc.portal_online", {"3.5.1": 41, "3.5.2": 41}) == []

    def test_fails(self) -> None:
        """The reference report's 103 online of 41 integrated."""
        assert found("tthc.portal_online", {"3.5.1": 41, "3.5.2": 103}) == [(
            '$["3.5.2"]',
            ("Số TTHC cung cấp mức độ 3, 4 trên Cổng DVC tỉnh 3.5.2 = 103 lớn hơn số TTHC được "
            "tích hợp lên Cổng 3.5.1 = 41."),
        )]


class TestInForce:
    def test_holds(self) -> None:
        """Joint and portal procedures within the 138 in force."""
        assert found("tthc.in_force",
                     {"3.1.3": 138, "3.3.1": 4, "3.3.2": 13, "3.5.1": 41, "3.5.2": 103}) == []

    def test_fails(self) -> None:
        """More procedures on the portal than in force."""
        assert [p for p, _ in found("tthc.in_force", {"3.1.3": 40, "3.5.1": 41})] == [
            '$["3.5.1"]'
        ]


class TestOnlineLevels:
    def test_holds(self) -> None:
        """62 + 41 = 103."""
        assert found("egov.online_levels", {"3.5.2": 103, "7.8.1": 62, "7.8.2": 41}) == []

    def test_services_on_national_systems(self) -> None:
        """More online services than on the provincial portal: some run on national systems."""
        assert found("egov.online_levels", {"3.5.2": 100, "7.8.1": 62, "7.8.2": 41}) == []

    def test_fails(self) -> None:
        """More services on the provincial portal than online services at all: a warning."""
        assert found("egov.online_levels", {"3.5.2": 120, "7.8.1": 62, "7.8.2": 41}) == [(
            '$["3.5.2"]',
            ("Số dịch vụ công trực tuyến trên Cổng DVC tỉnh 3.5.2 = 120 nhiều hơn tổng số dịch "
             "vụ công trực tuyến một phần và toàn trình 7.8.1 + 7.8.2 = 62 + 41 = 103."),
        )]


class TestDocumentShares:
    def test_holds(self) -> None:
        """95% with the other share blank."""
        assert found("egov.document_shares", {"7.6.2.a": D(95)}) == []

    def test_fails(self) -> None:
        """95% + 10% of the same documents."""
        assert found("egov.document_shares", {"7.6.2.a": D(95), "7.6.2.b": D(10)}) == [(
            '$["7.6.2.a"]',
            ("Tỷ lệ văn bản gửi hoàn toàn điện tử và gửi điện tử song song văn bản giấy "
            "7.6.2.a + 7.6.2.b = 95 + 10 = 105 vượt quá 100%."),
        )]


def test_wrong_kind_is_left_to_the_kind_rule() -> None:
    """Text in a row of a relation silences the relation (appendix.value_kind reports it)."""
    text_row = catalogue_2023()["1.1.1"].row("nhiều")
    assert found("tasks.plan_done", {"1.1.1": text_row, "1.1.2": 26}) == []


_FIGURES = st.integers(-(10**19), 10**19) | st.integers(-(10**40), 10**40) | st.decimals(
    allow_nan=False, allow_infinity=False, places=2, min_value=-(10**6), max_value=10**6)


class TestSides:
    @given(st.lists(_FIGURES, max_size=6),
           st.sampled_from((Decimal(0), Decimal("0.00"), Decimal("0E+3"), Decimal(100))))
    @example([10**40 + 1, -(10**40)], Decimal(0))
    @example([10**18 - 1, 10**18 - 1, -(10**18) + 1], Decimal(0))
    def test_sum_is_the_sum_one_by_one(self, figures: list[int | Decimal], constant: Decimal):
        """A side's sum is what adding its figures to the constant one by one gives."""
        codes = tuple(f"9.{i}" for i in range(len(figures)))
        values = dict(zip(codes, figures, strict=True))
        side = _side(codes, values.get, values.__getitem__, catalogue_2023(), constant)
        expected: int | Decimal = constant
        for figure in figures:
            expected = expected + figure
        assert str(side.present) == str(expected)
        assert side.values == tuple(figures)
        assert side.codes == codes
