from __future__ import annotations

import os

import pytest
import sqlite_utils

from storage.db import connect


@pytest.fixture()
def db() -> sqlite_utils.Database:
    conn = connect(os.environ["BACKLINKS_DB"])
    yield conn
    conn.conn.close()
