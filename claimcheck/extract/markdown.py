"""Markdown to the plain text a reader sees: markup removed, one block per paragraph.

Quotes are cut from this text, so a quote is verbatim from the article as read, without
``**`` or link targets. Code blocks, images and HTML comments are dropped; headings and list
items become blocks of their own (so they never run into the next sentence).
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)|\[([^\]\n]+)\]\[[^\]\n]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s+\S.*$", re.MULTILINE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE)
_SETEXT = re.compile(r"^(=+|-+)\s*$", re.MULTILINE)
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)
_QUOTE = re.compile(r"^\s*>\s?", re.MULTILINE)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_CODE = re.compile(r"`([^`\n]*)`")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.MULTILINE)


def markdown_to_text(markdown: str) -> str:
    text = markdown.replace("\r\n", "\n")
    text = _FENCE.sub("", text)
    text = _COMMENT.sub("", text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _REF_DEF.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _RULE.sub("", text)
    text = _HEADING.sub(lambda m: "\n" + m.group(1) + "\n", text)
    text = _SETEXT.sub("", text)
    text = _BULLET.sub("\n", text)
    text = _QUOTE.sub("", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
