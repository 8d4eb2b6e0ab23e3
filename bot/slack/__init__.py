"""The Slack surface: Bolt app factory (:mod:`bot.slack.app`), start-up and shutdown
(:mod:`bot.slack.runner`), OAuth installations (:mod:`bot.slack.installations`), Block Kit builders
(:mod:`bot.slack.blocks`), files (:mod:`bot.slack.files`), rate limits (:mod:`bot.slack.ratelimit`)
and throttled progress (:mod:`bot.slack.progress`). Listeners live in the top-level ``handlers``
package."""
