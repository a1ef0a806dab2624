"""HTML pages: what the markup's names say about a block (data/markup.tsv)."""
from mch_cli import Document, clean_document
from mch_cli.html import parse

ARTICLE = ("<h1>Hospital expands newborn screening</h1>"
           "<p>The city's maternal and child health hospital has expanded its newborn screening programme "
           "to cover all districts, officials said on Tuesday.</p>"
           "<p>More than 30,000 infants were screened last year, and the hospital expects the number to "
           "double as the programme grows.</p>")
COMMENTS = ("<h3>2 comments</h3><div class='comment-body'><p>This is great news for parents in our district, "
            "and I hope the clinic keeps its longer opening hours too.</p></div>"
            "<div class='comment-body'><p>My daughter was screened there last spring and the nurses explained "
            "every step of it to us very kindly.</p></div>")


def _clean(html: str):
    return clean_document(Document(f"<html><body>{html}</body></html>".encode(), "page.html"))


def test_prose_inside_an_element_named_as_comments_is_removed_and_says_so():
    a = _clean(f"<div class='post'>{ARTICLE}</div><section id='comments' class='comments-area'>{COMMENTS}</section>")
    assert "More than 30,000" in a.text and "great news" not in a.text and "kindly" not in a.text
    reasons = {x.text: x.reason for x in a.removed}
    assert reasons[next(t for t in reasons if t.startswith("This is great news"))] == \
        'outside article: inside <div class="comment-body">'  # the innermost chrome-named element


def test_chrome_names_in_tags_roles_and_name_parts():
    page = parse(b"<html><body><nav><p>Home</p></nav><div role='complementary'><p>Most read</p></div>"
                 b"<div class='site-footer'><p>About us</p></div><div class='tag-social-media'><p>Text</p></div>"
                 b"<aside><p>Aside</p></aside><p>Body</p></body></html>")
    assert dict(zip(page.lines, page.inside)) == {
        "Home": "<nav>", "Most read": '<div role="complementary">', "About us": '<div class="site-footer">',
        "Text": "", "Aside": "<aside>", "Body": ""}


def test_a_chrome_name_on_a_wrapper_of_the_article_is_no_evidence():
    # on the column that holds most of the page, or around the element named as the article
    for html in (f"<div class='main has-sidebar'>{ARTICLE}</div><div>Short footer</div>",
                 f"<div class='share_wrapper'><div class='article'>{ARTICLE}</div></div>"
                 f"<div>{'Another long block of the page that is no part of the article. ' * 20}</div>"):
        a = _clean(html)
        assert "More than 30,000" in a.text and not any("inside" in x.reason for x in a.removed)



def test_json_ld_names_the_headline_date_author_and_publisher():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite"},'
          ' {"@type": ["NewsArticle"], "headline": "Hospital expands newborn screening", "datePublished":'
          ' "2024-03-05T09:30:00+08:00", "author": [{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}],'
          ' "publisher": {"@type": "Organization", "name": "Health Daily"}}]}</script>')
    page = parse(f"<html><head>{ld}<title>Home</title></head><body>{ARTICLE}</body></html>".encode())
    assert {k: page.hints[k] for k in ("title", "date", "author", "source")} == {
        "title": "Hospital expands newborn screening", "date": "2024-03-05T09:30:00+08:00",
        "author": "Jane Doe, John Roe", "source": "Health Daily"}
    a = clean_document(Document(f"<html><head>{ld}</head><body>{ARTICLE}</body></html>".encode(), "p.html"))
    assert (a.title, a.date, a.author, a.source) == ("Hospital expands newborn screening", "2024-03-05", "Jane Doe, John Roe", "Health Daily")
    org = parse(ld.replace('{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}',
                           '{"@type": "Organization", "name": "Project contributors"}').encode())
    assert "author" not in org.hints and org.hints["source"] == "Health Daily"
    broken = parse(b'<html><head><script type="application/ld+json">{"headline": </script></head><body><p>x</p></body></html>')
    assert "title" not in broken.hints


def test_an_h1_of_chrome_words_is_no_headline_hint():
    page = ("<h1>Latest news</h1><h2>Midwives win award</h2>"
            + ARTICLE.replace("<h1>Hospital expands newborn screening</h1>", ""))
    assert _clean(page).title == "Midwives win award"


def test_an_h1_that_is_the_site_logo_or_a_section_link_is_no_headline_hint():
    from lxml.html import document_fromstring as parse_html

    from mch_cli.markup import hints
    for logo in ("<h1><a href='/'>City Radio - The Voice of the Valley</a></h1>",
                 "<h1><a href='https://example.org/section/health'>Health</a></h1>"):
        root = parse_html(f"<html><body>{logo}<h1>Midwives win award</h1></body></html>")
        assert hints(root)["h1"] == "Midwives win award"
    root = parse_html("<html><body><h1><a href='/2024/03/midwives-win-award'>Midwives win the county award</a>"
                      "</h1></body></html>")
    assert hints(root)["h1"] == "Midwives win the county award"  # a headline linked to its own page


def test_the_h1_is_the_headline_past_a_row_of_share_buttons():
    buttons = "".join(f"<p>{b}</p>" for b in ("Share this page", "Delicious", "Digg", "Facebook", "reddit",
                                              "StumbleUpon", "Twitter", "Email", "Print"))
    page = ARTICLE.replace("</h1>", "</h1>" + buttons).replace("<h1>Hospital expands newborn screening</h1>",
                                                                "<h1>Screening for every newborn</h1>")
    assert _clean(page).title == "Screening for every newborn"


def test_a_box_of_links_between_the_headline_and_the_article_is_no_distance():
    links = "".join(f"<li><a href='/story/{n}'>Another story about the hospital number {n}</a></li>"
                    for n in range(18))
    page = ("<p>Screening for every newborn</p><p>March 5, 2024 09:30</p><p>Related stories:</p>"
            f"<ul>{links}</ul>" + ARTICLE.replace("<h1>Hospital expands newborn screening</h1>", ""))
    assert _clean(page).title == "Screening for every newborn"


def test_a_chinese_menu_of_links_names_no_author():
    """Menu items of four Han characters, one of which starts with a surname: no author, and the
    item above it is no headline it signs."""
    menu = "".join(f"<p><a href='/{n}.htm'>{item}</a></p>" for n, item in enumerate(
        ("最新动态", "健康科普", "史海钩沉", "各地新闻", "江南风物")))
    page = (menu + "<p>新生儿筛查覆盖全市</p>"
            "<p>本市妇幼保健院把新生儿疾病筛查扩大到所有区县，去年筛查婴儿三万余名，今年预计翻一番。</p>"
            "<p>医院表示，筛查项目将继续增加，家长可以在社区卫生服务中心预约。</p>")
    article = _clean(page)
    assert article.author is None
    assert article.title == "新生儿筛查覆盖全市"


def test_an_h1_that_is_a_breadcrumb_is_no_headline():
    page = ("<h1><a href='/'>優活健康網</a>&nbsp;〉<a href='/news'>火線新聞</a>&nbsp;〉新生兒篩檢擴大到全市？</h1>"
            "<p>》新生兒篩檢擴大到全市？</p><p>日期：2024.01.12</p>"
            "<p>本市婦幼醫院把新生兒疾病篩檢擴大到所有區，去年篩檢嬰兒三萬多名，今年預計再增加一倍。</p>"
            "<p>醫院表示，篩檢項目還會繼續增加，家長可以到社區衛生所預約，費用由政府全額補助。</p>")
    assert _clean(page).title == "》新生兒篩檢擴大到全市？"


def test_a_font_chooser_is_no_headline():
    chooser = "".join(f"<p>{f}</p>" for f in ("Georgia (default)", "Verdana", "Times New Roman", "Arial",
                                             "Font | Size:"))
    article = _clean(chooser + ARTICLE.replace("<h1>Hospital expands newborn screening</h1>", ""))
    assert article.title is None
    reasons = {x.text: x.reason for x in article.removed}
    assert all(reasons[font].endswith("font chooser") for font in ("Verdana", "Times New Roman", "Georgia (default)"))


def test_an_h1_that_is_the_site_name_of_the_page_title_or_holds_a_script_is_read_as_shown():
    from lxml.html import document_fromstring as parse_html

    from mch_cli.markup import hints
    root = parse_html("<html><head><title>Valley Health Blog | Midwives win the county award</title></head>"
                      "<body><h1>Valley Health Blog</h1><h3>Midwives win the county award</h3></body></html>")
    found = hints(root)  # the <h1> is the site's name, on every page of it; the rest of the <title> is the page's
    assert "h1" not in found and found["title"] == "Midwives win the county award"
    for title in ("Midwives win the county award | Valley Health", "Midwives win award - Valley Health News"):
        root = parse_html(f"<html><head><title>{title}</title></head><body><h1>{title.split(' - ')[0].split(' | ')[0]}"
                          "</h1></body></html>")
        assert hints(root)["h1"] == title.split(" - ")[0].split(" | ")[0] and "title" not in hints(root)
    root = parse_html("<html><body><h1>Valley News <script>slot.display('ad-1');</script></h1></body></html>")
    assert hints(root)["h1"] == "Valley News"


def test_a_data_tables_row_is_one_line_and_a_layout_tables_cells_are_blocks():
    page = parse(b"<html><body><table><thead><tr><th>Ticker</th><th>Last</th><th>Change</th></tr></thead>"
                 b"<tbody><tr><td><a href='/q/ABC'>ABC</a></td><td>225.86</td><td>-1.2%</td></tr></tbody></table>"
                 b"<table><tr><td class='post-title'>Midwives win award</td><td>2024-03-05 09:30</td></tr>"
                 b"<tr><td><p>First paragraph.</p><p>Second paragraph.</p></td></tr></table></body></html>")
    assert page.lines == ["Ticker Last Change", "ABC 225.86 -1.2%", "Midwives win award", "2024-03-05 09:30",
                          "First paragraph.", "Second paragraph."]
    assert page.links[1] == round(3 / 14, 3)


def test_a_hidden_block_is_no_page_text():
    page = parse(b"<html><body><div style='display:none;'><p>Join my free newsletter today.</p></div>"
                 b"<div hidden><p>Sign up</p></div><p style='color: red; visibility: hidden'>Gone</p>"
                 b"<p>Shown <span style='display:none'>tip</span>text.</p></body></html>")
    assert page.lines == ["Shown tiptext."]  # a hidden inline element stays with its block


def test_a_link_that_shows_its_address_is_text_not_a_menu():
    page = parse(b"<html><body><p>If the booklet does not open, try <a href='/b.pdf'>http://example.org/b.pdf</a></p>"
                 b"<p><a href='/'>Home</a></p></body></html>")
    assert page.links == [0.0, 1.0]


def test_a_lone_link_inside_the_articles_container_does_not_end_the_article():
    menu = "".join(f"<li><a href='/s/{n}'>Section {n}</a></li>" for n in range(12))
    article = ("<div class='x'><p>The hospital now screens every newborn in the city for twenty rare conditions, "
               "its director said on Tuesday.</p><p><a href='/info'>More information</a> | <a href='/get'>Download "
               "the form</a></p><p>Each week this page presents a programme of the hospital that parents may find "
               "useful, and readers can write to the editors with their questions about any of them, or about the "
               "clinics.</p></div>")
    html = f"<html><body><ul>{menu}</ul><h1>Newborn screening</h1>{article}<ul>{menu}</ul></body></html>"
    page = parse(html.encode())
    lone = [line for line, cited in zip(page.lines, page.article_links) if cited]
    assert lone == ["More information | Download the form"]  # links in a run are a menu
    a = clean_document(Document(html.encode(), "page.html"))
    assert "Each week this page" in a.text and "More information" not in a.text


def test_the_articles_container_leaves_out_the_prose_of_chrome_named_elements():
    notice = "<p>This material may not be published, broadcast, rewritten, or redistributed, and all rights are reserved.</p>"
    html = ("<html><body><div class='article-body'><p>The hospital now screens every newborn in the city, its director "
            "said.</p><p><a href='/v'>Watch: the director on the programme</a></p><p>More families will take part "
            f"next year, she said.</p></div><div class='site-footer'>{notice}</div></body></html>")
    page = parse(html.encode())
    assert [line for line, cited in zip(page.lines, page.article_links) if cited] == ["Watch: the director on the programme"]


def test_the_markup_s_headline_inside_the_run_starts_the_article_under_a_site_motto():
    motto = ("Over 850 articles devoted to one idea: how to get more from parenthood, whether that means "
             "sleeping more, worrying less or simply enjoying the first years with a new baby.")
    page = ("<html><head><title>Night clinic opens « Jane's Notes</title>"
            "<meta property='og:title' content='Night clinic opens'></head><body>"
            "<h1>Jane's Notes</h1><p>" + motto + "</p><h2>Night clinic opens</h2><h3>Night clinic</h3>"
            + ARTICLE.replace("<h1>Hospital expands newborn screening</h1>", "") + "</body></html>")
    a = clean_document(Document(page.encode(), "page.html"))
    assert a.title == "Night clinic opens" and motto not in a.text and "30,000" in a.text
    assert a.author is None  # ("Night clinic", a heading inside the headline, names nobody)


def test_a_page_title_led_by_the_site_s_name_names_the_headline():
    body = ("<p>Joy the Baker</p><p>Recipes</p><p>About</p><p>Chai-Spiced Cinnamon Rolls</p><p>Little gifts for friends</p>"
            + ARTICLE.replace("<h1>Hospital expands newborn screening</h1>", ""))
    for title in ("Joy the Baker: Chai-Spiced Cinnamon Rolls", "Joy the Baker: Chai-Spiced Cinnamon Rolls - Recipes",
                  "Joy the Baker – Chai-Spiced Cinnamon Rolls"):
        page = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
        a = clean_document(Document(page.encode(), "page.html"))
        assert (a.title, a.author) == ("Chai-Spiced Cinnamon Rolls", None)  # (the headline names nobody)


def test_strip_site_prefix():
    from mch_cli.meta import strip_site_prefix
    assert strip_site_prefix("Seth's Blog: The importance of going first") == "The importance of going first"
    assert strip_site_prefix("Hospital expands newborn screening") == "Hospital expands newborn screening"
    assert strip_site_prefix("Health: Flu") == "Health: Flu"  # (too short a rest to be a headline)


def test_the_markup_s_headline_matches_a_line_whose_quotes_are_curly():
    from mch_cli.article import Line
    from mch_cli.classify import classify
    from mch_cli.patterns import builtin_patterns
    headline = "Can the Clinic\u2019s \u201cNight Shift\u201d Work?"
    texts = [headline, "Home", "News", "Seven Cozy Scarves With Pockets",
             "The city's maternal and child health hospital has expanded its newborn screening programme "
             "to cover all districts, officials said on Tuesday.",
             "More than 30,000 infants were screened last year, and the hospital expects the number to "
             "double as the programme grows."]
    lines = [Line(n, t) for n, t in enumerate(texts, 1)]
    classify(lines, builtin_patterns(), title_hints=("Can the Clinic's \"Night Shift\" Work?",))
    assert [line.text for line in lines if line.label == "title"] == [headline]


def test_the_run_s_first_line_is_the_headline_when_the_markup_names_it():
    headline = "The smartphone or the tablet: who's using all these devices?"
    page = ("<html><head><meta property='og:title' content=\"" + headline + "\"></head><body>"
            "<h1>Meet the new clinic: catch our live coverage here</h1><p>Share</p><p>" + headline + "</p>"
            + ARTICLE.replace("<h1>Hospital expands newborn screening</h1>", "") + "</body></html>")
    a = clean_document(Document(page.encode(), "page.html"))
    assert a.title == headline and headline not in a.text and "30,000" in a.text


def test_a_headline_the_markup_names_twice_is_taken_far_above_the_article():
    headline = "New Jersey dentist on how to choose the right practice"
    teasers = "".join(f"<p><a href='/b{k}'>Business teaser number {k} about profits 01.17.12</a></p>" for k in range(4))
    page = ("<html><head><title>" + headline + "</title><meta property='og:title' content='" + headline + "'>"
            "</head><body><p>" + headline + "</p><p>Print</p><p>E-mail</p>"
            + "".join(f"<p>Share button {k}</p>" for k in range(6)) + teasers
            + ARTICLE.replace("<h1>Hospital expands newborn screening</h1>", "") + "</body></html>")
    assert clean_document(Document(page.encode(), "page.html")).title == headline


def test_tags_and_names_in_capitals_read_as_in_lower_case():
    page = parse(b"<HTML><BODY><DIV CLASS='comments'><P>Nice post.</P></DIV><TABLE><TR><TH>Year</TH></TR>"
                 b"<TR><TD>2024</TD><TD>30,000</TD></TR></TABLE><P>Body <A HREF='/'>link</A></P></BODY></HTML>")
    assert page.lines == ["Nice post.", "Year", "2024 30,000", "Body link"]
    assert page.inside[0] == '<div class="comments">' and page.links[-1] > 0


def test_an_empty_or_unparsable_page_has_no_lines():
    for data in (b"", b"   ", b"<html></html>", b"<?xml version='1.0'?>"):
        assert parse(data).lines == []


def test_linked_sub_headings_that_their_paragraphs_describe_are_the_article_s():
    talks = [("Keith Nolan: Deaf in the military",
              "Keith Nolan grew up fascinated by military history, but heard no every time he tried to enlist."),
             ("Samantha Power on a complicated hero",
              "Journalist Samantha Power looks at why we do not pay attention to the quiet heroes of hard times."),
             ("Paul Collier's new rules for rebuilding a broken nation",
              "Economist Paul Collier explains why so many countries recovering from war fall back into conflict.")]
    body = "".join(f"<p><a href='/t{n}'>{head}</a></p><p>{para}</p>" for n, (head, para) in enumerate(talks))
    nav, foot = "<nav><p>Home</p><p>Talks</p><p>About</p></nav>", "<footer><p>Help | Terms | Privacy</p></footer>"
    a = _clean(f"{nav}<article><h1>Great talks on war and peace</h1><p>Walls do not work, the admiral declared at the "
               f"conference this week, and here are the talks that make the same case.</p>{body}</article>{foot}")
    assert all(head in a.text for head, _ in talks)
    # one link between two paragraphs that go on without describing it: a link to another story
    one = _clean(f"{nav}<article><h1>Great talks on war and peace</h1><p>Walls do not work, the admiral declared at the "
                 f"conference this week, and here are the talks that make the same case.</p>"
                 f"<p><a href='/x'>Hospital opens a new maternity wing downtown</a></p>"
                 f"<p>{talks[0][1]}</p><p>{talks[1][1]}</p></article>{foot}")
    assert "maternity wing" not in one.text


def test_a_line_of_hidden_microformat_spans_is_no_line_but_hidden_text_beside_shown_text_stays():
    hnews = ("<div class='hnews'><span class='entry-title' style='display:none'>Hospital expands newborn screening</span>"
             "<span class='updated' style='display:none'>January 16,2012 05:21 AM GMT</span>"
             "<span class='author' style='display:none'>Jane Roe</span></div>")
    byline = "<p>By <a href='/jane' style='display: none'>Jane Roe</a>Biography</p>"
    a = _clean(f"{hnews}{byline}{ARTICLE}")
    lines = [x.text for x in a.removed] + [p.text for p in a.paragraphs]
    assert not any("05:21 AM GMT" in line for line in lines)
    assert any("Jane RoeBiography" in line for line in lines)


def test_contents_list_of_links_to_the_article_s_headings():
    """A list of the article's parts, each a link to the heading it repeats further down: the
    headings and the prose under them are the article's, as in the text dump."""
    parts = [("Guidelines", "Obstetricians recommend that pregnant people limit caffeine to less than 200 milligrams a day."),
             ("Risks", "Some studies have linked high caffeine intake during pregnancy to a lower birth weight."),
             ("Summary", "Moderate coffee drinking appears to be safe during pregnancy, but ask your doctor.")]
    toc = "<ul>" + "".join(f"<li><a href='#s{k}'>{h}</a></li>" for k, (h, _) in enumerate(parts)) + "</ul>"
    body = "".join(f"<h2 id='s{k}'>{h}</h2><p>{p}</p>" for k, (h, p) in enumerate(parts))
    a = _clean("<h1>Is it safe to drink coffee while pregnant?</h1><div>By Tom Brown, March 5, 2024</div>" + toc
               + "<p>Many people wonder whether their morning coffee is safe during pregnancy, and the guidelines answer.</p>"
               + "<figure><a href='#'>Share on Pinterest</a></figure>" + body)
    assert [p.text for p in a.paragraphs if p.kind == "heading"][-2:] == ["Risks", "Summary"]
    assert all(p in a.text for _, p in parts)
