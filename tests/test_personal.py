"""Personal-data detection: resident IDs, bank cards, mobiles in subsidy lists."""

from __future__ import annotations

import random

import pytest

from generator.content.personal import (
    Finding,
    find_personal_data,
    is_luhn,
    is_valid_resident_id,
    mask_id,
)

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(area: str, birth: str, serial: str) -> str:
    """A resident ID with the GB 11643-1999 check digit computed here."""
    body = area + birth + serial
    assert len(body) == 17
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def wrong_check(number: str) -> str:
    """The same ID with a check digit that is not the right one."""
    return number[:17] + ("1" if number[17] != "1" else "2")


def luhn_card(prefix: str, length: int) -> str:
    """A card number of the given length: prefix, 0s, then the Luhn check digit."""
    body = prefix + "0" * (length - 1 - len(prefix))
    for check in "0123456789":
        if is_luhn(body + check):
            return body + check
    raise AssertionError("no check digit")


def card_failing_luhn(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


# IDs of fictional people (area 110105: Beijing Chaoyang; 410523: Tangyin, Henan).
ID_A = resident_id("110105", "19491231", "002")
ID_B = resident_id("410523", "19870615", "123")
ID_X = next(resident_id("110105", "19700101", f"{n:03d}") for n in range(1000)
            if resident_id("110105", "19700101", f"{n:03d}").endswith("X"))


# --- the number checks -------------------------------------------------------

def test_check_digit_accepts_computed_ids():
    assert is_valid_resident_id(ID_A)
    assert is_valid_resident_id(ID_B)
    assert is_valid_resident_id(ID_X)
    assert is_valid_resident_id(ID_X.lower())


def test_well_known_example_id():
    # The example printed in GB 11643-1999 itself; the helper computes the same.
    assert is_valid_resident_id("11010519491231002X")
    assert ID_A == "11010519491231002X"


def test_check_digit_rejects_wrong_digit():
    assert not is_valid_resident_id(wrong_check(ID_A))
    assert not is_valid_resident_id(wrong_check(ID_X))


@pytest.mark.parametrize("birth", ["19490230", "19491301", "18991231", "21010101", "00000000"])
def test_birth_date_must_be_real(birth):
    assert not is_valid_resident_id(resident_id("110105", birth, "002"))


@pytest.mark.parametrize("bad", ["", "11010519491231002", "1101051949123100211", "11010519491231002Y",
                                 "X10105194912310021", "１１０１０５１９４９１２３１００２Ｘ"])
def test_resident_id_shape(bad):
    assert not is_valid_resident_id(bad)


def test_luhn():
    assert is_luhn("4111111111111111")  # the classic Visa test number
    assert is_luhn("79927398713")  # the example in ISO/IEC 7812
    assert not is_luhn("79927398710")
    assert is_luhn("4111 1111 1111 1111")
    assert not is_luhn("4111a111111111111")
    assert not is_luhn("0")


def test_mask_id():
    assert mask_id("110105194912310021") == "110105********0021"
    assert mask_id("11010519491231002x") == "110105********002X"
    assert mask_id("110105 19491231 0021") == "110105********0021"


# --- resident IDs in text ------------------------------------------------------

def test_id_in_text_with_position():
    text = f"张三，身份证号{ID_B}，一组"
    [f] = find_personal_data(text)
    assert f.kind == "id"
    assert (f.start, f.end) == (7, 25)
    assert text[f.start:f.end] == ID_B
    assert f.masked == ID_B[:6] + "********" + ID_B[-4:]
    assert f.example == f.masked


def test_id_ending_in_x_and_lowercase_x():
    for written in (ID_X, ID_X.lower()):
        [f] = find_personal_data(f"号码：{written}")
        assert (f.kind, f.start, f.end) == ("id", 3, 21)
        assert f.masked.endswith("X") and "*" * 8 in f.masked


def test_id_in_csv_cell():
    text = f"姓名,组别,人数,金额,身份证号\n李四,二组,2,800.00,{ID_A}\n"
    [f] = find_personal_data(text, in_subsidy_list=True)
    assert f.kind == "id"
    assert text[f.start:f.end] == ID_A


def test_id_grouped_six_eight_four():
    written = f"{ID_A[:6]} {ID_A[6:14]} {ID_A[14:]}"
    text = f"身份证：{written}。"
    [f] = find_personal_data(text)
    assert f.kind == "id"
    assert text[f.start:f.end] == written
    assert f.masked == mask_id(ID_A)


def test_fullwidth_digits_are_found_at_their_offsets():
    fullwidth = ID_A.translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    text = f"号{fullwidth}"
    [f] = find_personal_data(text)
    assert (f.kind, f.start, f.end, f.masked) == ("id", 1, 19, mask_id(ID_A))


def test_id_with_wrong_check_digit_is_not_an_id():
    number = wrong_check(ID_A)
    assert all(f.kind != "id" for f in find_personal_data(f"编号 {number}"))


@pytest.mark.parametrize("number", [ID_A, ID_B, ID_X])
def test_id_inside_longer_digit_run_is_not_found(number):
    assert find_personal_data(f"9{number}") == []
    assert find_personal_data(f"{number}7") == []


def test_valid_id_that_also_passes_luhn_is_reported_once_as_id():
    both = next(resident_id("410523", "19870615", f"{n:03d}") for n in range(1000)
                if resident_id("410523", "19870615", f"{n:03d}").isdigit()
                and is_luhn(resident_id("410523", "19870615", f"{n:03d}")))
    [f] = find_personal_data(both)
    assert f.kind == "id"


def test_several_findings_sorted_by_position():
    card = luhn_card("622202", 19)
    text = f"A:{card} B:{ID_A} C:{ID_B}"
    found = find_personal_data(text)
    assert [f.kind for f in found] == ["bank-card", "id", "id"]
    assert [text[f.start:f.end] for f in found] == [card, ID_A, ID_B]


# --- bank cards -------------------------------------------------------------------

@pytest.mark.parametrize("length", [16, 17, 18, 19])
def test_card_lengths(length):
    card = luhn_card("6222", length)
    text = f"开户账号：{card}"
    [f] = find_personal_data(text)
    assert (f.kind, f.start, f.end) == ("bank-card", 5, 5 + length)
    assert f.masked == card[:4] + "*" * (length - 8) + card[-4:]
    assert f.example == f.masked


@pytest.mark.parametrize("prefix", ["3", "4", "5", "6", "9", "2221", "2720"])
def test_card_issuer_prefixes(prefix):
    [f] = find_personal_data(luhn_card(prefix, 16))
    assert f.kind == "bank-card"


@pytest.mark.parametrize("prefix", ["0", "1", "2025112100", "2220", "2721"])
def test_serial_numbers_that_pass_luhn_are_not_cards(prefix):
    # e.g. 项目编号 2025112100… : no card number starts like this
    assert find_personal_data(f"项目编号 {luhn_card(prefix, 19)}") == []


def test_card_failing_luhn_is_not_found():
    assert find_personal_data(card_failing_luhn(luhn_card("6222", 19))) == []


@pytest.mark.parametrize("length", [15, 20])
def test_card_length_outside_16_to_19(length):
    assert find_personal_data(luhn_card("6222", length)) == []


@pytest.mark.parametrize("sep", [" ", "-"])
def test_grouped_card(sep):
    card = luhn_card("6222", 16)
    written = sep.join(card[i:i + 4] for i in range(0, 16, 4))
    text = f"卡号 {written} 。"
    [f] = find_personal_data(text)
    assert f.kind == "bank-card"
    assert text[f.start:f.end] == written
    assert f.masked == f"{card[:4]}{sep}****{sep}****{sep}{card[-4:]}"
    assert f.example == f"{card[:4]}********{card[-4:]}"


def test_grouped_card_with_short_last_group():
    card = luhn_card("6217", 19)
    written = " ".join([card[0:4], card[4:8], card[8:12], card[12:16], card[16:]])
    [f] = find_personal_data(written)
    assert (f.kind, f.start, f.end) == ("bank-card", 0, len(written))


def test_grouped_card_mixed_separators_is_not_one_number():
    card = luhn_card("6222", 16)
    assert find_personal_data(f"{card[:4]} {card[4:8]}-{card[8:12]} {card[12:]}") == []


def test_masked_forms_pass():
    text = ("身份证 110105********1234、4105 23** **** **1234，"
            "卡号 6222********0123、6222 **** **** 0123，电话 138****5678")
    assert find_personal_data(text, in_subsidy_list=True) == []


# --- mobile numbers ---------------------------------------------------------------------

def test_phone_only_in_subsidy_lists():
    text = "联系人王五 13812345678"
    assert find_personal_data(text) == []
    [f] = find_personal_data(text, in_subsidy_list=True)
    assert (f.kind, f.start, f.end, f.masked, f.example) == ("phone", 6, 17, "138****5678", "138****5678")


@pytest.mark.parametrize("written", ["+8613812345678", "+86 13812345678", "86-13812345678",
                                     "138 1234 5678", "138-1234-5678", "+86 138 1234 5678"])
def test_phone_forms(written):
    text = f"电话：{written}。"
    [f] = find_personal_data(text, in_subsidy_list=True)
    assert f.kind == "phone"
    assert text[f.start:f.end] == written
    assert f.masked == "138****5678"


def test_phone_inside_longer_run_or_bad_prefix():
    for text in ("013812345678", "138123456789", "12812345678", "1381234567"):
        assert find_personal_data(text, in_subsidy_list=True) == [], text


def test_two_phones_in_a_row():
    text = "13812345678 13987654321"
    found = find_personal_data(text, in_subsidy_list=True)
    assert [(f.start, f.end, f.masked) for f in found] == [(0, 11, "138****5678"), (12, 23, "139****4321")]


def test_id_in_subsidy_list_is_not_also_a_phone():
    # An ID that contains a mobile-looking stretch is still one ID.
    number = resident_id("130102", "19900101", "138")
    found = find_personal_data(number, in_subsidy_list=True)
    assert [f.kind for f in found] == ["id"]


# --- what is not personal data ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "2025年11月21日发布，2025-11-21，20251121",
    "合计 1234567.89 元，预算 12,345,678.00 元",
    "监督电话：0371-63451234，(0371)63451234",
    "清政发〔2025〕12号，豫财农〔2024〕108号",
    "统一社会信用代码 91410523MA44ABCD1X",
    "0.1234567890123456789",
    "1234567890123456.78",
    "1234 5678 9012 3456 7890",
])
def test_no_false_positives(text):
    assert find_personal_data(text, in_subsidy_list=True) == []


def test_decimal_with_card_like_integer_part():
    card = luhn_card("6222", 16)
    assert find_personal_data(f"{card}.50") == []
    assert find_personal_data(f"0.{card}") == []


def test_finding_never_holds_the_full_number():
    card = luhn_card("6222", 19)
    for f in find_personal_data(f"{ID_A} {card} 13812345678", in_subsidy_list=True):
        assert isinstance(f, Finding)
        assert ID_A not in f.masked and card not in f.masked and "13812345678" not in f.masked
        assert ID_A not in f.example and card not in f.example


def test_findings_never_overlap_in_run_together_numbers():
    """IDs, cards and mobiles written back to back, grouped or not, are found apart."""
    rng = random.Random(5)

    def piece() -> str:
        kind = rng.randrange(4)
        if kind == 0:
            number = resident_id("110105", f"1990{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}",
                                 f"{rng.randrange(1000):03d}")
            return f"{number[:6]} {number[6:14]} {number[14:]}" if rng.random() < 0.3 else number
        if kind == 1:
            card = luhn_card(str(rng.randint(1000, 9999)), rng.randint(16, 19))
            return " ".join(card[i:i + 4] for i in range(0, len(card), 4)) if rng.random() < 0.3 else card
        if kind == 2:
            mobile = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
            return rng.choice(["", "+86", "86", "+86 ", "86-"]) + mobile
        return str(rng.randrange(10**rng.randint(1, 5)))

    total = 0
    for _ in range(2000):
        text = "".join(piece() + rng.choice(["", " ", "-", "x", ".", "+", "，"]) for _ in range(6))
        found = find_personal_data(text, in_subsidy_list=True)
        total += len(found)
        assert all(a.end <= b.start for a, b in zip(found, found[1:])), text
    assert total > 2000  # the pieces are mostly found


# --- the published view, other groupings, old IDs, masked forms ----------------------------------

def test_published_view_maps_back_to_the_source():
    from generator.content.personal import published_view

    text = "号&#49;１\u200b2**3**<b>4</b>\u3000５"
    view, where = published_view(text)
    assert view == "号11234 5"
    assert [text[where.start(i):where.end(i + 1)] for i in range(len(view))] == \
        ["号", "&#49;", "１", "2", "3", "4", "\u3000", "５"]


@pytest.mark.parametrize("sizes", [(6, 8, 4), (6, 4, 4, 4), (4, 4, 4, 4, 2), (3, 3, 4, 4, 4), (6, 4, 2, 2, 4)])
@pytest.mark.parametrize("sep", [" ", "  ", "-", " - ", "\u00a0", "\u3000", "\u2010"])
def test_id_in_any_grouping(sizes, sep):
    parts, at = [], 0
    for size in sizes:
        parts.append(ID_X[at:at + size])
        at += size
    written = sep.join(parts)
    [f] = find_personal_data(f"证件号 {written}。")
    assert (f.kind, f.start, f.end, f.masked) == ("id", 4, 4 + len(written), mask_id(ID_X))


def test_id_grouped_after_another_number_is_found():
    text = f"编号 12 {ID_A[:6]} {ID_A[6:14]} {ID_A[14:]}"
    [f] = find_personal_data(text)
    assert f.kind == "id" and text[f.start:] == f"{ID_A[:6]} {ID_A[6:14]} {ID_A[14:]}"


def test_old_fifteen_digit_ids():
    from generator.content.personal import is_old_resident_id

    assert is_old_resident_id("110105491231002")
    assert not is_old_resident_id("990105491231002")  # no such province
    assert not is_old_resident_id("110105491331002")  # month 13
    [f] = find_personal_data("旧证 110105 491231 002")
    assert (f.kind, f.masked) == ("old-id", "110105*****1002")
    assert find_personal_data("金额 110105491231002.50 元") == []


@pytest.mark.parametrize("text, masked", [("110105********1234", True), ("110105 ******** 123X", True),
                                          ("4105**********1234", True), ("110105*****1234", True),
                                          ("110105199*****1234", False), ("张三", False),
                                          ("110105********12345", False), ("", False)])
def test_masked_id_forms(text, masked):
    from generator.content.personal import is_masked_id

    assert is_masked_id(text) is masked
