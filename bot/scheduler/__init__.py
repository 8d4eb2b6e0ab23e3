"""Scheduled work: weekly digests (exactly once per workspace, site and ISO week) and rechecks.

- :mod:`bot.scheduler.slots`: which weekly slot is due, in the workspace's time zone (pure).
- :mod:`bot.scheduler.ledger`: the exactly-once claim/record protocol and the crash-recovery rule.
- :mod:`bot.scheduler.runner`: :class:`DigestRunner` decides, claims, builds, posts and records.
- :mod:`bot.scheduler.discovery`: :class:`ScheduledDiscovery`, the weekly discovery crawl ahead of the digest.
- :mod:`bot.scheduler.jobs`: :class:`DigestScheduler`, the APScheduler jobs rebuilt from our tables.
- :mod:`bot.scheduler.service`: wiring into the running Slack app.
"""
