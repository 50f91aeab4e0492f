"""The German sentences of the link guard, one function per kind of finding.

Each returns (problem, fix) for portal.findings.Finding: the problem names
the link as the editor wrote it, the fix names the nearest existing target
when there is one.
"""

from __future__ import annotations

from portal.languages import Language


def _did_you_mean(suggestion: str | None, otherwise: str) -> str:
    return f"meinten Sie „{suggestion}“?" if suggestion else otherwise


def missing_page(link: str, *, where: str, suggestion: str | None) -> tuple[str, str]:
    return (
        f"Der Link „{link}“{where} zeigt auf eine Seite, die es nicht gibt",
        _did_you_mean(suggestion, "legen Sie die Seite an oder korrigieren Sie den Link."),
    )


def missing_file(link: str, *, where: str, image: bool, suggestion: str | None) -> tuple[str, str]:
    if image:
        problem = f"Das Bild „{link}“{where} fehlt im gebauten Portal"
        otherwise = "legen Sie das Bild unter docs/ ab oder korrigieren Sie den Pfad."
    else:
        problem = f"Der Link „{link}“{where} zeigt auf eine Datei, die es nicht gibt"
        otherwise = "legen Sie die Datei unter docs/ ab oder korrigieren Sie den Pfad."
    return problem, _did_you_mean(suggestion, otherwise)


def missing_anchor(link: str, *, where: str, suggestion: str | None) -> tuple[str, str]:
    return (
        f"Der Link „{link}“{where} zeigt auf einen Anker, den es auf der Zielseite nicht gibt",
        _did_you_mean(
            f"#{suggestion}" if suggestion else None,
            "prüfen Sie die Überschriften der Zielseite (umbenannt?).",
        ),
    )


def fallback_anchor(
    link: str,
    *,
    where: str,
    fragment: str,
    shown_in: Language,
    written_in: Language,
    translation: str | None,
) -> tuple[str, str]:
    """A link on a page shown untranslated in `shown_in`'s build, whose anchor the
    translation of its target lacks (only the `written_in` target has it)."""
    heading = f"der Überschrift in {translation}" if translation else "der übersetzten Überschrift"
    return (
        f"Der Link „{link}“{where} steht auf einer Seite der Fassung „{written_in.name}“, die "
        f"auch in der Fassung „{shown_in.name}“ gezeigt wird; dort führt er auf die übersetzte "
        f"Zielseite, und die hat den Anker „#{fragment}“ nicht",
        f"geben Sie {heading} dieselbe Kennung: ## Überschrift {{ #{fragment} }}.",
    )


def stale_hreflang(link: str, *, where: str, declared: str, target: Language) -> tuple[str, str]:
    """A link marked as leading into another language, whose target is now translated."""
    return (
        f"Der Link „{link}“{where} ist mit {{ hreflang={declared} }} als Sprachwechsel "
        f"gekennzeichnet, aber die Zielseite gibt es inzwischen in der Fassung „{target.name}“",
        f"entfernen Sie {{ hreflang={declared} }}, dann führt der Link auf die Seite der "
        f"Fassung „{target.name}“.",
    )


def outside(link: str, *, where: str) -> tuple[str, str]:
    return (
        f"Der Link „{link}“{where} führt aus dem Portal hinaus",
        "verweisen Sie auf eine Seite unter docs/ oder schreiben Sie die volle Adresse (https://…).",
    )


def german_only(link: str, *, where: str, page: Language, target: Language) -> tuple[str, str]:
    """A link from a page in `page`'s language to one that exists only in `target`'s."""
    return (
        f"Der Link „{link}“{where} führt von einer Seite der Fassung „{page.name}“ auf eine "
        f"Seite, die es nur in der Fassung „{target.name}“ gibt",
        f"übersetzen Sie die Zielseite (seite.{page.code}.md) oder kennzeichnen Sie den Link "
        f"als bewussten Sprachwechsel: [Text](seite.md){{ hreflang={target.code} }}.",
    )


def other_language(link: str, *, where: str, source: Language, target: Language) -> tuple[str, str]:
    return (
        f"Der Link „{link}“{where} führt aus der Fassung „{source.name}“ in die Fassung "
        f"„{target.name}“ des Portals",
        "verlinken Sie die Seite in derselben Sprache oder kennzeichnen Sie den "
        f"Sprachwechsel mit {{ hreflang={target.code} }}.",
    )


def broken_redirect(old: str, link: str, *, suggestion: str | None) -> tuple[str, str]:
    return (
        f"Die Weiterleitung „{old}“ führt auf „{link}“, das es im gebauten Portal nicht gibt",
        _did_you_mean(suggestion, "tragen Sie in redirect_maps eine bestehende Seite ein."),
    )


def redirect_anchor(old: str, link: str, *, suggestion: str | None) -> tuple[str, str]:
    return (
        f"Die Weiterleitung „{old}“ führt auf „{link}“, einen Anker, den es auf der "
        "Zielseite nicht gibt",
        _did_you_mean(
            f"#{suggestion}" if suggestion else None,
            "prüfen Sie die Überschriften der Zielseite (umbenannt?).",
        ),
    )


def missing_redirect(old: str, new: str, *, suggestion: str | None) -> tuple[str, str]:
    return (
        f"Die Weiterleitung „{old}“ fehlt im gebauten Portal, weil es ihr Ziel „{new}“ nicht gibt",
        _did_you_mean(suggestion, "tragen Sie in redirect_maps eine bestehende Seite ein."),
    )
