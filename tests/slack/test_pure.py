"""Pure parts of the Slack surface: routing, Slack markup, Block Kit builders at and beyond the limits,
throttled progress, per-channel pacing."""

from __future__ import annotations

import asyncio

import pytest

from bot.slack import blocks as bk
from bot.slack.progress import ThrottledProgress
from bot.slack.ratelimit import ChannelPacer
from handlers import router
from tests.fakeslack.blockkit import validate_blocks, validate_message, validate_view

NAMES = {"help", "track", "check", "faq", "lang"}


@pytest.mark.parametrize(
    "text, kind, name",
    [
        ("", "help", None),
        ("help", "help", None),
        ("check mysite.nl", "command", "check"),
        ("CHECK mysite.nl", "command", "check"),
        ("controleer mysite.nl", "command", "check"),
        ("is a nofollow link worth anything?", "faq", "faq"),
        ("hoe krijg ik meer backlinks", "faq", "faq"),
        ("chekc mysite.nl", "unknown", "chekc"),
        ("frobnicate", "unknown", "frobnicate"),
    ],
)
def test_route(text: str, kind: str, name: str | None) -> None:
    r = router.route(text, NAMES, {"controleer": "check"})
    assert (r.kind, r.name) == (kind, name)


def test_route_suggests_close_command() -> None:
    assert router.route("chekc x.nl", NAMES, {}).suggestion == "check"
    assert router.route("zzzz", NAMES, {}).suggestion is None


def test_slack_markup() -> None:
    assert router.unwrap("<http://mysite.nl|mysite.nl>") == "mysite.nl"
    assert router.unwrap("<https://blog.example/a|blog.example/a>", want_url=True) == "https://blog.example/a"
    assert router.unwrap("blog.example/a", want_url=True) == "https://blog.example/a"
    assert router.unwrap("mysite.nl", want_url=True) == "mysite.nl"
    assert router.channel_id("<#C0123|marketing>") == "C0123" and router.channel_id("#marketing") is None
    assert router.split_args("track <http://a.nl|a.nl>  <#C1|x>") == ["track", "<http://a.nl|a.nl>", "<#C1|x>"]
    assert router.is_url("https://a.nl") and router.is_url("a.nl/page") and not router.is_url("a.nl")


def test_sections_split_long_text_at_lines() -> None:
    text = "\n".join(f"line {i} " + "x" * 90 for i in range(200))
    parts = bk.sections(text)
    assert len(parts) > 1
    assert all(len(p.text.text) <= 3000 for p in parts)
    assert "\n".join(p.text.text for p in parts) == text
    assert all(len(p.text.text) <= 3000 for p in bk.sections("y" * 7000))


def lost(i: int, **kw) -> dict:  # type: ignore[no-untyped-def]
    return {"source_url": f"https://site{i}.example/" + "p" * 150, "status": "lost", "reason": "link-removed",
            "kind": "dofollow", "follow": True, "placement": "content", "changes": [], **kw}


def test_check_result_with_huge_report_stays_valid_and_flags_csv() -> None:
    links = [lost(i) for i in range(500)] + [lost(1000 + i, status="live", changes=["anchor-changed"]) for i in range(300)]
    report = {"site": "mysite.nl", "checked": 800, "live": 300, "missing": 0, "lost": 500, "blocked": 3, "links": links}
    for lang in ("en", "nl"):
        msg, truncated = bk.check_result(lang, report)
        payload = msg.payload()
        assert truncated
        assert validate_message(payload) == []
        assert len(payload["blocks"]) <= 50


def test_lost_ordering_puts_counting_links_first() -> None:
    links = [lost(1, follow=False, kind="nofollow"), lost(2, placement="footer"), lost(3), lost(4, reason="unreachable")]
    order = [l["source_url"][:22] for l in sorted(links, key=bk.lost_priority)]
    assert order[0].startswith("https://site3") and order[-1].startswith("https://site1")


def test_home_view_and_modal_are_valid() -> None:
    rows = [{"domain": f"site{i}.nl", "role": "own", "live": i, "referring_domains": i, "lost_this_week": 0, "lost": 0,
             "blocked": 0, "last_check_at": None} for i in range(60)]
    view = bk.home_view("nl", rows).to_dict()
    assert validate_view(view) == [] and len(view["blocks"]) <= 100
    assert validate_view(bk.import_modal("en", "mysite.nl").to_dict()) == []
    assert validate_view(bk.import_modal("nl", "mysite.nl").to_dict()) == []


def test_faq_message_and_fake_validator_catch_problems() -> None:
    msg = bk.faq_message("en", True, "Answer " * 1000, [("t1", "A related question " * 10)] * 8, "`/backlinks anchors`")
    assert validate_message(msg.payload()) == []
    assert validate_blocks([{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}], 50)
    assert validate_blocks([{"type": "divider"}] * 51, 50)
    assert validate_blocks([{"type": "no-such-block"}], 50)
    assert validate_message({"blocks": [{"type": "divider"}]}) == ["no text fallback"]


async def test_throttled_progress_never_sends_more_often_than_interval() -> None:
    sent: list[tuple[float, int]] = []
    loop = asyncio.get_running_loop()

    async def send(done: int, total: int) -> None:
        sent.append((loop.time(), done))

    progress = ThrottledProgress(send, interval=0.1)
    started = loop.time()
    for i in range(60):
        progress.report(i, 60)
        await asyncio.sleep(0.01)
    elapsed = loop.time() - started
    await progress.close()
    progress.report(60, 60)  # after close: ignored
    await asyncio.sleep(0.15)
    assert 3 <= len(sent) <= elapsed / 0.1 + 1
    assert all(b[0] - a[0] >= 0.095 for a, b in zip(sent, sent[1:]))
    assert sent[-1][1] < 60


async def test_progress_from_another_thread_is_marshalled() -> None:
    got: list[int] = []

    async def send(done: int, total: int) -> None:
        got.append(done)

    progress = ThrottledProgress(send, interval=0.0)
    await asyncio.to_thread(progress.report, 5, 10)
    await asyncio.sleep(0.05)
    await progress.close()
    assert got == [5]


async def test_channel_pacer_spaces_posts_per_channel_only() -> None:
    pacer = ChannelPacer(0.05)
    loop = asyncio.get_running_loop()
    times: dict[str, list[float]] = {"A": [], "B": []}

    async def post(channel: str) -> None:
        await pacer.wait(channel)
        times[channel].append(loop.time())

    start = loop.time()
    await asyncio.gather(*(post("A") for _ in range(4)), post("B"))
    a = times["A"]
    assert all(y - x >= 0.045 for x, y in zip(a, a[1:]))
    assert times["B"][0] - start < 0.03


def test_bot_token_only_goes_to_slack() -> None:
    from bot.slack.files import token_may_go_to

    api = "https://slack.com/api/"
    assert token_may_go_to("https://files.slack.com/files-pri/T1-F1/a.csv", api)
    assert not token_may_go_to("https://evil.example/files.slack.com/a.csv", api)
    assert not token_may_go_to("https://slack.com.evil.example/a.csv", api)
    assert token_may_go_to("http://127.0.0.1:5000/files/F1/a.csv", "http://127.0.0.1:5000/api/")


def test_every_slack_text_has_dutch_and_english_with_the_same_placeholders() -> None:
    import string

    from bot.texts.slack import TEXTS

    def fields(template: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(template) if f}

    for key, variants in TEXTS.items():
        assert key.startswith("slack.")
        assert set(variants) == {"en", "nl"}, key
        assert fields(variants["en"]) == fields(variants["nl"]), key
        assert variants["en"].strip() and variants["nl"].strip(), key


def test_every_text_key_used_by_the_slack_surface_exists() -> None:
    import re
    from pathlib import Path

    from bot.i18n import catalogue

    root = Path(__file__).resolve().parents[2]
    known = catalogue()
    mine = ["help", "lang", "sites", "add", "check", "export", "imports", "home", "faq", "events", "router"]
    sources = [root / "handlers" / f"{m}.py" for m in mine] + sorted((root / "bot" / "slack").glob("*.py"))
    for path in sources:
        for key in re.findall(r'"(slack\.[a-z_.\-]+)"', path.read_text()):
            if key.endswith(".") or key == "slack.com":
                continue  # a prefix completed at run time (reasons, changes, placements)
            assert key in known, f"{path.name}: {key}"
    for reason in ("link-removed", "page-not-found", "redirected", "noindex", "canonical-elsewhere", "server-error",
                   "unreachable", "blocked", "blocked-address", "not-html", "too-large", "invalid-url"):
        assert f"slack.reason.{reason}" in known
    for change in ("nofollow-added", "follow-restored", "anchor-changed", "target-changed", "placement-changed"):
        assert f"slack.change.{change}" in known


def test_links_with_markup_characters_stay_links() -> None:
    assert bk.mrkdwn_link("https://a.example/?q=<x>&y|z") == "<https://a.example/?q=&lt;x&gt;&amp;y%7Cz|a.example/?q=&lt;x&gt;&amp;y|z>"
    assert bk.mrkdwn_link("https://www.blog.example/") == "<https://www.blog.example/|blog.example>"
