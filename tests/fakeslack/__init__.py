"""An offline Slack for end-to-end tests of the bot (and of every feature that posts to Slack).

``FakeSlack`` is an aiohttp server on 127.0.0.1 (random port) that implements the Web API methods
the bot uses, records every call, validates every Block Kit payload, serves files, answers OAuth and
runs a Socket Mode websocket that the REAL ``AsyncSocketModeHandler`` connects to.

Typical use (see ``tests/slack/conftest.py`` for ready-made fixtures ``slack`` and ``bot``)::

    async with FakeSlack() as slack:                      # team T1: bot token slack.teams["T1"].bot_token
        env = {"SLACK_API_URL": slack.api_url, "SLACK_BOT_TOKEN": slack.teams["T1"].bot_token,
               "SLACK_APP_TOKEN": slack.app_token}
        ...start the bot (bot.slack.runner.start)...
        ack = await slack.slash("check mysite.nl")        # sends a slash_commands envelope, waits for the ack
        assert ack.elapsed < 3
        await slack.wait_for(lambda: slack.calls_to("chat.update"))
        assert slack.violations == []                      # every blocks payload was valid

What it offers:

* Web API (``POST/GET {api_url}<method>``, form or JSON, token in ``Authorization``): auth.test,
  chat.postMessage / chat.update / chat.postEphemeral (messages kept in ``slack.messages`` with
  every version), views.publish (``slack.home_views[user]``), views.open (``slack.opened_views``),
  users.info (locale with ``include_locale``), conversations.info / conversations.open,
  files.getUploadURLExternal + the upload URL + files.completeUploadExternal (``slack.files``),
  files.info, url_private downloads (bot token of the file's team required), apps.connections.open
  (``slack.app_token``), oauth.v2.access (``slack.oauth_codes[code] = (team, user)``). Unknown
  methods answer ``{"ok": true}``. Every call is a :class:`Call` in ``slack.calls``
  (``slack.calls_to(method, team_id)``).
* Failures: ``slack.fail(method, "not_in_channel", times=1)``, ``slack.rate_limit(method, times=2,
  retry_after=1)`` (HTTP 429 + Retry-After), an unknown token gets ``invalid_auth``; a channel added
  with ``Channel(id, is_member=False)`` answers ``not_in_channel``.
* Block Kit: blocks, views and response_url bodies are rebuilt with ``slack_sdk.models.blocks``
  and checked (50 blocks a message, 100 a view, 3000 characters a section, text fallback present);
  invalid ones are refused and listed in ``slack.violations``.
* Socket Mode: ``slack.slash(text, team=, user=, channel=)``, ``slack.event(event_dict, team=,
  event_id=, retry_attempt=)``, ``slack.action(action_id, value, ...)``, ``slack.submit_view(view,
  values)`` send envelopes and return the :class:`Ack` (with ``elapsed`` seconds);
  ``slack.acks`` keeps them all.
* ``response_url``: each payload carries one pointing at the fake; bodies land in ``slack.responses``.
* Teams: ``T1`` exists (users ``U1`` en-US admin, ``U2`` nl-NL); ``slack.add_team("T2")`` adds more.
  ``slack.upload_file(team, name, bytes)`` creates a file as if a user uploaded it.
* ``slack.clear()`` forgets what was recorded (between phases of a test); ``slack.texts()`` joins
  every text the bot showed, for quick ``in`` assertions.
* HTTP mode: ``sign``, ``form_body``, ``interactive_body`` and ``post_signed`` build and send
  signed requests to the bot's ``/slack/events``.
"""

from tests.fakeslack.server import (
    APP_TOKEN,
    Ack,
    Call,
    Channel,
    FakeSlack,
    File,
    Message,
    Team,
    User,
    form_body,
    interactive_body,
    post_signed,
    sign,
)

__all__ = [
    "APP_TOKEN", "Ack", "Call", "Channel", "FakeSlack", "File", "Message", "Team", "User",
    "form_body", "interactive_body", "post_signed", "sign",
]
