"""Small hand-made pages: each rule of the classifier, in both languages."""
from mch_cli import Options, clean_text
from mch_cli.patterns import parse_patterns

ZH_PAGE = """首页 新闻 国内 国际 财经 体育 娱乐
首页 > 健康 > 妇幼
儿童保健服务再升级
2024年3月5日 09:30 来源：健康时报 作者：王芳 李明
为进一步提升儿童保健服务水平，市妇幼保健院近日启动了新一轮儿童健康管理项目，覆盖全市十二个区县。
项目成效
项目实施以来，已有超过三万名儿童接受了免费体检，家长满意度持续提高，相关经验正在全省推广。
图为儿童在接受体检（王芳 摄）
下一阶段，医院将继续完善服务网络，让更多家庭享受到优质便捷的妇幼健康服务。
【责任编辑：张三】
相关新闻
版权所有 © 2024 健康时报 京ICP备12345678号
"""

EN_PAGE = """Home | News | Health | Sport | About us
Hospital expands newborn screening programme
By Jane Doe
March 5, 2024
The city's maternal and child health hospital has expanded its newborn screening programme to cover all districts, officials said on Tuesday.
Nurses at the screening centre on Monday. (Photo by John Roe)
More than 30,000 infants were screened last year, and the hospital expects the number to double as the programme grows.
Share this article
Copyright 2024 Health Daily. All rights reserved.
"""


def _by_label(article):
    out = {}
    for line in article.removed:
        out.setdefault(line.label, []).append(line.text)
    return out


def test_chinese_page():
    a = clean_text(ZH_PAGE)
    assert a.title == "儿童保健服务再升级"
    assert (a.date, a.datetime) == ("2024-03-05", "2024-03-05T09:30")
    assert (a.author, a.source, a.editor) == ("王芳, 李明", "健康时报", "张三")
    assert [p.kind for p in a.paragraphs] == ["body", "heading", "body", "body"]
    assert a.captions == ["图为儿童在接受体检（王芳 摄）"]
    removed = _by_label(a)
    assert removed["meta"] == ["2024年3月5日 09:30 来源：健康时报 作者：王芳 李明", "【责任编辑：张三】"]
    assert len(removed["boilerplate"]) == 4
    assert a.lang == "zh"


def test_english_page():
    a = clean_text(EN_PAGE)
    assert a.title == "Hospital expands newborn screening programme"
    assert (a.date, a.author) == ("2024-03-05", "Jane Doe")
    assert len(a.paragraphs) == 2 and a.lang == "en"
    assert a.captions == ["Nurses at the screening centre on Monday. (Photo by John Roe)"]
    reasons = {x.text: x.reason for x in a.removed}
    assert "menu" in reasons["Home | News | Health | Sport | About us"]
    assert "copyright" in reasons["Copyright 2024 Health Daily. All rights reserved."]


def test_repeated_short_lines_are_a_list():
    page = ("新闻标题示例一\n新闻标题示例一\n" +
            "这是一段足够长的正文内容，用来说明妇幼健康服务的重要意义，并且包含多个标点符号。\n" * 1)
    a = clean_text(page)
    assert all("repeated 2x" in x.reason for x in a.removed)


def test_page_without_prose_has_no_body():
    a = clean_text("首页\n新闻\n关于我们\n")
    assert a.text == "" and a.title is None and a.paragraphs == []
    assert len(a.removed) == 3


def test_user_patterns_are_tried_first():
    own = parse_patterns("boilerplate\t-\t0\tsponsor line\t^本文由.*赞助")
    page = ZH_PAGE.replace("下一阶段", "本文由某某公司赞助，特此感谢。\n下一阶段")
    a = clean_text(page, options=Options(patterns=own))
    assert any(x.reason == "sponsor line" for x in a.removed)
    assert "赞助" not in a.text and "下一阶段" in a.text
    assert "赞助" in clean_text(page).text


def test_markup_like_text_is_kept_as_is():
    page = EN_PAGE.replace("officials said", "officials [red]said[/red]")
    assert "[red]said[/red]" in clean_text(page).text


def test_headline_with_its_byline_beats_a_nearer_box_item():
    page = "\n".join([
        "首页 > 娱乐 > 正文",
        "妇幼保健院开展母乳喂养宣传周活动",
        "2024-08-01 10:30 来源：健康报 发表评论",
        "今日推荐",
        "明星新专辑发布 粉丝排队购买",
        "夏季养生小窍门大全",
        "近日，市妇幼保健院开展母乳喂养宣传周活动，医护人员向孕产妇讲解母乳喂养的好处和方法，受到欢迎。",
        "活动期间，医院还开设了母乳喂养咨询门诊，为新手妈妈们提供一对一的专业指导和帮助服务。",
    ])
    a = clean_text(page)
    assert a.title == "妇幼保健院开展母乳喂养宣传周活动"
    assert (a.date, a.source) == ("2024-08-01", "健康报")
    assert "夏季养生" not in a.text


def test_author_line_under_the_headline_and_title_key():
    page = "\n".join([
        "标 题： 关于加强孕产妇健康管理的通知",
        "胡平",
        "为进一步加强孕产妇健康管理，保障母婴安全，现就有关事项通知如下，请各单位认真贯彻落实。",
        "各级卫生健康行政部门要高度重视，建立健全高危孕产妇专案管理制度，确保责任落实到人。",
    ])
    a = clean_text(page)
    assert a.title == "关于加强孕产妇健康管理的通知"
    assert a.author == "胡平"
    assert {x.text: x.label for x in a.removed}["胡平"] == "meta"
