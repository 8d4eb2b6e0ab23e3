"""Digest content computed from history (:mod:`bot.digest.compute`)."""
