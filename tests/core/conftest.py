"""A SQLite file of its own for the tests of SQLite's write turns and kept log."""

import pytest
from django.db import connections

ALIAS = "sqlite_file"


@pytest.fixture
def sqlite_file(tmp_path, django_db_blocker):
    """A database alias on a SQLite file of its own, with the project's SQLite options
    (outside the test database: no test transaction may hide the turns)."""
    default = connections["default"].settings_dict
    if default["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    path = tmp_path / "own.sqlite3"
    connections.settings[ALIAS] = {**default, "NAME": str(path)}
    with django_db_blocker.unblock():
        yield path
    connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]
