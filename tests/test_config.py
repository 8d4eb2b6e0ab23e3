import os
from pathlib import Path

import pytest

from bot.config import DEFAULT_SLACK_API_URL, Settings, load_dotenv_file
from bot.errors import ConfigError


def test_defaults() -> None:
    s = Settings.from_env({})
    assert s.slack_api_url == DEFAULT_SLACK_API_URL
    assert s.allow_private_networks is False
    assert s.port == 3000
    assert "http" in s.user_agent


def test_values_are_read_and_normalised() -> None:
    s = Settings.from_env(
        {"SLACK_API_URL": "http://127.0.0.1:9/api", "PORT": "8080", "BACKLINKS_ALLOW_PRIVATE_NETWORKS": "1", "SLACK_BOT_TOKEN": " xoxb-1 "}
    )
    assert s.slack_api_url == "http://127.0.0.1:9/api/"
    assert s.port == 8080 and s.allow_private_networks and s.slack_bot_token == "xoxb-1"


@pytest.mark.parametrize("port", ["abc", "0", "70000"])
def test_bad_port_is_one_sentence(port: str) -> None:
    with pytest.raises(ConfigError, match="PORT"):
        Settings.from_env({"PORT": port})


def test_dotenv_fills_missing_but_never_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("SLACK_BOT_TOKEN=xoxb-from-file\nBACKLINKS_USER_AGENT=FromFile\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BACKLINKS_USER_AGENT", "FromEnv")
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.setenv("BACKLINKS_DOTENV", "0")
    assert load_dotenv_file() is False and "SLACK_BOT_TOKEN" not in os.environ
    monkeypatch.setenv("BACKLINKS_DOTENV", "1")
    assert load_dotenv_file() is True
    assert os.environ["SLACK_BOT_TOKEN"] == "xoxb-from-file"
    assert os.environ["BACKLINKS_USER_AGENT"] == "FromEnv"
    monkeypatch.delenv("SLACK_BOT_TOKEN")


def test_dotenv_that_is_not_utf8_is_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from bot.cli import main

    (tmp_path / ".env").write_bytes(b"\xff\xfeP\x00=\x00")  # what Notepad saves as "Unicode"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BACKLINKS_DOTENV", "1")
    assert main(["sites"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "UTF-8" in err and err.count("\n") == 1
