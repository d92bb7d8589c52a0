"""`koers programme import`: official texts in, goals versioned only when they change."""

from datetime import date

import pytest

from koers.programme.importer import ProgrammeImportError, import_programme_text
from koers.programme.models import Goal, GoalVersion, Principle, Programme, Theme


@pytest.fixture
def seed(shared_data):
    return shared_data.parent / "seed" / "bestuursprogramma-ipo-2023-2027.txt"


def test_import_adds_official_texts(register, seed):
    result = import_programme_text(seed)
    assert len(result.new_versions) == 35
    assert GoalVersion.objects.count() == 35
    assert Goal.objects.get(number="2.3.5").current.text.endswith("versterkte handhaving")
    assert "Natuurpact" in Theme.objects.get(number="2.2").context
    assert all(p.text for p in Principle.objects.all())
    assert Programme.objects.get().source_document == seed.name


def test_the_official_text_holds_from_the_programme_s_own_date_not_the_import_date(
    client, register, seed
):
    import_programme_text(seed, today=date(2026, 12, 3))
    assert {v.valid_from for v in GoalVersion.objects.all()} == {date(2023, 1, 1)}
    page = client.get("/doel/2.1.2").content.decode()
    assert "geldig vanaf 1 januari 2023" in page
    body = client.get("/api/v1/doelen/2.1.2/versies").json()
    assert [v["geldigVanaf"] for v in body["resultaten"]] == ["2023-01-01"]


def test_reimport_changes_nothing(register, seed):
    import_programme_text(seed)
    again = import_programme_text(seed)
    assert not again.changed and again.summary().endswith("no changes")
    assert GoalVersion.objects.count() == 35


def test_a_changed_document_versions_exactly_the_changed_goals(register, seed, tmp_path):
    import_programme_text(seed)
    text = seed.read_text(encoding="utf-8")
    changed = tmp_path / "bijgesteld.txt"
    changed.write_text(
        text.replace("door versterkte handhaving", "door versterkte handhaving en educatie"),
        encoding="utf-8",
    )
    result = import_programme_text(changed, today=date(2026, 5, 1))
    assert result.new_versions == ["2.3.5"]
    goal = Goal.objects.get(number="2.3.5")
    assert [v.version for v in goal.versions.all()] == [2, 1]
    assert goal.current.text.endswith("versterkte handhaving en educatie")
    assert goal.versions.get(version=1).text.endswith("versterkte handhaving")
    assert goal.current.valid_from == date(2026, 5, 1)  # an adjustment holds from when it is read


def test_a_broken_document_is_refused_and_stores_nothing(register, seed, tmp_path):
    truncated = tmp_path / "half.txt"
    text = seed.read_text(encoding="utf-8")
    truncated.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(ProgrammeImportError, match="half.txt"):
        import_programme_text(truncated)
    assert not GoalVersion.objects.exists()
