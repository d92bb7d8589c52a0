import click

from koers.cli.base import FORMAT_OPTION, echo_json, fail, setup_django


@click.group()
def tokens() -> None:
    """Issue, list and revoke API tokens (stored hashed; shown once)."""


@tokens.command("create")
@click.option("--user", "username", required=True, help="The Koers user the token acts for.")
@click.option(
    "--scope",
    type=click.Choice(["read", "deliver", "claims"]),
    default="read",
    show_default=True,
    help="read: only read; deliver: also upload and submit; claims: faunaschade claims, for a "
    "claims handler's account only. No token can approve or publish.",
)
@click.option("--province", help="Limit the token to one province (e.g. PV25).")
@click.option(
    "--expires",
    default=None,
    help="Lifetime, e.g. 90d or 12w (default KOERS_API_TOKEN_DAYS, at most "
    "KOERS_API_TOKEN_MAX_DAYS).",
)
@click.option("--name", default="", help="What the token is for, e.g. 'GIS-koppeling Gelderland'.")
@FORMAT_OPTION
def create(
    username: str,
    scope: str,
    province: str | None,
    expires: str | None,
    name: str,
    output_format: str,
) -> None:
    """Create a token and print it once; only its hash is kept."""
    setup_django()
    from koers.accounts.tokens import TokenError, issue_token, parse_lifetime, token_as_dict

    try:
        lifetime = parse_lifetime(expires) if expires else None
        row, text = issue_token(
            username, scope=scope, province=province, lifetime=lifetime, name=name
        )
    except TokenError as exc:
        fail(str(exc))
    if output_format == "json":
        echo_json({**token_as_dict(row), "token": text})
        return
    click.echo(text)
    click.echo(
        f"token {row.token_key}… for {username}: {scope}"
        f"{' ' + province if province else ''}, valid until {row.expiry:%Y-%m-%d %H:%M}. "
        "Store it now: Koers keeps only its hash.",
        err=True,
    )


@tokens.command("list")
@click.option("--user", "username", help="Only this user's tokens.")
@FORMAT_OPTION
def list_(username: str | None, output_format: str) -> None:
    """List tokens by key (their first characters), user, scope and expiry."""
    setup_django()
    from koers.accounts.tokens import token_as_dict, tokens

    rows = [token_as_dict(token) for token in tokens(username=username)]
    if output_format == "json":
        echo_json(rows)
        return
    for row in rows:
        state = "EXPIRED" if row["expired"] else f"until {row['expiry'][:10]}"
        click.echo(
            f"{row['key']:<16} {row['user']:<24} {row['scope']:<8} "
            f"{row['province'] or '-':<5} {state:<17} {row['name']}"
        )


@tokens.command("revoke")
@click.argument("key")
def revoke(key: str) -> None:
    """Revoke (delete) the token with this key, as `koers tokens list` shows it."""
    setup_django()
    from koers.accounts.tokens import TokenError, revoke_token

    try:
        token = revoke_token(key)
    except TokenError as exc:
        fail(str(exc))
    click.echo(f"token {token.token_key}… of {token.user} revoked")
