import sys

import click

from koers.cli.base import fail, setup_django

ROLE = click.option(
    "--role",
    required=True,
    type=click.Choice(
        [
            "programme_office",
            "theme_lead",
            "province_steward",
            "analyst",
            "reader",
            "claims_handler",
        ]
    ),
    help="What the account may do (docs/security.md, 'Roles').",
)
PROVINCE = click.option("--province", help="Province code, for a province steward (e.g. PV25).")
THEME = click.option(
    "--theme",
    "themes",
    multiple=True,
    help="Theme number for a theme lead (2.1; repeatable).",
)


@click.group()
def users() -> None:
    """Create local accounts and grant roles (the first account, and scripts)."""


@users.command("create")
@click.argument("username")
@ROLE
@PROVINCE
@THEME
@click.option("--email", default="", help="E-mail address.")
@click.option("--staff", is_flag=True, help="May also open the admin (/beheer/).")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input (scripts) instead of asking for it.",
)
def create(username, role, province, themes, email, staff, password_stdin) -> None:
    """Create a local account with one role; asks for its password twice."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    setup_django()
    from koers.accounts.users import AccountError, create_user

    try:
        create_user(
            username, password, role=role, province=province, themes=themes, email=email,
            staff=staff,
        )  # fmt: skip
    except AccountError as exc:
        fail(exc.message)
    click.echo(f"user {username} created as {role}; sign in at /inloggen")


@users.command("grant")
@click.argument("username")
@ROLE
@PROVINCE
@THEME
def grant(username, role, province, themes) -> None:
    """Give an existing account another role."""
    setup_django()
    from koers.accounts.users import AccountError, grant_role

    try:
        granted = grant_role(username, role, province=province, themes=themes)
    except AccountError as exc:
        fail(exc.message)
    click.echo(f"granted: {granted}")
