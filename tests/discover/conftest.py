from tests.localweb import local_web  # noqa: F401  (the fixture)
from tests.slack.conftest import slack  # noqa: F401  (the fake Slack fixture)
