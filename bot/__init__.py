"""Backlink assistant for Slack: the application and its domain engine."""

__version__ = "0.1.0"
