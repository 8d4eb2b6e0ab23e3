"""Texts shared by every surface."""

TEXTS: dict[str, dict[str, str]] = {
    "common.error_prefix": {"en": "error", "nl": "fout"},
}
