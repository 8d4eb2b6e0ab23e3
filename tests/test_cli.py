import subprocess
import sys
import time

from bot.cli import main


def test_help_is_fast_and_lists_commands() -> None:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "bot", "--help"], capture_output=True, text=True, timeout=30)
    elapsed = time.perf_counter() - start
    assert proc.returncode == 0
    assert "backlinks" in proc.stdout
    # Generous bound: the real target (well under a second) is shown in bench/, not timed here.
    assert elapsed < 5


def test_no_command_prints_help(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main([]) == 2
