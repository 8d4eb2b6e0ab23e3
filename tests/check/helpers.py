"""Pages and set-up shared by the check tests."""

from __future__ import annotations

from storage.backlinks import NewBacklink, add_backlinks
from storage.sites import add_site

FILLER = " ".join(["Backlinks help small shops be found; this paragraph is ordinary article text."] * 6)


def article(link: str | None = '<a href="https://site.nl/shop">Site shop</a>', *, head: str = "", title: str = "Post") -> str:
    """A blog post whose main text holds ``link`` (an ``<a>`` element, or None for no link)."""
    body = f"<p>{FILLER} Read more at {link}.</p>" if link else f"<p>{FILLER}</p>"
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/about'>About</a></nav></header>"
        f"<main><article><h1>{title}</h1>{body}<p>{FILLER}</p></article></main>"
        "<footer><a href='/contact'>Contact</a></footer></body></html>"
    )


def seed(db, team_id: str, domain: str, urls: list[str], found_by: str = "manual") -> None:  # type: ignore[no-untyped-def]
    add_site(db, team_id, domain)
    add_backlinks(db, team_id, domain, [NewBacklink(u) for u in urls], found_by=found_by)
