import pytest

from mch_cli.meta import byline_fields, dateline_authors, extract, find_dates, is_byline


@pytest.mark.parametrize("text, date, datetime", [
    ("2025-10-27 15:01:11来源:福州援疆", "2025-10-27", "2025-10-27T15:01:11"),
    ("Time:2022.06.25", "2022-06-25", None),
    ("Time: 2019/12/2", "2019-12-02", None),
    ("发布时间：2021年5月28日", "2021-05-28", None),
    ("二〇二一年五月二十八日", "2021-05-28", None),
    ("Updated: 2021-05-28", "2021-05-28", None),
    ("時間 Tue Mar 5 10:00:00 2024", "2024-03-05", "2024-03-05T10:00:00"),  # C's asctime (a BBS post's)
    ("June 24, 2021", "2021-06-24", None),
    ("24 June 2021", "2021-06-24", None),
    ("Nov. 29, 2019", "2019-11-29", None),
    ("Published 3:41 PM ET, Tue October 1, 2019", "2019-10-01", "2019-10-01T15:41"),
    ("5 Jan 2024 | 10:30", "2024-01-05", "2024-01-05T10:30"), ("Jan 5, 2024 / 10:30:15", "2024-01-05", "2024-01-05T10:30:15"),
    ("2024-01-05 | 8 comments", "2024-01-05", None),
    ("2019-03-05T08:30", "2019-03-05", "2019-03-05T08:30"),
    # numbers with dashes or dots: whichever order is valid, day first when both are
    ("Posted on: 08-17-2012 With: 1 Comment", "2012-08-17", None),
    ("21:17 18.11.2019 Get short URL", "2019-11-18", "2019-11-18T21:17"),
    ("11.14.2019 09:00 AM", "2019-11-14", "2019-11-14T09:00"), ("05.06.2012", "2012-06-05", None),
    # the year run into the time where the page's spans were joined without a space
    ("Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago", "2019-11-20", "2019-11-20T04:29"),
    ("5 March 202414:30", "2024-03-05", "2024-03-05T14:30"), ("06/02/202213:48", "2022-02-06", "2022-02-06T13:48"),
    # a full stop between hour and minutes, before a time zone or am/pm ("12.50 million" is no time)
    ("guardian.co.uk, Wednesday 14 December 2011 15.53 GMT", "2011-12-14", "2011-12-14T15:53"),
    ("Kounteya Sinha, TNN Jan 10, 2012, 02.33AM IST", "2012-01-10", "2012-01-10T02:33"),
    ("March 5, 2024 12.50 million", "2024-03-05", None),
])
def test_date_forms(text, date, datetime):
    found = find_dates(text)[0]
    assert (found.date, found.datetime) == (date, datetime)


@pytest.mark.parametrize("text", ["2021-02-30", "1066-10-14", "version 3.11.7", "13/45/2020",
                                  "Phone: 707-939-9002", "v1.2.2012", "call 1-800-555-2012",
                                  "March 5, 201912345"])
def test_not_dates(text):
    assert find_dates(text) == ()


def test_byline_key_values():
    fields = byline_fields("Author: Lina Song Source: NET / DXZM Hits: 263 Time: 2019/12/2")
    assert fields == {"author": ["Lina Song"], "source": ["NET / DXZM"]}
    assert byline_fields("【责任编辑:陈颖】") == {"editor": ["陈颖"]}
    assert byline_fields("来源：新华社 作者：张三 李四") == {"source": ["新华社"], "author": ["张三", "李四"]}
    assert byline_fields("By Jane Doe and John Roe") == {"author": ["Jane Doe", "John Roe"]}
    # one person in both scripts; an affiliation after the colon is not a name
    assert byline_fields("作者： 王小明 (Joe Wang)") == {"author": ["王小明 (Joe Wang)"]}
    assert byline_fields("作者：赵 培：北京物资学院") == {"author": ["赵培"]}
    # a bracketed name after a date is a name only with a surname: "【收藏】" is a button
    assert byline_fields("2012-01-12 17:04 【王芳】") == {"author": ["王芳"]}
    assert byline_fields("时间：2012-01-12 17:04 来源：健康网 【收藏】") == {"source": ["健康网"]}
    # a bracket the value never opened closes the byline's own: what follows it is no value
    assert byline_fields("（編輯：李明）1130305") == {"editor": ["李明"]}
    assert byline_fields("（作者：张三）本报北京电") == {"author": ["张三"]}
    # an account's post: its author, then the account
    assert byline_fields("原创 王小明 健康时报 2024-03-05 08:00 发表于北京") == {"author": ["王小明"], "source": ["健康时报"]}
    # a wire story's credits: reporters and writer, not the additional reporters; its editor
    assert byline_fields("(Reporting by Jane Doe in Geneva; Additional reporting by Ali Hassan in Nairobi; "
                         "Editing by John Roe)") == {"author": ["Jane Doe"], "editor": ["John Roe"]}
    assert byline_fields("Reporting by Jo Lee and Tom Roe in New York, with reporting by Herb Lash, Writing by "
                         "Ann Lee; editing by Bill Berkrot.") == {"author": ["Jo Lee", "Tom Roe", "Ann Lee"],
                                                                 "editor": ["Bill Berkrot"]}
    assert byline_fields("文字：王晓") == {"author": ["王晓"]} and is_byline("校对：赵敏", 4)
    assert byline_fields("责任编辑：王晓武_NF5619") == {"editor": ["王晓武"]}  # (the site's code for its editor)
    assert byline_fields("责任编辑：李四 图片编辑：王五") == {"editor": ["李四"]}  # (the photo editor is not the story's)
    # a staff role after the name
    assert byline_fields("By Jane Roe Health Reporter For Mailonline") == {"author": ["Jane Roe"]}
    assert byline_fields("By John Doe, Senior Correspondent") == {"author": ["John Doe"]}
    # a role between "By" and the name, or right after the name
    assert byline_fields("By health reporter Jane Roe") == {"author": ["Jane Roe"]}
    assert byline_fields("By Judith Burns Education reporter BBC News")["author"] == ["Judith Burns"]
    # the writer, not the medical reviewer or the fact-checker
    assert byline_fields("Medically reviewed by Dr. Ann Lee — By Kate Moss — Updated March 5, 2024") == {"author": ["Kate Moss"]}
    assert "author" not in byline_fields("Fact checked by Jo Roe on March 5, 2024")
    # a forum thread's first post: its poster after 楼主, a handle; a reply's floor names no author of the page
    assert byline_fields("楼主 小葡萄妈妈 发表于 2024-03-05 21:40 | 只看该作者") == {"author": ["小葡萄妈妈"]}


@pytest.mark.parametrize("text, expected", [
    ("Updated: 2021-05-28", True),
    ("2025-10-27 15:01:11来源:福州援疆", True),
    ("By Jane Doe", True),
    ("June 24, 2021", True),
    ("On June 24, 2021, the forum opened in Urumqi with experts from five countries.", False),
    ("CQHCWC holds training session on children's health care", False),
    ("2009年3月14日举办亲子讲座。", False),  # a sentence, not a date line
    ("2009年3月14日 来源：健康报", True),
    ("Thursday, Jan 12 2024 3PM -22°F 6PM -9°F", False),  # a weather widget
    ("Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM", True), ("Posted on March 3 at 10:15 am", True),  # no year
    ("Posted in March, 12 of the 40 midwives left the ward at 10:15 am.", False),
])
def test_is_byline(text, expected):
    from mch_cli.script import token_count
    assert is_byline(text, token_count(text)) is expected


def test_dateline_authors():
    assert dateline_authors("Tianshan News (Reporter Ye Xiaomin reported) On June 24, …") == ["Ye Xiaomin"]
    assert dateline_authors("本报讯（记者 张三 通讯员 李四）近日，") == ["张三", "李四"]
    assert dateline_authors("On June 24 (local time) the forum opened.") == []
    # an agency's dispatch: the reporters, then the place and the day, run together (a name is
    # three characters unless that leaves the place fewer than two)
    assert dateline_authors("（中央社記者陳婉茹台北5日電）疾病管制署今天表示") == ["陳婉茹"]
    assert dateline_authors("（中央社記者林敬東京5日電）日本政府今天宣布") == ["林敬"]
    assert dateline_authors("（中央社記者王小明、陳婉茹華盛頓4日電）美國") == ["王小明", "陳婉茹"]


def test_site_given_as_author_is_the_source():
    md = extract(["Author:Tianshan.com Time:2022.06.25"], "Tianshan News (Reporter Ye Xiaomin reported) On")
    assert (md.author, md.source, md.date) == ("Ye Xiaomin", "Tianshan.com", "2022-06-25")


def test_no_meta_lines_no_values():
    md = extract([], "A paragraph without a dateline.")
    assert (md.date, md.author, md.editor, md.source) == (None, None, None, None)


@pytest.mark.parametrize("title, headline", [
    ("妇幼健康新进展_新闻中心_新浪网", "妇幼健康新进展"),
    ("Hospital expands newborn screening - CNN", "Hospital expands newborn screening"),
    ("Hospital expands newborn screening | Health", "Hospital expands newborn screening"),
    ("Obama - the interview", "Obama - the interview"),  # a lower-case tail is the headline's own
    ("Britons fail to battle the bulge - as 26 per cent are obese", "Britons fail to battle the bulge - as 26 per cent are obese"),
    # a second half led by "With", "For", …: the headline goes on
    ("Midwife Wins County Award – With Photos", "Midwife Wins County Award – With Photos"),
    ("The Guardian's Midwives Win Award - The Guardian", "The Guardian's Midwives Win Award"),
])
def test_strip_site_suffix(title, headline):
    from mch_cli.meta import strip_site_suffix
    assert strip_site_suffix(title) == headline


@pytest.mark.parametrize("text, expected", [
    ("据新华社拉萨电（记者 格桑边觉）记者近日从西藏自治区农业农村厅了解到", ["格桑边觉"]),
    ("本报记者罗科苏盈发自北京", ["罗科苏盈"]),
    ("新京报记者 彭冲 山东冠县报道", ["彭冲"]),
    ("记者从上海昆剧团获悉，沈斌同志因病医治无效", []),  # 记者 + a verb is no credit
])
def test_reporter_credits(text, expected):
    from mch_cli.meta import reporter_names
    assert reporter_names(text) == expected


@pytest.mark.parametrize("paragraph, authors", [
    ("推动云南工业高质量发展。（记者 胡晓蓉）", ["胡晓蓉"]),
    ("这样的说法没有道理。（姚峰 上海报道）", ["姚峰"]),
    ("过一个平安、祥和、温馨、廉洁的新年。（常书香 马丹阳）", ["常书香", "马丹阳"]),
    ("他说，这是一次重要的会议（上海）", []),
])
def test_closing_credits(paragraph, authors):
    from mch_cli.meta import closing_authors
    assert closing_authors(paragraph) == authors


@pytest.mark.parametrize("text, fields", [
    ("ggjjzhzz 发表于 2005-9-15 11:46:00", {"author": ["ggjjzhzz"]}),
    ("由海姑娘张贴 @ 2005-06-14 03:25:55 (370) 共 11 篇评论", {"author": ["海姑娘"]}),
    ("时间：2004年10月21日14:18 作者：郭励弘 我来说两句(0)", {"author": ["郭励弘"]}),
    ("2012年01月17日 17:39 来源：正北方网(综合) 编辑：杨苏雯", {"source": ["正北方网(综合)"], "editor": ["杨苏雯"]}),
    ("作者： size=\"20\" 来源： size=\"20\" 发布日期： 7/5/2005", {}),
    ("BUSINESS.SOHU.COM 2004年7月16日08:19 [ 黄宇 ] 来源：[ 国际金融报 ]", {"source": ["国际金融报"], "author": ["黄宇"]}),
    ("〓 网易娱乐 发布时间 2005/05/17 22:11:42 by 眉间尺 〓", {"author": ["眉间尺"]}),
    # "Posted by" names a person or a handle; what follows the name is not the name's
    ("Posted by Maria Lopez on March 3, 2014", {"author": ["Maria Lopez"]}),
    ("posted by quietreader in Health News.", {"author": ["quietreader"]}),
    ("Posted By Ann B. Carter Thursday, May 9, 2013 - 10:40 AM", {"author": ["Ann B. Carter"]}),
    ("By Tom Reyes RSS", {"author": ["Tom Reyes"]}),
    # "by" after the date: the whole name, not its first word
    ("Monday 10.29.2012 , Posted by Ben Starr", {"author": ["Ben Starr"]}),
    ("Aug 9th, 2012 at 10:00 am by Sam HendrixOpinion", {"author": ["Sam Hendrix"]}),
    ("06 November 2012 by Cory Gunn Discuss (0)", {"author": ["Cory Gunn"]}),
    ("October 29, 2012 by jsmith and others", {"author": ["jsmith"]}),
])
def test_more_bylines(text, fields):
    assert byline_fields(text) == fields


@pytest.mark.parametrize("line, expected", [
    ("胡平", True), ("赵延东、风笑天", True), ("Denis Campbell", True),
    ("Nick Collins and Kate Hagan", True), ("关注", False), ("Related Stories", False),
    ("新闻", False), ("Breaking News", False),
    # widgets and headlines in the shape of names
    ("Edit ProfileSign Out", False), ("Join Us", False), ("My Bio", False), ("Like Tweet", False),
    ("Midwives Overworked, Hospital Chief Says", False), ("Kevin McBride", True), ("DeShawn O'Neill", True),
    # two words of chrome in the shape of a four-character name; a compound surname
    ("相关专题", False), ("文章编辑", False), ("欧阳明远", True),
])
def test_name_lines(line, expected):
    from mch_cli.meta import is_name_line
    assert is_name_line(line) is expected


def test_ambiguous_day_month():
    assert find_dates("发表时间： 06/02/2022 - 13:48")[0].date == "2022-02-06"   # day first
    assert find_dates("9/17/2004 5:54:13 AM")[0].date == "2004-09-17"
    assert find_dates("7/5/2005 9:23:57 PM")[0].date == "2005-07-05"            # US clock: month first


def test_dated_header_is_the_last_resort_for_the_date():
    from mch_cli.meta import dated_header
    lines = ["首页 新闻 体育", "第四届中国经济学年会会议议程", "2004-12-10 阅读10544次", "会议议程"]
    assert dated_header(lines) == ("2004-12-10", None)
    assert dated_header(["首页 | 新闻", "2004-12-10 阅读10544次"]) == (None, None)  # no headline above


def test_a_post_footer_s_counters_are_not_names():
    from mch_cli import clean_text
    page = ("博客首页\n我的育儿日记\n作者:zboygirl 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30\n"
            "今天带孩子去社区医院做了体检，医生说孩子发育得很好，身高体重都在正常范围之内，我们都很高兴。\n")
    a = clean_text(page)
    assert a.author == "zboygirl" and a.date == "2005-07-31"


def test_a_byline_under_the_article_names_the_author_only_when_none_above_does():
    below = ["Posted by Lee Smith, Site Editor"]
    assert extract(["By Ana Ruiz"], below=below).author == "Ana Ruiz"
    assert extract(["March 3, 2014"], below=below).author == "Lee Smith"
    assert extract(["By Ana Ruiz"], below=["【责任编辑：陈颖】"]).editor == "陈颖"


@pytest.mark.parametrize("line, share", [
    ("本站搜尋 網頁搜尋", 1.0), ("登录 | 注册", 1.0), ("转寄好友｜友善列印 | 检举本文", 2 / 3),
    ("警方搜索失踪男孩", 0.0), ("妇幼保健院开展母乳喂养宣传周", 0.0),
])
def test_chinese_chrome_share(line, share):
    from mch_cli.meta import chinese_chrome_share
    assert chinese_chrome_share(line) == pytest.approx(share)


@pytest.mark.parametrize("title, headline", [
    ("孕妇补钙的三个误区 2024-03-11 18:04:42 楼主", "孕妇补钙的三个误区"),
    ("Midwives hold open day 2024-03-11 09:30", "Midwives hold open day"),
    ("Four short reads: 6 November 2024", "Four short reads: 6 November 2024"),  # a date, no time
    ("Clinic news, Updated Nov 06, 2024 at 05:30pm IST", "Clinic news, Updated Nov 06, 2024 at 05:30pm IST"),
    ("2024年妇幼健康工作要点", "2024年妇幼健康工作要点"),
])
def test_a_time_glued_after_the_headline_goes(title, headline):
    from mch_cli.meta import strip_trailing_stamp
    assert strip_trailing_stamp(title) == headline


@pytest.mark.parametrize("name, trimmed", [
    ("Jane Roe - Oct• 31•12", "Jane Roe"), ("Sam Lee Published Nov.", "Sam Lee"), ("Kim Park. Posted", "Kim Park"),
    ("Ann Cole on", "Ann Cole"), ("Dan Moss (Diary", "Dan Moss"), ("J.D. WRIGHT", "J.D. WRIGHT"),
    ("Martin Luther King Jr.", "Martin Luther King Jr."), ("Jane Roe - Staff Writer", "Jane Roe"),
    ("Jane RoeOpinion", "Jane Roe"), ("Ian MacDonald", "Ian MacDonald"), ("Ann McLean", "Ann McLean"),
])
def test_what_follows_a_name_on_its_line_goes(name, trimmed):
    from mch_cli.meta import _trim_name_tail
    assert _trim_name_tail(name) == trimmed


@pytest.mark.parametrize("line", ["Pin It", "Older Entries", "HIDE CAPTION", "Cross References", "Stock Quotes",
                                  "Key Points", "Key Takeaways", "Highlights"])
def test_widget_words_are_no_names(line):
    from mch_cli.meta import is_name_line
    assert not is_name_line(line)


@pytest.mark.parametrize("byline, author", [
    ("By Erin Roe, Marketing Coordinator", "Erin Roe"), ("By Staff Writer", None), ("By A Photo Editor", None),
    ("By Richard Read", "Richard Read"), ("By Sheryl Moss, Health Reporter", "Sheryl Moss"),
])
def test_a_byline_names_people_not_roles(byline, author):
    from mch_cli.meta import extract
    assert extract([byline]).author == author


@pytest.mark.parametrize("byline, author", [
    # prefixes go
    ("文/王小明 图/李大伟", "王小明"), ("文／记者 王小明", "王小明"), ("Analysis by Jane Roe", "Jane Roe"),
    ("Story by Jane Roe | Photos by John Doe", "Jane Roe"), ("Words by Jane Roe", "Jane Roe"),
    # questions, numbers and roles are no authors
    ("作者：你知道吗？", None), ("作者：12345", None), ("作者：小编", None), ("Author: 2024", None),
    # a photographer alone signs no article
    ("Photos by John Doe", None), ("作者：王小明摄", None),
    # a site's slogan, a company, the next key's name, a place and a role
    ("作者：健康网_提供健康资讯服务", None), ("Author: Acme Health Ltd", None),
    ("作者： 潘小羽 文字大小：【大】【中】【小】", "潘小羽"), ("作者：李小清 江苏南通 职员", "李小清"),
    ("作者：赵延东、风笑天", "赵延东, 风笑天"), ("作者：王小明｜", "王小明"),
])
def test_author_values_are_cleaned(byline, author):
    from mch_cli.meta import extract
    assert extract([byline]).author == author


@pytest.mark.parametrize("byline, author, source", [
    ("By Us Weekly", None, "Us Weekly"), ("Author: Brightsight Group", None, "Brightsight Group"),
    ("By The Health Desk", None, None), ("By Jane Roe", "Jane Roe", None),
])
def test_an_outlet_is_no_author(byline, author, source):
    from mch_cli.meta import extract
    md = extract([byline])
    assert (md.author, md.source) == (author, source)


@pytest.mark.parametrize("title, headline", [
    ("ShareTweetEmailClinic opens new maternity ward", "Clinic opens new maternity ward"),
    ("Share this: Clinic opens new maternity ward", "Clinic opens new maternity ward"),
    ("Health officials warn of flu", "Health officials warn of flu"),  # a chrome word, but no widget
    ("Breaking News: Clinic opens new ward", "Breaking News: Clinic opens new ward"),
    ("McDonald opens store", "McDonald opens store"), ("YouTube star visits hospital", "YouTube star visits hospital"),
])
def test_a_share_widget_before_the_headline_goes(title, headline):
    from mch_cli.meta import strip_widget_prefix
    assert strip_widget_prefix(title) == headline


@pytest.mark.parametrize("text, names", [
    ("本报记者张三发自北京", ["张三"]), ("记者张三报道", ["张三"]), ("记者张三和李四", ["张三"]),
    ("本报记者罗科苏盈发自北京", ["罗科苏盈"]), ("（记者 张三 李四）", ["张三", "李四"]),
    ("新京报记者 彭冲 山东冠县报道", ["彭冲"]),
    ("记者张三摄", []),  # the photographer
    ("半月谈记者谭飞王艳明闫鹃", []),  # names run together: where one ends is anyone's guess
])
def test_reporter_names_end_where_the_credit_goes_on(text, names):
    from mch_cli.meta import reporter_names
    assert reporter_names(text) == names
