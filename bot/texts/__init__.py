"""Text catalogues, one module per area, each with ``TEXTS = {key: {"en": ..., "nl": ...}}``."""
