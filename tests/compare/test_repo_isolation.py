"""Every repository function of storage.compare_repo stays inside its workspace, even when handed
another workspace's site id; purging a workspace removes its comparison rows too."""

from __future__ import annotations

import pytest

from storage import compare_repo as repo
from storage.sites import add_site, require_site
from storage.workspace import purge_workspace
from tests.compare.helpers import L, put_links


def fill(db, team: str, ref: str) -> int:  # type: ignore[no-untyped-def]
    add_site(db, team, "mysite.nl")
    put_links(db, team, "mysite.nl", [L(f"https://{ref}/1", anchor=f"anchor {team}"), L(f"https://{ref}/2", status="lost")])
    site = require_site(db, team, "mysite.nl")
    repo.store_authority(db, team, "tranco", [(ref, 5, 90.0)])
    repo.mark_domain(db, team, site.id, ref, "disavow", reason=team)
    repo.save_page_signals(db, team, site.id, [repo.StoredSignals(f"https://{ref}/1", ref, "2026-11-25T00:00:00+00:00", "ok", {"words": 1})])
    return site.id


def test_every_function_is_scoped(db) -> None:  # type: ignore[no-untyped-def]
    a = fill(db, "TA", "a-ref.nl")
    b = fill(db, "TB", "b-ref.nl")
    # own data is seen
    assert [r.domain for r in repo.domain_rows(db, "TA", [a])] == ["a-ref.nl"]
    assert repo.linking_domains(db, "TA", a) == {"a-ref.nl"}
    assert repo.live_anchor_counts(db, "TA", a) == [("anchor TA", 1)]
    assert repo.event_counts(db, "TA", a, "2000-01-01") == (1, 1)
    assert {f.source_url for f in repo.link_facts(db, "TA", a)} == {"https://a-ref.nl/1"}
    assert repo.domain_source_urls(db, "TA", a, "a-ref.nl") == ["https://a-ref.nl/1", "https://a-ref.nl/2"]
    assert repo.workspace_referring_domains(db, "TA") == {"a-ref.nl"}
    assert set(repo.authority_for(db, "TA", ["a-ref.nl", "b-ref.nl"])) == {"a-ref.nl"}
    assert set(repo.list_marks(db, "TA", a)) == {"a-ref.nl"}
    assert set(repo.load_page_signals(db, "TA", a)) == {"https://a-ref.nl/1"}
    # another workspace's site id gives nothing
    assert repo.domain_rows(db, "TA", [b]) == []
    assert repo.linking_domains(db, "TA", b) == set() and repo.lost_domains(db, "TA", b) == set()
    assert repo.live_anchor_counts(db, "TA", b) == []
    assert repo.event_counts(db, "TA", b, "2000-01-01") == (0, 0)
    assert repo.link_facts(db, "TA", b, include_lost=True) == []
    assert repo.domain_source_urls(db, "TA", b, "b-ref.nl") == []
    assert repo.list_marks(db, "TA", b) == {} and repo.load_page_signals(db, "TA", b) == {}
    for fn in (repo.workspace_referring_domains, repo.authority_counts):
        with pytest.raises(ValueError):
            fn(db, "")
    # purging a workspace removes its comparison rows and leaves the other's
    purge_workspace(db, "TA")
    assert repo.authority_counts(db, "TA") == {} and repo.authority_counts(db, "TB") == {"tranco": 1}
    assert db.execute("SELECT COUNT(*) FROM toxic_marks WHERE team_id = 'TA'").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM page_signals WHERE team_id = 'TA'").fetchone()[0] == 0
    assert set(repo.list_marks(db, "TB", b)) == {"b-ref.nl"}
