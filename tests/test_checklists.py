"""Checklists readers can tick: the Markdown extension ``portal.checklists``.

The browser side (ticking, storage, reset, print) is tested in
tests/browser/test_checklists.py.
"""

from __future__ import annotations

import re

import markdown
from selectolax.lexbor import LexborHTMLParser

from portal.checklists import task_key

EXTENSIONS = ["attr_list", "pymdownx.tasklist", "portal.checklists"]
CONFIGS = {"pymdownx.tasklist": {"custom_checkbox": True}}


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIGS)


def keys(html: str) -> list[str]:
    return [
        node.attrs["data-portal-task"] or ""
        for node in LexborHTMLParser(html).css("input[data-portal-task]")
    ]


def test_each_box_is_named_by_its_own_text_and_keeps_its_markup() -> None:
    html = render("- [ ] Ich habe die [Dienstanweisung](da.md) gelesen.\n- [x] Erledigt")
    key = task_key("Ich habe die Dienstanweisung gelesen.")
    done = task_key("Erledigt")
    assert html == (
        '<ul class="task-list portal-checklist">\n'
        '<li class="task-list-item"><label class="task-list-control">'
        f'<input type="checkbox" id="portal-task-{key}" data-portal-task="{key}" disabled/>'
        '<span class="task-list-indicator"></span></label> '
        f'<label class="portal-task-text" for="portal-task-{key}">Ich habe die '
        '<a href="da.md">Dienstanweisung</a> gelesen.</label></li>\n'
        '<li class="task-list-item"><label class="task-list-control">'
        f'<input type="checkbox" id="portal-task-{done}" data-portal-task="{done}" '
        "disabled checked/>"
        '<span class="task-list-indicator"></span></label> '
        f'<label class="portal-task-text" for="portal-task-{done}">Erledigt</label></li>\n'
        "</ul>"
    )


def test_keys_survive_edits_of_other_items_and_rewrapping() -> None:
    before = keys(render("- [ ] Erstens\n- [ ] Zweitens\n- [ ] Drittens"))
    after = keys(
        render("- [ ] Ein neuer Punkt\n- [ ] Erstens\n- [ ] Zweitens,\n  geändert\n- [ ] Drittens")
    )
    assert before[0] == after[1]
    assert before[2] == after[3]
    assert before[1] != after[2]
    assert keys(render("- [ ] Zwei Wörter")) == keys(render("- [ ] Zwei\n  Wörter"))


def test_an_explicit_id_keeps_the_key_when_the_text_changes() -> None:
    # attr_list's syntax for a list item: on a line of its own, indented.
    first = keys(render("- [ ] Der alte Text\n  { #zugaenge }"))
    second = keys(render("- [ ] Ein ganz neuer Text\n  { #zugaenge }"))
    assert first == second == ["zugaenge"]


def test_equal_items_on_one_page_get_distinct_keys() -> None:
    found = keys(render("Woche 1:\n\n- [ ] Gespräch\n\nWoche 2:\n\n- [ ] Gespräch"))
    key = task_key("Gespräch")
    assert found == [key, f"{key}-2"]


def test_nested_items_are_named_without_the_text_of_their_children() -> None:
    html = render("- [ ] Oben\n    - [ ] Unten eins\n    - [ ] Unten zwei")
    tree = LexborHTMLParser(html)
    labels = [node.text(deep=True) for node in tree.css("label.portal-task-text")]
    assert labels == ["Oben", "Unten eins", "Unten zwei"]
    # Only the outer list is a checklist of its own (one progress line).
    assert len(tree.css("ul.portal-checklist")) == 1
    assert len(tree.css("ul.task-list")) == 2


def test_items_with_paragraphs_are_named_too() -> None:
    html = render("- [ ] Erster Punkt\n\n- [ ] Zweiter Punkt")
    texts = [node.text() for node in LexborHTMLParser(html).css("p > label.portal-task-text")]
    assert texts == ["Erster Punkt", "Zweiter Punkt"]
    assert len(re.findall(r"disabled", html)) == 2


def test_ordinary_lists_stay_as_they_are() -> None:
    assert render("- eins\n- zwei") == "<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>"
