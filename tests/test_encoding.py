"""Encoding check (decode_utf8) and importer decoding (decode_any)."""

from __future__ import annotations

import codecs

import pytest

from generator.content.encoding import EncodingProblem, decode_any, decode_utf8

GBK_CSV = "姓名,组别,人数,金额\r\n张三,一组,3,1200.00\r\n李四,二组,2,800.00\r\n"


# --- decode_utf8 --------------------------------------------------------------------

def test_utf8_decodes():
    assert decode_utf8("标题：村务公开\n".encode("utf-8")) == ("标题：村务公开\n", None)


def test_utf8_bom_is_stripped():
    assert decode_utf8(codecs.BOM_UTF8 + "名单".encode("utf-8")) == ("名单", None)


def test_empty_file_is_utf8():
    assert decode_utf8(b"") == ("", None)


def test_gbk_csv_from_excel():
    text, problem = decode_utf8(GBK_CSV.encode("gbk"))
    assert text is None
    assert problem == EncodingProblem(line=1, col=1, guess="GBK/GB18030")


def test_gbk_names_only():
    assert decode_utf8("张三,一组".encode("gbk"))[1] == EncodingProblem(1, 1, "GBK/GB18030")


def test_position_counts_characters_before_the_bad_byte():
    data = "title: 公开栏\n".encode("utf-8") + b"name: " + "张三".encode("gbk") + b"\n"
    assert decode_utf8(data) == (None, EncodingProblem(line=2, col=7, guess="GBK/GB18030"))


def test_column_counts_utf8_characters_not_bytes():
    # "一组," is 3 characters but 7 bytes in UTF-8; the GBK name follows.
    data = "名单\n".encode("utf-8") + "一组,".encode("utf-8") + "王秀英".encode("gbk")
    assert decode_utf8(data)[1] == EncodingProblem(line=2, col=4, guess="GBK/GB18030")


def test_position_after_bom_does_not_count_it():
    data = codecs.BOM_UTF8 + b"ab" + "张".encode("gbk")
    assert decode_utf8(data)[1] == EncodingProblem(line=1, col=3, guess="GBK/GB18030")


def test_crlf_lines():
    data = b"a\r\nb\r\nxy" + "李四".encode("gbk") + b"\r\n"
    assert decode_utf8(data)[1] == EncodingProblem(line=3, col=3, guess="GBK/GB18030")


def test_truncated_utf8_at_end_of_file():
    data = "公开".encode("utf-8") + "栏".encode("utf-8")[:1]
    assert decode_utf8(data)[1] == EncodingProblem(line=1, col=3, guess="unknown")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16(encoding):
    data = "name,group\nZhang San,1\n".encode(encoding)
    problem = decode_utf8(data)[1]
    assert problem is not None and problem.guess == "UTF-16"
    assert (problem.line, problem.col) == ((1, 1) if encoding == "utf-16" or encoding.endswith("be") else (1, 2))


def test_utf16_chinese_with_bom():
    assert decode_utf8("姓名,组别\n张三,一组\n".encode("utf-16"))[1] == EncodingProblem(1, 1, "UTF-16")


def test_big5():
    data = "姓名,組別\n陳大文,一組\n黃小明,二組\n".encode("big5")
    assert decode_utf8(data)[1] == EncodingProblem(1, 1, "Big5")


def test_latin1_is_unknown():
    assert decode_utf8("café au lait".encode("latin-1"))[1] == EncodingProblem(1, 4, "unknown")


# --- decode_any ---------------------------------------------------------------------

@pytest.mark.parametrize("data, expected", [
    ("村务公开".encode("utf-8"), ("村务公开", "utf-8")),
    (codecs.BOM_UTF8 + "村务公开".encode("utf-8"), ("村务公开", "utf-8-sig")),
    ("村务公开\n".encode("utf-16"), ("村务公开\n", "utf-16")),
    ("name,group\n".encode("utf-16-le"), ("name,group\n", "utf-16-le")),
    (GBK_CSV.encode("gbk"), (GBK_CSV, "gb18030")),
    ("姓名,組別\n陳大文,一組\n".encode("big5"), ("姓名,組別\n陳大文,一組\n", "big5")),
])
def test_decode_any(data, expected):
    assert decode_any(data) == expected


def test_decode_any_reads_gb18030_beyond_gbk():
    text = "姓名\n王𫠠\n"  # U+2B820 needs GB18030's four-byte form
    assert decode_any(text.encode("gb18030")) == (text, "gb18030")


def test_decode_any_refuses_what_fits_nothing():
    with pytest.raises(UnicodeDecodeError):
        decode_any(b"\xff\xfe\xff")  # odd length after a UTF-16 BOM
    with pytest.raises(ValueError):
        decode_any(b"ab\x80")


def test_decode_any_refuses_nul_bytes_in_utf8():
    with pytest.raises(UnicodeDecodeError) as e:
        decode_any("公开\0x".encode("utf-8"))
    assert e.value.start == 6
