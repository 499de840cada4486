"""clean_text rules, clean_html, clean_record, document ids and language detection."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from diplograph.clean import (
    clean_html,
    clean_inputs,
    clean_record,
    clean_text,
    detect_language,
    document_body,
    document_id,
)
from diplograph.errors import InputError
from diplograph.read import RawRecord
from diplograph.settings import Options

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED_ARTICLE = SHARED / "seed" / "article.txt"
SEED_JSONL = SHARED / "eval" / "data" / "seed.jsonl"

PARA = "The ministers met in Geneva on Monday and agreed to resume the talks next month."


def body_with(line: str) -> str:
    return f"Talks resume in Geneva\n\n{PARA}\n\n{line}\n\nBoth delegations said the atmosphere had been constructive."


# --- teasers, subheadings and sentences -------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Trade talks",
    "What comes next",
    "Why now?",
    "Norway's quiet mediation in the Caucasus",  # 6 words but few headline cues
    "Ceasefire holds for a third day as aid trucks enter the city",  # has articles: prose-like
])
def test_subheadings_survive(line: str) -> None:
    cleaned = clean_text(body_with(line))
    assert line in cleaned.text.splitlines()
    assert cleaned.removed == []


@pytest.mark.parametrize("line", [
    "Brazil, Argentina vow to revive trade bloc talks before year end",
    "Macron says Europe must not be ‘vassal’ in US-China rivalry",
    "Why Hanoi Keeps Washington And Beijing Guessing About Its Plans?",
])
def test_teaser_headlines_go(line: str) -> None:
    cleaned = clean_text(body_with(line))
    assert cleaned.removed == [line]
    assert cleaned.reasons == ["teaser headline"]
    assert PARA in cleaned.text


def test_one_sentence_paragraph_with_headline_words_survives() -> None:
    line = "Brazil, Argentina vow to revive trade bloc talks before year end."
    cleaned = clean_text(body_with(line))
    assert line in cleaned.text
    assert cleaned.removed == []


def test_quoted_headline_inside_a_sentence_survives() -> None:
    line = "The paper's front page read ‘Brazil, Argentina vow to revive trade bloc’, the agency said."
    cleaned = clean_text(body_with(line))
    assert line in cleaned.text


def test_lead_in_with_colon_keeps_the_quoted_line() -> None:
    text = (f"Summit ends in Geneva\n\n{PARA}\n\nThe statement ended with these words:\n\n"
            "Together for peace, prosperity and a shared future in the region\n\nThe talks resume in May.")
    cleaned = clean_text(text)
    assert "Together for peace, prosperity and a shared future in the region" in cleaned.text


def test_repeated_short_teaser_goes_but_repeated_label_stays() -> None:
    teaser = "Kishida, Biden hail ‘new era’"
    text = body_with(teaser) + f"\n\n{teaser}\n\nQuarter\n\nShr 10 cts vs 8 cts\n\nQuarter\n\nShr 12 cts vs 9 cts"
    cleaned = clean_text(text)
    assert cleaned.removed == [teaser, teaser]
    assert cleaned.text.count("Quarter") == 2


def test_repeated_paragraph_keeps_first_copy() -> None:
    cleaned = clean_text(body_with(PARA))
    assert cleaned.text.count(PARA) == 1
    assert cleaned.reasons == ["repeated line"]


def test_table_rows_are_never_teasers() -> None:
    rows = "WHEAT     HRW   HRS    SRW\n\nChicago   3.04  2.98  3.10"
    cleaned = clean_text(body_with(rows))
    assert "WHEAT     HRW   HRS    SRW" in cleaned.text
    assert cleaned.removed == []


def test_table_rows_of_names_and_dates_are_never_teasers() -> None:
    # a row of capitalised names and a month-and-year date scores like a headline on its own
    rows = ("| Country | Partnership | Since |\n\n"
            "| Papua New Guinea | comprehensive strategic partnership | November 2018 |\n\n"
            "| Solomon Islands | comprehensive strategic partnership | July 2023 |")
    cleaned = clean_text(body_with(rows))
    assert "| Papua New Guinea | comprehensive strategic partnership | November 2018 |" in cleaned.text
    assert "| Solomon Islands | comprehensive strategic partnership | July 2023 |" in cleaned.text
    assert cleaned.removed == []


def test_questions_of_a_briefing_transcript_are_never_teasers() -> None:
    # a question line is headline-shaped (capitalised names, no final period)
    question = "Q: Has Canada shared evidence for Prime Minister Justin Trudeau's allegation?"
    transcript = f"{question}\n\nA: No specific information has been shared with us so far."
    cleaned = clean_text(body_with(transcript))
    assert question in cleaned.text
    assert cleaned.removed == []


def test_broken_line_continued_in_next_block_is_kept() -> None:
    text = (f"Airline orders jets\n\n{PARA}\n\nHe said the engine makers are United Technologies, General Electric "
            "and Rolls\n\nRoyce.\n\nThe order is worth 1 billion dollars.")
    cleaned = clean_text(text)
    assert cleaned.removed == []


# --- boilerplate ----------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Source link", "Related Articles", "Leave a Reply", "Back to top button", "Advertisement",
    "Share on Facebook", "Twitter | LinkedIn | Email", "Subscribe to our weekly newsletter",
    "Follow us on Instagram", "Reporting by Ana Costa; Editing by Tom Hale",
    "Your email address will not be published. Required fields are marked *",
    "By continuing to use this site you agree that this site uses cookies and similar technologies.",
    "Copyright © 2024 Example Media. All rights reserved.", "Continue reading",
])
def test_boilerplate_lines_go(line: str) -> None:
    text = f"Talks resume in Geneva\n\n{PARA}\n\n{line}\n\nBoth delegations said the atmosphere was good."
    cleaned = clean_text(text)
    assert line in cleaned.removed
    assert PARA in cleaned.text


def test_story_sentences_with_chrome_words_survive() -> None:
    lines = [
        "Ministers said they would share intelligence on smuggling networks.",
        "Critics urged readers to read more carefully between the lines of the statement.",
        "By Monday, both sides had withdrawn their troops.",
        "Source: the foreign ministry said the talks would continue in the capital next week.",
    ]
    cleaned = clean_text("Talks resume in Geneva\n\n" + "\n\n".join(lines))
    assert cleaned.removed == []


def test_comment_section_is_cut_after_the_story() -> None:
    text = (f"Talks resume in Geneva\n\n{PARA}\n\n{PARA.replace('Monday', 'Tuesday')}\n\n"
            f"{PARA.replace('ministers', 'envoys')}\n\n{PARA.replace('Geneva', 'Vienna')}\n\n"
            "2 Comments\n\nAnna says: This is a fine agreement and I hope it lasts.\n\nReply")
    cleaned = clean_text(text)
    assert "Anna says: This is a fine agreement and I hope it lasts." in cleaned.removed
    assert cleaned.text.endswith(PARA.replace("Geneva", "Vienna"))


def test_everything_boilerplate_leaves_nothing() -> None:
    cleaned = clean_text("Source link\n\nRelated Articles\n\nLeave a Reply")
    assert cleaned.text == ""
    with pytest.raises(InputError) as err:
        clean_record(RawRecord(input="x", text="Source link\n\nLeave a Reply"), Options())
    assert err.value.reason == "empty-after-cleaning"


# --- the founding article ---------------------------------------------------------------------------

@pytest.mark.skipif(not SEED_ARTICLE.is_file(), reason="../shared is not there")
def test_founding_article() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    cleaned = clean_text(text)
    assert cleaned.title == text.splitlines()[0]
    removed = set(cleaned.removed)
    story = [line for line in text.splitlines()[1:] if line.strip() and line not in removed]
    # what went: the five chrome lines and four teaser lines (one of them shown twice)
    assert len(cleaned.removed) == 9
    assert sum(1 for r in cleaned.reasons if "headline" in r) == 4
    # every line that ends like a sentence is still there
    for line in text.splitlines()[1:]:
        if line.rstrip().endswith((".", "”.")) and "email address" not in line:
            assert line in cleaned.text
    assert all(line in cleaned.text for line in story)


@pytest.mark.skipif(not SEED_JSONL.is_file(), reason="../shared is not there")
def test_founding_article_from_jsonl_and_txt_have_one_id() -> None:
    docs = [d for d in clean_inputs([str(SEED_JSONL), str(SEED_ARTICLE)], Options())]
    assert len(docs) == 2
    assert docs[0].doc_id == docs[1].doc_id
    assert docs[0].record_id == json.loads(SEED_JSONL.read_text(encoding="utf-8"))["id"]
    assert docs[0].published == dt.date(2023, 11, 28)
    assert docs[0].language == "en"


# --- HTML -----------------------------------------------------------------------------------------

def test_clean_html_main_text_title_and_date() -> None:
    cleaned, published = clean_html((FIXTURES / "page.html").read_text(encoding="utf-8"))
    assert cleaned.title == "Kenya and Germany sign labour mobility agreement"
    assert published == dt.date(2023, 9, 13)
    assert "skilled Kenyan workers" in cleaned.text
    assert "Skills shortage" in cleaned.text
    for chrome in ("Related Articles", "Scholz tours East Africa", "All rights reserved", "Home"):
        assert chrome not in cleaned.text


def test_malformed_html_still_yields_text() -> None:
    html = "<html><body><div><p>Kenya and Germany signed a labour deal on Wednesday<div><b>Talks continue <p>in Berlin"
    cleaned, _ = clean_html(html)
    assert "Kenya and Germany signed a labour deal" in cleaned.text
    assert cleaned.title is None


def test_clean_record_from_html_uses_record_fields() -> None:
    raw = RawRecord(input="page", record_id="r1", url="https://example.org/a", title="Record title here",
                    published=dt.date(2024, 1, 2), html=(FIXTURES / "page.html").read_text(encoding="utf-8"))
    doc = clean_record(raw, Options())
    assert doc.title == "Record title here"
    assert doc.published == dt.date(2024, 1, 2)
    assert doc.text.startswith("Record title here\n\n")
    assert doc.title_span == (0, len("Record title here"))
    assert doc.record_id == "r1" and doc.url == "https://example.org/a"


# --- records, ids, language -------------------------------------------------------------------------

def test_clean_record_layout_and_overrides() -> None:
    raw = RawRecord(input="a.txt", text=f"Talks resume in Geneva\n\n{PARA}", published=dt.date(2020, 1, 1))
    doc = clean_record(raw, Options(published="2023-11-28", url="https://example.org/x"))
    assert doc.title == "Talks resume in Geneva"
    assert doc.text == f"Talks resume in Geneva\n\n{PARA}"
    assert doc.text[slice(*doc.title_span)] == doc.title
    assert document_body(doc) == PARA
    assert doc.published == dt.date(2023, 11, 28)
    assert doc.url == "https://example.org/x"
    assert doc.doc_id == document_id(doc.text)


def test_clean_record_without_title() -> None:
    doc = clean_record(RawRecord(input="a.txt", text=PARA), Options())
    assert doc.title is None and doc.title_span is None and doc.text == PARA


def test_clean_record_no_text() -> None:
    with pytest.raises(InputError) as err:
        clean_record(RawRecord(input="x", title="Only a title"), Options())
    assert err.value.reason == "no-text"


def test_document_id_normalizes() -> None:
    a = document_id("Vietnam’s  “partner”\nJapan")
    b = document_id("vietnam's \"PARTNER\" japan ")
    assert a == b
    assert len(a) == 32 and all(c in "0123456789abcdef" for c in a)
    assert document_id("Vietnam's partner Japan.") != a


@pytest.mark.parametrize(("text", "language"), [
    (PARA, "en"),
    ("Le Japon et le Vietnam ont décidé de renforcer leur coopération dans le domaine de la sécurité.", "fr"),
    ("Japan und Vietnam haben vereinbart, ihre Zusammenarbeit im Bereich der Sicherheit zu vertiefen.", "de"),
    ("Japón y Vietnam acordaron el lunes reforzar su cooperación en materia de seguridad y economía.", "es"),
    ("Việt Nam và Nhật Bản đã nâng cấp quan hệ lên đối tác chiến lược toàn diện trong chuyến thăm của ông.", "vi"),
    ("日本とベトナムは月曜日、安全保障協力を強化することで合意した。", "ja"),
    ("越南和日本将两国关系提升为全面战略伙伴关系。", "zh"),
    ("Япония и Вьетнам договорились расширить сотрудничество в области безопасности и экономики.", "ru"),
    ("Shr 45 cts", None),
])
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_non_english_article_is_kept_with_its_language() -> None:
    text = ("Accord historique entre le Japon et le Vietnam\n\n"
            "Le Japon et le Vietnam ont décidé lundi de renforcer leur coopération dans le domaine de la sécurité. "
            "Les deux pays ont signé une déclaration commune à Tokyo.")
    doc = clean_record(RawRecord(input="fr.txt", text=text), Options())
    assert doc.language == "fr"
    assert doc.title == "Accord historique entre le Japon et le Vietnam"


def test_repeated_plain_headline_goes_between_paragraphs() -> None:
    teaser = "Biden arrives in Hanoi for a historic visit"
    cleaned = clean_text(body_with(teaser) + f"\n\n{teaser}\n\nThe talks resume in May.")
    assert cleaned.removed == [teaser, teaser]
    assert cleaned.reasons == ["repeated headline", "repeated headline"]


def test_repeated_caption_in_a_table_keeps_one_copy() -> None:
    caption = "Average deposit rates of city and trust banks"
    table = f"{caption}\n\nOne month 4.12 pct\n\nThree months 4.20 pct"
    cleaned = clean_text(f"Rates\n\n{table}\n\n{table}")
    assert cleaned.text.count(caption) == 1
    assert cleaned.text.count("One month 4.12 pct") == 2
