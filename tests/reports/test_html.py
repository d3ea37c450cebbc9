"""The HTML report as a file: self-contained, escaped, and complete without JavaScript.

(tests/reports/test_browser.py opens it in a real browser.)
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from claimcheck import Report

from .conftest import FIXED, XSS_CLAIM


class Page(HTMLParser):
    """Every element with its attributes, and the text of each element with an id."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_class: dict[str, list[str]] = {}
        self._stack: list[tuple[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag not in ("meta", "link", "br", "input", "col", "img", "rect"):
            self._stack.append((tag, attributes.get("class")))

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, cls in self._stack:
            if cls:
                self.text_by_class.setdefault(cls, []).append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == tag]


def test_the_page_is_self_contained(sample_report, render):
    html = render(sample_report, "html")
    page = Page(html)
    # nothing is loaded from anywhere: no external scripts, stylesheets, fonts, images or frames
    assert all(s.get("src") is None for s in page.all("script"))
    assert page.all("link") == [] and page.all("img") == [] and page.all("iframe") == []
    assert "@import" not in html and "url(" not in html and "@font-face" not in html
    # the only links lead to sources, the claim's page, or anchors inside the page
    hrefs = [a["href"] for a in page.all("a")]
    assert all(h.startswith(("#", "https://")) for h in hrefs), hrefs
    # and a Content-Security-Policy forbids the page to load or run anything else
    csp = next(m["content"] for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none'; style-src 'sha256-")
    assert "script-src 'sha256-" in csp and "unsafe-inline" not in csp


def test_summary_chart_is_inline_svg_with_counts_in_words(sample_report, render):
    page = Page(render(sample_report, "html"))
    svg = page.all("svg")[0]
    assert svg["role"] == "img"
    summary_rows = [a["data-summary"] for a in page.all("tr") if "data-summary" in a]
    assert summary_rows == ["supported", "refuted", "conflicting", "not-enough-evidence", "unchecked"]
    html = render(sample_report, "html")
    assert "<title id=\"cc-chart-t\">Claims per status: Supported 1, Refuted 1, Conflicting 1, Not enough evidence 1, Unchecked 1</title>" in html


def test_badges_carry_the_status_in_words_and_a_symbol(sample_report, render):
    page = Page(render(sample_report, "html"))
    badges = [a for a in page.all("span") if "cc-badge" in (a.get("class") or "")]
    assert {b["data-symbol"] for b in badges} == {"✓", "✗", "⇄", "?", "○"}
    assert "Not enough evidence" in page.text_by_class["cc-badge cc-s-not-enough-evidence"]


def test_every_claim_has_an_anchor_and_its_status_and_tags_for_the_filters(sample_report, render):
    page = Page(render(sample_report, "html"))
    articles = page.all("article")
    assert [a["id"] for a in articles] == ["arrests-35000", "bysol-raised-65000-eur", "rtl-emoji", "xss-claim", "un-vote"]
    assert articles[0]["data-status"] == "supported"
    assert articles[0]["data-tags"] == '["belarus", "repression"]'
    assert articles[2]["data-tags"] == '["\\u0639\\u0631\\u0628\\u064a", "belarus"]'  # JSON, read by the script
    table_links = [a["href"] for a in page.all("a") if a["href"].startswith("#") and a.get("class") is None][:5]
    assert table_links == ["#arrests-35000", "#bysol-raised-65000-eur", "#rtl-emoji", "#xss-claim", "#un-vote"]


def test_record_text_is_escaped(sample_report, render):
    html = render(sample_report, "html")
    page = Page(html)
    assert XSS_CLAIM not in html
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt; &#34;&gt;&lt;img src=x onerror=&#34;window.__xss=2&#34;&gt; &amp; it said so" in html
    assert XSS_CLAIM in "".join(page.text_by_class["cc-text"])  # shown exactly as written
    assert len(page.all("script")) == 1  # ours
    assert page.all("img") == [] and page.all("b") == [] and page.all("i") == []
    # a javascript: address is shown as text, never as a link
    assert not any("javascript" in (a.get("href") or "") for a in page.all("a"))


def test_controls_are_hidden_until_the_script_shows_them(sample_report, render):
    page = Page(render(sample_report, "html"))
    controls = next(a for t, a in page.elements if a.get("id") == "cc-controls")
    assert "hidden" in controls
    assert not any("hidden" in a for a in page.all("article"))  # every claim shown without JS
    options = [a["value"] for a in page.all("option")]
    assert options == ["", "supported", "refuted", "conflicting", "not-enough-evidence", "unchecked",
                       "", "<b>tag</b>", "belarus", "money", "repression", "عربي"]


def test_right_to_left_text_gets_its_direction_from_its_content(sample_report, render):
    html = render(sample_report, "html")
    assert '<p class="cc-text" dir="auto">قال المتحدث إن أكثر من 35,000 شخص اعتقلوا 🚨 — והוא הוסיף 👍🏽</p>' in html


def test_print_stylesheet_hides_the_controls_and_shows_link_addresses(sample_report, render):
    html = render(sample_report, "html")
    assert "@media print" in html
    print_css = html.split("@media print", 1)[1]
    assert ".cc-controls" in print_css and "attr(href)" in print_css


def test_language_comes_from_the_report_settings(sample_report, render):
    assert '<html lang="de">' in render(sample_report, "html", settings={"language": "de"})
    assert '<html lang="en">' in render(sample_report, "html")


def test_empty_report_says_so_without_a_table(render):
    html = render(Report.build([], generated_at=FIXED), "html")
    assert '<p class="cc-empty">This project has no claims yet.</p>' in html
    assert "<article" not in html and 'id="cc-controls"' not in html


def test_unknown_status_gets_the_other_badge_and_a_summary_row(render):
    report = Report.build([{"id": "a", "claim": "A.", "status": "misleading"}], generated_at=FIXED)
    html = render(report, "html")
    assert '<span class="cc-badge cc-s-other" data-symbol="•">misleading</span>' in html
    assert '<tr data-summary="other">' in html
    assert re.search(r"“Other” counts statuses outside claimcheck’s vocabulary: <span dir=\"auto\">misleading</span> \(1\)", html)
