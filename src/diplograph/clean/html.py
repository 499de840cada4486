"""Cleaning HTML: trafilatura's main text, title and date (htmldate as the fallback for the
date), then the plain-text rules. Malformed pages still yield what text they have."""

from __future__ import annotations

import datetime as dt
import logging
import re
from html import unescape

from ..dates.publication import parse_publication_date
from .text import CleanedText, clean_text

logger = logging.getLogger(__name__)

_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_DROP_ELEMENTS = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAGS = re.compile(r"</?(p|div|br|li|h[1-6]|tr|article|section|blockquote|header|footer)\b[^>]*>",
                         re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>?")


def _fallback_text(html: str) -> str:
    """Text of a page trafilatura could not read: its baseline extractor, else tags stripped."""
    try:
        import trafilatura

        _, text, _ = trafilatura.baseline(html)
        if text and text.strip():
            return text
    except Exception:  # noqa: BLE001 - fall through to the crude extraction
        logger.debug("trafilatura.baseline failed", exc_info=True)
    body = _DROP_ELEMENTS.sub(" ", html)
    body = _BLOCK_TAGS.sub("\n", body)
    body = unescape(_ANY_TAG.sub(" ", body))
    return "\n".join(" ".join(line.split()) for line in body.splitlines())


def _html_date(html: str, url: str | None) -> dt.date | None:
    try:
        from htmldate import find_date

        found = find_date(html, url=url, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a date is optional
        logger.debug("htmldate failed", exc_info=True)
        return None
    return parse_publication_date(found)


def clean_html(html: str, url: str | None = None, *, title: str | None = None) -> tuple[CleanedText, dt.date | None]:
    """The cleaned main text of an HTML page and its publication date (None when not found).
    ``title`` (a title known from the record) wins over the page's own."""
    extracted = None
    try:
        import trafilatura

        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - malformed pages must still yield their text
        logger.debug("trafilatura failed on %s", url, exc_info=True)
    text = getattr(extracted, "text", None) or ""
    page_title = getattr(extracted, "title", None)
    published = parse_publication_date(getattr(extracted, "date", None))
    if not text.strip():
        text = _fallback_text(html)
    if not page_title:
        match = _TITLE_TAG.search(html[:200_000])
        page_title = " ".join(unescape(match.group(1)).split()) if match else None
    if published is None:
        published = _html_date(html, url)
    cleaned = clean_text(text, title or page_title or None, paragraph_per_line=True, detect_title=False)
    if cleaned.title is None and page_title:
        cleaned.title = page_title
    return cleaned, published
