"""The summary when HR wrote none: whole sentences of the first paragraph, about 160 characters
at most, never a heading or a list item; the page's lead only when it adds something."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest
from openings.checks import summaries
from openings.core.model import JobPosting, Organization
from openings.render import display


def html(text: str) -> str:
    return markdown.markdown(text)


def test_whole_sentences_up_to_the_limit():
    body = html(
        "We run the scheduling engine. It plans shifts for 4,000 companies. You will work on "
        "its solver with five engineers, two designers and a product manager, 20 hours a week.\n\n"
        "## What you will do\n\n- Build things"
    )
    summary = summaries.fallback(body)
    assert summary == "We run the scheduling engine. It plans shifts for 4,000 companies."
    assert len(summary) <= summaries.LIMIT


@pytest.mark.parametrize(
    "body",
    [
        "## About the team\n\nWe are twelve people. We like tea.",
        "- Python\n- SQL\n\nWe are twelve people. We like tea.",
        "> A quote from the team\n\nWe are twelve people. We like tea.",
    ],
)
def test_never_a_heading_a_list_item_or_a_quote(body):
    assert summaries.fallback(html(body)) == "We are twelve people. We like tea."


def test_abbreviations_do_not_end_a_sentence():
    body = html("You know e.g. Python and Go. Dr. Li leads the team. Wir nutzen z. B. Rust.")
    assert summaries.sentences(summaries.first_paragraph(body)) == [
        "You know e.g. Python and Go.",
        "Dr. Li leads the team.",
        "Wir nutzen z. B. Rust.",
    ]


def test_one_long_sentence_is_cut_at_a_word():
    sentence = "We are looking for someone who " + "enjoys hard problems and " * 10 + "tea."
    summary = summaries.fallback(html(sentence))
    assert summary.endswith("…") and len(summary) <= summaries.LIMIT
    assert sentence.startswith(summary[:-1])


def test_no_paragraph_no_summary():
    assert summaries.fallback(html("## Only\n\n- a list")) == ""


def test_markup_and_entities_become_text():
    body = html("We build *fast* tools &amp; [APIs](https://x.example). Join us.")
    assert summaries.fallback(body) == "We build fast tools & APIs. Join us."


def posting(summary: str, body: str) -> JobPosting:
    return JobPosting(
        "x.md", "x", "X", "en", "open", dt.date(2026, 11, 2), "Data", html(body),
        Organization("F"), summary=summary,
    )  # fmt: skip


def test_the_lead_is_shown_only_when_it_adds_something():
    body = "We are twelve people. We like tea."
    assert display.lead(posting(summaries.fallback(html(body)), body)) == ""
    assert display.lead(posting("A data job in Lisbon.", body)) == "A data job in Lisbon."
