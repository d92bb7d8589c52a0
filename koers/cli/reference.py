"""The `--help` of every command as Markdown, committed as docs/cli.md (a test checks drift).

Regenerate with: python -m koers.cli.reference > docs/cli.md
"""

from __future__ import annotations

import click


def _commands(group: click.Group, prefix: list[str]):
    ctx = click.Context(group, info_name=" ".join(prefix))
    for name in sorted(group.list_commands(ctx)):
        command = group.get_command(ctx, name)
        yield [*prefix, name], command
        if isinstance(command, click.Group):
            yield from _commands(command, [*prefix, name])


def cli_reference() -> str:
    from koers.cli import cli

    parts = ["# Command line reference", "", "Generated from `koers --help`; do not edit.", ""]
    for path, command in [(["koers"], cli), *_commands(cli, ["koers"])]:
        ctx = click.Context(command, info_name=" ".join(path), terminal_width=100)
        parts += [f"## `{' '.join(path)}`", "", "```text", command.get_help(ctx), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(cli_reference(), end="")
