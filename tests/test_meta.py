import pytest

from mch_cli.meta import byline_fields, dateline_authors, extract, find_dates, is_byline


@pytest.mark.parametrize("text, date, datetime", [
    ("2025-10-27 15:01:11来源:福州援疆", "2025-10-27", "2025-10-27T15:01:11"),
    ("Time:2022.06.25", "2022-06-25", None),
    ("Time: 2019/12/2", "2019-12-02", None),
    ("发布时间：2021年5月28日", "2021-05-28", None),
    ("二〇二一年五月二十八日", "2021-05-28", None),
    ("Updated: 2021-05-28", "2021-05-28", None),
    ("June 24, 2021", "2021-06-24", None),
    ("24 June 2021", "2021-06-24", None),
    ("Nov. 29, 2019", "2019-11-29", None),
    ("Published 3:41 PM ET, Tue October 1, 2019", "2019-10-01", "2019-10-01T15:41"),
    ("2019-03-05T08:30", "2019-03-05", "2019-03-05T08:30"),
])
def test_date_forms(text, date, datetime):
    found = find_dates(text)[0]
    assert (found.date, found.datetime) == (date, datetime)


@pytest.mark.parametrize("text", ["2021-02-30", "1066-10-14", "version 3.11.7", "13/45/2020"])
def test_not_dates(text):
    assert find_dates(text) == []


def test_byline_key_values():
    fields = byline_fields("Author: Lina Song Source: NET / DXZM Hits: 263 Time: 2019/12/2")
    assert fields == {"author": ["Lina Song"], "source": ["NET / DXZM"]}
    assert byline_fields("【责任编辑:陈颖】") == {"editor": ["陈颖"]}
    assert byline_fields("来源：新华社 作者：张三 李四") == {"source": ["新华社"], "author": ["张三", "李四"]}
    assert byline_fields("By Jane Doe and John Roe") == {"author": ["Jane Doe", "John Roe"]}


@pytest.mark.parametrize("text, expected", [
    ("Updated: 2021-05-28", True),
    ("2025-10-27 15:01:11来源:福州援疆", True),
    ("By Jane Doe", True),
    ("June 24, 2021", True),
    ("On June 24, 2021, the forum opened in Urumqi with experts from five countries.", False),
    ("CQHCWC holds training session on children's health care", False),
])
def test_is_byline(text, expected):
    from mch_cli.script import token_count
    assert is_byline(text, token_count(text)) is expected


def test_dateline_authors():
    assert dateline_authors("Tianshan News (Reporter Ye Xiaomin reported) On June 24, …") == ["Ye Xiaomin"]
    assert dateline_authors("本报讯（记者 张三 通讯员 李四）近日，") == ["张三", "李四"]
    assert dateline_authors("On June 24 (local time) the forum opened.") == []


def test_site_given_as_author_is_the_source():
    md = extract(["Author:Tianshan.com Time:2022.06.25"], "Tianshan News (Reporter Ye Xiaomin reported) On")
    assert (md.author, md.source, md.date) == ("Ye Xiaomin", "Tianshan.com", "2022-06-25")


def test_no_meta_lines_no_values():
    md = extract([], "A paragraph without a dateline.")
    assert (md.date, md.author, md.editor, md.source) == (None, None, None, None)
