"""Block Kit validation used by the fake Slack: every message, view and response the bot sends is
rebuilt with slack_sdk's block classes (``Block.parse(...).to_dict()`` runs their validators) and
checked against Slack's limits, so an invalid payload fails the test that caused it."""

from __future__ import annotations

import json
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block

MESSAGE_BLOCK_LIMIT = 50
VIEW_BLOCK_LIMIT = 100
SECTION_TEXT_LIMIT = 3000
TEXT_LIMIT = 40000


def _loads(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def validate_blocks(blocks: Any, limit: int) -> list[str]:
    """Problems with ``blocks`` (a list of dicts or its JSON), empty when valid."""
    blocks = _loads(blocks)
    if blocks is None:
        return []
    if not isinstance(blocks, list):
        return [f"blocks is not a list: {type(blocks).__name__}"]
    problems = []
    if len(blocks) > limit:
        problems.append(f"{len(blocks)} blocks (limit {limit})")
    for i, raw in enumerate(blocks):
        if not isinstance(raw, dict):
            problems.append(f"block {i} is not an object")
            continue
        try:
            parsed = Block.parse(raw)
            if parsed is None:
                problems.append(f"block {i}: unknown type {raw.get('type')!r}")
                continue
            parsed.to_dict()
        except (SlackObjectFormationError, KeyError, TypeError, ValueError) as err:
            problems.append(f"block {i} ({raw.get('type')}): {err}")
            continue
        for element in raw.get("elements") or []:
            problems += [f"block {i}: {p}" for p in _confirm_problems(element.get("confirm") if isinstance(element, dict) else None)]
        if raw.get("type") == "section":
            text = (raw.get("text") or {}).get("text") or ""
            if len(text) > SECTION_TEXT_LIMIT:
                problems.append(f"block {i}: section text of {len(text)} characters")
            if not text and not raw.get("fields"):
                problems.append(f"block {i}: empty section")
    return problems


def _confirm_problems(confirm: Any) -> list[str]:
    """A ``confirm`` object needs title (<=100), text (<=300), confirm and deny (<=30 each)."""
    if confirm is None:
        return []
    if not isinstance(confirm, dict):
        return ["confirm is not an object"]
    problems = []
    for key, limit in (("title", 100), ("text", 300), ("confirm", 30), ("deny", 30)):
        text = (confirm.get(key) or {}).get("text") if isinstance(confirm.get(key), dict) else None
        if not text:
            problems.append(f"confirm without {key}")
        elif len(text) > limit:
            problems.append(f"confirm {key} of {len(text)} characters (limit {limit})")
    if confirm.get("style") not in (None, "danger", "primary"):
        problems.append(f"confirm style {confirm.get('style')!r}")
    return problems


def validate_message(params: dict[str, Any]) -> list[str]:
    """A chat.postMessage / chat.update / chat.postEphemeral / response_url payload."""
    blocks = _loads(params.get("blocks"))
    problems = validate_blocks(blocks, MESSAGE_BLOCK_LIMIT)
    text = params.get("text")
    if not text or not str(text).strip():
        problems.append("no text fallback")
    elif len(str(text)) > TEXT_LIMIT:
        problems.append(f"text of {len(str(text))} characters")
    return problems


def validate_view(view: Any) -> list[str]:
    """A views.publish / views.open payload."""
    view = _loads(view)
    if not isinstance(view, dict):
        return ["view is not an object"]
    kind = view.get("type")
    if kind not in ("home", "modal"):
        return [f"view type {kind!r}"]
    problems = validate_blocks(view.get("blocks") or [], VIEW_BLOCK_LIMIT)
    if kind == "modal":
        title = (view.get("title") or {}).get("text") or ""
        if not title or len(title) > 24:
            problems.append(f"modal title {title!r} (1-24 characters)")
        for key in ("submit", "close"):
            text = (view.get(key) or {}).get("text") or ""
            if len(text) > 24:
                problems.append(f"modal {key} {text!r} over 24 characters")
    try:
        from slack_sdk.models.views import View

        View(**{k: v for k, v in view.items() if k in ("type", "title", "blocks", "close", "submit", "private_metadata", "callback_id", "external_id", "clear_on_close", "notify_on_close")}).to_dict()
    except (SlackObjectFormationError, TypeError) as err:
        problems.append(f"view: {err}")
    return problems
