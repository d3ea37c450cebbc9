"""The Markdown report: summary with text bars, a table of claims, one section per claim."""

from __future__ import annotations

from claimcheck import Report

from .conftest import FIXED


def test_summary_has_counts_and_a_text_bar(sample_report, render):
    text = render(sample_report, "markdown")
    assert text.startswith("# Belarus 2022: verification report\n") is False  # the title comes from the CLI/config
    assert text.startswith("# Verification report\n\n_Generated 2026-11-25T21:00:00Z by claimcheck ")
    assert "5 claims." in text
    assert "| Supported | 1 | ████░░░░░░░░░░░░░░░░ 20% |" in text
    assert "| Unchecked | 1 | ████░░░░░░░░░░░░░░░░ 20% |" in text


def test_table_lists_status_confidence_claim_and_figure_with_links_to_sections(sample_report, render):
    text = render(sample_report, "markdown")
    assert ("| [arrests-35000](#arrests-35000) | Supported | 0.86 | Belarusian authorities have arrested more than "
            "35,000 people since August 2020. | more than 35,000 |") in text
    assert "| [un-vote](#un-vote) | Unchecked |  | 141 countries voted for the UN resolution. |  |" in text


def test_each_claim_section_has_quote_decision_verdicts_and_quoted_sources(sample_report, render):
    text = render(sample_report, "markdown")
    section = text.split("### arrests-35000\n", 1)[1].split("\n### ", 1)[0]
    assert "**Belarusian authorities have arrested more than 35,000 people since August 2020.**" in section
    assert "> “the routine has arrested extra than 35,000 Belarusians”" in section
    assert "— Al Jazeera, 2022-03-21, in [We have one enemy](https://www.aljazeera.com/news/2022/3/21/we-have-one-enemy) (Al Jazeera)" in section
    assert "- **Status:** Supported (confidence 0.86). Editorial review by Jane Doe (2026-11-25)." in section
    assert "- **Review note:** Viasna's count is the reference." in section
    assert ("- source-text: supported (0.86), 2026-11-25T21:40:00Z, version 1.0.0. One source gives more than "
            "35,000; the other gives no figure.") in section
    assert "1. **Viasna: more than 35,000 detained**, Viasna, 2021-08-09: _supports_\\" in section
    assert ("   <https://spring96.org/en/news/105000> · [archived](https://web.archive.org/web/2021/"
            "https://spring96.org/en/news/105000)") in section
    assert "   > More than 35,000 people have been arrested since August 2020." in section
    assert "(link dead: HTTP 404)" in section


def test_a_claim_with_only_the_required_field_still_gets_a_section(sample_report, render):
    section = render(sample_report, "markdown").split("### un-vote\n", 1)[1]
    assert section.strip().splitlines() == [
        "**141 countries voted for the UN resolution.**",
        "",
        "- **Status:** Unchecked. Not checked yet.",
        "- **Collection:** world/un",
        "",
        "_No sources yet._",
    ]


def _html(markdown: str) -> str:
    """Markdown rendered the way GitHub does (CommonMark + tables, raw HTML allowed)."""
    from markdown_it import MarkdownIt  # comes with rich

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def test_record_text_cannot_inject_html_or_markdown(sample_report, render):
    text = render(sample_report, "markdown")
    html = _html(text)
    # every tag a record tried to smuggle in comes out as text
    for tag in ("<script", "<img", "<b>", "<i>", "</blockquote><script"):
        assert tag not in html
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt; &amp; it said so" in html
    # a javascript: address is never a link
    assert 'href="javascript' not in html
    # pipes, stars, brackets and entities read as written; the row keeps its columns
    assert "| pipes | and *stars* and [links](http://evil.example) and &amp;amp; entities" in html
    # summary table and claims table: a header and five rows each, no cell split by a stray pipe
    assert html.count("<tr>") == 12
    assert all(row.count("<td") == 5 for row in html.split("<tbody>")[2].split("</tbody>")[0].split("</tr>")[:-1])


def test_headings_lists_and_quotes_in_record_text_stay_text(render):
    report = Report.build([{"id": "q", "claim": "# Not a heading", "sources": [
        {"url": "https://example.org", "excerpt": "1. not a list\n- nor this\n> nor a quote\n# nor a heading"}]}],
        generated_at=FIXED)
    html = _html(render(report, "markdown"))
    excerpt = html.split("<blockquote>", 1)[1].split("</blockquote>", 1)[0]
    assert excerpt == "\n<p>1. not a list\n- nor this\n&gt; nor a quote\n# nor a heading</p>\n"
    assert "<strong># Not a heading</strong>" in html


def test_a_url_with_brackets_and_spaces_stays_one_link(render):
    report = Report.build([{"id": "w", "claim": "C.", "sources": [
        {"url": "https://en.wikipedia.org/wiki/Belarus_(disambiguation)", "title": "Belarus (disambiguation)",
         "archived": "https://web.archive.org/web/2022/https://en.wikipedia.org/wiki/Minsk_(city)"}]}],
        generated_at=FIXED)
    text = render(report, "markdown")
    assert "<https://en.wikipedia.org/wiki/Belarus_%28disambiguation%29>" in text
    assert "[archived](https://web.archive.org/web/2022/https://en.wikipedia.org/wiki/Minsk_%28city%29)" in text


def test_empty_report_says_so(render):
    text = render(Report.build([], generated_at=FIXED), "markdown")
    assert "This project has no claims yet." in text
    assert "## Claims" not in text
