"""What of the knowledge base is findable: practices (with their documents' text) and
knowledge questions, through the shared search piece (koers/search)."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from koers.knowledge.models import KnowledgeQuestion, Practice, PracticeVersion
from koers.search.registry import Facet, IndexedDocument, register_kind
from koers.search.service import index, unindex

PRACTICE, QUESTION = "praktijkvoorbeeld", "kennisvraag"


def practice_document(practice: Practice) -> IndexedDocument | None:
    """The published version; a concept is not findable (search shows every signed-in user
    all private documents, and a concept is for its own province and theme only)."""
    published = practice.published
    version: PracticeVersion | None = published
    if version is None:
        return None
    year = (version.started or practice.created_at.date()).year
    facets = [
        Facet("thema", practice.theme.number, practice.theme.name),
        Facet("provincie", practice.lead_province.code, practice.lead_province.name),
        Facet("jaar", str(year), str(year)),
    ]
    for goal in version.goals.all():
        facets.append(Facet("doel", goal.number, f"{goal.number} {goal.title}"))
    for area in version.areas.all():
        facets.append(Facet("gebied", area.code, area.name))
    documents = "\n".join(d.tekst for d in version.documents.all())
    return IndexedDocument(
        kind=PRACTICE,
        key=str(practice.pk),
        title=version.title,
        body="\n".join(
            filter(
                None,
                [version.place, version.tried, version.worked, version.did_not_work, documents],
            )
        ),
        url=reverse("knowledge:practice", args=[practice.pk]),
        public=published is not None,
        facets=tuple(facets),
    )


def question_document(question: KnowledgeQuestion) -> IndexedDocument:
    theme = question.theme
    return IndexedDocument(
        kind=QUESTION,
        key=str(question.pk),
        title=question.question,
        body="\n".join(
            [t for t in (question.explanation, question.answer, question.asked_by) if t]
            + [d.tekst for d in question.documents.filter(openbaar=True)]
        ),
        url=reverse("knowledge:agenda", args=[theme.number]) + f"#vraag-{question.pk}",
        public=True,
        facets=(
            Facet("thema", theme.number, theme.name),
            Facet("jaar", str(question.created_at.year), str(question.created_at.year)),
        ),
    )


def index_practice(practice: Practice) -> None:
    document = practice_document(practice)
    if document is None:
        unindex(PRACTICE, str(practice.pk))
    else:
        index(document)


def index_question(question: KnowledgeQuestion) -> None:
    index(question_document(question))


def _practices() -> Iterator[IndexedDocument]:
    for practice in Practice.objects.select_related("theme", "lead_province"):
        document = practice_document(practice)
        if document is not None:
            yield document


def _questions() -> Iterator[IndexedDocument]:
    for question in KnowledgeQuestion.objects.select_related("theme"):
        yield question_document(question)


def register() -> None:
    register_kind(PRACTICE, "Praktijkvoorbeeld", documents=_practices)
    register_kind(QUESTION, "Kennisvraag", documents=_questions)
