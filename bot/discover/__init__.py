"""Discovery: a polite crawl of the sites that matter, to find new backlinks and unlinked mentions.

- :mod:`bot.discover.sitemaps`: robots.txt ``Sitemap:`` lines, XML sitemaps and sitemap indexes
  (gzip too), ``lastmod``, RSS/Atom feeds found on a home page (pure parsers).
- :mod:`bot.discover.mentions`: brand and domain mentions in a page's text that are not linked to
  the site, with the sentence around them (pure).
- :mod:`bot.discover.watchlist`: which domains to read for a site (its referring domains, its
  competitors' referring domains, and what the user added).
- :mod:`bot.discover.crawl`: the async run (budgets, politeness per host incl. crawl-delay,
  conditional requests, resume after an interruption).
"""
