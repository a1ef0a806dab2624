"""HTML: what the markup says beside the text. The names of the elements around a block
(class, id, tag, role: data/markup.tsv) tell chrome ("<div class="comments">") from the
article; a page's structured data (JSON-LD, OpenGraph, <meta>, <time>) names its headline,
date, author and publisher. html.py walks the page and asks this module."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import accumulate

from . import settings
from .decode import imported, set_up
from .script import normalise


def chrome_markup(lines: list[str], spans: list[tuple[str, str, int, int]]) -> list[str]:
    """Each line's innermost chrome-named element. A chrome name on an element that holds most of
    the page's text ("has-sidebar" on the page's main column) or a content-named one is a
    wrapper's, not chrome."""
    inside = [""] * len(lines)
    chars = [0, *accumulate(map(len, lines))]
    content = [(start, end) for kind, _, start, end in spans if kind == "content"]
    for kind, markup, start, end in spans:
        if (kind == "boilerplate" and chars[end] - chars[start] < settings.MARKUP_WRAPPER_SHARE * chars[-1]
                and not any(start <= a and b <= end for a, b in content)):  # "share_wrapper" around the article
            inside[start:end] = [old or markup for old in inside[start:end]]
    return inside


_SENTENCE_PUNCT = re.compile(r"[.!?。！？，,;；]")


def content_container(lines: list[str], links: list[float], inside: list[str],
                      blocks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The lines (first, end) of the element that holds the article: the smallest that holds
    most of the page's prose (its punctuated text outside links and outside chrome-named
    elements: a footer's legal notice is no article's). One pass over the blocks."""
    prose = [len(t) * (1 - share) if share < 0.5 and not chrome and _SENTENCE_PUNCT.search(t) else 0.0
             for t, share, chrome in zip(lines, links, inside)]
    sums = [0.0, *accumulate(prose)]
    if not sums[-1]:
        return None
    best = None
    for start, end in blocks:
        if sums[end] - sums[start] >= settings.CONTAINER_PROSE_SHARE * sums[-1] and (
                best is None or end - start < best[1] - best[0]):
            best = (start, end)
    return best


def article_links(links: list[float], container: tuple[int, int] | None) -> list[bool]:
    """Per line: a line of link text alone between lines that are not, inside the article's
    container: a link the article makes (a linked sub-heading, "More information | Download"),
    not a menu, which is a run of links. A container that is the whole page tells nothing."""
    linked = [share >= settings.LINK_LINE_MIN_SHARE for share in links]
    if container is None or container == (0, len(links)):
        return [False] * len(links)
    start, end = container
    return [start <= k < end and links[k] >= settings.ARTICLE_LINK_MIN_SHARE
            and not (k and linked[k - 1]) and not (k + 1 < len(links) and linked[k + 1])
            for k in range(len(links))]


@lru_cache(maxsize=None)
@set_up
def _markup_words() -> tuple[dict[str, str], re.Pattern]:
    """data/markup.tsv: word ("comments", "<aside>", "role=main") → kind (boilerplate, content);
    and a cheap gate: most class and id values hold none of the words, as a part or whole."""
    words = {}
    for row in resources.files("mch_cli").joinpath("data/markup.tsv").read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            kind, listed = row.split("\t")
            words.update(dict.fromkeys(listed.split(), kind))
    listed = sorted((w for w in words if w[0] != "<" and "=" not in w), key=len, reverse=True)
    return words, re.compile(r"(?:^|[\s_-])(?:%s)(?:$|[\s_-])" % "|".join(map(re.escape, listed)))


_NAME_PARTS = re.compile(r"[-_]+")
# WordPress names a post's element after its tags and categories ("tag-social-media"): no names.
_SLUG = re.compile(r"^(?:tag|category|categories|post|postid|page|author|format)-")


class Names:
    """What an element's tag, class, id, role and itemprop name it (data/markup.tsv): a class or
    id token names it by itself or by its first or last part ("comments-area", "site-footer").
    A page repeats its elements' names: each is judged once."""

    def __init__(self):
        self.words, self.gate = _markup_words()
        self.judged: dict[tuple, tuple[str, str] | None] = {}

    def of(self, el, tag: str, bare: bool = False) -> tuple[str, str] | None:
        """`bare`: the element has no attributes (its tag is all there is to look up)."""
        if tag in ("html", "body"):
            return None
        key = (tag, None, None, None, None) if bare else (
            tag, el.get("class"), el.get("id"), el.get("role"), el.get("itemprop"))
        if key not in self.judged:
            self.judged[key] = self._judge(el, tag)
        return self.judged[key]

    def _judge(self, el, tag: str) -> tuple[str, str] | None:
        found = {}
        if f"<{tag}>" in self.words:
            found[self.words[f"<{tag}>"]] = f"<{tag}>"
        for attr in ("role", "itemprop"):
            value = (el.get(attr) or "").strip().lower()
            if value and f"{attr}={value}" in self.words:
                found.setdefault(self.words[f"{attr}={value}"], f'<{tag} {attr}="{value}">')
        for attr in ("class", "id"):
            value = (el.get(attr) or "").strip()
            if not self.gate.search(value.lower()):
                continue
            for token in value.lower().split():
                if _SLUG.match(token):
                    continue
                parts = _NAME_PARTS.split(token)
                for word in {token, parts[0], parts[-1]}:
                    kind = self.words.get(word)
                    if kind:
                        found.setdefault(kind, f'<{tag} {attr}="{value[:40]}">')
        if "boilerplate" in found:
            return "boilerplate", found["boilerplate"]
        if "content" in found:
            return "content", found["content"]
        return None


_META_NAMES = {
    "title": ("og:title", "twitter:title", "title", "headline", "article.headline"),
    "date": ("article:published_time", "og:published_time", "published_time", "pubdate",
             "publishdate", "publish_date", "publishdate", "date", "dc.date", "dc.date.issued",
             "sailthru.date", "parsely-pub-date", "article.published", "datepublished"),
    "author": ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author"),
}


_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "socialmediaposting", "scholarlyarticle", "medicalscholarlyarticle", "report", "liveblogposting"}


def _json_ld(root) -> dict[str, str]:
    """The page's schema.org article (JSON-LD): headline, datePublished, author's and publisher's
    names. A site's own structured data is its most careful statement of them."""
    import json

    found: dict[str, str] = {}
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        items = [x for item in items if isinstance(item, dict) for x in (item, *(item.get("@graph") or []))]
        for item in items:
            kinds = item.get("@type") if isinstance(item, dict) else None
            kinds = {k.lower() for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}
            if not kinds & _ARTICLE_TYPES:
                continue
            for key, hint in (("headline", "title"), ("datePublished", "date")):
                if isinstance(item.get(key), str) and normalise(item[key]):
                    found.setdefault(hint, normalise(item[key]))
            for key, hint in (("author", "author"), ("publisher", "source")):
                names = [_name(x, people=key == "author")
                         for x in (item[key] if isinstance(item.get(key), list) else [item.get(key)])]
                names = [n for n in names if n]
                if names:
                    found.setdefault(hint, ", ".join(names))
    return found


def _name(value, people: bool) -> str:
    """A JSON-LD name; with `people`, a person's only (an Organization as "author", "Wikimedia
    project contributors", is none)."""
    if isinstance(value, dict):
        if people and value.get("@type") not in (None, "Person", ["Person"]):
            return ""
        value = value.get("name")
    return normalise(value) if isinstance(value, str) and not value.startswith("http") else ""


@lru_cache(maxsize=1)
@set_up
def _string_value():
    return imported("lxml.etree").XPath("string()", smart_strings=False)


def _text_content(el) -> str:
    """The text of an element and of everything inside it: lxml.html's text_content() for the
    plain elements html.py parses into (XPath's string(), comments left out)."""
    return _string_value()(el)


_HOME = re.compile(r"^(?:https?://[^/]+)?/?(?:index\.\w+)?$")


def _links_home(h1) -> bool:
    """`<h1><a href="/">Site name</a></h1>`, `<h1><a href="/tv">Television</a></h1>`: the site's
    logo or a section's name, not the page's headline (which may link to its own page)."""
    links = list(h1.iter("a"))
    text = normalise(_text_content(h1))
    return (len(links) == 1 and normalise(_text_content(links[0])) == text
            and (bool(_HOME.match((links[0].get("href") or "").strip())) or len(text.split()) <= 2))


def _shown_text(el) -> str:
    """An element's text without the scripts inside it (an <h1> with its ad slot's code)."""
    return normalise("".join(el.xpath(".//text()[not(ancestor::script or ancestor::style)]")))


_PAGE_TITLE_SEPARATOR = re.compile(r"(\s+[-–—|:]\s+|:\s+|\s*[|｜_]\s*)")


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _headline_beside_site(h1: str, page_title: str) -> str | None:
    """When the <h1> is the site's name, the rest of the <title>: the <title> is the name and,
    after or before a separator, a longer part, the page's own ("TED Blog | 8 great talks…",
    "Inside Google Desktop: Featured gadget: …"). Some sites put their name in <h1> on every
    page; the headline stands lower."""
    if len(h1.split()) > settings.SITE_SUFFIX_MAX_WORDS:
        return None  # a site's name is short
    pieces = _PAGE_TITLE_SEPARATOR.split(page_title)  # part, separator, part, …
    name = _letters(h1)
    for k in (1, len(pieces) // 2):  # the first part or the last
        head, tail = "".join(pieces[: 2 * k - 1]), "".join(pieces[2 * k:])
        # "Ocean in a drop - Indian Express": a short part after the <h1> is the site's suffix
        for site, rest, least in ((head, tail, settings.SITE_SUFFIX_MAX_WORDS), (tail, head, 0)):
            if _letters(site) == name and len(rest.split()) > max(least, len(h1.split())):
                return rest.strip()
    return None


def hints(root) -> dict[str, str]:
    hints: dict[str, str] = _json_ld(root)
    title = root.find(".//title")
    if title is not None and _text_content(title).strip():
        hints["page_title"] = normalise(_text_content(title))
    for h1 in root.iter("h1"):
        text = _shown_text(h1)
        if not text or _links_home(h1):
            continue
        headline = _headline_beside_site(text, hints.get("page_title", ""))
        if headline:
            hints.setdefault("title", headline)
            continue
        hints["h1"] = text
        break
    metas = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = normalise(m.get("content") or "")
        if key and value and key not in metas:
            metas[key] = value
    for hint, keys in _META_NAMES.items():
        for key in keys:
            if metas.get(key) and not metas[key].startswith("http"):
                hints.setdefault(hint, metas[key])
                break
    time = root.find(".//time[@datetime]")
    if time is not None and "date" not in hints:
        hints["date"] = time.get("datetime").strip()
    return hints
