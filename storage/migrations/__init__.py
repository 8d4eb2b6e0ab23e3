"""Schema migrations, one ``sqlite_utils.Migrations`` set per module (``MIGRATIONS``).

Sets are applied in module-name order (``m010_core``, ``m020_slack``, ...). A set never edits a
migration that has shipped: add a new function instead.
"""
