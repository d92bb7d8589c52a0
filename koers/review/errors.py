"""Why a step of the yearly review was refused, each with a stable code."""

from __future__ import annotations

from koers.errors import KoersError


class ReviewError(KoersError):
    code = "review"
    title = "Jaarlijkse toets"


class RoundExists(ReviewError):
    """A round for this budget year was opened before."""

    code = "review_round_exists"


class RoundClosed(ReviewError):
    """The round is adopted (vastgesteld): its assessments and proposals are final."""

    code = "review_round_closed"


class AssessmentsMissing(ReviewError):
    """Goals lack an assessment and the programme office recorded no reason."""

    code = "review_assessments_missing"


class InvalidProposal(ReviewError):
    """A proposal misses what its kind needs (new text, a target, a new value)."""

    code = "review_invalid_proposal"
