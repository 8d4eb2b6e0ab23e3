"""Backlink discovery from Common Crawl.

- :mod:`bot.commoncrawl.graph`: referring domains of the wanted sites from the domain-level web graph
  (streamed: vertices, edges, ranks).
- :mod:`bot.commoncrawl.wat`: the per-file function, links to wanted domains from one WAT file.
- :mod:`bot.commoncrawl.local`: that function over many files in a process pool.
- :mod:`bot.commoncrawl.sparkjob`: the same function in a PySpark job (``jobs/commoncrawl_backlinks.py``).
- :mod:`bot.commoncrawl.output`: the partitioned result files and reading them back for ``backlinks import``.

Nothing here imports pyspark, pyarrow or fastwarc at import time.
"""
