"""Add the official texts of the Bestuursprogramma to the register, versioning goals."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from koers.programme.models import CollaborationFunction, Goal, Principle, Theme
from koers.programme.queries import current_programme
from koers.programme.text_import import ProgrammeFormatError, parse_file
from koers.programme.versioning import adjust_goal


class ProgrammeImportError(Exception):
    """The document does not match the programme register; ``code`` is stable."""

    code = "programme_import"


@dataclass
class ProgrammeImport:
    path: str
    goals: int = 0
    new_versions: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.new_versions or self.updated)

    def as_dict(self) -> dict:
        return {
            "source": self.path,
            "goals": self.goals,
            "new_goal_versions": self.new_versions,
            "updated": self.updated,
            "changed": self.changed,
        }

    def summary(self) -> str:
        if not self.changed:
            return f"{self.path}: {self.goals} goals read, no changes"
        return (
            f"{self.path}: {self.goals} goals read, {len(self.new_versions)} new goal versions"
            f" ({', '.join(self.new_versions) or '-'}), {len(self.updated)} texts updated"
        )


def programme_date(programme) -> date:
    """The date the programme's own text holds from: 1 January of its first year (the
    document names no date of adoption), never the day Koers read it."""
    return date(programme.period_start, 1, 1)


def _set_text(obj, attribute: str, text: str, label: str, result: ProgrammeImport) -> None:
    if getattr(obj, attribute) != text:
        setattr(obj, attribute, text)
        obj.save(update_fields=[attribute])
        result.updated.append(label)


@transaction.atomic
def import_programme_text(path: Path, *, user=None, today: date | None = None) -> ProgrammeImport:
    """Read ``path`` and store its official texts; all or nothing, idempotent."""
    try:
        parsed = parse_file(path)
    except ProgrammeFormatError as exc:
        raise ProgrammeImportError(f"{path}: {exc}") from None
    programme = current_programme()
    result = ProgrammeImport(path=str(path), goals=len(parsed.goals))
    themes = {theme.number: theme for theme in Theme.objects.filter(programme=programme)}
    for parsed_theme in parsed.themes:
        theme = themes.get(parsed_theme.number)
        if theme is None:
            raise ProgrammeImportError(
                f"{path}: theme {parsed_theme.number} is not in the register"
            )
        _set_text(theme, "context", parsed_theme.context, f"theme {theme.number}", result)
        goals = {goal.number: goal for goal in Goal.objects.filter(theme=theme)}
        for parsed_goal in parsed_theme.goals:
            goal = goals.get(parsed_goal.number)
            if goal is None:
                raise ProgrammeImportError(
                    f"{path}: goal {parsed_goal.number} is not in the register"
                )
            current = goal.current
            if current is None or current.text != parsed_goal.text:
                adjust_goal(
                    goal,
                    text=parsed_goal.text,
                    valid_from=(
                        programme_date(programme)
                        if current is None
                        else today or timezone.localdate()
                    ),
                    reason=(
                        f"Tekst uit {Path(path).name}"
                        if current is None
                        else f"Gewijzigde tekst in {Path(path).name}"
                    ),
                    user=user,
                )
                result.new_versions.append(goal.number)
    principles = {p.number: p for p in Principle.objects.filter(programme=programme)}
    for parsed_principle in parsed.principles:
        principle = principles.get(parsed_principle.number)
        if principle is not None:
            _set_text(
                principle, "text", parsed_principle.text, f"principle {principle.number}", result
            )
    functions = list(CollaborationFunction.objects.filter(programme=programme))
    for function, parsed_function in zip(functions, parsed.functions, strict=False):
        _set_text(function, "text", parsed_function.text, f"function {function.code}", result)
    if result.changed:
        programme.source_document = Path(path).name
        programme.source_sha256 = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        programme.imported_at = timezone.now()
        programme.save(update_fields=["source_document", "source_sha256", "imported_at"])
    return result
