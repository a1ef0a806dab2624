"""Small hand-made pages: each rule of the classifier, in both languages."""
import pytest

from mch_cli import Document, Options, clean_document, clean_text
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


def _en_page_with(lines):
    """EN_PAGE with `lines` (a string of lines) added under its article, above "Share this article"."""
    return clean_text(EN_PAGE.replace("Share this article", lines + "\nShare this article"))


# A blog post's two paragraphs, under the headlines of the blog-layout tests
BLOG_POST = ["Every new mother asks the same three questions in the first week, and every one of them deserves a patient answer.",
             "We wrote the answers down, tested them on the ward for a year, and now share them with every family that leaves."]


def _en_page_inside(lines):
    """EN_PAGE with `lines` (a string of lines) added inside its article, above its last paragraph."""
    return clean_text(EN_PAGE.replace("More than 30,000", lines + "\nMore than 30,000"))


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


@pytest.mark.parametrize("caption", ["资料图：一名孕妇在社区卫生服务中心接种流感疫苗。",
                                     "資料照片：2023年5月，孕婦在社區衛生服務中心接種疫苗。",
                                     "图源：视觉中国", "▲ 图为儿童在接受体检", "本文图片均来自网络"])
def test_file_photo_caption_is_no_byline(caption):
    """"资料图：…" (a file photo) leads a caption as "图：" does: it signs nothing, though a key
    and a colon begin it."""
    a = clean_text(ZH_PAGE.replace("图为儿童在接受体检（王芳 摄）", caption))
    assert a.captions == [caption]
    assert a.author == "王芳, 李明"


@pytest.mark.parametrize("credit", ["Getty Images/iStockphoto", "Shutterstock", "Photo illustration by Jane Roe"])
def test_a_stock_librarys_name_is_a_photo_credit_not_a_heading(credit):
    a = clean_text(EN_PAGE.replace("Nurses at the screening centre on Monday. (Photo by John Roe)", credit))
    assert {x.text: x.label for x in a.removed}[credit] == "caption" and credit not in a.text


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
    forum = clean_text(page.replace("标 题： ", "主题： "))  # a forum post's subject
    assert forum.title == "关于加强孕产妇健康管理的通知"


TABLE = ["附：各区县体检地点", "区县 体检地点", "城关区 区妇幼保健院", "西固区 西固社区卫生服务中心",
         "七里河区 区人民医院儿科", "安宁区 同上"]


def test_an_announced_appendix_belongs_to_the_article():
    body_end = "下一阶段，医院将继续完善服务网络，让更多家庭享受到优质便捷的妇幼健康服务。"
    page = ZH_PAGE.replace("【责任编辑：张三】\n", "").replace(body_end, body_end + "\n" + "\n".join(TABLE))
    a = clean_text(page)
    assert all(row in a.text for row in TABLE)
    assert "版权所有" not in a.text  # the appendix ends at the next boilerplate line
    # The same rows without "附：" are a list after the article, not part of it.
    unannounced = clean_text(page.replace("附：各区县体检地点\n", ""))
    assert not any(row in unannounced.text for row in TABLE[1:])


AGENDA_ROWS = [f"{h}:00－{h}:50 {topic} 地点：第{h}会议室 主持人：{who}" for h, (topic, who) in enumerate([
    ("开幕式及来宾介绍", "市卫生健康委员会副主任 王芳教授"), ("孕产妇保健专题报告", "省妇幼保健院院长 李明教授"),
    ("新生儿疾病筛查进展", "儿童医院新生儿科 赵丽主任"), ("高危孕产妇管理经验交流", "市妇幼保健院 陈静主任"),
    ("儿童早期发展分论坛", "北京大学公共卫生学院 刘洋教授"), ("出生缺陷防治圆桌讨论", "复旦大学附属妇产科医院 周强教授"),
    ("母乳喂养促进行动", "中国疾控中心妇幼中心 孙红研究员"), ("青少年心理健康专场", "华中科技大学 吴敏教授"),
    ("妇幼信息化建设论坛", "浙江大学医学院 郑伟教授"), ("闭幕式及总结发言", "市妇幼保健院院长 王芳教授"),
], start=8)]
AGENDA_PAGE = "\n".join(["首页 新闻 会议 专题 关于我们", "2024年妇幼健康学术年会会议议程", "2024-03-01 阅读1024次",
                         "会议议程", "地 点：市妇幼保健院学术报告厅", *AGENDA_ROWS,
                         "| 首页 | 中心概况 | 联系方式 | 站点导航 | 繁体版 | ENGLISH VERSION |",
                         "Copyright © 2024 市妇幼保健院 版权所有", "京ICP备05005746号"])


def test_a_page_of_lists_without_prose_keeps_its_list():
    a = clean_text(AGENDA_PAGE)
    assert a.title == "2024年妇幼健康学术年会会议议程" and a.date == "2024-03-01"
    assert all(row in a.text for row in AGENDA_ROWS) and "地 点" in a.text
    assert not any(chrome in a.text for chrome in ("首页", "Copyright", "ICP"))
    # A short article in prose beside the same rows: the rows are not its article.
    prose = "本次年会由市妇幼保健院承办，来自全国的三百余名专家学者参加了会议，并围绕妇幼健康热点展开讨论。"
    with_article = AGENDA_PAGE.replace("会议议程\n地 点", f"{prose}\n相关新闻\n会议议程\n地 点")
    assert clean_text(with_article).text == prose


def test_a_line_of_tags_is_not_prose():
    tags = "蔡英文 、 民進黨 、 國民黨 、 馬英九 、 宋楚瑜 、 親民黨 、 總統大選"
    a = clean_text(ZH_PAGE.replace("【責任編輯：張三】", "").replace("相关新闻", tags + "\n相关新闻"))
    assert tags not in a.text
    assert "menu" in {x.text: x.reason for x in a.removed}[tags]


def test_a_lead_that_lost_its_full_stop_is_kept_but_not_a_title_case_line():
    lead = "Officials said this morning that the screening will reach every district of the city by the end of the year"
    deck = "Screening To Reach Every District Of The City By The End Of The Year Say Officials"
    page = EN_PAGE.replace("March 5, 2024\n", f"March 5, 2024\n{lead}\n{deck}\n")
    a = clean_text(page)
    assert lead in a.text and deck not in a.text


def test_a_chrome_word_before_prose_is_not_a_sub_heading():
    page = EN_PAGE.replace("More than 30,000", "Facebook\nMore than 30,000")
    a = clean_text(page)
    assert "Facebook" not in a.text and [p.kind for p in a.paragraphs] == ["body", "body"]


def test_credit_and_comment_policy_lines():
    credit, policy = "攝影╱施偉平　部分圖片╱資料照片", "The Daily does not necessarily endorse any of the views posted."
    zh = clean_text(ZH_PAGE.replace("下一阶段", credit + "\n下一阶段"))
    assert any("施偉平" in c for c in zh.captions) and "施偉平" not in zh.text
    en = _en_page_with(policy)
    assert "disclaimer" in {x.text: x.reason for x in en.removed}[policy]


def test_the_discussion_ends_the_article():
    policy = "The Herald is pleased to provide this opportunity to share information, experiences and observations about what is in the news."
    a = _en_page_with(f"Join the discussion\n{policy}")
    assert policy not in a.text and "More than 30,000" in a.text


ROWS = ["不合格产品名称 商标 生产企业名称 不合格项目", "西米布丁 未标注 北京空港配餐有限公司 菌落总数(≤1500/2000)",
        "花色面包 未标注 北京通天釜食品加工厂 溴酸钾(不得检出/0.94)", "酸牛奶 圣雪 北京恒兴食品中心 甜蜜素(不得检出/0.29)"]
NEWS = ["微软发布新主题 日本的黄昏与黎明 【新浪网】2012-01-17 21:40", "三星大拜年 奢华手机 西安热卖 【新浪网】2012-01-17 21:10",
        "华硕否认 变形金刚 有3G版本 【今日新闻】2012-01-17 21:22"]


def test_a_table_right_after_the_article_is_kept_a_list_of_news_is_not():
    body_end = "下一阶段，医院将继续完善服务网络，让更多家庭享受到优质便捷的妇幼健康服务。"
    page = ZH_PAGE.replace("【责任编辑：张三】\n", "")
    with_table = clean_text(page.replace(body_end, body_end + "\n" + "\n".join(ROWS)))
    assert all(row in with_table.text for row in ROWS)
    with_news = clean_text(page.replace(body_end, body_end + "\n" + "\n".join(NEWS)))
    assert not any(item in with_news.text for item in NEWS)


def test_a_line_of_links_between_pipes_is_a_menu_whatever_its_punctuation():
    links = ("About Us | Disclaimer | Careers @ IBN | Feedback | Advertise | Connect.in.com | "
             "Privacy Policy | RSS Feeds | What is your dream car?")
    a = _en_page_with(links)
    assert links not in a.text and "links between |" in {x.text: x.reason for x in a.removed}[links]


def test_tags_and_terms_of_use_under_the_article_go():
    tags, terms = "Tags: health, newborn screening", "Please read our terms of use before posting comments"
    a = _en_page_with(f"{tags}\n{terms}")
    reasons = {x.text: x.reason for x in a.removed}
    assert "tags" in reasons[tags] and "comments" in reasons[terms]


def test_more_chrome_of_english_news_pages():
    captions = ["Brown horse. File photo.", "PHOTOS: Cutest Celebrity Kids"]
    contact = "Contact the author of this article or email tips@example.com with further questions."
    page = (EN_PAGE.replace("Home | News", "Forgotten password?\nHome | News")
            .replace("More than 30,000", "\n".join(captions) + "\nMore than 30,000")
            .replace("Share this article", contact + "\nShare this article"))
    a = clean_text(page)
    reasons = {x.text: x.reason for x in a.removed}
    assert "sign-in" in reasons["Forgotten password?"] and "contact" in reasons[contact]
    assert a.captions[1:] == captions and len(a.paragraphs) == 2


EN_COMMENTS = ["Sam Carter March 6, 2024 at 9:12 am",
               "This is great news for parents in our district, and I hope the clinic keeps its longer opening hours too.",
               "Ruth Ng March 6, 2024 at 11:40 am",
               "My daughter was screened there last spring and the nurses explained every step of it to us very kindly.",
               "Omar B. March 7, 2024 at 8:05 pm",
               "Does anyone know whether the programme also covers families who moved to the city after the birth?"]
ZH_SAYS = ["小李 对儿童体检项目的评论:", "这个项目真的很好，希望能够推广到更多的地区，让农村的孩子也能享受到同样的服务。",
           "阳光妈妈对儿童体检项目的评论:", "我家孩子上个月刚去体检过，医生非常耐心，整个过程也很顺利，值得点赞。",
           "老王 对儿童体检项目的评论:", "请问外地户口的孩子也可以参加这个免费体检吗？有没有知道具体办理流程的朋友？"]
ZH_COMMENTS = ["网友小李 2024-03-06 10:21", "这个项目真的很好，希望能够推广到更多的地区，让农村的孩子也能享受到同样的服务。",
               "阳光妈妈 2024-03-06 12:05", "我家孩子上个月刚去体检过，医生非常耐心，整个过程也很顺利，值得点赞。",
               "老王 2024-03-07 08:47", "请问外地户口的孩子也可以参加这个免费体检吗？有没有知道具体办理流程的朋友？"]


def test_a_thread_of_reader_comments_after_the_article_goes():
    en = _en_page_with("\n".join(EN_COMMENTS))
    reasons = {x.text: x.reason for x in en.removed}
    assert "More than 30,000" in en.text and not any(c in en.text for c in EN_COMMENTS)
    assert "comments" in reasons[EN_COMMENTS[1]]
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】\n", "【责任编辑：张三】\n" + "\n".join(ZH_COMMENTS) + "\n"))
    assert "下一阶段" in zh.text and not any(c in zh.text for c in ZH_COMMENTS)
    assert "comments" in {x.text: x.reason for x in zh.removed}[ZH_COMMENTS[1]]
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】\n", "\n".join(ZH_SAYS) + "\n"))
    assert "下一阶段" in zh.text and not any(c in zh.text for c in ZH_SAYS)


def test_a_programme_or_one_dateline_is_no_comment_thread():
    agenda = ["9:00-9:30 Opening of the screening week by the hospital director and guests from the city",
              "The director will speak about the first year of the programme, its results and its plans for the next.",
              "9:30-10:15 Panel on newborn care", "Nurses and parents describe how the screening is done, step by step, in every district.",
              "10:15-10:30 Coffee break", "Guests may visit the screening centre and its new equipment during the break, with a guide."]
    a = _en_page_with("\n".join(agenda))
    assert not any("comments" in x.reason for x in a.removed)


def test_the_count_of_responses_opens_the_thread():
    head = "3 Responses to “Hospital expands newborn screening programme”"
    a = _en_page_with(head)
    assert "comments" in {x.text: x.reason for x in a.removed}[head]


def test_about_the_author_after_the_article_goes():
    bio = ["About Jane Roe", "Jane Roe has written about children's health for the Daily since 2015 and lives in the city with her family."]
    a = _en_page_with("\n".join(bio))
    reasons = {x.text: x.reason for x in a.removed}
    assert "about the author" in reasons[bio[0]] and bio[1] not in a.text and "More than 30,000" in a.text


def test_comments_headed_by_a_dated_said_line_or_a_numeric_date():
    said = ["On March 6, 2024 at 9:12am, Sam Carter said...", EN_COMMENTS[1],
            "On March 6, 2024 at 11:40am, Ruth Ng said...", EN_COMMENTS[3],
            "On March 7, 2024 at 8:05pm, Omar B. said...", EN_COMMENTS[5]]
    dotted = ["samc", "03.06.2024", EN_COMMENTS[1], "ruthn", "03.06.2024", EN_COMMENTS[3], "omarb", "03.07.2024", EN_COMMENTS[5]]
    for thread in (said, dotted):
        a = _en_page_with("\n".join(thread))
        assert "More than 30,000" in a.text and not any(c in a.text for c in EN_COMMENTS)


def test_social_media_promotion_lines_go():
    en_line = "Follow us on Twitter and Instagram for the latest health news."
    zh_line = "本报已开设Facebook专页，让你即时掌握健康资讯，快来Like我们的专页！"
    en = _en_page_with(en_line)
    assert "social-media" in {x.text: x.reason for x in en.removed}[en_line]
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】", zh_line + "\n【责任编辑：张三】"))
    assert zh_line not in zh.text and "social-media" in {x.text: x.reason for x in zh.removed}[zh_line]


def test_posting_rules_under_the_article_go():
    rules = ["網友討論規範", "【1】留言請勿超過二百字，並請勿張貼廣告或與本文內容無關的訊息，違者一律刪除。",
             "【2】請勿留下個人隱私資料，以免遭人盜用，本網站將不負任何管理責任，敬請見諒。"]
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】", "【责任编辑：张三】\n" + "\n".join(rules)))
    assert "下一阶段" in zh.text and not any(r in zh.text for r in rules)
    assert "comments" in {x.text: x.reason for x in zh.removed}[rules[0]]


def test_headlines_glued_to_their_stories_are_a_teaser_list():
    teasers = ["Flu Season Starts EarlyDoctors say the first cases of the winter were seen in the city last week.",
               "New Playground for the ParkThe council will open a playground with a splash pool in the spring."]
    brand = ["Parents can book the check with the hospital's new myClinic app from today, officials said.",
             "The myClinic app also reminds parents of their child's next appointment, they said on Tuesday."]
    a = _en_page_with("\n".join(teasers))
    assert not any(t in a.text for t in teasers)
    assert "teaser list" in {x.text: x.reason for x in a.removed}[teasers[0]]
    b = _en_page_with("\n".join(brand))
    assert all(t in b.text for t in brand)


def test_stories_cut_short_under_their_times_are_a_teaser_list():
    items = ["Clinic opens in the north district with longer hours for working parents who... 4", "20 mins ago",
             "School meals to include more fresh fruit and vegetables from next term, the council... 12", "1 hour ago",
             "Vaccination drive reaches its target two weeks early as families turn out in... 7", "3 hours ago"]
    a = _en_page_with("\n".join(items))
    reasons = {x.text: x.reason for x in a.removed}
    assert "More than 30,000" in a.text and "teaser list" in reasons[items[1]]


def test_newsletter_sign_up_and_form_lines_go():
    lines = ["Never miss a story: sign up for our free weekly newsletter on family health.",
             "Get the best of the Daily delivered straight to your inbox!", "Please check your inbox to confirm."]
    a = _en_page_with("\n".join(lines))
    reasons = {x.text: x.reason for x in a.removed}
    assert all("newsletter" in reasons[x] for x in lines) and "More than 30,000" in a.text


def test_the_authors_bio_with_the_site_s_topics_and_motto_under_it_ends_the_article():
    bio = "Jane Doe (@janedoe) is a health contributor at the Daily and the host of a weekly radio show on families."
    motto = "The Daily is where tomorrow is realized. It is the essential source of ideas that make sense of a changing world."
    a = _en_page_with("\n".join([bio, "Topicsfamilieshospitals", motto]))
    assert a.text.endswith("as the programme grows.")
    assert {x.text: x.reason for x in a.removed}[motto] == "outside article: under the author's bio"


def test_a_post_asking_the_reader_s_favour_is_over():
    ask = ("Did you like this article? You can get the complete text of all the latest articles in your "
           "email inbox each morning by entering your address.")
    a = _en_page_with(ask + "\nI've decided to give a new way of commenting a try, but your old comments will show up below!")
    assert a.text.endswith("as the programme grows.") and "favour" in {x.text: x.reason for x in a.removed}[ask]


def test_advertisement_click_here_and_comment_policy_lines_go():
    policy = "As you comment, please be respectful of other commenters; abusive comments will be removed."
    lines = ["ADVERTISEMENT", "Click here to read more on this story.", policy]
    a = _en_page_with("\n".join(lines))
    reasons = {x.text: x.reason for x in a.removed}
    assert "advertisement" in reasons[lines[0]] and "click-here" in reasons[lines[1]] and "comments" in reasons[policy]
    zh_policy = "网友评论仅供其表达个人看法，并不表明本网同意其观点或证实其描述。"
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】", "【责任编辑：张三】\n广告\n" + zh_policy))
    assert "comments" in {x.text: x.reason for x in zh.removed}[zh_policy]


@pytest.mark.parametrize("line, reason", [
    ("You can comment on most stories on this site. All you need to do is register and log in.", "comments"),
    ("For more information about reprints & permissions, visit our help page.", "reprints"),
    ("By submitting a comment you agree to our terms of use and privacy policy.", "comments"),
    ("This copy is for your personal, non-commercial use only.", "copyright"),
])
def test_notices_under_the_article_go_with_their_reason(line, reason):
    a = _en_page_with(line)
    assert reason in {x.text: x.reason for x in a.removed}[line] and "More than 30,000" in a.text


def test_a_statement_heading_ends_the_article():
    rules = ["郑 重 声 明", "1. 任何言论纯属作者个人观点，与本论坛无关，本论坛不承担任何责任；", "2. 禁止发表违反国家法律、法规的言论和信息，违者将被删除帖子；"]
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】", "\n".join(rules)))
    assert "下一阶段" in zh.text and not any(r in zh.text for r in rules)


def test_a_follow_our_account_line_goes_on_its_own():
    line = "扫码关注本站公众号获取更多资讯"
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】", line + "\n【责任编辑：张三】"))
    assert line not in zh.text


def test_an_excerpt_ending_in_bracketed_dots_is_a_teaser():
    excerpt = "The new clinic opened its doors on Monday. Parents can now book screenings online, and the [...]"
    a = _en_page_with("Related Posts\nNew Clinic Opens\n" + excerpt)
    assert excerpt not in a.text and "truncated teaser" in {x.text: x.reason for x in a.removed}[excerpt]


@pytest.mark.parametrize("bio", [
    "Jane Doe (@janedoe) is a health reporter at the Daily and writes about families and hospitals.",
    '"Jane is a recovering print journalist, editor of the Daily, subtitles and street signs."',  # quoted, on a card
])
def test_the_authors_biography_under_the_article_goes(bio):
    a = _en_page_with(bio)
    assert bio not in a.text and "about the author" in {x.text: x.reason for x in a.removed}[bio]
    assert "More than 30,000" in a.text


def test_credits_contact_and_share_prompts_under_the_article():
    credit, contact, share = ("(Reporting by John Roe; editing by Mary Major)",
                              "Jane Doe can be reached at jdoe@example.com or on Twitter.", "Like this story? Share it with a friend!")
    a = _en_page_with(f"{credit}\n{contact}\n{share}")
    reasons = {x.text: (x.label, x.reason) for x in a.removed}
    assert reasons[credit] == ("meta", "reporting credits") and "contact" in reasons[contact][1]
    assert "share prompt" in reasons[share][1]
    zh_lines = ["欢迎加入本站邮件列表，您将第一时间收到最新的健康资讯。", "如果您喜欢本站新闻，请告诉您的朋友。",
                "声明：本站登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。"]
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】", "\n".join(zh_lines) + "\n【责任编辑：张三】"))
    assert not any(x in zh.text for x in zh_lines)


def test_post_footers_tags_and_print_notes_go():
    lines = ["This entry was posted in Family Health by Jane Doe. Bookmark the permalink.",
             "Tagged as: newborns, screening, hospitals",
             "A version of this article appeared in print on March 6, 2024, on page A4 of the city edition."]
    a = _en_page_with("\n".join(lines))
    reasons = {x.text: x.reason for x in a.removed}
    assert "post footer" in reasons[lines[0]] and "tags" in reasons[lines[1]] and "print" in reasons[lines[2]]


def test_replies_signed_by_a_long_byline_are_comments():
    replies = ["这个项目真的很好，希望能够推广到更多的地区，让农村的孩子也能享受到同样的服务。",
               "〓 健康论坛 亲子话题 发布时间 2024/03/06 10:21:33 by 阳光妈妈妈妈 〓",
               "我家孩子上个月刚去体检过，医生非常耐心，整个过程也很顺利，值得点赞。",
               "〓 健康论坛 亲子话题 发布时间 2024/03/06 12:05:10 by 老王在北京呢 〓",
               "请问外地户口的孩子也可以参加这个免费体检吗？有没有知道具体办理流程的朋友？",
               "〓 健康论坛 亲子话题 发布时间 2024/03/07 08:47:51 by 小李飞刀飞 〓"]
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】\n", "\n".join(replies) + "\n"))
    assert "下一阶段" in zh.text and not any(r in zh.text for r in replies[2::2])


def test_the_last_comment_goes_too_past_its_reply_link():
    thread = []
    for k in range(3):
        thread += [EN_COMMENTS[2 * k], "Log in to Reply", EN_COMMENTS[2 * k + 1]]
    a = _en_page_with("\n".join(thread))
    assert "More than 30,000" in a.text and not any(c in a.text for c in EN_COMMENTS)
    assert "comments" in {x.text: x.reason for x in a.removed}[EN_COMMENTS[5]]


def test_a_long_comment_inside_a_thread_is_still_a_comment():
    long_comment = " ".join([EN_COMMENTS[3]] * 9)  # ~170 words
    more = ["Ann Lee March 8, 2024 at 7:00 am", "We waited less than an hour for our son's check, which was much better than last year.",
            "Bo Chan March 8, 2024 at 9:30 am", "I wish the clinic had a car park, as the buses from our part of town are few."]
    thread = EN_COMMENTS[:2] + more + EN_COMMENTS[2:3] + [long_comment] + EN_COMMENTS[4:]
    a = _en_page_with("\n".join(thread))
    assert "More than 30,000" in a.text and long_comment not in a.text
    assert "comments" in {x.text: x.reason for x in a.removed}[long_comment]


def test_headlines_under_bare_times_are_a_teaser_list_not_comments():
    items = ["2 hours ago", "City opens a second screening clinic in the north district for working parents.",
             "3 hours ago", "School meals will include more fresh fruit and vegetables from next term, the council said.",
             "5 hours ago", "The vaccination drive reached its target two weeks early as families turned out in numbers."]
    a = _en_page_with("\n".join(items))
    assert "teaser list" in {x.text: x.reason for x in a.removed}[items[1]] and "More than 30,000" in a.text


_COMMENTS = [("Maria Lopez", "March 6, 2024 at 9:14 am",
              "This programme found a heart problem in my daughter when she was two days old, and the doctors were able to treat it before we even left the ward."),
             ("Tom", "March 6, 2024 at 11:02 am",
              "I wish our county had done this years ago, because families like mine had to drive for hours to get the same tests done at a private clinic."),
             ("Wei Chen", "March 7, 2024 at 8:40 pm",
              "Does anyone know whether the screening also covers hearing tests for babies who were born at home rather than in the hospital itself?"),
             ("Anna K.", "March 8, 2024 at 7:05 am",
              "Thank you for writing about this, it is the kind of local health news that we never get to read in the national papers these days.")]


_LIVE_POSTS = [("6:30 p.m. ET, March 5, 2024", "Two more counties report first measles cases", "From CNN's Jane Doe",
                "Health officials in two more Texas counties reported their first measles cases on Tuesday, both linked to the outbreak."),
               ("5:15 p.m. ET, March 5, 2024", "CDC sends team to help with outbreak response", "From CNN's John Roe",
                "The Centers for Disease Control and Prevention has sent a team of epidemiologists to help local officials trace contacts."),
               ("3:02 p.m. ET, March 5, 2024", "Vaccination clinics see long lines", "From CNN's Jane Doe",
                "Parents lined up for hours outside a pop-up vaccination clinic in Lubbock on Tuesday morning, according to local officials.")]


def test_a_live_blogs_posts_are_the_article_not_comments():
    """Each update under its time, its headline and a credit line is the article's (they were
    dropped as "reader comments": untrue, and the page lost everything but its lead)."""
    posts = "".join(f"{stamp}\n{title}\n{credit}\n{text}\n" for stamp, title, credit, text in _LIVE_POSTS)
    page = ("News\nLive\nHealth\nLive updates: Measles outbreak in Texas spreads to new counties\n"
            "By Jane Doe and John Roe, CNN\nUpdated 6:45 PM EST, Tue March 5, 2024\n"
            "Health officials confirmed 12 new measles cases on Tuesday, bringing the total in the outbreak to 158.\n"
            "Most of the cases are in unvaccinated children, officials said.\n" + posts + "Related\nWhat to know about measles\n")
    a = clean_text(page)
    assert a.title == "Live updates: Measles outbreak in Texas spreads to new counties"
    assert "bringing the total" in a.text and all(text in a.text for *_, text in _LIVE_POSTS)
    assert [p.text for p in a.paragraphs if p.kind == "heading"] == [title for _, title, *_ in _LIVE_POSTS]
    assert not any("comments" in line.reason for line in a.removed)
    assert "From CNN's John Roe" not in a.text and "6:30 p.m." not in a.text
    # a Chinese one, its times with dotted hours as the Guardian writes them ("16.32 GMT") aside
    zh = clean_text("首页 > 新闻 > 健康\n实时更新｜多地报告甲流病例增加 专家提醒做好防护\n2024-03-05 18:30 来源：健康时报\n"
                    "近期，全国多地进入甲流高发期，医院儿科门诊量明显上升，本报记者持续关注各地情况。\n"
                    "2024-03-05 18:20\n北京：儿童医院门诊量上升\n北京儿童医院相关负责人介绍，近一周发热门诊日均接诊量较上月增加三成。\n"
                    "2024-03-05 17:45\n上海：疾控发布防护提示\n上海市疾控中心发布健康提示，建议市民在人群密集场所佩戴口罩，勤洗手。\n"
                    "2024-03-05 16:30\n广州：中小学加强晨检\n广州市教育局要求各中小学加强晨午检，发现发热学生及时通知家长。\n"
                    "责任编辑：王芳\n")
    assert zh.title.startswith("实时更新") and "日均接诊量" in zh.text and "加强晨午检" in zh.text
    dotted = clean_text(page.replace("6:30 p.m. ET", "Tue 5 Mar 2024 18.30 GMT").replace("5:15 p.m. ET", "Tue 5 Mar 2024 17.15 GMT")
                        .replace("3:02 p.m. ET", "Tue 5 Mar 2024 15.02 GMT"))
    assert all(text in dotted.text for *_, text in _LIVE_POSTS)


def test_a_run_of_credit_lines_under_the_article_is_read_past_its_end():
    """"（完）" ends the article; the credits under it, however many, are still its bylines."""
    credits = "（完）\n点击进入专题：孕期营养指南\n文字：王晓\n摄影：李强\n校对：赵敏\n审核：刘洋\n监制：陈刚\n责任编辑：孙丽\n"
    a = clean_text(ZH_PAGE.replace("【责任编辑：张三】\n", credits))
    assert a.editor == "孙丽" and "下一阶段" in a.text and "赵敏" not in a.text
    assert {x.text: x.label for x in a.removed if x.text.startswith(("文字", "监制"))} == {"文字：王晓": "meta", "监制：陈刚": "meta"}
    # a wire story's: its reporters, its editor; then the agency's standards, which go
    b = _en_page_with("(Reporting by Ann Lee in Geneva; Editing by Bill Berkrot)\n"
                      "Our Standards: The Thomson Reuters Trust Principles.")
    assert "Trust Principles" not in b.text and b.editor == "Bill Berkrot"


def test_a_forum_threads_first_post_is_the_article_and_its_replies_are_comments():
    """楼主 names the first post's poster (a handle longer than a name); 沙发, 板凳, 地板 and 2楼 are
    replies' floors: the first reply's header is no footer of the post."""
    page = ("妈妈网 > 孕期交流 > 孕早期\n登录 | 注册\n[经验分享] 孕早期孕吐严重，这几个方法帮我熬过来了\n"
            "楼主 小葡萄妈妈 发表于 2024-03-05 21:40 | 只看该作者\n"
            "怀孕第6周开始孕吐，每天早上刷牙都会吐，吃什么吐什么，一度瘦了5斤，去医院检查说尿酮体有加号。\n"
            "后来试了几个方法，感觉挺有用的，少食多餐，床头放几块苏打饼干，早上起床前先吃两块。\n回复 引用 举报\n"
            "沙发 暖暖妈 发表于 2024-03-05 22:03\n谢谢分享，我现在8周，也是吐得厉害，试试苏打饼干。\n回复 引用 举报\n"
            "板凳 豆豆妈咪 发表于 2024-03-05 22:15\n生姜真的有用，我也是这样熬过来的。\n回复 引用 举报\n"
            "地板 小葡萄妈妈 发表于 2024-03-05 22:30\n加油，过了12周就好了。\n回复 引用 举报\n")
    a = clean_text(page)
    assert (a.author, a.date) == ("小葡萄妈妈", "2024-03-05") and "苏打饼干，早上" in a.text
    reasons = {x.text: x.reason for x in a.removed}
    assert reasons["沙发 暖暖妈 发表于 2024-03-05 22:03"] == "outside article: reader comments"
    assert "生姜真的有用" not in a.text


def test_a_contents_list_with_an_item_unheaded_and_a_photos_share_button():
    """A health site's contents list names a part the page gives no heading ("Alternatives"),
    and its photo has its own share button: the list's other items still head their parts,
    and the article goes on past the photo (it was cut after its lead)."""
    page = ("Health Conditions\nDiscover\nIs it safe to drink coffee while pregnant?\n"
            "Medically reviewed by Jane Smith, MD — Written by Tom Brown — Updated on March 5, 2024\n"
            "Current guidelines\nRisks\nAlternatives\nSummary\n"
            "Many people wonder whether their morning coffee is safe during pregnancy. Current guidelines say that moderate amounts are fine.\n"
            "Share on Pinterest\nPhotography by Anna Lee/Getty Images\nCurrent guidelines\n"
            "The American College of Obstetricians and Gynecologists recommends that pregnant people limit caffeine to 200 milligrams a day.\n"
            "Risks\nSome studies have linked high caffeine intake during pregnancy to a lower birth weight, though the cause is unclear.\n"
            "Summary\nModerate coffee drinking appears to be safe during pregnancy, but people should talk with their doctor.\n"
            "Share this article\nLatest news\n")
    a = clean_text(page)
    assert [p.text for p in a.paragraphs if p.kind == "heading"] == ["Current guidelines", "Risks", "Summary"]
    assert "200 milligrams" in a.text and "talk with their doctor" in a.text and a.author == "Tom Brown"
    once, twice = _twice(page)  # ("Summary", a button's word, is a heading the first pass kept)
    assert "Summary" in once and once == twice


def test_a_name_over_its_role_is_the_author_however_far_under_the_headline():
    page = ("Home\nNews\nHealth\nPregnant women offered whooping cough jab as cases rise\nPublished\n5 March 2024\n"
            "Share\nSave\nJane Doe\nHealth reporter, BBC News\n"
            "Pregnant women in England are being urged to get vaccinated against whooping cough after a sharp rise in cases.\n"
            "Vaccination in pregnancy passes protection to the baby, which is too young to be vaccinated until eight weeks old.\n")
    a = clean_text(page)
    assert (a.title, a.author, a.date) == ("Pregnant women offered whooping cough jab as cases rise", "Jane Doe", "2024-03-05")


def test_a_health_qa_page_keeps_its_question_and_answer():
    """The question is the headline and its description the article's start; the answering
    doctor's card is the answer's byline, and "医生回答" labels the answer, not a headline of
    its own (the page was its answer alone, under the doctor's specialty as its headline)."""
    page = ("有问必答 > 妇产科 > 产科\n怀孕32周胎儿偏小怎么办？\n"
            "问题描述：怀孕32周，B超显示胎儿双顶径和股骨长都比孕周小两周左右，医生说胎儿偏小，需要注意什么？平时饮食要怎么调整？\n"
            "女 | 28岁 | 2024-03-04 21:15\n医生回答\n王红 主治医师\n北京妇产医院 产科\n擅长：高危妊娠管理、妊娠期糖尿病\n"
            "你好，根据你描述的情况，胎儿比孕周小两周左右，需要先排除孕周计算误差，建议核对末次月经时间和早孕期B超结果。\n"
            "如果孕周核对无误，建议在医生指导下进一步检查胎盘功能和脐血流情况，同时注意增加优质蛋白质的摄入。\n"
            "回答时间：2024-03-05 08:30\n有帮助(12) 没帮助(0)\n相关问题\n怀孕30周胎儿偏小正常吗\n")
    a = clean_text(page)
    assert a.title == "怀孕32周胎儿偏小怎么办？"
    assert "双顶径" in a.text and "脐血流" in a.text and "擅长" not in a.text and "主治医师" not in a.text
    assert {x.text: x.label for x in a.removed}["北京妇产医院 产科"] == "meta"


def test_a_link_to_another_story_between_two_paragraphs_is_an_aside():
    """"RELATED: …" between two paragraphs neither makes nor breaks the article (it cost as a
    menu line does, and cut a short article in two)."""
    page = ("Local\nHealth\nState expands Medicaid coverage for new mothers to a full year\nBy Maria Gomez\nMarch 5, 2024\n"
            "Gov. Ann Lee signed a bill on Tuesday extending Medicaid coverage for new mothers from 60 days to a full year.\n"
            "RELATED: Maternal deaths rose sharply during the pandemic, CDC says\n"
            "About 40 percent of births are covered by Medicaid, and advocates said it would help thousands of women.\n"
            "Copyright 2024 Local News. All rights reserved.\n")
    a = clean_text(page)
    assert "60 days to a full year" in a.text and "thousands of women" in a.text and "RELATED" not in a.text


def test_a_headline_over_its_summary_points_is_the_headline():
    """Three points written as sentences under the headline and over the byline: the first line
    is the headline (the nearest point was); a photo's "(stock image)" closes a caption."""
    page = ("Home\nHealth\nMothers who breastfeed for six months cut their risk of heart disease, major study finds\n"
            "Women who breastfed had a 10 per cent lower risk of heart disease\n"
            "Benefits were seen in mothers who breastfed for at least six months\n"
            "Experts say the findings add to evidence on the benefits of breastfeeding\n"
            "By Jane Roe Health Reporter For Mailonline\nPublished: 10:04 GMT, 5 March 2024\n"
            "Mothers who breastfeed their babies for at least six months are less likely to develop heart disease, a study found.\n"
            "Women who breastfed had a lower risk of heart disease, the study found (stock image)\n"
            "Researchers from the University of Pittsburgh analysed data on more than a million women from eight countries.\n")
    a = clean_text(page)
    assert a.title.startswith("Mothers who breastfeed for six months") and a.author == "Jane Roe"
    assert a.captions == ["Women who breastfed had a lower risk of heart disease, the study found (stock image)"]


def test_a_newsletter_box_and_its_privacy_notice_under_the_article_go():
    a = _en_page_with("Get our local newsletter, delivered free each Friday\n"
                      "Your information is being handled in accordance with the ABC Privacy Collection Statement.")
    assert "newsletter" not in a.text and "Privacy" not in a.text and "More than 30,000" in a.text


def test_the_editor_line_under_a_related_list_is_still_the_editors():
    """"相关阅读：" heads a list (its key-like colon makes no byline), and the editor line under
    the list still names the editor."""
    a = clean_text(ZH_PAGE.replace("【责任编辑：张三】\n相关新闻\n", "本文共2页\n上一页 1 2 下一页\n相关阅读：\n"
                                   "宝宝几个月会叫爸爸妈妈？\n(责任编辑：李娜)\n"))
    assert a.editor == "李娜" and "下一阶段" in a.text
    assert {x.text: x.reason for x in a.removed}["相关阅读："] == "outside article: related list"


def test_an_official_notice_keeps_its_closing_issuer_and_date():
    """"特此通告。", the attachment, the issuer and the date sign a notice: its text (they were
    dropped as short lines and a byline)."""
    page = ("当前位置：首页 > 政务公开 > 通知公告\n关于开展2024年孕产妇健康管理服务质量评估的通知\n"
            "发布时间：2024-03-05 来源：妇幼健康处\n各区卫生健康委，各有关医疗机构：\n"
            "为进一步规范孕产妇健康管理服务，提高服务质量，根据国家基本公共卫生服务规范要求，现就有关工作通知如下。\n"
            "主要评估孕产妇健康管理服务的覆盖率、规范率和满意度，重点关注高危孕产妇的筛查、评估和随访管理情况。\n"
            "特此通知。\n附件：孕产妇健康管理服务质量评估表.docx\n市卫生健康委\n2024年3月5日\n"
            "上一篇：关于做好春季传染病防控工作的通知\n")
    a = clean_text(page)
    assert [p.text for p in a.paragraphs][-4:] == ["特此通知。", "附件：孕产妇健康管理服务质量评估表.docx", "市卫生健康委", "2024年3月5日"]
    assert a.date == "2024-03-05" and a.source == "妇幼健康处"


def test_a_bbs_posts_title_key_and_asctime():
    page = ("批踢踢實業坊 › 看板 BabyMother\n作者 sunnymom (小太陽媽) 看板 BabyMother\n標題 [心得] 新生兒黃疸照光經驗分享\n"
            "時間 Tue Mar 5 10:00:00 2024\n寶寶出生第三天黃疸指數到了15，醫生建議住院照光，當下真的很緊張。\n"
            "照光大概兩天，護理師說要多餵奶，讓寶寶多排便，黃疸才會降得快。\n--\n※ 發信站: 批踢踢實業坊(ptt.cc)\n")
    a = clean_text(page)
    assert (a.title, a.date) == ("[心得] 新生兒黃疸照光經驗分享", "2024-03-05") and "多餵奶" in a.text


@pytest.mark.parametrize("link", ["【延伸阅读】孕期贫血的危害有哪些？", "相关阅读：孕期补钙的五个误区", "点击查看：孕期营养指南"])
def test_a_chinese_link_to_another_story_is_an_aside_not_a_byline(link):
    """"相关阅读：X" holds a count's key ("阅读：1660"), but no number: no byline."""
    a = clean_text(ZH_PAGE.replace("项目成效\n", link + "\n"))
    assert {x.text: x.reason for x in a.removed}[link] == "related link" and "下一阶段" in a.text
    assert a.author == "王芳, 李明"


def test_times_each_over_a_headline_are_a_list_of_stories_not_comments():
    """A box of stories, each its time then its headline ("January 17, 2012, 11:28 am", "Global
    Stocks Rally…"), said "reader comments": untrue. (A live blog's posts have prose under their
    headlines; comments have their text under their times.)"""
    items = ["January 17, 2012, 11:28 am", "Global Stocks Rally on Positive Economic Data",
             "January 17, 2012, 11:27 am", "Hungary Loses Its Shine With Investors",
             "January 17, 2012, 11:20 am", "Mothers Return to Work Sooner Than Before",
             "January 17, 2012, 11:02 am", "City Opens Its Second Screening Clinic"]
    a = _en_page_with("\n".join(items))
    reasons = {x.text: x.reason for x in a.removed}
    assert reasons[items[1]] == "outside article: teaser list (stories with their times)" and "More than 30,000" in a.text


def test_comments_with_a_button_under_each_time_are_still_comments():
    """A comment's buttons under its signature ("Click to rate Rating 4", "Report abuse") are no
    live post's headline: the same words each time."""
    thread = "".join(f"{text}\n- {name}, London, 6/3/2024 {stamp[-7:]}\nClick to rate Rating {k}\nReport abuse\n"
                     for k, (name, stamp, text) in enumerate(_COMMENTS))
    a = _en_page_with(thread)  # (the first comment's text, above its signature, reads as the article's)
    assert "More than 30,000" in a.text and not any(text in a.text for *_, text in _COMMENTS[1:])
    assert {x.text: x.reason for x in a.removed}[_COMMENTS[2][2]] == "outside article: reader comments"


def test_a_comment_thread_longer_than_the_article_is_not_the_article():
    comments = "".join(f"{name}\n{stamp}\n{text}\nReply\n" for name, stamp, text in _COMMENTS)
    page = ("Home | News | Health | About us\n"
            "Newborn screening reaches every district\n"
            "By Jane Doe, March 5, 2024\n"
            "Every newborn in the city can now be screened for twenty rare conditions, the hospital said on Tuesday.\n"
            "The tests take a few drops of blood from the heel and the results arrive within a week.\n"
            "4 comments\n" + comments)
    a = clean_text(page)
    assert a.title == "Newborn screening reaches every district"
    assert "twenty rare conditions" in a.text and "results arrive within a week" in a.text
    assert "heart problem" not in a.text and "hearing tests" not in a.text
    removed = {line.text: line.reason for line in a.removed}
    assert removed[_COMMENTS[2][2]] == "outside article: reader comments"
    # without the comments heading, the stamps alone still tell a thread from the article
    b = clean_text(page.replace("4 comments\n", ""))
    assert b.text == a.text


def test_a_feed_of_posts_gives_its_first_post():
    posts = "".join(f"Post number {n} about clinics\nPosted by Ann on May {n}, 2024 at 10:0{n} am\n"
                    f"The clinic on {street} Street opened its doors to families this week, and the nurses there saw more than a hundred children on the first day alone.\n"
                    f"Parents said the new waiting room was much calmer than the old one, and that the staff explained every vaccine before giving it.\n"
                    for n, street in zip(range(1, 5), ("Oak", "Elm", "Pine", "Ash")))
    a = clean_text(posts)
    assert "Oak Street" in a.text and "Elm Street" not in a.text


def test_the_run_under_a_headline_and_its_date_beats_a_box_above_it():
    page = ("About me\n"
            "I am a midwife and a mother of three, and I have worked in rural clinics for twenty years.\n"
            "On this blog I write about pregnancy, birth and the first year of a baby's life, in plain words.\n"
            "I also answer readers' questions every Friday, so please send them in through the form below.\n"
            "Home | Pregnancy | Birth | Babies | Archives | Contact\n"
            "Search\nCategories\nRecent posts\n"
            "Iron in pregnancy: what the new advice means\n"
            "Monday, November 5, 2012\n"
            "The health ministry now advises iron tablets only for women whose blood tests show they need them.\n"
            "Most women get enough iron from food, and too much of it can upset the stomach for weeks.\n"
            "Midwives will still check every woman's blood twice, once early on and once near the end.\n")
    a = clean_text(page)
    assert a.title == "Iron in pregnancy: what the new advice means"
    assert a.text.startswith("The health ministry") and "midwife" not in a.text


def test_a_line_of_headlines_between_bullets_and_a_feed_of_timed_headlines_are_not_the_article():
    article = ("Free vitamin D drops for every newborn\n"
               "By Jane Doe, March 5, 2024\n"
               "Every baby born in the region will get free vitamin D drops from next month, the health board said.\n"
               "The drops protect bones in the first year, when babies get little sun, and cost families about ten pounds a month.\n")
    bullets = ("Council approves new bus routes for the east side after a long debate · Local school wins national science prize "
               "for the second year in a row · Storm warning issued for the coast as winds reach ninety miles an hour · "
               "Hospital car park fees to rise in April, and the staff union says it will fight them\n")
    feed = "".join(f"{h} - Daily Post - {n} hours ago\n" for n, h in enumerate((
        "Council approves the new bus routes, and the east side is glad of it.",
        "Our local school wins a science prize, for the second year in a row.",
        "A storm warning is issued for the coast, as the winds reach new highs.",
        "The car park fees rise in April, and the staff union says it will fight.",
        "The new library opens its doors, with a reading room for the children."), 1))
    for page in (bullets + article, feed + article):
        a = clean_text(page)
        assert a.text.startswith("Every baby born") and "Council" not in a.text
    assert any(line.reason.startswith("outside article: headlines between bullets")
               for line in clean_text(bullets + article).removed)

def test_a_photo_credit_or_a_mention_of_copyright_does_not_end_the_article():
    credit = "The new wing of the hospital. © Mary Major"
    mention = ("The hospital's lawyers said the copyright of the screening software was never in dispute, "
               "see http://example.org/news/copyright-of-the-software")
    a = clean_text(EN_PAGE.replace("Nurses at the screening centre on Monday. (Photo by John Roe)",
                                   f"{credit}\n{mention}\n© Peter Smith"))
    assert mention in a.text and "More than 30,000" in a.text
    assert credit in a.captions and "© Peter Smith" in a.captions
    assert "copyright" in {x.text: x.reason for x in a.removed}["Copyright 2024 Health Daily. All rights reserved."]


def test_a_standfirst_the_page_repeats_in_a_teaser_is_still_the_lead():
    lead = "Screening every newborn in the city will take two more years and cost far more than the hospital had planned for"
    page = EN_PAGE.replace("March 5, 2024", f"March 5, 2024\n{lead}").replace("Share this article", f"Share this article\n{lead}")
    a = clean_text(page)
    assert a.text.count(lead) == 1 and a.paragraphs[0].text == lead


def test_a_numbered_list_the_article_announces_is_kept_a_ranking_without_its_intro_is_not():
    body_end = "下一阶段，医院将继续完善服务网络，让更多家庭享受到优质便捷的妇幼健康服务。"
    items = ["1、东城区", "2、西城区", "3、海淀区", "4、朝阳区"]
    page = ZH_PAGE.replace("【责任编辑：张三】\n", "")
    announced = clean_text(page.replace(body_end, body_end + "\n首批试点区县如下：\n" + "\n".join(items)))
    assert all(item in announced.text for item in items) and "首批试点区县如下：" in announced.text
    bare = clean_text(page.replace(body_end, body_end + "\n" + "\n".join(items)))
    assert not any(item in bare.text for item in items)
    en_items = ["1. Cotton blankets", "2. A soft cap", "3. Two pairs of socks"]
    en_end = "as the programme grows."
    en = clean_text(EN_PAGE.replace(en_end, en_end + "\nParents are asked to bring:\n" + "\n".join(en_items)))
    assert all(item in en.text for item in en_items)


def test_a_letter_spaced_chinese_headline_is_not_a_menu():
    spaced = " ".join("儿童保健服务再升级项目启动")
    a = clean_text(ZH_PAGE.replace("儿童保健服务再升级", spaced))
    assert a.title == spaced
    assert "menu" in {x.text: x.reason for x in clean_text("一 二 三 四 五 六 日\n" + ZH_PAGE).removed}["一 二 三 四 五 六 日"]


def test_a_closing_line_that_ends_in_an_emoji_still_ends_a_sentence():
    closing = "We hope to see all of you at the open day! 🙂"
    a = _en_page_with(closing)
    assert closing in a.text


def test_a_bulleted_list_the_article_announces_is_kept():
    items = ["- North district: 12,000 infants", "- South district: 9,500 infants", "- West district: 8,000 infants"]
    en_end = "as the programme grows."
    a = clean_text(EN_PAGE.replace(en_end, en_end + "\nInfants screened by district:\n" + "\n".join(items)))
    assert all(item in a.text for item in items)


def test_unmarked_items_a_sentence_announces_are_kept_headlines_under_more_stories_are_not():
    en_end = "as the programme grows."
    tips = ["Bring the baby's health card and a list of any medicines given since birth",
            "Book the screening online at least a week before the date you would like",
            "Ask the nurse about the follow-up visit if the first results are unclear"]
    a = clean_text(EN_PAGE.replace(en_end, "as the programme grows, and it gives parents a few tips:\n"
                                   + "\n".join(tips) + "\nThe hospital will publish its next figures in June, a spokesman said."))
    assert all(t in a.text for t in tips) and "next figures in June" in a.text
    heads = ["- Hospital opens new maternity ward", "- City council approves health budget", "- Flu season starts early"]
    b = clean_text(EN_PAGE.replace(en_end, en_end + "\nMore news stories:\n" + "\n".join(heads)))
    assert not any(h in b.text for h in heads)


def test_a_bulleted_list_a_line_of_the_article_announces_inside_it_is_kept():
    items = ["• North district", "• South district", "• West district"]
    a = _en_page_inside("The screening starts next week in the north, the south and the west of the city, in these districts:\n"
                        + "\n".join(items))
    assert all(item in a.text for item in items)


def test_a_cookie_sheet_in_a_recipe_is_not_a_cookie_notice():
    step = "Put the tray on a cookie sheet and use foil to cover the edges so that they do not burn."
    a = _en_page_inside(step)
    assert step in a.text
    notice = "This site uses cookies: by staying on it you accept their use."
    assert "cookie" in {x.text: x.reason for x in clean_text(notice + "\n" + EN_PAGE).removed}[notice]


def test_a_list_of_amounts_is_the_recipe_s_inside_or_after_the_article():
    amounts = ["2 tbsp olive oil", "1/2 tsp ground cumin", "3 ripe tomatoes", "salt to taste", "1 1/2 cups rice"]
    en_end = "as the programme grows."
    after = clean_text(EN_PAGE.replace(en_end, en_end + "\nFor the rice salad:\n" + "\n".join(amounts)))
    assert all(x in after.text for x in amounts)
    inside = _en_page_inside("\n".join(amounts[:3]))
    assert all(x in inside.text for x in amounts[:3])


def test_unmarked_items_under_a_line_ending_in_a_colon_inside_the_article_are_its_list():
    items = ["A free hearing test", "Blood spot screening", "A heart check for newborns"]
    a = _en_page_inside("Every family in the programme is offered three checks, at no cost, in the same visit:\n"
                        + "\n".join(items))
    assert all(item in a.text for item in items)
    links = ["Hospital website", "Screening leaflet", "Contact form"]
    b = _en_page_inside("Related links:\n" + "\n".join(links))
    assert not any(x in b.text for x in links)


def test_a_short_standfirst_without_its_full_stop_is_the_lead():
    lead = "The screening will reach every district by the end of next year"
    a = clean_text(EN_PAGE.replace("March 5, 2024", "March 5, 2024\n" + lead))
    assert a.paragraphs[0].text == lead


def test_a_commentary_titled_after_pinglun_colon_is_not_the_comment_section():
    body_end = "下一阶段，医院将继续完善服务网络，让更多家庭享受到优质便捷的妇幼健康服务。"
    comment = "专家认为，儿童保健不能只靠一次体检，家庭、学校和医院需要长期配合，才能真正看到效果。"
    page = ZH_PAGE.replace("【责任编辑：张三】\n", "").replace(body_end, body_end + "\n评论：体检之后更要跟进\n" + comment)
    assert comment in clean_text(page).text
    closed = ZH_PAGE.replace("【责任编辑：张三】\n", "").replace(body_end, body_end + "\n评论：12\n" + comment)
    assert comment not in clean_text(closed).text


def test_a_bare_comments_line_ends_the_article_only_where_comments_follow():
    head = ("Hospital expands newborn screening programme\n"
            "By Jane Doe, March 5, 2024\n"
            "The city's maternal and child health hospital has expanded its newborn screening programme, officials said.\n"
            "The programme now covers all twelve districts, and it tests for twenty rare conditions instead of nine.\n")
    rest = ("More than 30,000 infants were screened last year, and the hospital expects the number to double this year.\n"
            "Parents can book the free test at any of the city's twelve clinics, or ask their midwife to do it at home.\n")
    share_bar = "Comments\n"
    # a "Comments" link (a tab, a share button) inside the article: the article goes on past it
    assert "twelve clinics" in clean_text(head + share_bar + rest).text
    # the comments under a post's footer: the article ends there
    footer = "Posted by Jane Doe on March 5, 2024 | Permalink\nComments\n"
    comment = "I am so glad that my sister's baby will be screened too, she lives right next to one of the clinics.\n"
    a = clean_text(head + rest + footer + comment)
    assert "twelve clinics" in a.text and "my sister's baby" not in a.text


def test_the_comment_feed_line_ends_the_article():
    feed = "You can follow this conversation by subscribing to the comment feed for this post."
    comment = "What a lovely clinic, we went there last week and the nurses were so kind to our little boy."
    a = _en_page_with(f"{feed}\n{comment}")
    assert "More than 30,000" in a.text and comment not in a.text
    assert "comments" in {x.text: x.reason for x in a.removed}[feed]


def test_a_nickname_in_brackets_is_no_other_kind_of_comment_header():
    thread = [EN_COMMENTS[0], EN_COMMENTS[1], "Ruth (Ruthie) Ng March 6, 2024 at 11:40 am", *EN_COMMENTS[3:]]
    a = _en_page_with("\n".join(thread))
    assert "More than 30,000" in a.text and not any(c in a.text for c in EN_COMMENTS)
    assert "comments" in {x.text: x.reason for x in a.removed}[EN_COMMENTS[3]]


def test_rules_and_photo_credits_between_parts_of_the_article_do_not_cut_it():
    parts = ["Players in the first half were quick to adapt to the rain, and the crowd stayed on to watch every minute of it.",
             "(Jane Roe/Associated Press)", "—————————————————", "SECOND HALF", "—————————————————",
             "The second half began with a long drive from the home side, which ended in a goal after twelve minutes of play.",
             "(Associated Press)", "—————————————————", "FULL TIME", "—————————————————",
             "The visitors never found their rhythm, and the home side held on to win by three clear goals in the end."]
    a = _en_page_inside("\n".join(parts))
    assert all(p in a.text for p in parts[0::5]) and "More than 30,000" in a.text and "SECOND HALF" in a.text
    reasons = {x.text: x.reason for x in a.removed}
    assert reasons["—————————————————"] == "separator rule" and reasons["(Associated Press)"] == "photo credit"


def test_a_long_about_me_box_above_a_short_post_is_not_the_article():
    page = ["Jane's Parenting Notes", "About Me", "Name: Jane Roe", "Location: Leeds, England",
            "I am a midwife, a mother of three and a runner, and I have written here since 2009 about pregnancy, "
            "birth, breastfeeding and the first years of a child's life, with the help of many readers who send me "
            "their questions and their stories from all over the world, week after week.",
            "View my complete profile", "Previous Posts", "Flu season is here", "Our new birth centre",
            "Ten questions about iron", "Sunday, November 4, 2012", "Free flu jabs for pregnant women",
            "The clinic on Park Road now gives free flu jabs to pregnant women on weekday mornings.",
            "No appointment is needed: bring your maternity notes.",
            "posted by Jane Roe @ 6:43 PM", "0 Comments", "Post a Comment"]
    a = clean_text("\n".join(page))
    assert "free flu jabs" in a.text and "runner" not in a.text
    for about in ("About Me", "About the author"):
        assert "about the author" in {x.text: x.reason for x in clean_text("\n".join(page).replace("About Me", about)).removed}[about]


def test_a_long_line_that_leads_into_a_list_with_a_colon_is_prose():
    lead = "In addition to the first set of photos from the new clinic that I published a few days ago, here are a few more pictures sent by readers:"
    a = clean_text("Nikon News\nMore photos of the new clinic\nBy admin | Published: October 28, 2012\n" + lead +
                   "\nRelated posts:\nMore photos of the old clinic\nThe clinic opens\n")
    assert a.text == lead


def test_a_bulleted_list_in_groups_under_the_article_is_the_article():
    items = ["NEW FUNCTIONS:", "- Growth charts for twins", "- Reminders for vaccinations", "CHANGES:",
             "- Faster start-up", "- Larger text in the diary", "PRIVACY", "- Data stays on the phone"]
    a = _en_page_with("The full list of changes in version 4.2 of the clinic's app follows here, as the hospital gave it;\n"
                      + "\n".join(items))
    assert all(x in a.text for x in items) and "Share this article" not in a.text


def test_teasers_between_the_article_and_its_authors_biography_go_with_it():
    teasers = ["YouTubers must unionize no matter what the company says", "Paid political ads are not the problem with our feeds",
               "Could an astronaut lost in space use gravity to get around?"]
    bio = ("Jane Roe (@janeroe) is a health reporter at the Daily, where she has covered hospitals, clinics and "
           "the care of mothers and newborns since 2015.")
    a = _en_page_with("\n".join([*teasers, bio]))
    assert "More than 30,000" in a.text and not any(t in a.text for t in [*teasers, bio])


def test_the_headline_is_the_candidate_whose_wording_the_article_takes_up():
    page = ["Home | News | Health", "Related BBC sites", "Zambian minister offers to bungee-jump with climber",
            "Continue reading the main story", "Watch Your Favourite CBS Shows Now Online",
            "Zambia's tourism minister has offered to bungee-jump with the Australian climber whose cord snapped.",
            "The minister said the jump was safe and that he had done it himself twice before, last year."]
    assert clean_text("\n".join(page)).title == "Zambian minister offers to bungee-jump with climber"
    zh = ["首页 新闻 健康", "本报站内搜寻 网页搜寻", "长时间用平板电脑 易眼过劳", "欢迎订阅本报每日电子报",
          "医师提醒，长时间使用平板电脑容易造成眼睛过劳，应保持距离并控制使用时间，每半小时休息一下。",
          "专家建议家长为儿童设定使用时间，并定期带孩子接受视力检查，及早发现问题。"]
    assert clean_text("\n".join(zh)).title == "长时间用平板电脑 易眼过劳"


def test_related_links_and_a_numbered_section_heading_are_no_headline():
    bbc = ["Hospitals in 'shocking state' says report", "Continue reading the main story", "Related Stories",
           "NHS needs 'urgent change'", "Patient deaths 'due to staffing'",
           "Health chiefs have been warned some patients will die earlier because hospitals are short of staff.",
           "The committee report said some hospitals were in a shocking state and that staffing was the cause."]
    assert clean_text("\n".join(bbc)).title == "Hospitals in 'shocking state' says report"
    essay = ["比赛革命的革命", "胡平", "一、理解文革的一个重要内容",
             "文化革命是一场有着极为广泛的群众参与的政治运动。因此，如何理解这种广泛的群众参与，就成为理解文革的一个重要内容。",
             "本文试图从政治心理学的角度，对文革中的群众参与给出解释，并讨论它对今天的意义。"]
    a = clean_text("\n".join(essay))
    assert (a.title, a.author) == ("比赛革命的革命", "胡平")


def test_a_menu_item_far_above_the_article_is_no_headline_however_named_the_next_item():
    page = ["News", "Jobs", "Research and Development", "Medical Communications", "Sales and Marketing",
            "Business Services", "UK", "Search this site:", "RSS", "E-mail: *", "Password: *", "Remember me",
            "Forgotten password?", "Register", "Watchdog says no to Jevtana", "Published on 12/01/12",
            "The regulator is not recommending the prostate cancer drug because of its high cost, it said today.",
            "In final draft guidance the regulator said the drug did not offer enough benefit for its price."]
    assert clean_text("\n".join(page)).title == "Watchdog says no to Jevtana"


def test_a_headline_that_ends_in_a_full_stop_over_its_dated_byline_is_the_title():
    page = ["CTV News iPhone App", "Detailed Forecast »", "Report: Ottawa cancer rates higher than rest of Ont.",
            "Updated: Tue Jan. 10 2012 10:52:15 AM",
            "A new report says cancer rates in Ottawa are higher than in the rest of the province, for men and women.",
            "The report, released on Tuesday, looked at cancer cases in the city over the last ten years."]
    a = clean_text("\n".join(page))
    assert (a.title, a.date) == ("Report: Ottawa cancer rates higher than rest of Ont.", "2012-01-10")
    assert a.text.startswith("A new report says")


def test_a_post_whose_thread_stamps_follow_each_post_is_dated_by_its_own_footer():
    post = """论坛首页 > 影评区
夏夜观影记：一部关于城市与记忆的电影
影片用缓慢的长镜头记录了一座老城的夏天，导演把镜头对准街巷里的普通人，让观众慢慢进入他们的生活。
片中的配乐克制而温柔，几乎每一段旋律都和人物的心境相互呼应，看完之后仍然久久不能忘怀。
"""
    footer = "〓 影评区 发布时间 2019/06/02 21:15:40 by 青鸟 〓"
    replies = ["写得真好，我也很喜欢这部电影。", "〓 影评区 发布时间 2019/06/03 08:02:11 by 小林 〓",
               "配乐确实出色。", "〓 影评区 发布时间 2019/06/03 10:45:09 by 阿杰 〓",
               "周末去看看。", "〓 影评区 发布时间 2019/06/04 19:30:00 by 木木 〓"]
    signature = "文：青鸟\n------------------------------\n我的博客 http://blog.example.com/qingniao\n"
    article = clean_text(post + signature + footer + "\n" + "\n".join(replies) + "\n")
    assert article.date == "2019-06-02" and article.author == "青鸟" and "写得真好" not in article.text
    # Where the same stamps also head the post, the first one under it is a reply's: no date.
    headed = clean_text(post.replace("夏夜观影记：一部关于城市与记忆的电影\n", "夏夜观影记：一部关于城市与记忆的电影\n"
                                     + footer + "\n") + "\n".join(replies) + "\n")
    assert headed.date != "2019-06-03"


def test_a_headline_under_its_dateline_is_found_past_a_lead_and_a_comments_count():
    page = """Jobs at WXYZ
Watch Our Shows Now
Weather
Back to News
Posted: 2:12 PM Jan 11, 2012
County Opens New Prenatal Clinic
The county health department opened a prenatal clinic on Monday for mothers without insurance.
Reporter: County Health Department Release
Story
1 Comments
Font Size:
Share
Print
Email
MILLTOWN January 11, 2012 – The county health department opened a new prenatal clinic on Monday, offering free check-ups to expectant mothers who have no health insurance.
Nurses at the clinic will see up to forty women a day, and a midwife will be on call at weekends, officials said.
The clinic was paid for by a state grant and will stay open for at least three years, the department said in a statement.
"""
    assert clean_text(page).title == "County Opens New Prenatal Clinic"


def test_a_related_headline_with_a_verb_under_the_headline_names_nobody():
    a = clean_text(EN_PAGE.replace("By Jane Doe\n", "Related Stories\nMidwives Overworked, Hospital Chief Says\n"))
    assert a.author is None


def test_site_names_are_no_headlines_and_a_tagged_repeat_shows_the_headline():
    a = clean_text(EN_PAGE.replace("Hospital expands newborn screening programme\nBy Jane Doe\n",
                                   "Hope for Tiny Patients\nPosted on Jan 16, 2012 @ 02:30PM\nprint it send it\n"
                                   "JaneRoeReports.com\nBy Jane Doe - Staff Reporter\n"))
    assert a.title == "Hope for Tiny Patients"
    zh = clean_text(ZH_PAGE.replace("儿童保健服务再升级\n", "【记者即时播报】儿童保健服务再升级\n"
                                    "2024-03-05 09:30 来源：健康时报\n儿童保健服务再升级\n全市十二个区县同步启动\n"))
    assert zh.title == "儿童保健服务再升级"


def test_a_breadcrumb_with_angle_brackets_is_no_headline():
    page = ZH_PAGE.replace("儿童保健服务再升级\n", "健康网 〉妇幼新闻 〉儿童保健服务再升级\n儿童保健服务再升级\n")
    a = clean_text(page)
    assert a.title == "儿童保健服务再升级"
    assert {x.text: x.reason for x in a.removed}["健康网 〉妇幼新闻 〉儿童保健服务再升级"].endswith("breadcrumb")


def test_a_photo_caption_shown_twice_beside_its_credit_does_not_cut_the_article():
    caption = "Nurses check a newborn at the city hospital's new screening centre on Monday morning."
    photo = f"Jane Roe, AP\n{caption}\nEnlargeClose\nJane Roe, AP\n{caption}\n"
    a = clean_text(EN_PAGE.replace("Nurses at the screening centre on Monday. (Photo by John Roe)\n", photo))
    assert "officials said on Tuesday" in a.text and "More than 30,000" in a.text and caption not in a.text
    assert {x.text: x.label for x in a.removed}[caption] == "caption"


@pytest.mark.parametrize("notice", [
    "Disclaimer: This blog has no affiliation with any maker of the products it reviews.",
    "Want to advertise on ParentsWeekly.com? See our rates.",
    "Simple template. Powered by Blogger.",
    "This work is licensed under a Creative Commons Attribution-NonCommercial 3.0 License.",
])
def test_the_site_speaking_of_itself_is_boilerplate(notice):
    a = _en_page_with(notice)
    assert notice not in a.text and {x.text: x.reason for x in a.removed}[notice].endswith("site notice")


def test_a_widget_of_recent_comments_is_no_article():
    widget = "\n".join(f"{name} on {post}" for name, post in (
        ("Nina", "Why every newborn needs a hearing test"), ("Carlos", "Ten questions for your midwife"),
        ("Ann Lee", "What the new vaccine schedule means for you"), ("Tom", "Why every newborn needs a hearing test")))
    a = _en_page_with(widget)
    assert "Nina on" not in a.text and "More than 30,000" in a.text
    assert {x.text: x.reason for x in a.removed}["Carlos on Ten questions for your midwife"].endswith(
        "recent comments list")


@pytest.mark.parametrize("widget", [
    "页面功能 【我来说两句】【推荐】【字体：大 中 小】【打印】 【关闭】",
    "[查看我的博客目录] [加入个人书签]",
    "第一章│第二章│第三章│第四章",
    "控制面板 发表文章 文章编辑 评论管理 更新资料",
    "广告信息",
])
def test_widgets_and_menus_above_a_chinese_headline_are_no_headline(widget):
    a = clean_text(ZH_PAGE.replace("儿童保健服务再升级\n", widget + "\n"))
    assert a.title != widget and widget not in a.text


@pytest.mark.parametrize("widget", ["Copy Link URLCopied!", "You are signed in as", "The Valley Gazette",
                                    "jane.doe@healthdaily.example.com"])
def test_widgets_above_an_english_headline_are_no_headline(widget):
    a = clean_text(EN_PAGE.replace("Hospital expands newborn screening programme\n", widget + "\n"))
    assert a.title != widget and widget not in a.text


def test_a_list_of_outlets_names_nobody():
    from mch_cli.meta import is_name_line
    assert not is_name_line("The Jersey Journal, Hunterdon County Democrat")


def test_a_related_box_between_the_lead_and_the_article_counts_no_distance_to_the_headline():
    box = "\n".join(["Related Stories"] + [f"Hospital story number {n} in the news" for n in range(1, 6)])
    page = EN_PAGE.replace(
        "By Jane Doe\nMarch 5, 2024\n",
        "Share\nEmail\nPrint\nThe screening now reaches every district of the city.\n" + box + "\n")
    assert clean_text(page).title == "Hospital expands newborn screening programme"


# --- issue 19, 11: CSS or script is never a title; what a first pass keeps, a second keeps ----------

PROSE_ZH = "为进一步提升孕产妇和新生儿救治能力，市妇幼保健院于3月12日组织开展危重孕产妇急救演练，全院120名医护人员参加了此次演练活动，演练取得了预期效果。"


@pytest.mark.parametrize("code", [
    ".title{font-size:22px;color:#333;font-weight:bold}",
    "#main .content p { line-height: 1.8em; text-indent: 2em; }",
    "@media screen and (max-width: 768px) { .nav { display: none } }",
    "document.write(unescape('%3Cscript%3E'))",
])
def test_a_style_sheet_or_a_script_is_never_the_title(code):
    article = clean_text(f"{code}\n{PROSE_ZH}\n{PROSE_ZH}\n")
    assert article.title is None and article.text == f"{PROSE_ZH}\n\n{PROSE_ZH}"


def _twice(text):
    """`mch clean F` and `mch clean F | mch clean -`, in text format."""
    from mch_cli.write import article_text
    once = article_text(clean_text(text))
    return once, article_text(clean_text(once))


PROSE_EN = ("The hospital held its first training course for midwives on Monday, and more than forty "
            "nurses from the county's clinics took part in the three days of lectures and practice.")
MORE_EN = ("Doctors from the provincial maternity hospital taught the course, which covered the care of "
           "women in labour, newborn resuscitation and the signs that a mother needs to be referred.")


def test_a_sub_heading_over_a_biography_that_goes_goes_with_it():
    """"Ask Bob" headed the author's biography: kept on the first pass over nothing, dropped on the second."""
    page = (f"Midwives trained at the county hospital\n{PROSE_EN}\n{MORE_EN}\nAsk Bob\n"
            "Bob Walsh is the author of The Web Startup Success Guide and a contributor to several "
            "magazines about small software companies.\n")
    once, twice = _twice(page)
    assert "Ask Bob" not in once and once == twice


def test_a_byline_under_a_short_line_is_no_text_under_a_heading():
    """A letterhead: "President Barack Obama" over its date was a heading on the first pass only."""
    page = (f"A letter and its answer\n{PROSE_EN}\nPresident Barack Obama\nNovember 1, 2012\n"
            f"Miss Sophia Bailey-Klugh\nDear Sophia,\n{MORE_EN}\n")
    once, twice = _twice(page)
    assert "President Barack Obama" not in once and once == twice


def test_mch_text_format_keeps_every_paragraph_inside_the_article():
    """A line kept on the first pass as running text (a hard-wrapped page) stands alone in mch's
    text format, where its neighbours no longer show it (here a short line under it, no prose):
    it is kept as the paragraph it was."""
    teaser = "Promiscuous Britain One in four young women admit they had underage sex more than twice as many as their mothers' generation"
    heading = "Obesity crisis in schools: How one child in three is too fat by the age of 11"
    paragraphs = [PROSE_EN, "Doctors from the provincial maternity hospital taught the course.", teaser, heading,
                  "It covered the care of women in labour, newborn resuscitation and the signs that a mother "
                  "needs to be referred to a hospital with an intensive care unit for her baby, which the "
                  "county has lacked until this year."]
    page = "Britons fail to battle the bulge\n\n" + "\n\n".join(paragraphs) + "\n"
    assert clean_text(page).text == "\n\n".join(paragraphs)
    assert clean_text(page.replace("\n\n", "\n")).text != "\n\n".join(paragraphs)  # a raw page: no such rule


def test_a_top_stories_box_between_the_headline_and_the_article_heads_a_list():
    box = "Top Stories\nMayor opens a new bridge downtown\nLocal team wins the county cup\nSchool board votes on budget\n"
    a = clean_text(EN_PAGE.replace("By Jane Doe\nMarch 5, 2024\n", "The Daily Herald : Mon Mar 4 2024, 02:55 hrs\n" + box))
    assert a.title == "Hospital expands newborn screening programme"
    assert {x.text: x.reason for x in a.removed}["Top Stories"].endswith("related list")


def test_a_lead_that_announces_what_follows_is_kept_above_a_box():
    lead = "近日，市妇幼保健院发布了一组儿童健康数据，家长们十分关心。让我们回顾一下这些数据的主要内容："
    box = "相关新闻\n医疗关注--儿童新发现\n皮肤顽疾----康复圣地\n国际认证：专治口臭\n新药上市（图）\n"
    a = clean_text(ZH_PAGE.replace("为进一步提升儿童保健服务水平", lead + "\n" + box + "为进一步提升儿童保健服务水平"))
    assert lead in a.text and "皮肤顽疾" not in a.text


def test_a_search_widget_is_no_headline_and_a_breadcrumb_names_the_headline():
    """"本站搜尋 網頁搜尋" is buttons, even with the byline under it; the breadcrumb's last item
    (a print button after it) repeats the headline."""
    page = "\n".join([
        "本站搜尋 網頁搜尋",
        "健康專欄",
        "當前位置：新聞首頁 >> 今日必讀 >> 春節期間民眾就醫指南公佈 [友善列印]",
        "作者： 林小明 文字大小：【大】【中】【小】",
        "圖片來源：本報 入稿日期： 2024-01-11",
        "春節期間民眾就醫指南公佈",
        "春節期間民眾若身體不適，可以到各地特約院所就醫，衛生局已公佈全部名單，民眾可上網查詢。",
        "衛生局表示，出門在外最怕生病，民眾應隨身攜帶健保卡，以免就醫時發生不便，影響治療。",
    ])
    assert clean_text(page).title == "春節期間民眾就醫指南公佈"


def test_a_latin_name_under_a_chinese_headline_is_no_author():
    """Under "金敏俊", "Kim Min-jun" is the name romanised (an infobox), not a byline."""
    page = "\n".join([
        "金敏俊谈儿童营养",
        "Kim Minjun",
        "儿科医生金敏俊近日在讲座中介绍了学龄前儿童的营养需求，提醒家长注意均衡饮食和规律作息。",
        "他表示，家长应当少给孩子吃零食和含糖饮料，多吃蔬菜水果，保证每天足够的户外活动时间。",
    ])
    a = clean_text(page)
    assert a.title == "金敏俊谈儿童营养" and a.author is None


def test_a_weather_widget_dates_nothing():
    page = "\n".join([
        "Hospital opens new maternity ward",
        "Thursday, Jan 12 2024 3PM -22°F 6PM -9°F 5-Day Forecast",
        "High: 25°C",
        "By Jane Roe",
        "The city hospital opened a new maternity ward on Monday, with twenty beds and a neonatal unit for "
        "premature babies.",
        "Doctors said the ward would cut waiting times for expectant mothers across the region by half this year.",
    ])
    a = clean_text(page)
    assert (a.title, a.date, a.author) == ("Hospital opens new maternity ward", None, "Jane Roe")
    assert {x.text: x.reason for x in a.removed}["High: 25°C"].endswith("weather widget")


@pytest.mark.parametrize("line, widget", [
    ("今天是2024年1月17日 星期二", True), ("Today is 5 May 2024", True), ("1月17日 16°C", True),
    ("2024年01月17日10:32 健康报", False), ("今天下午3点，医院举行义诊", False),
    ("3. the internal temperature is 160 °F;", True),
])
def test_date_widgets(line, widget):
    from mch_cli.meta import is_date_widget
    assert is_date_widget(line) is widget


def test_a_courtesy_credit_is_a_caption_not_a_headline():
    page = "\n".join([
        "Photo courtesy of the City Hospital",
        "The city hospital opened a new maternity ward on Monday, with twenty beds and a neonatal unit for "
        "premature babies.",
        "Doctors said the ward would cut waiting times for expectant mothers across the region by half this year.",
    ])
    a = clean_text(page)
    assert a.title is None
    assert {x.text: x.label for x in a.removed}["Photo courtesy of the City Hospital"] == "caption"


@pytest.mark.parametrize("widget", [
    "Log inSign up", "Bookmark this page", "AddThis Sharing Buttons", "Contact the blogger", "Sponsored Content",
    "收藏本文 打印本页", "联系博主", "关注我们", "我要投稿", "本站搜尋 網頁搜尋", "首页-国际-国内-社会", "Home - News - Health",
    "Watch Health Shows Now", "Download the Clinic App Today",
])
def test_a_widget_above_the_article_is_no_headline_nor_author(widget):
    body = ("The city hospital opened a new maternity ward on Monday, with twenty beds and a neonatal unit for "
            "premature babies.\nDoctors said the ward would cut waiting times for expectant mothers across the "
            "region by half this year.")
    a = clean_text(widget + "\n" + body)
    assert (a.title, a.author) == (None, None)


def test_a_headline_may_start_with_a_brand_in_lower_case():
    page = "\n".join([
        "Log In | Join",
        "iPad app helps midwives track newborn weight",
        "A new tablet app lets community midwives record the weight of newborns at home visits, the health "
        "board said on Tuesday.",
        "by Jane Roe",
        "The app sends the readings straight to the baby's records, so that doctors can spot problems early.",
    ])
    assert clean_text(page).title == "iPad app helps midwives track newborn weight"


BLOG_BODY = ["今天带孩子去社区医院打了疫苗，护士很耐心，孩子只哭了一小会儿，打完还领到一张小贴纸。",
             "回家路上我们买了水果，孩子说下次还要去，因为医院里的阿姨讲的故事特别好听。"]


@pytest.mark.parametrize("header", [
    ["青禾：带孩子打疫苗记", "带孩子打疫苗记", "青禾"],  # the headline credits the pen name
    ["带孩子打疫苗记", "随笔 2024-02-14 03:01", "青禾", "粉丝：23文章：11", "关注"],  # an author's card
])
def test_a_pen_name_the_page_credits_is_the_author(header):
    a = clean_text("\n".join(header + BLOG_BODY))
    assert a.author == "青禾"
    assert {x.text: x.reason for x in a.removed}["青禾"] == "author's name, as the page credits it"


def test_a_pen_name_shaped_label_is_no_author():
    a = clean_text("\n".join(["带孩子打疫苗记", "随笔专栏"] + BLOG_BODY))
    assert a.author is None


def test_a_share_widget_glued_before_the_headline_goes():
    page = "\n".join(["ShareTweetEmailHospital opens new maternity ward", "By Jane Roe",
                      "The city hospital opened a new maternity ward on Monday, with twenty beds and a neonatal "
                      "unit for premature babies.",
                      "Doctors said the ward would cut waiting times for expectant mothers across the region by "
                      "half this year."])
    assert clean_text(page).title == "Hospital opens new maternity ward"


@pytest.mark.parametrize("header", [
    ['"We will not stop until every mother has a bed"', "Hospital opens new maternity ward"],
    ["Hospital opens new maternity ward", "“We will not stop until every mother has a bed”", "By Jane Roe"],
])
def test_a_pull_quote_is_no_headline(header):
    body = ['The city hospital opened a new maternity ward on Monday, with twenty beds and a neonatal unit. '
            '"We will not stop until every mother has a bed," said the chief midwife.',
            "Doctors said the ward would cut waiting times for expectant mothers across the region by half."]
    assert clean_text("\n".join(header + body)).title == "Hospital opens new maternity ward"


def test_short_unmarked_items_the_article_s_last_sentence_announces_are_its_list():
    items = ["Most parents signed up within a week", "Rural clinics joined late",
             "Waiting times fell", "Nurses asked for more training"]
    a = _en_page_with("If you are short of time today, here are the main findings of the review in brief:\n" + "\n".join(items))
    assert all(item in a.text for item in items)
    more = ["Hospital Opens New Wing", "Flu Season Starts Early", "Ten Tips", "Vaccines Explained Simply"]
    b = _en_page_with("More stories:\n" + "\n".join(more))
    assert not any(x in b.text for x in more)


@pytest.mark.parametrize("header", ["More from Health Daily:", "More Great Health Daily Stories", "More Health News"])
def test_a_related_box_named_after_the_site_heads_a_list(header):
    a = _en_page_with(header + "\nFlu Season Starts Early\nVaccines Explained")
    assert {x.text: x.reason for x in a.removed}[header] == "outside article: related list"


def test_a_blog_s_motto_above_the_dated_post_is_not_the_article():
    motto = "Notes from a small clinic on the coast, written between appointments, about babies, parents and the people who help them."
    post = ["We opened the new weighing room this week, and the first family through the door brought cake for everyone on the ward.",
            "The room is bigger than the old one, so a parent can sit beside the scale, and the nurses no longer have to shout across the corridor.",
            "Next month we will start the evening clinic for working parents, twice a week, with the same nurses and the same kettle."]
    page = "\n".join(["Small Clinic Notes", "Home", "About", motto, "Monday, March 4, 2024",
                      "A new room for weighing babies", *post, "Posted by Ann at 9:12 AM", "No comments:"])
    a = clean_text(page)
    assert motto not in a.text and all(p in a.text for p in post)
    assert a.title == "A new room for weighing babies"


@pytest.mark.parametrize("bio", [
    "About the author: Sam Poe has raised three children on a nurse's pay and tells other parents how to save.",
    "This post was written by Sam Poe, a father of three who keeps bees and a very long list of questions for doctors.",
    "Sam Poe (@sampoe) is President of the Parents Forum, which he started in 2009. He lives in the city with his twins.",
    "Sam Poe is a retired midwife and a keen gardener who lives in a small town by the sea with two dogs and a cat.",
    "I'm a school nurse turned full-time mum of two busy toddlers. I live in a small town by the sea with my family.",
])
def test_a_biography_of_the_author_under_the_article_goes(bio):
    a = _en_page_with(bio)
    assert bio not in a.text and "More than 30,000" in a.text
    assert "about the author" in {x.text: x.reason for x in a.removed}[bio]


def test_a_box_of_several_paragraphs_above_the_dated_post_is_not_the_article():
    box = ["Welcome to Small Clinic Notes, where two nurses write about the babies and parents they meet every week.",
           "We answer questions from readers too, so write to us if something about feeding or sleep worries you.",
           "Consider a small donation if you find these notes useful, it keeps the site free for every family.",
           "Our first book came out last spring and has been read by parents in more than twenty countries so far.",
           "It is available as an e-book and in paper, and it makes a good present for anyone expecting a baby."]
    post = ["We opened the new weighing room this week, and the first family through the door brought cake for everyone on the ward.",
            "The room is bigger than the old one, so a parent can sit beside the scale, and the nurses no longer have to shout across the corridor.",
            "Next month we will start the evening clinic for working parents, twice a week, with the same nurses and the same kettle.",
            "The clinic will be open to every family in the district, whether or not their baby was born at our hospital, and there is no fee.",
            "Parents who cannot come in the evening can still ring the nurses' line on weekday mornings, as they always could before."]
    page = "\n".join(["Small Clinic Notes", "Home", "About", *box, "Monday, March 4, 2024",
                      "A new room for weighing babies", *post, "Posted by Ann at 9:12 AM", "No comments:"])
    a = clean_text(page)
    assert not any(b in a.text for b in box) and all(p in a.text for p in post)


def test_links_with_an_arrow_to_the_older_and_newer_post_are_not_text():
    older, newer = "« Why we weigh babies on Mondays, and what it tells us", "The nurses' line is open again on Sunday mornings »"
    a = _en_page_with(f"{older}\n{newer}")
    reasons = {x.text: x.reason for x in a.removed}
    assert older not in a.text and newer not in a.text and "link arrow" in reasons[older] and "link arrow" in reasons[newer]


def test_headlines_in_title_case_under_the_article_are_a_teaser_list_though_they_end_in_a_stop():
    teasers = ["Help! My Toddler Ate the Crayons Again and Now Refuses Every Vegetable.",
               "Why Your Baby Wakes Up at Five Every Morning, and What You Can Do About It?",
               "Ten Things Midwives Wish Every New Father Knew Before the Birth."]
    a = _en_page_with("\n".join(teasers))
    assert not any(t in a.text for t in teasers) and "More than 30,000" in a.text
    sentences = ["Parents can book a place at any of the clinics by phone or online.",
                 "The hospital will publish the first results of the programme in the autumn."]
    b = _en_page_with("\n".join(sentences))
    assert all(s in b.text for s in sentences)


def test_a_line_trailing_off_between_paragraphs_of_the_article_is_the_article_s():
    trailing = "And then the phone rang…"
    story = ["The night nurse had checked every cot on the ward twice before she sat down to write her notes for the morning.",
             "Nothing about the evening had been unusual, and the parents who stayed over were asleep in the chairs by the window.",
             "It was the call every neonatal unit prepares for, and the team was in the delivery room within four minutes of it.",
             "The baby, born eight weeks early, went home with her parents a month later, and the nurses still keep her photo."]
    a = clean_text("\n".join(["Home | News | Health | Sport | About us", "A night on the baby ward", "By Jane Doe",
                              *story[:2], trailing, *story[2:], "Share this article"]))
    assert trailing in a.text and all(p in a.text for p in story)
    teaser = "Hospital opens a new ward for premature babies in the north of the ci..."
    b = _en_page_with(teaser)
    assert teaser not in b.text


def test_a_label_repeated_over_each_section_of_the_article_is_the_article_s():
    sections = [("Bathing a newborn", "Fill the tub with a few centimetres of warm water and test it with your elbow before the baby goes in."),
                ("Cutting tiny nails", "Use rounded scissors after a bath, when the nails are soft, and ask someone to hold the baby's hand still."),
                ("Cleaning the cord", "Keep the stump dry and clean, fold the nappy below it, and let it fall off on its own within two weeks.")]
    lines = ["Home | News | Health | Sport | About us", "Three first-week skills for new parents", "By Jane Doe",
             "Midwives say parents ask about the same few tasks in the first week, so we asked three of them how they teach each one."]
    for n, (heading, text) in enumerate(sections):
        lines += [heading, text, "What midwives say:",
                  f"Most parents get it right by try number {n + 2}, and nobody should worry if the first one takes a little longer."]
    a = clean_text("\n".join(lines + ["Share this article"]))
    assert a.text.count("What midwives say:") == 3 and all(text in a.text for _, text in sections)


def test_ad_labels_between_paragraphs_are_advertisements():
    for label in ("Advert", "Remove this ad"):
        a = _en_page_inside(label)
        assert label not in a.text and {x.text: x.reason for x in a.removed}[label].endswith("advertisement")


def test_a_count_of_responses_heads_the_comments():
    a = _en_page_with("12 Responses")
    assert "comments" in {x.text: x.reason for x in a.removed}["12 Responses"]


def test_a_line_ending_in_a_comma_above_the_article_s_first_sentence_begins_it():
    verse = ["The rain came down on the sleeping town,", "and every child slept on through the storm until the morning came at last.",
             "The midwife walked home at dawn, tired and happy, with her bag and her umbrella under one arm."]
    a = clean_text("\n".join(["Home | Poems | About", "Verse of the Week", "By Jane Doe", *verse, "Share this article"]))
    assert all(v in a.text for v in verse) and a.text.startswith(verse[0])


def test_bulleted_items_inside_the_article_are_its_list_though_no_colon_announces_them():
    items = ["– Weight at birth", "– Hearing test", "– Blood spot test"]
    a = _en_page_inside("The visit covers three checks, each of them done in the same room.\n" + "\n".join(items))
    assert all(item in a.text for item in items)


def test_short_lines_in_a_row_between_paragraphs_are_a_list_that_lost_its_bullets():
    items = ["Weigh the baby", "Check the hearing", "Take a drop of blood", "Book the next visit"]
    story = ["Every visit follows the same steps, and the nurses say parents soon know them by heart after the first month.",
             "Each step takes a few minutes, so a whole visit rarely lasts longer than half an hour for most families."]
    a = clean_text("\n".join(["Home | News | Health | Sport | About us", "What happens at a baby check", "By Jane Doe",
                              story[0], *items, story[1], "Share this article"]))
    assert all(item in a.text for item in items)
    b = clean_text("\n".join(["Home | News | Health | Sport | About us", "What happens at a baby check", "By Jane Doe",
                              story[0], "Continue reading the main story", "Related Stories", "Share this article",
                              story[1], "Share this article"]))
    assert "Continue reading the main story" not in b.text


def test_a_handle_to_follow_and_a_video_teaser_inside_the_article_are_chrome():
    for chrome in ("Follow @healthdaily", "Parents Queue for the New Clinic Watch Video", "Sharing is caring!"):
        a = _en_page_inside(chrome)
        assert chrome not in a.text and chrome in {x.text for x in a.removed}


def test_a_related_link_inside_the_article_is_not_its_text():
    for link in ("Related: Ten things midwives wish you knew", "[Read more: Flu season starts early this year]",
                 "Also on healthdaily.com Midwives in three cities threatened with strikes as the hospital cuts jobs"):
        a = _en_page_inside(link)
        assert link not in a.text and {x.text: x.reason for x in a.removed}[link].endswith("related link")


def test_under_a_comments_heading_the_first_block_of_the_thread_is_a_comment_however_long():
    post = ["The clinic will be closed on Monday for the holiday, and the nurses' line will be open as usual from nine.",
            "Please leave your questions for the midwives below, and we will answer as many as we can this week."]
    first = ("Thank you for this, my daughter was born in your clinic last spring and the nurses were wonderful to us "
             "from the first day, even when I called them three times a night with questions about feeding and sleep, "
             "and I still remember how patient the midwife was when the baby would not latch for the first two days. "
             "We came back for every check after that, the weighing, the hearing test and the blood spot test, and each "
             "time somebody remembered our names and asked about the older children, which meant a great deal to us. "
             "When my husband was ill in the autumn the clinic moved our appointments to the evening without any fuss, "
             "and the nurse on the phone line talked me through a fever at two in the morning as if she had all the time "
             "in the world. I tell every new parent I meet about you, and I hope the holiday gives you all a good rest.")
    comments = ["Anna Lee July 3, 2012 at 4:54 pm", first, "Reply",
                "Tom Roe July 2, 2012 at 9:12 am", "Will the evening clinic be open that week as well?", "Reply",
                "Mia Poe July 1, 2012 at 8:03 pm", "Thanks for letting us know in good time.", "Reply",
                "Ben Cho June 30, 2012 at 7:45 am", "Happy holidays to all the nurses!", "Reply"]
    a = clean_text("\n".join(["Clinic Notes", "Home", "Holiday opening hours", "by Ann on June 29, 2012", *post,
                              "{ 4 comments… read them below or add one }", *comments]))
    assert all(p in a.text for p in post) and first not in a.text


def test_a_long_post_footer_ending_in_bookmark_the_permalink_ends_the_article():
    footer = ("This entry was posted in Newborn Care, Screening, Hearing, Feeding, Sleep, Clinics, Parents, Nurses, "
              "Midwives, Hospitals, Vaccines, District News, Weekly Notes, Reader Questions, Twins, Premature Babies, "
              "Breastfeeding, Allergies and Growth Charts by Jane Doe. Bookmark the permalink.")
    a = _en_page_with(footer)
    assert footer not in a.text and "post footer" in {x.text: x.reason for x in a.removed}[footer]


def test_cleaning_twice_keeps_a_title_case_line_under_the_headline_and_drops_a_rare_label():
    from typer.testing import CliRunner
    from mch_cli.cli import app
    runner = CliRunner()
    credit = "Reviewed by Jo Roe, MD; Associate Professor of Medicine, University of the North."
    story = ["The city's maternal and child health hospital has expanded its newborn screening programme, officials said.",
             "More than 30,000 infants were screened last year, and the hospital expects the number to double as it grows.",
             "Parents can book a screening at any of the district clinics, and the test itself takes only a few minutes."]
    page = "\n".join(["Home | News | Health | Sport | About us", "Hospital expands newborn screening", "By Jane Doe", "Ad",
                      credit, story[0], "Click to enlarge", story[1], "Click to enlarge", story[2], "Share this article",
                      "Click to enlarge", "Copyright 2024 Health Daily. All rights reserved."])
    once = runner.invoke(app, ["clean", "-"], input=page.encode()).stdout
    assert all(p in once for p in story)
    assert runner.invoke(app, ["clean", "-"], input=once.encode()).stdout == once


def test_a_tags_line_ends_the_article():
    page = "\n".join([
        "Hospital opens new maternity ward",
        "The city hospital opened a new maternity ward on Monday, with twenty beds and a neonatal unit for "
        "premature babies.",
        "Doctors said the ward would cut waiting times for expectant mothers across the region by half this year.",
        "Tags: Maternity, Hospitals, Health",
        "Put your business in overdrive with our fiber. Remote control for your desk without leaving it! Storage, "
        "speed, security for the enterprise. Archive and search business email in the cloud with us.",
    ])
    a = clean_text(page)
    assert "Doctors said" in a.text and "overdrive" not in a.text


def test_a_slideshow_after_the_article_is_not_its_text():
    page = "\n".join([
        "Hospital opens new maternity ward",
        "The city hospital opened a new maternity ward on Monday, with twenty beds and a neonatal unit for "
        "premature babies.",
        "Doctors said the ward would cut waiting times for expectant mothers across the region by half this year.",
        "Loading Slideshow",
        "NORTH CLINIC",
        "The north clinic has been among the busiest in the region, a person familiar with the matter said last year.",
        "SOUTH CLINIC",
        "The south clinic said it was cooperating with the health board and would open a new wing next spring.",
    ])
    a = clean_text(page)
    assert "Doctors said" in a.text and "north clinic" not in a.text


def test_the_page_s_own_signed_headline_beats_a_longer_box_above_it():
    """A blog's header holds long prose (a testimonial, a book's blurb); the post under the
    headline that the breadcrumb names, with its dated byline, is the article however short."""
    blurb = ("ConsultingAs a midwife setting up my own practice, both time and money are short, and the "
             "hour I spent with this service gave me more clear advice than a month of reading about it, "
             "so I recommend it to every colleague who asks me where to start. ") * 3
    book = ("BooksMarch, 2012: The Small Practice Guide is out and selling! Below is the table of contents "
            "and a sample chapter, so you can see whether it is the book you need before you buy it. ") * 3
    post = ["Just posted the interview we did with the head of the city's birth centre about its new night clinic.",
            "The clinic opens on Monday, and expectant mothers can book a visit by phone or on the centre's website."]
    for headline in ("Night clinic for expectant mothers", "Our night clinic"):  # (a short one too)
        page = ["Home", blurb, "Podcast", "Blog", book, "Ask Ann", f"Home / {headline}", headline,
                "Posted on: 08-17-2012 With: 1 Comment Posted by: Ann Roe", *post,
                "Share this:", "Related Posts", "1 Comment", "Great interview!"]
        a = clean_text("\n".join(page))
        assert (a.title, a.text, a.date, a.author) == (headline, "\n\n".join(post), "2012-08-17", "Ann Roe")
        # without the breadcrumb naming it, the box's longer prose still wins: no evidence to move
        assert "small practice" in clean_text("\n".join(page).replace(f"Home / {headline}\n", "")).text.lower()


def test_a_sign_up_pitch_under_the_article_ends_it():
    pitch = ("Why register?\nWhile we cover most specialties, you can personalise the site to focus on your interests.\n"
             "Get breaking news alerts every morning. We never sell or share your personal data.\nIt's Free")
    a = _en_page_with(pitch)
    assert "personalise" not in a.text and "30,000 infants" in a.text
    assert {x.text: x.reason for x in a.removed}["Why register?"].endswith("sign-up pitch")
    assert "alerts" not in _en_page_with(pitch.replace("Why register?", "Already registered? Sign in")).text


def test_a_caption_closed_by_its_photograph_credit_is_a_caption():
    caption = "Nurses at the new screening centre, which opened on Monday. Photograph: Jane Roe for the Daily"
    a = _en_page_inside(caption)
    assert caption in a.captions and caption not in a.text and "30,000 infants" in a.text
    sentence = "The nurse said the photo: a gift from a patient, was the best she had."  # ("photo:" mid-line)
    assert sentence in _en_page_inside(sentence).text


@pytest.mark.parametrize("pitch, reason", [
    ("Subscribe to Health Daily and stay smart with more of your favourite writers.", "subscription pitch"),
    ("GET HEALTH DAILY ON THE GO BY CLICKING HERE", "click-here link"),
    ("To read the full report, click here for the PDF.", "click-here link"),
])
def test_a_pitch_inside_the_article_is_not_its_text(pitch, reason):
    a = _en_page_inside(pitch)
    assert pitch not in a.text and {x.text: x.reason for x in a.removed}[pitch].endswith(reason)


def test_an_agency_photo_credit_closes_a_caption():
    caption = "Nurses load supplies outside the clinic in Leeds. (AP Photo/Jane Roe)"
    assert caption in _en_page_inside(caption).captions


def test_a_most_popular_box_between_byline_and_article_gives_no_lead_and_no_headline():
    page = ["Wild win again as Parise scores twice against the Sabres", "Share this:",
            "Click to share on Facebook (Opens in new window)", "Click to email this to a friend (Opens in new window)",
            "More", "By Jane Roe | Special to the Daily", "PUBLISHED: November 19, 2019 at 8:59 pm",
            "Sign up for Newsletters and Alerts", "Most Popular",
            "City police chief sought state funding for a new system, but the mayor is unswayed",
            "The county fair will be free to attend starting next summer",
            "BUFFALO, N.Y. — Hours before the two-goal performance on Tuesday, the coach expressed confidence in his forward.",
            "Barely a week ago, the forward had scored just once in a ten-game stretch, and he said so himself."]
    a = clean_text("\n".join(page))
    assert a.text.startswith("BUFFALO") and "county fair" not in a.text
    assert a.title != "The county fair will be free to attend starting next summer"
    assert "Opens in new window" not in (a.title or "")
    assert (a.author, a.date) == ("Jane Roe", "2019-11-19")


def test_a_follow_line_naming_the_site_and_a_credit_closing_a_caption_go():
    follow = "Follow The Health Daily Opinion section on Facebook, Twitter (@hdopinion) and Instagram."
    caption = "Nurses at the new screening centre on Monday.Credit...Jane Roe/The Health Daily"
    a = _en_page_with(follow)
    assert follow not in a.text and "30,000 infants" in a.text
    a = _en_page_inside(caption)
    assert caption in a.captions and "30,000 infants" in a.text
    sentence = "Follow the advice on Facebook, the nurse said, only when a doctor agrees with it."  # (no name)
    assert sentence in _en_page_inside(sentence).text


def test_a_chinese_caption_closed_by_an_archive_photo_credit_is_a_caption():
    for caption in ("孕妇在医院接受免费产前检查。（本报资料照）", "孕婦在醫院接受免費產前檢查。（資料圖）"):
        zh = clean_text(ZH_PAGE.replace("下一阶段", caption + "\n下一阶段"))
        assert caption in zh.captions and "下一阶段" in zh.text


@pytest.mark.parametrize("chrome", [
    "You should like Health Daily on Facebook here.",
    "Twitter (17,951 followers) • Facebook (3,507 likes) • Flickr (4,218 contacts)",
    "What's Your Reaction? 0 0 0 0 0 0 0 Reactions",
])
def test_social_counts_likes_and_reaction_widgets_are_chrome(chrome):
    a = _en_page_inside(chrome)
    assert chrome not in a.text and chrome in {x.text for x in a.removed}
    assert {x.text: x.label for x in a.removed}[chrome] == "boilerplate"


def test_a_send_to_a_friend_button_and_numbered_gallery_slides_are_no_headline():
    article = ["They say a picture is worth a thousand words, but you love a good backstory about a new shop.",
               "Model-turned-stylist Jane Roe enlists friends to sell their clothes, and gives a share to charity."]
    for chrome in (["Send to a Friend", "fashion - November 09, 2012"],
                   ["Dolphin social networks show hints of culture 7 of 9", "Gallery: July 30, 2012 9 of 9"]):
        a = clean_text("\n".join(chrome + ["Swap Till You Drop at the Laundry", *article]))
        assert a.title == "Swap Till You Drop at the Laundry"
    series = "Living with diabetes, part 1 of 3"  # a series' part is a headline
    assert clean_text("\n".join([series, "By Jane Roe", *article])).title == series


@pytest.mark.parametrize("chrome", ["Return to: Blogs", "‹ Back to Story", "Request new password", "Create new account",
                                    "Contribute/get in touch.", "Health Daily Staff | Tags: Flu, Midwives, Clinics",
                                    "Return to: Blogs | Jane Roe",
                                    "← Around the Clinics: March 8, Flu Jabs Are Back"])
def test_account_links_and_back_links_are_no_headline(chrome):
    article = ["The clinic on Park Road now gives free flu jabs to pregnant women on weekday mornings, the council said.",
               "No appointment is needed: bring your maternity notes and arrive before noon on any weekday."]
    a = clean_text("\n".join(["User login", chrome, *article]))
    assert a.title != chrome and chrome in {x.text for x in a.removed}


def test_an_author_bio_between_the_headline_and_the_article_is_no_lead():
    bio = "Jane is a reporter for Health Daily, joining in February 2012, based out of London."
    a = clean_text("\n".join(["Hospital expands newborn screening programme", "Jane Roe", "Follow me on Twitter", bio,
                               "posted 2 hours ago", "Comments", *EN_PAGE.splitlines()[4:7]]))
    assert bio not in a.text and {x.text: x.reason for x in a.removed}[bio] == "about the author"
    assert "30,000 infants" in a.text


def test_three_unpunctuated_headlines_above_the_article_are_a_list_not_a_lead():
    teasers = ["Flu jabs for pregnant women spike clinic visits in three counties",
               "Midwives, rejoice: the county buys new scanners, more beds to follow",
               "Attention, new parents: here is one way to stop worrying and start sleeping"]
    page = ["Hospital expands newborn screening programme", "By Jane Doe", "March 5, 2024", "Recent Stories:",
            *teasers, "Add a Comment", *EN_PAGE.splitlines()[4:7]]
    a = clean_text("\n".join(page))
    assert not any(t in a.text for t in teasers) and "30,000 infants" in a.text
    # one or two such lines are a standfirst that lost its full stop
    lead = clean_text("\n".join(page[:4] + teasers[:1] + page[-4:]))
    assert teasers[0] in lead.text


@pytest.mark.parametrize("line, label", [
    ("“Start Quote", "boilerplate"), ("End Quote Jane Roe Chief midwife", "boilerplate"),
    ("(Credit: City Hospital)", "caption"), ("Enlarge / Nurses at the new screening centre", "caption"),
    ("Nurses at the new screening centre on... View Full Size", "caption"),
    ("Image captured from City News coverage", "caption"),
])
def test_pull_quote_marks_and_credit_captions_inside_the_article(line, label):
    more = ("The screening covers hearing, heart conditions and rare metabolic disorders, and the results reach "
            "parents within a week, the hospital's chief midwife said at a briefing for journalists on Tuesday.")
    a = _en_page_inside(line + "\n" + more)
    assert line not in a.text and {x.text: x.label for x in a.removed}[line] == label
    assert "30,000 infants" in a.text and more in a.text


@pytest.mark.parametrize("bio", ["王芳是健康时报的资深记者，长期关注妇幼保健，著有《母婴健康手册》。",
                                 "作者简介：王芳，健康时报记者，长期关注妇幼保健。"])
def test_a_chinese_author_bio_closing_the_article_is_not_its_text(bio):
    zh = clean_text(ZH_PAGE.replace("【责任编辑：张三】", bio + "\n【责任编辑：张三】"))
    assert bio not in zh.text and {x.text: x.reason for x in zh.removed}[bio] == "about the author"
    assert "下一阶段" in zh.text


def test_a_line_ending_in_a_colon_right_above_the_article_leads_into_it():
    lead = "Jane Roe asked a variant of a perennial question:"
    page = ["Hospital expands newborn screening programme", "By Jane Doe", "March 5, 2024", lead,
            *EN_PAGE.splitlines()[4:7]]
    assert clean_text("\n".join(page)).text.startswith(lead)
    menu = "Health news:"  # (a label, too short to lead into anything)
    assert menu not in clean_text("\n".join(page).replace(lead, menu)).text


def test_a_headline_that_starts_with_back_to_is_a_headline():
    article = EN_PAGE.splitlines()[4:7]
    for headline in ("Back to School: Ten Tips for Parents", "Back to school shopping for new mothers"):
        assert clean_text("\n".join([headline, "By Jane Doe", *article])).title == headline


def test_a_table_of_repeated_cells_between_paragraphs_does_not_end_the_article():
    table = ["Clinic A", "Opening hours:", "8 to 5", "Phone:", "Clinic B", "Opening hours:", "9 to 6", "Phone:",
             "Clinic C", "Opening hours:", "7 to 3", "Phone:"]
    after = ["The second part of the programme starts in June, when the mobile units visit the villages far from the clinics.",
             "Families who miss a visit can book another one by phone, and the clinics will send a reminder the week before.",
             "Officials expect to reach every newborn in the district by the end of the year, twice as many as in the last one."]
    lines = ["Home | News | Health | Sport | About us", "Three clinics now screen every newborn", "By Jane Doe",
             "Three clinics in the district now screen every newborn for hearing loss, and parents can choose the one nearest to them.",
             "The screening takes ten minutes, costs the family nothing and can be done on any day in the first month of life.",
             "Each clinic keeps its own hours, listed below, and all of them take appointments on the phone line given here."]
    a = clean_text("\n".join(lines + table + after + ["Share this article"]))
    assert all(text in a.text for text in after)
    # lines repeated line after line (a widget shown twice) are the page's chrome: the article ends above them
    widget = ["Latest", "Latest", "Videos", "Videos", "Photos", "Photos"]
    a = clean_text("\n".join(lines + widget + after + ["Share this article"]))
    assert not any(text in a.text for text in after)


def test_a_letter_s_closing_and_signature_under_the_article_are_its_text():
    a = _en_page_with("Sincerely,\nJane Roe, head midwife")
    assert a.text.endswith("grows.\n\nSincerely,\n\nJane Roe, head midwife")
    # below the page's chrome it closes something else (a comment)
    assert "Love," not in clean_text(EN_PAGE + "Love,\nJane Roe\n").text


def test_the_headline_stands_under_the_blog_s_post_pager_not_above_it():
    lines = ["Home | Archives | About", "The Midwife's Notebook Blog", "Notes from a hospital ward since 2003",
             "The Midwife's Notebook Blog", "« A long night | Blog Home | Spring clinics open »",
             "A note on patience",
             *BLOG_POST,
             "Share this article"]
    assert clean_text("\n".join(lines)).title == "A note on patience"


def test_a_headline_that_reads_like_a_name_is_the_headline_when_the_breadcrumb_ends_with_it_and_a_byline_follows():
    lines = ["Home | Archives | About", "Link Policy", "Best of NWB", "Manifesto", "You are here: Home / Parenting / Night Feeds",
             "Night Feeds", "March 3, 2024 By Jane",
             *BLOG_POST,
             "Share this article"]
    a = clean_text("\n".join(lines))
    assert a.title == "Night Feeds" and a.author == "Jane"


def test_a_subtitle_right_under_the_headline_is_the_article_s_but_a_timestamp_there_is_not():
    def page(second):
        body = "".join(f"<p>{line}</p>" for line in [
            "首页 新闻 国内 国际 财经 体育 娱乐", "2024年3月5日", "儿童保健服务再升级", second,
            "为进一步提升儿童保健服务水平，市妇幼保健院近日启动了新一轮儿童健康管理项目，覆盖全市十二个区县。",
            "项目实施以来，已有超过三万名儿童接受了免费体检，家长满意度持续提高，相关经验正在全省推广。",
            "版权所有 © 2024 健康时报 京ICP备12345678号"])
        html = f"<html><head><title>儿童保健服务再升级_健康时报</title></head><body>{body}</body></html>"
        return clean_document(Document(html.encode(), "page.html"))
    a = page("去年免费体检三万名儿童")
    assert a.title == "儿童保健服务再升级"
    assert a.text.startswith("去年免费体检三万名儿童\n\n为进一步")
    assert a.paragraphs[0].kind == "heading"
    assert "09:30" not in page("健康时报 09:30").text


def test_the_post_under_a_pager_of_two_arrow_links_is_the_article_not_the_about_box_above_it():
    lines = ["Home | Archives | About", "The Midwife's Notebook Blog",
             "My name is Jane Roe and I am a midwife at the city hospital, where I have worked on the maternity ward since 2003.",
             "« Spring clinics open at the hospital", "A long night on the ward »",
             "A note on patience",
             *BLOG_POST,
             "Share this article"]
    a = clean_text("\n".join(lines))
    assert a.title == "A note on patience"
    assert a.text.startswith("Every new mother") and "My name is" not in a.text
    # one arrow link alone over an inner heading is a link inside the article, not a pager
    assert "My name is" in clean_text("\n".join(lines[:3] + lines[4:])).text


def test_the_headline_the_comments_header_names_is_the_post_s_not_the_blog_s_name():
    lines = ["Home | Archives | About", "Jane Roe",
             "Over 300 notes devoted to one idea: how to make the first weeks with a newborn easier for everyone.",
             "Night feeds and patience",
             *BLOG_POST,
             "3 Responses to “Night feeds and patience”",
             "Great post, thank you for sharing it with us."]
    a = clean_text("\n".join(lines))
    assert a.title == "Night feeds and patience"
    assert a.text.startswith("Every new mother")


def test_a_list_of_the_article_s_parts_each_heading_its_part_below_is_the_article_s():
    parts = ["Learn to write before you graduate", "Learn C before you graduate", "Take a summer internship"]
    prose = ["Here is why each of these matters, and what a student can do about it in the next year or two.",
             "Programmers who can write clearly get their ideas adopted, and their ideas are why they are hired.",
             "C is the language the machine speaks, and every other language is built on what it teaches you.",
             "An internship shows you how real teams work, and it gives you a name to put on your first application."]
    lines = ["Home | Archives | About", "Advice for students of computing",
             "Most students never ask their elders for advice, and most elders give it anyway, so here is mine.",
             *parts, prose[0], parts[0], prose[1], parts[1], prose[2], parts[2], prose[3], "Share this article"]
    a = clean_text("\n".join(lines))
    assert all(a.text.count(part) == 2 for part in parts)
    # a menu shown twice, in a block both times, is the page's
    menu = clean_text("\n".join(lines[:3] + parts + prose + parts + ["Share this article"]))
    assert not any(part in menu.text for part in parts)


def test_a_headline_of_two_sentences_in_title_case_is_the_headline_not_prose():
    head = "They Were Laid Off From Their Hospital. Now They Want To Change The Way We Give Birth."
    a = clean_text("\n".join(["Home | News | About", head, "Jane Roe",
                              "Five midwives were sitting in a cafe, drinking tea and wondering what came next.",
                              "Earlier that day they had all been laid off from the maternity ward where they had worked for years.",
                              "Share this article"]))
    assert a.title == head and head not in a.text


def test_the_date_above_the_headline_past_its_share_buttons_dates_the_article():
    lines = ["Health Daily", "Oct 29, 2012 9:30 AM", "Facebook", "Twitter", "Email this post",
             "Midwives Hit the Streets to Ask What Mothers Need", "Jane Roe", "View Profile",
             "Five midwives walked the city for a week and asked every mother they met what the ward could do better.",
             "The answers surprised them: most asked for time, not for money, and for someone to call at night.",
             "Share this article"]
    a = clean_text("\n".join(lines))
    assert a.title == lines[5] and a.date == "2012-10-29"
    assert clean_text("\n".join(lines[:2] + ["Most mothers asked for time, and the ward listened to them."] + lines[2:])).date is None


def test_a_share_widget_between_the_byline_and_the_article_puts_the_headline_no_further_from_it():
    lines = ["Health Daily", "Top Stories", "Midwives Ask Mothers What the Ward Could Do Better", "Jane Roe", "View Profile",
             "Email", "Facebook", "Twitter", "Google Plus", "RSS", *BLOG_POST, "Share this article"]
    a = clean_text("\n".join(lines))
    assert a.title == lines[2] and a.author == "Jane Roe"


def test_notice_title_named_by_its_key():
    """A notice's table of keys names its title ("名称：X"); the line X under the table is the
    headline, not the site's name at the top of the page (which the signature repeats)."""
    title = "北京市卫生健康委员会关于做好2024年孕产妇健康管理工作的通知"
    page = "\n".join([
        "北京市卫生健康委员会", "首页 机构职能 政务公开 政务服务 互动交流 专题专栏",
        "当前位置：首页 > 政务公开 > 通知公告", "索引号：000014348/2024-00012",
        "发布机构：北京市卫生健康委员会", "发文日期：2024年01月05日", "主题分类：卫生、体育",
        f"名称：{title}", "文号：京卫妇幼〔2024〕1号", title, "各区卫生健康委，各有关医疗机构：",
        "为进一步加强孕产妇健康管理，保障母婴安全，根据有关工作要求，现就做好2024年孕产妇健康管理工作通知如下。",
        "各区要落实孕产妇健康管理服务规范，为辖区内常住孕产妇提供孕期保健、产后访视等基本公共卫生服务。",
        "北京市卫生健康委员会", "2024年1月5日", "【打印本页】 【关闭窗口】"])
    a = clean_text(page)
    assert a.title == title
    assert a.date == "2024-01-05"


@pytest.mark.parametrize("line", ["Advertisement · Scroll to continue", "Advertisement: Story continues below",
                                  "Story continues below advertisement"])
def test_advertisement_slot_inside_the_article(line):
    """An advertisement's slot telling the reader to read on is no heading of the article, which
    goes on under it."""
    a = _en_page_inside(line)
    assert line not in a.text and "More than 30,000 infants" in a.text
    assert [r.reason for r in a.removed if r.text == line] == ["advertisement"]


def test_bio_naming_a_capitalised_title():
    """"… is the Global Health Correspondent at …": the author's title, capitalised, still
    introduces the author; the bio is the site's, not the article's."""
    bio = "Jane Doe is the Global Health Correspondent at Health Daily, covering newborn care and vaccines."
    a = _en_page_with(bio)
    assert bio not in a.text and "More than 30,000 infants" in a.text
    assert [r.reason for r in a.removed if r.text == bio] == ["about the author"]


def test_headline_written_as_a_sentence():
    """A headline that reads as a sentence ("…，这些误区你中招了吗？") over a dated byline (an
    account's post: "原创 王小明 健康时报 2024-03-05 08:00 发表于北京") heads the article; a deck
    that reads as a sentence under a headline does not."""
    page = "\n".join([
        "孕期补充叶酸，这些误区你中招了吗？", "原创 王小明 健康时报 2024-03-05 08:00 发表于北京", "收录于合集", "#孕产健康 12个",
        "叶酸是孕期最重要的营养素之一，可以有效预防胎儿神经管畸形。但在门诊中，医生发现不少孕妈妈对补充叶酸存在误区。",
        "神经管在怀孕第3至4周就已经形成，此时很多女性还不知道自己怀孕了，因此建议从准备怀孕前3个月开始补充叶酸。",
        "点击“阅读原文”了解更多", "微信扫一扫", "关注该公众号"])
    a = clean_text(page)
    assert a.title == "孕期补充叶酸，这些误区你中招了吗？"
    assert ("原创 王小明 健康时报 2024-03-05 08:00 发表于北京", "meta") in {(r.text, r.label) for r in a.removed}
    deck = "Each band has pros and cons, so here's how to use them together."
    a = clean_text(EN_PAGE.replace("By Jane Doe", deck + "\nBy Jane Doe"))
    assert a.title == "Hospital expands newborn screening programme"


def test_health_site_article_with_its_contents_list():
    """A health site's article: a headline written as a question, a byline of its reviewer and
    its writer, a list of its parts (one of them "Summary", also a button's word) heading its
    sections in order, and the site's editorial policy under it."""
    page = "\n".join([
        "Health Conditions", "Discover", "Is it safe to drink coffee while pregnant?",
        "Medically reviewed by Jane Smith, MD — Written by Tom Brown — Updated on March 5, 2024",
        "Guidelines", "Risks", "Summary",
        "Many people wonder whether their morning coffee is safe during pregnancy, and the guidelines give a clear answer.",
        "Share on Pinterest", "Guidelines",
        "Obstetricians recommend that pregnant people limit caffeine to less than 200 milligrams a day, about one cup of coffee.",
        "Risks", "Some studies have linked high caffeine intake during pregnancy to a lower birth weight, though the cause is unclear.",
        "Summary", "Moderate coffee drinking appears to be safe during pregnancy, but people should talk with their doctor.",
        "How we reviewed this article:",
        "Our experts continually monitor the health and wellness space, and we update our articles when new information appears.",
        "Was this article helpful?", "Yes", "No"])
    a = clean_text(page)
    assert (a.title, a.author, a.date) == ("Is it safe to drink coffee while pregnant?", "Tom Brown", "2024-03-05")
    assert [p.text for p in a.paragraphs if p.kind == "heading"][-2:] == ["Risks", "Summary"]
    assert "Our experts" not in a.text and a.paragraphs[-1].text.startswith("Moderate coffee")


def test_funders_named_under_the_article():
    note = ("The Associated Press Health and Science Department receives support from the Howard Hughes Medical "
            "Institute’s Science and Educational Media Group. The AP is solely responsible for all content.")
    a = _en_page_with(note)
    assert note not in a.text and "More than 30,000 infants" in a.text
    assert [r.reason for r in a.removed if r.text == note] == ["outside article: funding notice"]


def test_bio_and_print_note_under_the_article():
    """A bio that ends in its link ("… More about Jane Doe": no full stop) and the print edition's
    note are the site's, under the article."""
    bio = "Jane Doe is a reporter covering health and medicine. More about Jane Doe"
    note = ("A version of this article appears in print on March 6, 2024, Section A, Page 14 of the New York edition "
            "with the headline: Screening Grows. Order Reprints | Today’s Paper | Subscribe")
    a = _en_page_with(bio + "\n" + note)
    assert bio not in a.text and note not in a.text and "More than 30,000 infants" in a.text


@pytest.mark.parametrize("button", ["展开全文", "点击阅读全文", "展開全文"])
def test_expand_button_inside_the_article(button):
    """"展开全文" shows the rest of the article, which the dump holds below it: a button, not a
    heading, and the article goes on under it."""
    a = clean_text(ZH_PAGE.replace("下一阶段", button + "\n下一阶段"))
    assert button not in a.text and "下一阶段" in a.text
    assert [r.reason for r in a.removed if r.text == button] == ["expand button"]


WRAPPED = ["The county health department opened a free prenatal clinic in Millbrook on Monday, the first in the northern part of the county in more than a decade, officials said at a ribbon cutting attended by dozens of families.",
           "The clinic will be open three days a week and staffed by two nurse midwives and a part-time obstetrician from the regional hospital, which will also take referrals for ultrasound scans and high-risk pregnancies.",
           "Women here used to drive an hour for a checkup, said health director Tom Ruiz, and now they can walk in, so more of them will come early in their pregnancy, when care makes the most difference to them."]


def test_english_hard_wrapped_at_words():
    """English wrapped at 72 characters word by word: each line cut mid-sentence reads as a
    headline alone, but its paragraph is prose; the paragraphs come back whole."""
    import textwrap

    page = "\n".join(["HOME | NEWS | SPORTS | OPINION", "County opens free prenatal clinic in rural town",
                      "By Jane Doe", "March 5, 2024", *(textwrap.fill(p, 72) for p in WRAPPED),
                      "Copyright 2024 Millbrook News. All rights reserved."])
    a = clean_text(page)
    assert a.title == "County opens free prenatal clinic in rural town"
    assert [p.text for p in a.paragraphs] == WRAPPED


def test_headlines_of_one_length_are_not_wrapped_text():
    """Lines ending close to one length but going on in capitals (a list of headlines) are no
    hard-wrapped paragraph."""
    headlines = [f"Headline number {n} about the new prenatal clinic in the county" for n in range(10, 22)]
    a = clean_text(EN_PAGE.replace("Share this article", "Latest News\n" + "\n".join(headlines) + "\nShare this article"))
    assert not any(h in a.text for h in headlines)


def test_section_name_over_the_headline_is_not_the_headline():
    """A section's name right over the headline ("Healthcare & Pharmaceuticals"), repeated in
    the menu and the topics, is no headline: the full-length line under it, signed, is."""
    page = "\n".join(["Reuters", "World", "Healthcare & Pharmaceuticals", "Business",
                      "Healthcare & Pharmaceuticals", "WHO warns of rising maternal deaths in conflict zones",
                      "By Jennifer Rigby", "March 5, 2024 9:04 AM GMT",
                      "LONDON, March 5 (Reuters) - Maternal deaths are rising in countries affected by conflict, the World Health Organization said on Tuesday.",
                      "More than half of all maternal deaths now occur in fragile or conflict-affected settings, up from a third a decade ago, the agency said.",
                      "Suggested Topics:", "Healthcare & Pharmaceuticals"])
    assert clean_text(page).title == "WHO warns of rising maternal deaths in conflict zones"


def _photo_story(captions: list[str], head: list[str], tail: list[str]) -> str:
    lines = list(head)
    for n, caption in enumerate(captions, 1):
        lines += [f"{n}/{len(captions)}", caption]
    return "\n".join(lines + tail)


def test_photo_story_whose_content_is_its_captions():
    """A gallery with next to no prose: its captions, each a sentence with its credit, three or
    more a counter apart, are the article; "组图：X" is its headline, not a photo's credit."""
    zh = ["凌晨2点，北京某医院新生儿科，护士李娜正在为一名早产儿更换尿布。中新网记者 王明 摄",
          "早上7点，护士们进行交接班，逐一核对每名患儿的情况。中新网记者 王明 摄",
          "上午10点，李娜为一名黄疸患儿调整蓝光治疗仪。中新网记者 王明 摄",
          "下午4点，李娜教新手妈妈如何给宝宝洗澡。中新网记者 王明 摄"]
    a = clean_text(_photo_story(zh, ["首页 > 图片 > 社会", "组图：新生儿科护士的24小时", "2024-03-05 14:20 来源：中国新闻网"],
                                ["上一组", "下一组", "相关图集"]))
    assert (a.title, a.date) == ("组图：新生儿科护士的24小时", "2024-03-05")
    assert [p.text for p in a.paragraphs] == zh
    en = ["A nurse changes a premature baby's diaper at 2 a.m. in the neonatal unit. (AP Photo/Jane Roe)",
          "Nurses check every baby's chart at the morning handover on the ward. (AP Photo/Jane Roe)",
          "A nurse adjusts the light for a baby with jaundice before lunch. (AP Photo/Jane Roe)"]
    a = clean_text(_photo_story(en, ["Photos", "Photos: 24 hours with neonatal nurses", "By Jane Roe", "March 5, 2024"],
                                ["Previous gallery", "Next gallery"]))
    assert [p.text for p in a.paragraphs] == en


def test_commentator_bio_with_the_opinion_disclaimer():
    """"X is a professor of … The opinions expressed in this commentary are her own." over an
    opinion piece is the site's note on its author, not the piece."""
    note = "Jane Doe is a professor of pediatrics. The opinions expressed in this commentary are her own."
    a = clean_text(EN_PAGE.replace("By Jane Doe", note + "\nBy Jane Doe"))
    assert note not in a.text and a.paragraphs[0].text.startswith("The city's maternal")


NAMES_WRAPPED = ["Dr Maria Lopez, who directs the Millbrook Women's Health Center, told the County Board of Health on Tuesday that Millbrook General Hospital had delivered 1,204 babies in 2023, up from 1,090 in 2022, and that St Anne's Clinic in Harlow now refers most high-risk pregnancies to Millbrook.",
                 "The Board of Health voted 5-2 to fund two more nurse midwives, and Commissioner Tom Ruiz said the State Department of Health would match the county's money for three years under the Healthy Mothers Act, which Governor Ann Lee signed in March.",
                 "Lopez said the Center would open on Saturdays from June, and that Harlow Transit would add a bus from Harlow Station to the hospital, because Medicaid patients from Harlow and Eastbrook missed one visit in four."]


def _wrapped_news_page(above: list[str] = (), below: list[str] = ()) -> str:
    """A news page whose paragraphs (NAMES_WRAPPED) are wrapped at 76 columns, `above` its
    headline and `below` its last paragraph."""
    import textwrap

    return "\n".join(["HOME | NEWS | SPORTS | OPINION", *above, "County funds two more nurse midwives",
                      "By Jane Doe", "March 5, 2024", "\n\n".join(textwrap.fill(p, 76) for p in NAMES_WRAPPED),
                      *below, "Copyright 2024 Millbrook News. All rights reserved."])


def test_english_news_hard_wrapped_at_words_goes_on_in_capitals():
    """News wrapped at words goes on in capitals as often as not (names, places, a sentence's
    start): that the next line's first word would not have fit on the line tells the wrap."""
    import textwrap

    lines = "\n".join(textwrap.fill(p, 76) for p in NAMES_WRAPPED).splitlines()
    long = [k for k, line in enumerate(lines[:-1]) if len(line) > 60]
    assert sum(lines[k + 1][0].islower() for k in long) < len(long) / 2  # (the case: most go on in capitals)
    a = clean_text(_wrapped_news_page())
    assert a.title == "County funds two more nurse midwives"
    assert [p.text for p in a.paragraphs] == NAMES_WRAPPED


ZH_WRAPPED = ["本报讯（记者 王小明）3月5日，市妇幼保健院在城东社区开设免费孕期保健门诊，这是该院今年推出的第三项便民服务，首周已有一百二十多名孕妇前来建档，其中三成是第一次在社区做产检的外来务工人员家属和随迁亲友。",
              "门诊每周开放三天，由两名助产士和一名产科医生坐诊，提供产前检查、营养指导和心理咨询等服务，高危孕妇将被转诊到院本部接受进一步检查和治疗，检查结果会同步到孕妇的电子健康档案。",
              "院长李华介绍，过去社区孕妇做一次产检要往返两个多小时，现在步行十分钟就能到，医院希望更多孕妇在孕早期就来建档，及早发现和干预各种风险因素，让母婴安全的关口前移。"]


def _zh_news_page(*body: str) -> str:
    """A Chinese news page: menu, headline, byline, `body`'s lines, footer."""
    return "\n".join(["首页 | 新闻 | 健康 | 教育", "市妇幼保健院开设社区孕期保健门诊", "2024-03-05 来源：健康日报",
                      *body, "版权所有 © 2024 健康日报 京ICP备12345678号"])


def _cut(paragraphs: list[str], width: int = 32) -> list[str]:
    """Each paragraph cut every `width` characters."""
    return [p[k: k + width] for p in paragraphs for k in range(0, len(p), width)]


def test_chinese_hard_wrapped_at_a_number_of_characters():
    """Chinese cut every 32 characters: each piece alone reads as no sentence, but its
    paragraph is prose; the paragraphs come back whole, joined without spaces."""
    a = clean_text(_zh_news_page(*_cut(ZH_WRAPPED)))
    assert a.title == "市妇幼保健院开设社区孕期保健门诊"
    assert [p.text for p in a.paragraphs] == ZH_WRAPPED


def test_lines_of_one_length_among_longer_ones_are_not_wrapped_text():
    """Many lines of one length (a list of headlines) on a page of longer paragraphs: no page is
    cut at a width that many of its lines are longer than, and its paragraphs stay apart."""
    headlines = [f"第{n}期：孕期营养与产前检查知识问答讲座通知及报名方式说明（附表）" for n in range(10, 20)]
    assert [p.text for p in clean_text(_zh_news_page(*ZH_WRAPPED, "相关新闻", *headlines)).paragraphs] == ZH_WRAPPED


def test_english_hard_wrapped_under_many_long_menu_lines():
    """A wrapped article under a long box of teasers (lines of 30-60 characters, more of them
    than the article's lines): the lines that go on, right above another, tell the wrap."""
    teasers = [f"Slideshow {n}: County fair photos from the weekend, part {n}" for n in range(1, 41)]
    a = clean_text(_wrapped_news_page(above=teasers))
    assert a.title == "County funds two more nurse midwives"
    assert [p.text for p in a.paragraphs] == NAMES_WRAPPED


ZH_MORE = ["据了解，该院去年在全市十二个社区试点开展孕产妇健康管理，累计建立电子档案四千多份，早孕建册率由七成提高到九成以上，孕产妇系统管理率和产后访视率都有明显提升，相关做法得到省卫生健康委的肯定。",
           "今年起，医院还将与社区卫生服务中心签订协作协议，派出专家定期下沉坐诊，开展孕妇学校和母乳喂养讲座，并通过手机应用推送产检提醒和健康科普，帮助准妈妈们科学备孕、安心待产。",
           "不少孕妇表示，家门口的门诊让产检省时又省心，遇到问题还能随时向医生咨询，希望这样的服务能够覆盖更多社区，让每一位母亲和每一个新生命都能得到及时、规范和有温度的照护。"]


def test_chinese_page_cut_at_characters_with_english_lines_is_not_wrapped_at_words():
    """A Chinese page cut every 32 characters, an English quotation in it cut too: the page is
    cut at a number of characters (most of its long lines are Chinese), not wrapped at words."""
    quote = ("The clinic will be open three days a week and staffed by two nurse midwives and a part-time "
             "obstetrician from the regional hospital, which will also take referrals for ultrasound scans, "
             "high-risk pregnancies and postnatal care for mothers and their newborn babies in the county.")
    chinese = ZH_WRAPPED + ZH_MORE
    a = clean_text(_zh_news_page(*_cut(chinese), *_cut([quote])))
    assert [p.text for p in a.paragraphs if p.lang == "zh"] == chinese


def test_a_short_post_hard_wrapped_at_words():
    """One paragraph of five wrapped lines is enough: each line right above another leaves no
    room for the next line's first word."""
    import textwrap

    post = ("Most of the pieces in my spring sale over at the Millbrook Market have sold already, but "
            "several lovely items remain! Think rare candlesticks, stylish lamps and vintage prints in "
            "gold leaf frames. Check them out here before everything is gone, and thank you all so much "
            "for stopping by the booth last weekend: it was wonderful to meet so many of you in person.")
    page = "\n".join(["JANE'S KITCHEN", "« Older post | Main | Newer post »", "May 22, 2012", "Going, going, gone!",
                      textwrap.fill(post, 78), "Permalink", "Comments (0)", "Categories", "About", "Recipes"])
    assert [p.text for p in clean_text(page).paragraphs] == [post]


def test_a_paragraph_said_twice_on_a_hard_wrapped_page_is_kept_once():
    """A wrapped paragraph the page repeats (an update that quotes it): each of its pieces is a
    repeated line, but the paragraph is prose said twice, kept where it first stands."""
    import textwrap

    a = clean_text(_wrapped_news_page(below=["UPDATE, 5 p.m.:", textwrap.fill(NAMES_WRAPPED[1], 76)]))
    assert [p.text for p in a.paragraphs][:3] == NAMES_WRAPPED


def test_the_last_piece_of_a_wrapped_paragraph_may_hold_no_letter():
    """Cut at 32 characters, a paragraph may end on a line of its own holding its stop alone
    ("。", "。”"): the paragraph's piece, not a line of no letters."""
    ended = ZH_WRAPPED[0][:96] + "。"  # (3 x 32 + 1 characters: "。" falls to a fourth line)
    assert len(ended) % 32 == 1
    paragraphs = [ended, *ZH_WRAPPED[1:]]
    assert [p.text for p in clean_text(_zh_news_page(*_cut(paragraphs))).paragraphs] == paragraphs


def test_a_wrapped_english_line_ending_in_a_closing_quote_goes_on_after_a_space():
    """The quotes “” are English's too: a piece ending in one goes on after a space (it was
    glued to the next word, as Chinese is)."""
    import textwrap

    quoted = ("“We have wanted a clinic like this for years, and the families came as soon as it opened,” "
              "said Dr Maria Lopez, who directs the Millbrook Women's Health Center. “Now the hard part begins: "
              "keeping the doors open on Saturdays and finding the midwives to staff them,” she added, and the "
              "board agreed to look again in June.")
    paragraphs = [*NAMES_WRAPPED, quoted]
    page = "\n".join(["County funds two more nurse midwives", "By Jane Doe", "March 5, 2024",
                      "\n\n".join(textwrap.fill(p, 68) for p in paragraphs)])
    assert any(line.endswith("”") for line in textwrap.wrap(quoted, 68)[:-1])  # (the case)
    assert [p.text for p in clean_text(page).paragraphs] == paragraphs


def test_english_filled_to_balance_its_lines():
    """Filled as fmt fills, each paragraph to its own width under the longest: the next line's
    first word would often have fit, but on a page whose paragraphs stand apart by blank lines
    a long line right above another goes on into it."""
    import textwrap

    filled = [textwrap.fill(p, width) for p, width in zip(NAMES_WRAPPED, (70, 76, 72))]
    page = "\n\n".join(["HOME | NEWS | SPORTS | OPINION", "County funds two more nurse midwives",
                        "By Jane Doe", "March 5, 2024", *filled, "Copyright 2024 Millbrook News. All rights reserved."])
    assert [p.text for p in clean_text(page).paragraphs] == NAMES_WRAPPED
