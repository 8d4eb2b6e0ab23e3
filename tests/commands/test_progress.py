import io

from bot.check.cli import ProgressBar


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only() -> None:
    tty = Tty()
    bar = ProgressBar("site.nl", tty, width=10)
    bar(0, 4)
    bar(4, 4)
    bar.close()
    text = tty.getvalue()
    assert "[..........] 0/4" in text and "[##########] 4/4" in text and text.endswith("\r")
    plain = io.StringIO()
    quiet = ProgressBar("site.nl", plain)
    quiet(1, 2)
    quiet.close()
    assert plain.getvalue() == ""
