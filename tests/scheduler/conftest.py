from tests.localweb import local_web  # noqa: F401  (the fixture)
