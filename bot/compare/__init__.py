"""Competitor comparison, link gap, anchor-text profile, toxic-link scoring, disavow and authority.

Pure decisions live in the modules (``gap``, ``compare``, ``anchors``, ``toxic``, ``disavow``); the
``*_for`` / ``compare_sites`` / ``toxic_scan`` / ``import_authority`` functions read the store.
Import from the submodules (this package keeps imports light for ``backlinks --help``).
"""
