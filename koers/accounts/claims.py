"""From single sign-on claims to Koers roles: one pure function, testable without a provider."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = frozenset({"programme_office", "theme_lead", "province_steward", "analyst", "reader"})


class RoleMapError(ValueError):
    """KOERS_OIDC_ROLE_MAP has an entry Koers cannot use."""

    code = "oidc_role_map"


@dataclass(frozen=True, order=True)
class GrantedRole:
    role: str
    province: str | None = None
    themes: tuple[str, ...] = ()


def grant_from(value: str, entry: object) -> GrantedRole:
    """One mapping entry, checked: a known role; a province for stewards and only for them."""
    if not isinstance(entry, dict) or entry.get("role") not in ROLES:
        raise RoleMapError(
            f'KOERS_OIDC_ROLE_MAP[{value!r}]: expected {{"role": one of {sorted(ROLES)}}}'
        )
    province = entry.get("province")
    if (entry["role"] == "province_steward") != bool(province):
        raise RoleMapError(
            f"KOERS_OIDC_ROLE_MAP[{value!r}]: a province_steward needs a province "
            "(e.g. PV25), and other roles have none"
        )
    return GrantedRole(entry["role"], province, tuple(str(t) for t in entry.get("themes", ())))


def check_role_map(mapping: object) -> None:
    """Raise RoleMapError for the first entry that is not usable."""
    if not isinstance(mapping, dict):
        raise RoleMapError("KOERS_OIDC_ROLE_MAP must be a JSON object")
    for value, entry in mapping.items():
        grant_from(value, entry)


def roles_from_claims(claims: dict, *, claim: str, mapping: dict) -> list[GrantedRole]:
    """The roles ``claims`` grant: each value of ``claims[claim]`` looked up in ``mapping``."""
    values = claims.get(claim) or []
    if isinstance(values, str):
        values = values.replace(",", " ").split()
    return sorted(
        {grant_from(v, mapping[v]) for v in values if isinstance(v, str) and v in mapping}
    )
