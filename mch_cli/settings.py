"""Every named threshold in one place. Token counts are per script: one Han character or one
Latin word is one token (as in tools/score.py)."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# --- decoding -------------------------------------------------------------------------------
DECODE_SNIFF_BYTES = 64 * 1024       # how much of the head is looked at (BOM-less UTF-16, NULs,
                                     # charset detection, mojibake): never the whole of a huge file
UTF8_ERROR_BUDGET = 0.001            # invalid UTF-8 bytes tolerated, as a share of the bytes
DECLARED_ERROR_BUDGET = 0.01         # unlikely characters tolerated in a declared charset, as a share
                                     # of the text (markup left out); U+FFFD in a detected one
DECODE_COMPARE_BYTES = 8 * 1024      # bytes read in each candidate encoding to count its unlikely
                                     # characters, from the first non-ASCII one (enough to tell)
UTF16_MIN_PLAUSIBLE = 0.95           # BOM-less UTF-16: this share of ordinary characters
UTF16_MIN_HIGH_BYTES = 0.2           # ... without NULs: this share of bytes over 0x7F (not ASCII)
BADNESS_MAX_WINDOWS = 200            # places ftfy's badness regex may match, beyond which it reads the whole text
BADNESS_MAX_WIDTH = 64              # ... and the longest match it may have, for windows around them
MOJIBAKE_MIN_CHARS = 20              # Latin-1 letters a text needs before repair is tried
MOJIBAKE_MAX_LAYERS = 3  # mojibake undone up to three readings deep (issue 18); deeper is not met
BINARY_MAX_CONTROL_SHARE = 0.05      # decoded text with more control characters (NUL …) is binary
UNDECODABLE_MAX_SHARE = 0.02         # a page with more undecodable bytes (U+FFFD) is not text
                                     # (real pages: at most 0.1 %)
READ_PIECE_BYTES = 1 << 20           # a bigger text page in UTF-8 is decoded and split this much at a
                                     # time (decode.utf8_pieces): no whole copy of it

# --- limits per document (pipeline.py, read.py; `mch clean --max-bytes/--max-seconds`) ----------
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # a larger input (a file, a record, stdin) is refused unread
MAX_DOCUMENT_SECONDS = 60.0          # a page that takes longer to clean is given up (wall clock,
                                     # SIGALRM: only where a signal can be had, the main thread)
NO_LIMIT_SECONDS = 1e9               # a --max-seconds this long (31 years) or inf is no limit:
                                     # the timer holds no more than 292 years

# --- line classes (classify.py) ---------------------------------------------------------------
GOOD_MIN_HAN = 30                    # a Chinese line this long with prose punctuation is prose
GOOD_MIN_HAN_SENTENCE = 15           # ... or this long when it also ends a sentence
GOOD_MIN_WORDS = 15                  # an English line this long that reads as sentences is prose
GOOD_MIN_WORDS_SENTENCE = 8          # ... or this long when it ends a sentence with stopwords
GOOD_MIN_STOPWORD_SHARE = 0.15       # English function words among the words of prose
LEAD_MIN_WORDS = 10                  # a standfirst without its full stop: this many words, in sentence case
SENTENCE_CASE_MIN_SHARE = 0.5        # lower-case words in a sentence that lost its full stop
GOOD_MIN_PROSE_PUNCT = 2             # ，。、 , . ; marks in a prose line
TITLE_CASE_MIN_WORDS = 5             # a line with this many words, all capitalised, is a headline
SHORT_MAX_TOKENS = 5                 # at most this many tokens: a short line
MENU_MIN_ITEMS = 4                   # a line split into this many items ...
MENU_MAX_ITEM_TOKENS = 3.0           # ... of at most this mean size is a menu,
SPACED_MIN_CHARS = 8                 # ... but this many single Han characters are text set letter-spaced
PIPED_MENU_MIN_PIPES = 5             # a line with this many "|" between items ...
PIPED_MENU_MAX_ITEM_TOKENS = 5.0     # ... of at most this mean size is a menu, whatever its punctuation
BULLET_LIST_MIN_SEPARATORS = 3       # a line with this many spaced "·" between items is a list of links
WRAP_MIN_CHARS = 30                  # hard-wrapped pages: lines at least this long ...
WRAP_MIN_LINES = 8                   # ... of which this many ...
WRAP_MIN_SHARE = 0.3                 # ... and this share have one length (±1),
WRAP_MAX_LONGER_SHARE = 0.1          # ... and at most this share are longer (Chinese cut at a number of characters)
WRAP_WORD_SLACK = 15                 # English wrapped at words: lines end this close to the longest ...
WRAP_WORD_MIN_LOWER = 0.5            # ... and this share of them go on in lower case on the next line,
WRAP_WORD_MIN_NO_ROOM = 0.7          # ... or this share leave no room for the next line's first word
WRAP_WORD_MIN_LINES = 4              # ... of at least this many lines, each right above another
WRAP_WORD_MAX_WIDTH = 160            # no text is wrapped wider (a page whose longest line is longer is not)
WRAP_FILLED_MIN_GOING = 0.8          # filled to balance its lines: this share of the long lines go on right under
BLANK_APART_MIN_SHARE = 0.25         # paragraphs apart by blank lines: at least this share of lines have one under
LINK_LINE_MIN_SHARE = 0.6            # HTML: a line mostly of link text is navigation ...
LINK_PROSE_MIN_SHARE = 0.9           # ... and prose wholly inside a link is a teaser
REPEATED_MAX_TOKENS = 40             # a line repeated on the page and this short is a list item
SECTION_LABEL_MIN_REPEATS = 3        # ... but one repeated this often with prose between every two labels sections
TABLE_MAX_LINES = 15                 # ... and lines repeated only inside this many short lines between prose,
TABLE_MIN_CELLS = 3                  # ... this many times in all, are a table's cells
SIGNATURE_MAX_LINES = 2              # a letter's signature under its closing ("Sincerely,"): lines,
SIGNATURE_MAX_TOKENS = 6             # ... each this short

# --- scale (parallel.py) ----------------------------------------------------------------------
JOBS_WINDOW_PER_WORKER = 32          # documents in flight per worker: memory stays bounded
JOBS_CHUNK_DOCS = 8                  # documents per task sent to a worker (a task has a fixed cost)
DASK_PARTITION_DOCS = 64             # documents per Dask task
DASK_CONNECT_SECONDS = 5             # --scheduler: how long to wait for it to answer

# --- corpus mode (corpus.py) ----------------------------------------------------------------
CORPUS_MIN_PAGES = 3                 # a line on this many pages of the corpus is site chrome ...
CORPUS_MIN_SHARE = 0.01              # ... or on this share of its pages, when that is more

# --- article region ---------------------------------------------------------------------------
# The weights below and the TITLE_*_BONUS/PENALTY ones are the hand values: the classifier uses
# the numbers fitted on the dev sets, data/weights.json (`make fit`; weights.py), where it has them.
NEAR_PROSE_WEIGHT = 0.25             # a punctuated line too short for prose counts this much
SHORT_LINE_COST = 4.0                # what a short line costs the article around it
NEAR_LINE_COST_PER_TOKEN = 0.7       # an unpunctuated longer line costs this much per token
BAD_LINE_COST = 10.0                 # ... and a menu/breadcrumb/boilerplate line (plus its tokens)
FIRST_RUN_SHARE = 0.5                # the first run scoring this share of the best is the article,
SIGNED_RUN_MIN_SHARE = 0.75          # ... but a later run under a headline with its byline wins
                                     # when it scores this share of that first run
FIRST_RUN_MIN_SCORE = 100.0          # ... or scoring this much (comments may outweigh the article)
LIST_AFTER_MIN_ITEMS = 3             # a numbered list announced right after the article ("…:", 1. 2. 3.)
LIST_AFTER_MAX_GAP = 2               # ... its announcing line this close under the last prose line
LIST_AFTER_MAX_ITEM_TOKENS = 12      # ... a list of amounts (ingredients): items at most this long
TABLE_MIN_ROWS = 3                   # a table after the article: this many rows,
TABLE_MIN_ROW_SHARE = 0.6            # ... this share of its lines (the rest: its title, its header),
TABLE_MIN_CELLS = 3                  # ... of at least this many cells (a headline may have two),
TABLE_MIN_CELL_TOKENS = 2.0          # ... cells this long on average (a menu's are shorter)
LIST_PAGE_MIN_TOKENS = 300.0         # a page of lists or tables (no article) needs this much content,
LIST_PAGE_MIN_RATIO = 10.0           # ... and this many times the prose found,
LIST_PAGE_MAX_PROSE = 100            # ... which is at most this many tokens
PHOTO_STORY_MIN_CAPTIONS = 3         # a photo story (little prose): this many captions ...
PHOTO_STORY_MIN_TOKENS = 10          # ... each this long at least ...
PHOTO_STORY_MAX_GAP = 3              # ... and this many lines apart at most (a counter between)
LEAD_IN_MIN_WORDS = 6                # a line ending in ":" right above the article leads into it
HEADLINE_LIST_MIN_LINES = 3          # unpunctuated sentences in a row above the article: a box of headlines
BUTTON_ROW_MIN_LINES = 3             # a share widget's lines of a button each, which count no distance
TITLE_SEARCH_LINES = 6               # how far above the body the headline is looked for
LINKED_HEADING_MIN_OVERLAP = 0.25     # HTML: of a linked sub-heading's wording, its paragraph below takes up this share
CONTENTS_MIN_ITEMS = 3               # a list of the article's parts, each item heading its part below
BIO_MAX_LINES_UNDER = 2              # the site's kept lines under the author's bio, past which it is no bio of the end
BIO_MAX_GAP = 3                      # "About Me" heads the prose this close below it (its name, place between)
SIGNED_TITLE_SEARCH_LINES = 15       # ... and how far for one with its byline right below it
BOX_MAX_PROSE_LINES = 6              # a site's box of prose above a dated headline inside the article's run
TITLE_BYLINE_MAX_GAP = 5             # lines from a headline down to its byline (share buttons, standfirst)
TITLE_SIGNED_BONUS = 3.0             # headline choice: a byline under it,
TITLE_OVERLAP_BONUS = 3.0            # ... the article's opening takes up its wording (times the share),
PULL_QUOTE_MIN_CHARS = 12            # a quotation above the headline that the opening holds is a pull-quote
TITLE_OPENING_LINES = 3              # ... (the opening: the article's first lines of prose)
TITLE_REPEATED_BONUS = 2.0           # ... the page repeats it,
TITLE_HINT_BONUS = 4.0               # ... the HTML names it (<h1>, og:title, <title>),
TITLE_LENGTH_BONUS = 1.0             # ... it is as long as headlines are (5 words, 8 Han),
TITLE_SENTENCE_PENALTY = 1.0         # ... it ends a sentence (a standfirst, rather),
TITLE_DISTANCE_PENALTY = 0.05        # ... per line of distance from the article
TITLE_MAX_HAN = 60
TITLE_MAX_WORDS = 40
NAME_LINE_MAX_DISTANCE = 3           # a line of names this close under the headline is its author
SUMMARY_MIN_LINES = 4                # a headline and three summary points over the byline: the first is the headline
META_ABOVE_TITLE_LINES = 2           # a byline may stand this close above the headline
FOOTER_MAX_LINES = 8                 # a post's dated footer stands this close under it
TAIL_META_LINES = 3                  # an editor line may stand this close below the body
TAIL_EDITOR_LINES = 8                # ... and the editor line (责任编辑) this far below, under a related list
COMMENT_HEADER_MAX_TOKENS = 8        # a comment's header holds at most this beside its time (a name),
COMMENT_MAX_GAP_LINES = 12           # ... the next one follows within this many lines,
COMMENT_MIN_BLOCKS = 3               # ... and a thread has this many of them;
COMMENT_MAX_BLOCK_RATIO = 4.0        # its first block this many times a typical one is the article,
COMMENT_MAX_TOKENS = 150             # ... when it is longer than this too (a long comment: 100 words);
COMMENT_POST_TOKENS = 300            # blocks typically this long are posts (a blog's front page)
COMMENTS_HEADING_MAX_LINES = 3       # a comments heading this close above a thread makes its first block a comment too
TEASER_MIN_RUN = 2                   # this many lines in a row, each a headline glued to a sentence (or in Title Case)
HEADING_MAX_TOKENS = 30              # a sub-heading inside the body is at most this long
STAMP_MAX_TOKENS = 20                # a post's time stamp ("Name July 3, 2012 at 4:54 pm") is this short
RECENT_COMMENTS_MIN_LINES = 3        # "Nick on <a post's title>" lines in a row: a widget's latest comments
RECENT_COMMENT_MAX_TOKENS = 25       # ... each this short
THREAD_MIN_STAMPS = 3                # this many stamps of one shape make a comment thread,
THREAD_MAX_GAP = 15                  # ... each at most this many lines below the one before
LIVE_POSTS_MIN_SHARE = 0.75          # ... unless this share of them head a post (a headline, then prose): a live blog's
LIVE_POST_CREDIT_LINES = 2           # a live post's credit lines under its headline, at most

# --- metadata (meta.py) -----------------------------------------------------------------------
BYLINE_MAX_TOKENS = 40               # a byline is a short line
DATE_LINE_MAX_EXTRA_TOKENS = 8       # a line that is a date plus at most this many tokens
DATE_NEAR_TITLE_LINES = 3            # no byline: a date this close to the headline is taken
DATELINE_PREFIX_CHARS = 15           # "本报记者" may follow this much of an agency prefix
REPORTER_LINE_MAX_TOKENS = 15        # a line crediting a reporter is this short
DATELINE_MAX_CHARS = 60              # a reporter credit opens or closes a paragraph within this
NAME_MAX_CHARS = 60                  # longer "names" are prose, not a byline value
SITE_SUFFIX_MAX_HAN = 8              # "X_新闻中心_新浪网": a site or section suffix is this short
SITE_SUFFIX_MAX_WORDS = 4            # ... "X - BBC News"
WORDS_KEPT_MAX_LINES = 20_000       # distinct lines up to which a page keeps each line's words for the
                                    # language step (above: found again; memory, not speed)
JOINED_MAX_LINES = 20_000            # lines up to which a page is joined whole for a count (classify._repeated;
                                     # above: counted line by line, no copy of a big page)
STAMP_TAIL_MAX_TOKENS = 3            # a headline's glued time may be followed by this much ("… 18:04:42 楼主")
MIN_YEAR, MAX_YEAR = 1990, 2100

# --- language (lang.py) -----------------------------------------------------------------------
LANG_MIXED_DOC_SHARE = 0.10          # SCHEMA.md: minority language ≥ 10 % of body tokens → mixed
LANGDETECT_MIN_WORDS = 6             # Latin text shorter than this is not given to langdetect
ENGLISH_STOPWORD_SHARE = 0.12        # Latin text with this share of English function words is en
FOREIGN_MIN_STOPWORDS = 3            # otherwise langdetect is asked only when Latin text has this
                                     # many function words of another language (fr, de, es …),
ACCENTED_MIN_SHARE = 0.3             # ... or this share of words with accents (Vietnamese, Polish)
CYRILLIC_LANGS = ("ru", "uk", "bg", "mk")  # what langdetect may answer for Cyrillic text
FUNCTION_WORDS_MIN_SHARE = 1 / 3     # a short line is another language when its function words
                                     # are this share of its words (lang._by_function_words) ...
FUNCTION_WORDS_MIN_WORDS = 3         # ... and it has this many different words
PINYIN_MIN_SYLLABLES = 4             # Latin words all pinyin syllables, this many, ...
PINYIN_MARKED_SHARE = 0.5            # ... and this share of them spelt as English seldom is: pinyin
MIXED_MIN_HAN = 2                    # SCHEMA.md: a mixed line has at least 2 Han characters
JA_MIN_KANA_SHARE = 0.10             # Han text with this share of Kana letters is Japanese (or
                                     # with any Kana and a Japanese-only kanji, data/han_variants.tsv)
MOJIBAKE_MIN_SHARE = 0.3             # Latin "words" this rich in Latin-1 letters (Ã©, ÐÂ) are mojibake

# --- parallel pairs (align.py) -------------------------------------------------------------------
ALIGN_MIN_HAN = 8                    # a Chinese side has at least this many Han characters,
ALIGN_MIN_WORDS = 4                  # ... an English side at least this many words
ALIGN_MIN_RATIO = 0.35               # English words per Han character in a real translation ...
ALIGN_MAX_RATIO = 1.3                # ... lie in this range
ALIGN_TYPICAL_RATIO = 0.65           # ... around this (ranks two candidate pairs for one side)
ALIGN_MIN_NUMBER_SHARE = 0.5         # share of the numbers (dates as numbers) both sides share
ALIGN_MAX_SENTENCE_GAP = 1           # sentence ends (。 . ! ?) may differ by this many ...
ALIGN_SENTENCE_GAP_SHARE = 0.34      # ... or this share of the larger count

# --- segmentation, terms and keywords (segment.py, terms.py) ------------------------------------
SEGMENT_BATCH_LINES = 2000           # mch segment hands lines to the engine (or a worker) in batches
SEGMENT_PARALLEL_MIN_CHARS = 500_000  # inputs this long are cut on all cores (jieba-rs; 1.1 M
                                     # characters: 3.5 → 2.65 G instructions on the longest path) ...
SEGMENT_PARALLEL_MIN_CHARS_JIEBA = 200_000  # ... or this long with jieba itself (--pos, full mode)
TERMS_MAX_TOKENS = 6                 # a glossary term is found across at most this many tokens
KEYWORDS_TOP_K = 20                  # keywords per document (jieba.analyse's topK)
KEYWORD_MIN_CHARS_ZH = 2             # shorter Chinese tokens are no keywords (as in jieba.analyse)
KEYWORD_MIN_CHARS_EN = 3             # shorter English words are no keywords


@dataclass(frozen=True)
class Options:
    """What the caller asked for; passed once into the pipeline."""
    segment: bool = False          # add jieba tokens to each paragraph
    patterns: tuple[Any, ...] = ()  # the user's own patterns (patterns.Pattern), tried first
    user_dict: tuple[Any, ...] = ()  # the user's dictionary entries (segment.DictEntry) for segment
    lang: str | None = None        # keep only paragraphs and spans in this language (--lang)
    recurring: Mapping[int, int] = field(default_factory=dict)  # corpus mode: line hash → pages
    max_bytes: int | None = None   # refuse a larger document (the CLI: MAX_DOCUMENT_BYTES)
    max_seconds: float | None = None  # give up a page after this long (the CLI: MAX_DOCUMENT_SECONDS)
    weights: Any = None            # classify's weights (weights.Weights); None: data/weights.json's
ARTICLE_LINK_MIN_SHARE = 0.95        # ... a line alone there wholly a link is the article's ("Related: <a>…</a>" is a promotion)
CONTAINER_PROSE_SHARE = 0.7          # HTML: the smallest element with this share of the page's prose holds the article
MARKUP_WRAPPER_SHARE = 0.5           # HTML: a chrome-named element with this share of the page's text is a wrapper
