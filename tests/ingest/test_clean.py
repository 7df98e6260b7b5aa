import pytest

from clamor.ingest.clean import clean_lines, join_lines, junk_reason, normalise_line


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("728 x 90", "ad_slot"),
        ("300x250", "ad_slot"),
        ("160 × 600", "ad_slot"),
        ("Advertisement", "advertisement"),
        ("- Advertisement -", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Share | Tweet | Email", "share_widget"),
        ("Share this article", "share_widget"),
        ("Facebook Twitter WhatsApp", "share_widget"),
        ("Subscribe to our newsletter for daily updates", "subscribe"),
        ("Sign up now", "subscribe"),
        ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "cookie_notice"),
        ("Photo: Reuters", "image_credit"),
        ("Image credit: John Smith", "image_credit"),
        ("Jane Doe/AFP via Getty Images", "image_credit"),
        ("(Reuters)", "image_credit"),
        ("© 2019 Coast Daily Mirror", "image_credit"),
        ("Read more: Police arrest 20 in Nairobi", "read_more"),
        ("Related articles", "read_more"),
        ("Skip to content", "navigation"),
        ("Home | News | World | Africa", "navigation"),
        ("Tags: Kenya, protests, police", "tags_line"),
        ("This story is from March 8, 2002", "date_stamp"),
        ("Updated: Mar 8, 2002, 10:15 IST", "date_stamp"),
    ],
)
def test_junk_rules(line, reason):
    assert junk_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Police fired tear gas at 300 protesters and arrested 90 of them.",
        "The cookie factory workers went on strike to demand a pay rise of 728 shillings.",
        "Share prices fell as protests spread to the capital.",
        "Photographers said police beat them while they covered the march on Friday in the city centre.",
        "Subscribers to the union's fund marched in protest against the closure of the mill, which had employed more than 2,000 people for decades.",
    ],
)
def test_real_sentences_are_kept(line):
    assert junk_reason(line) is None


def test_repeated_caption_is_dropped_once_with_reason():
    raw = "Title here\n\nA crowd gathers in the square\nA crowd gathers in the square\n\nBody text."
    cleaned = clean_lines(raw)
    texts = [ln.text for ln in cleaned.lines if ln is not None]
    assert texts.count("A crowd gathers in the square") == 1
    assert [(r.line, r.reason) for r in cleaned.removed] == [(4, "duplicate_line")]


def test_short_repeated_labels_are_not_duplicates():
    cleaned = clean_lines("Kenya\nNews text one here.\nKenya")
    assert [ln.text for ln in cleaned.lines if ln] == ["Kenya", "News text one here.", "Kenya"]


def test_whitespace_and_invisible_characters_are_normalised():
    assert normalise_line("women\u00a0 of\u200b Kazerun\t played ") == "women of Kazerun played"
    # The zero-width non-joiner is part of Persian spelling and is kept.
    assert "\u200c" in normalise_line("خیابان\u200cها")


def test_paragraphs_are_joined_with_one_blank_line():
    cleaned = clean_lines("First para.\n\n\n\nSecond para line one\nline two\n\n")
    assert join_lines(cleaned.lines) == "First para.\n\nSecond para line one\nline two"


def test_removed_lines_record_the_raw_line_number():
    cleaned = clean_lines("Title\n\n728 x 90\nBody.")
    assert cleaned.removed[0].line == 3
    assert cleaned.removed[0].text == "728 x 90"


def _kept(raw: str) -> list[str]:
    return [ln.text for ln in clean_lines(raw).lines if ln is not None]


def test_headlines_after_a_lone_related_label_are_dropped():
    raw = ("Police dispersed the march with tear gas.\n\nRelated stories:\n"
           "Curfew lifted in the old city\nUnion calls off strike after talks\n\n"
           "Minister visits injured in hospital\n\n"
           "Officials said the situation was calm on Sunday, and schools would reopen.")
    cleaned = clean_lines(raw)
    assert _kept(raw) == ["Police dispersed the march with tear gas.",
                          "Officials said the situation was calm on Sunday, and schools would reopen."]
    assert [r.reason for r in cleaned.removed] == ["read_more"] + ["read_more_list"] * 3


def test_label_with_headline_on_its_line_drops_only_that_line():
    raw = "Related: Curfew lifted in the old city\nShort line without a stop\nBody."
    assert _kept(raw) == ["Short line without a stop", "Body."]


def test_list_ends_at_a_sentence_and_short_lines_elsewhere_stay():
    raw = ("related articles\nCurfew lifted\nPolice said two men were arrested.\n"
           "Curfew lifted again")
    assert _kept(raw) == ["Police said two men were arrested.", "Curfew lifted again"]


def test_long_line_after_label_is_a_paragraph():
    long_line = "the protesters " * 10
    assert _kept(f"Related stories\n{long_line.strip()}") == [long_line.strip()]
