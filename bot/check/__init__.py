"""Checking backlinks: the status model (:mod:`bot.check.status`, pure) and the concurrent engine
(:mod:`bot.check.engine`: ``check_site``)."""
