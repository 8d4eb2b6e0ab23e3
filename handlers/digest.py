"""``/backlinks digest on | off | now | <weekday> [HH:MM] | #channel | settings | target N[-M] | daily on|off | tz ZONE |
discovery on|off``.

Parsing (:func:`parse_digest_args`), applying (:func:`apply_digest_command`, runs on the store thread)
and the settings text (:func:`settings_text`) are plain functions; the Slack handler only glues them.
The digest's language follows whoever last configured it (``cmd.lang``); a workspace that never
configures anything gets English and the installing user's time zone.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Sequence

from bot.errors import UserInputError
from bot.i18n import t
from bot.plural import tn
from storage import digest_repo
from storage.digest_repo import DigestSettings, normalise_time, parse_iso, zone_or_none

log = logging.getLogger(__name__)

WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate(
    [
        ("monday", "mon", "maandag", "ma"),
        ("tuesday", "tue", "tues", "dinsdag", "di"),
        ("wednesday", "wed", "woensdag", "wo"),
        ("thursday", "thu", "thur", "thurs", "donderdag", "do"),
        ("friday", "fri", "vrijdag", "vr"),
        ("saturday", "sat", "zaterdag", "za"),
        ("sunday", "sun", "zondag", "zo"),
    ]
):
    for _name in _names:
        WEEKDAYS[_name] = _index

ON = {"on", "aan", "yes", "ja", "enable", "start"}
OFF = {"off", "uit", "no", "nee", "disable", "stop"}
DISCOVERY_WORDS = {"discovery", "discover", "ontdekken", "ontdek", "zoeken"}


@dataclass(frozen=True)
class DigestCommand:
    action: str  # settings | on | off | now | schedule | channel | target | daily | tz | discovery
    weekday: int | None = None
    time: str | None = None
    channel: str | None = None
    target: tuple[int, int] | None = None
    flag: bool | None = None
    tz: str | None = None


def _channel_id(token: str) -> str | None:
    import re

    match = re.fullmatch(r"<#([CG][A-Z0-9]+)(?:\|[^>]*)?>", token.strip())
    return match.group(1) if match else None


def parse_digest_args(args: Sequence[str], lang: str = "en") -> DigestCommand:
    """What ``/backlinks digest <args>`` asks for; UserInputError (one sentence, in ``lang``) if unclear."""
    words = [a.strip() for a in args if a.strip()]
    if not words:
        return DigestCommand("settings")
    first = words[0].lower()
    rest = words[1:]
    if first in ("settings", "instellingen", "status") and not rest:
        return DigestCommand("settings")
    if first in ON and not rest:
        return DigestCommand("on")
    if first in OFF and not rest:
        return DigestCommand("off")
    if first in ("now", "nu") and not rest:
        return DigestCommand("now")
    if _channel_id(words[0]) and not rest:
        return DigestCommand("channel", channel=_channel_id(words[0]))
    if first in ("target", "doel"):
        return DigestCommand("target", target=_parse_target(rest, lang))
    if first in ("daily", "dagelijks") and len(rest) == 1 and rest[0].lower() in ON | OFF:
        return DigestCommand("daily", flag=rest[0].lower() in ON)
    if first in DISCOVERY_WORDS and len(rest) == 1 and rest[0].lower() in ON | OFF:
        return DigestCommand("discovery", flag=rest[0].lower() in ON)
    if first in ("tz", "timezone", "tijdzone") and len(rest) == 1:
        if zone_or_none(rest[0]) is None:
            raise UserInputError(t("digest.cmd.bad_tz", lang, value=rest[0]))
        return DigestCommand("tz", tz=zone_or_none(rest[0]).key)  # type: ignore[union-attr]
    weekday = WEEKDAYS.get(first.rstrip(","))
    if weekday is not None and len(rest) <= 1:
        time = _parse_time(rest[0], lang) if rest else None
        return DigestCommand("schedule", weekday=weekday, time=time)
    if len(words) == 1 and any(ch.isdigit() for ch in first):
        return DigestCommand("schedule", time=_parse_time(first, lang))
    raise UserInputError(t("digest.cmd.usage", lang))


def _parse_time(text: str, lang: str) -> str:
    try:
        return normalise_time(text)
    except UserInputError:
        raise UserInputError(t("digest.cmd.bad_time", lang, value=text)) from None


def _parse_target(rest: Sequence[str], lang: str) -> tuple[int, int]:
    text = "".join(rest).replace("–", "-")
    try:
        if "-" in text:
            low_s, high_s = text.split("-", 1)
            low, high = int(low_s), int(high_s)
        else:
            low = high = int(text)
    except ValueError:
        raise UserInputError(t("digest.cmd.bad_target", lang)) from None
    if not (0 <= low <= 1000 and 0 <= high <= 1000):
        raise UserInputError(t("digest.cmd.bad_target", lang))
    return (min(low, high), max(low, high))


def apply_digest_command(
    db: Any, team_id: str, command: DigestCommand, *, now: datetime, lang: str, tz_hint: str | None = None
) -> DigestSettings:
    """Store what ``command`` changes (settings/now change nothing); returns the settings after."""
    digest_repo.ensure_settings(db, team_id, now=now, tz=tz_hint, lang=lang)
    if tz_hint:
        digest_repo.set_tz_if_unset(db, team_id, tz_hint)  # the first person to configure it, if unknown
    if command.action == "discovery":
        from storage import discovery_schedule_repo

        discovery_schedule_repo.set_enabled(db, team_id, bool(command.flag), now=now)
        return digest_repo.get_settings(db, team_id)  # type: ignore[return-value]
    changes: dict[str, Any] = {}
    if command.action == "on":
        changes["enabled"] = True
    elif command.action == "off":
        changes["enabled"] = False
    elif command.action == "schedule":
        if command.weekday is not None:
            changes["weekday"] = command.weekday
        if command.time is not None:
            changes["time"] = command.time
    elif command.action == "channel":
        changes["channel_id"] = command.channel
    elif command.action == "target" and command.target:
        changes["target_min"], changes["target_max"] = command.target
    elif command.action == "daily":
        changes["daily_recheck"] = bool(command.flag)
    elif command.action == "tz":
        changes["tz"] = command.tz
    if not changes:
        return digest_repo.get_settings(db, team_id)  # type: ignore[return-value]
    changes["lang"] = lang if lang in ("en", "nl") else "en"
    return digest_repo.update_settings(db, team_id, now=now, **changes)


def when_text(settings: DigestSettings, lang: str) -> str:
    return t("digest.when", lang, weekday=t(f"digest.weekday.{settings.weekday}", lang), time=settings.time)


def channel_text(settings: DigestSettings, lang: str) -> str:
    return f"<#{settings.channel_id}>" if settings.channel_id else t("digest.cmd.each_site_channel", lang)


def error_words(code: str | None, channel: str | None, lang: str) -> str:
    """A ledger/Slack error code in words (with the channel when it matters)."""
    if not code:
        return ""
    where = f"<#{channel}>" if channel else "?"
    key = f"digest.error.{code}"
    try:
        return t(key, lang, channel=where)
    except KeyError:
        return t("digest.error.other", lang, code=code)


def discovery_lines(settings: DigestSettings, state: Any, run: Any, *, now: datetime, lang: str) -> list[str]:
    """The scheduled discovery's lines of ``digest settings``: on/off and when next, the last attempt
    with its outcome (pages read and new links when it ran, the error in words when it failed)."""
    from bot.scheduler.discovery import discovery_time
    from bot.scheduler.slots import next_slot

    if state.enabled:
        weekday, hour, minute = discovery_time(settings, settings.team_id)
        upcoming = next_slot(now, weekday, hour, minute, settings.zone).at
        lines = [t("digest.settings.discovery_on", lang, next=upcoming.strftime("%Y-%m-%d %H:%M"))]
    else:
        lines = [t("digest.settings.discovery_off", lang)]
    if not state.last_at:
        lines.append(t("digest.settings.discovery_never", lang))
        return lines
    try:
        outcome = t(f"digest.discovery.{state.last_outcome}", lang)
    except KeyError:
        outcome = state.last_outcome or "?"
    if state.last_outcome in ("done", "interrupted") and run is not None:
        outcome += t("digest.discovery.counts", lang, pages=run.pages, links=run.links_new)
    if state.last_error and state.last_outcome not in ("done", "running"):
        outcome += f" ({state.last_error})"
    at = parse_iso(state.last_at).astimezone(settings.zone).strftime("%Y-%m-%d %H:%M")
    lines.append(t("digest.settings.discovery_last", lang, at=at, outcome=outcome))
    return lines


def settings_text(
    settings: DigestSettings,
    sites: dict[int, str],
    rows: Sequence[dict[str, Any]],
    *,
    now: datetime,
    lang: str,
    discovery: Sequence[str] = (),
) -> str:
    """The ``digest settings`` answer: schedule, channel, target, last run and per-site state."""
    from bot.scheduler.slots import next_slot

    upcoming = next_slot(now, settings.weekday, settings.hour, settings.minute, settings.zone)
    on_off = t("digest.cmd.on_word" if settings.enabled else "digest.cmd.off_word", lang)
    lines = [
        t("digest.settings.title", lang),
        t(
            "digest.settings.body",
            lang,
            state=on_off,
            when=when_text(settings, lang),
            tz=settings.tz_name,
            channel=channel_text(settings, lang),
            low=settings.target_min,
            high=settings.target_max,
            daily=t("digest.cmd.on_word" if settings.daily_recheck else "digest.cmd.off_word", lang),
            next=upcoming.at.strftime("%Y-%m-%d %H:%M") if settings.enabled else "-",
        ),
    ]
    if settings.last_run_at:
        try:
            outcome = t(f"digest.outcome.{settings.last_outcome}", lang)
        except KeyError:
            outcome = settings.last_outcome or "?"
        at = parse_iso(settings.last_run_at).astimezone(settings.zone).strftime("%Y-%m-%d %H:%M")
        lines.append(t("digest.settings.last_run", lang, at=at, outcome=outcome))
    else:
        lines.append(t("digest.settings.never_run", lang))
    lines.extend(discovery)
    seen: set[int] = set()
    for row in rows:
        if row["site_id"] in seen or row["site_id"] not in sites:
            continue
        seen.add(row["site_id"])
        try:
            state = t(f"digest.outcome.{row['state']}", lang)
        except KeyError:
            state = row["state"]
        if row.get("error"):
            state += ": " + error_words(row["error"], row.get("channel_id"), lang)
        lines.append("• " + t("digest.settings.site_line", lang, site=sites[row["site_id"]], week=row["iso_week"], state=state))
    return "\n".join(lines)


def load_settings_view(db: Any, team_id: str, *, now: datetime, lang: str) -> str:
    """Everything :func:`settings_text` needs, read in one go on the store thread."""
    from bot.scheduler.ledger import ledger_rows

    from storage import discovery_schedule_repo
    from storage.discover_repo import get_run

    settings = digest_repo.ensure_settings(db, team_id, now=now, lang=lang)
    sites = {row["id"]: row["domain"] for row in digest_repo.digest_sites(db, team_id)}
    state = discovery_schedule_repo.get_state(db, team_id)
    run = get_run(db, team_id, state.last_run) if state.last_run is not None else None
    discovery = discovery_lines(settings, state, run, now=now, lang=lang)
    return settings_text(settings, sites, ledger_rows(db, team_id, limit=50), now=now, lang=lang, discovery=discovery)


def confirmation(command: DigestCommand, settings: DigestSettings, lang: str) -> str:
    if command.action == "on":
        return t("digest.cmd.on", lang, when=when_text(settings, lang), tz=settings.tz_name, channel=channel_text(settings, lang))
    if command.action == "off":
        return t("digest.cmd.off", lang)
    if command.action in ("schedule", "tz"):
        return t("digest.cmd.schedule", lang, when=when_text(settings, lang), tz=settings.tz_name)
    if command.action == "channel":
        return t("digest.cmd.channel", lang, channel=channel_text(settings, lang))
    if command.action == "target":
        return t("digest.cmd.target", lang, low=settings.target_min, high=settings.target_max)
    if command.action == "daily":
        return t("digest.cmd.daily", lang, state=t("digest.cmd.on_word" if settings.daily_recheck else "digest.cmd.off_word", lang))
    if command.action == "discovery":
        return t("digest.cmd.discovery_on" if command.flag else "digest.cmd.discovery_off", lang)
    return ""


# ------------------------------------------------------------------ Slack


async def _user_tz(cmd: Any) -> str | None:
    try:
        response = await cmd.client.users_info(user=cmd.user_id)
        return (response.get("user") or {}).get("tz")
    except Exception:
        return None


async def digest_handler(cmd: Any) -> None:
    """The ``/backlinks digest ...`` subcommand (registered in the router)."""
    from bot.scheduler.runner import DigestRunner
    from bot.scheduler.service import client_factory, scheduler_of
    from bot.slack.blocks import message

    command = parse_digest_args(cmd.args, cmd.lang)
    store = cmd.ctx.store
    now = datetime.now(timezone.utc)
    scheduler = scheduler_of(cmd.ctx)
    if command.action == "settings":
        text = await store.call(load_settings_view, cmd.team_id, now=now, lang=cmd.lang)
        await cmd.reply(message(text))
        return
    existing = await store.call(digest_repo.get_settings, cmd.team_id)
    tz_hint = None if existing is not None and existing.tz else await _user_tz(cmd)
    settings = await store.call(apply_digest_command, cmd.team_id, command, now=now, lang=cmd.lang, tz_hint=tz_hint)
    if command.action != "now":
        if scheduler is not None:
            await scheduler.reschedule(cmd.team_id)
        await cmd.reply(message(confirmation(command, settings, cmd.lang)))
        return
    sites = await store.call(digest_repo.digest_sites, cmd.team_id)
    if not sites:
        await cmd.reply(message(t("digest.cmd.now_none", cmd.lang)))
        return
    await cmd.reply(message(t("digest.cmd.now", cmd.lang)))
    if scheduler is not None:
        runner = scheduler.runner
    else:
        client = cmd.client

        async def client_for(team_id: str) -> Any:
            return client if team_id == cmd.team_id else await client_factory(cmd.ctx)(team_id)

        runner = DigestRunner(store, client_for=client_for)

    async def send_now() -> None:
        run = await runner.run_workspace_safely(cmd.team_id, force=True)
        if run.posted:
            await cmd.reply(message(tn("digest.cmd.now_done", cmd.lang, run.posted)))
        failures = [s for s in run.sites if s.result == "failed"]
        for failure in failures:
            await cmd.reply(message(f"{failure.site}: {error_words(failure.error, failure.channel, cmd.lang)}"))

    cmd.ctx.spawn(send_now(), name=f"digest-now-{cmd.team_id}")


def register(app: Any, ctx: Any) -> None:
    """Add the ``digest`` subcommand and start digests with the app (runner start-up hook)."""
    from bot.scheduler.service import startup_hook
    from handlers import router

    router.register("digest", digest_handler, usage_key="digest.usage", aliases=("overzicht",))
    try:
        from bot.slack import runner as slack_runner
    except ImportError:  # pragma: no cover - the Slack runner is part of the app
        return
    if startup_hook not in slack_runner.STARTUP_HOOKS:
        slack_runner.STARTUP_HOOKS.append(startup_hook)
