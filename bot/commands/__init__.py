"""One module per ``backlinks`` subcommand (see :mod:`bot.cli`)."""
