"""Read an area file (YAML, format in docs/areas.md) into checked entries, before any write.

An area has validity dates, and so has each of its parent links: boundaries change
(Vijfheerenlanden went from Zuid-Holland to Utrecht on 1 January 2019). Every problem in
the file is reported at once, each naming the entry, the field, the rule and the value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from koers.errors import KoersError

AREA_TYPES = ("land", "provincie", "gebied", "res_regio", "gemeente", "unallocated")


class AreaFileError(KoersError):
    """An area file that cannot be loaded; ``problems`` lists every finding."""

    code = "invalid_area_file"
    title = "Invalid area file"

    def __init__(self, path: Path, problems: list[str]) -> None:
        shown = "; ".join(problems[:20]) + (
            f"; and {len(problems) - 20} more" * (len(problems) > 20)
        )
        super().__init__(f"{path}: {shown}", file=str(path), problems=problems)
        self.problems = problems


@dataclass(frozen=True)
class ParentLink:
    parent: str
    hierarchy: str
    valid_from: date | None = None
    valid_to: date | None = None  # exclusive: the first day the link no longer holds


@dataclass(frozen=True)
class AreaEntry:
    code: str
    name: str
    type: str
    values: dict = field(default_factory=dict)  # the other Area fields, as stored
    valid_from: date | None = None
    valid_to: date | None = None
    parents: tuple[ParentLink, ...] = ()


class _Loader(yaml.SafeLoader):
    """Safe YAML in which dates stay text, so a bad date is a finding and not a crash."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _date(value, where: str, problems: list[str]) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: rule date_format: {value!r} is not a date like 2019-01-01")
        return None


def _period_ok(start: date | None, end: date | None, where: str, problems: list[str]) -> None:
    if start and end and end <= start:
        problems.append(f"{where}: rule valid_to_after_valid_from: valid_to {end} <= {start}")


def _links(raw: dict, hierarchy: str, where: str, problems: list[str]) -> list[ParentLink]:
    specs = raw.get("parents")
    if specs is None:
        specs = [{"code": raw["parent"]}] if raw.get("parent") else []
    if not isinstance(specs, list):
        problems.append(f"{where}.parents: rule list: expected a list, got {specs!r}")
        return []
    links = []
    for n, spec in enumerate(specs):
        at = f"{where}.parents[{n}]"
        if not isinstance(spec, dict) or not spec.get("code"):
            problems.append(f"{at}: rule required: a parent needs a code, got {spec!r}")
            continue
        link = ParentLink(
            parent=str(spec["code"]),
            hierarchy=str(spec.get("hierarchy", hierarchy)),
            valid_from=_date(spec.get("valid_from"), f"{at}.valid_from", problems),
            valid_to=_date(spec.get("valid_to"), f"{at}.valid_to", problems),
        )
        _period_ok(link.valid_from, link.valid_to, at, problems)
        links.append(link)
    return links


def _overlaps(code: str, links: list[ParentLink], where: str, problems: list[str]) -> None:
    """One parent per hierarchy at any moment: periods of one child may not overlap."""
    by_hierarchy: dict[str, list[ParentLink]] = {}
    for link in links:
        by_hierarchy.setdefault(link.hierarchy, []).append(link)
    for hierarchy, group in by_hierarchy.items():
        group.sort(key=lambda lk: lk.valid_from or date.min)
        for before, after in zip(group, group[1:], strict=False):
            if (before.valid_to or date.max) > (after.valid_from or date.min):
                problems.append(
                    f"{where}: rule one_parent_at_a_time: {code} has parents {before.parent} "
                    f"and {after.parent} at the same time in hierarchy {hierarchy}"
                )


def read_area_file(path: Path, *, known_codes: set[str]) -> list[AreaEntry]:
    """The entries of ``path``, checked; raises AreaFileError naming every problem."""
    try:
        spec = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AreaFileError(path, [f"rule yaml: not a readable YAML text ({exc})"]) from None
    if not isinstance(spec, dict) or not isinstance(spec.get("areas"), list):
        raise AreaFileError(path, ["rule structure: expected a mapping with a list 'areas'"])
    hierarchy = str(spec.get("hierarchy", "bestuurlijk"))
    problems: list[str] = []
    entries: list[AreaEntry] = []
    for n, raw in enumerate(spec["areas"]):
        where = f"areas[{n}]"
        if not isinstance(raw, dict):
            problems.append(f"{where}: rule structure: expected a mapping, got {raw!r}")
            continue
        missing = [key for key in ("code", "name", "type") if not raw.get(key)]
        if missing:
            problems.append(f"{where}: rule required: missing {', '.join(missing)}")
            continue
        code = str(raw["code"])
        where = f"areas[{n}] ({code})"
        if raw["type"] not in AREA_TYPES:
            problems.append(
                f"{where}.type: rule area_type: {raw['type']!r} is not one of "
                f"{', '.join(AREA_TYPES)}"
            )
        valid_from = _date(raw.get("valid_from"), f"{where}.valid_from", problems)
        valid_to = _date(raw.get("valid_to"), f"{where}.valid_to", problems)
        _period_ok(valid_from, valid_to, where, problems)
        links = _links(raw, hierarchy, where, problems)
        _overlaps(code, links, where, problems)
        entries.append(
            AreaEntry(
                code=code,
                name=str(raw["name"]),
                type=str(raw["type"]),
                values={
                    key: raw[key]
                    for key in ("name_en", "cbs", "nuts2", "tooi")
                    if raw.get(key) is not None
                },
                valid_from=valid_from,
                valid_to=valid_to,
                parents=tuple(links),
            )
        )
    codes = known_codes | {entry.code for entry in entries}
    for entry in entries:
        for link in entry.parents:
            if link.parent not in codes:
                problems.append(
                    f"areas ({entry.code}).parents: rule known_parent: {link.parent} is neither "
                    "in this file nor loaded (load its file first with `koers areas load`)"
                )
    if problems:
        raise AreaFileError(path, problems)
    return entries
