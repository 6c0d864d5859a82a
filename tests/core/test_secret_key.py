"""The installation's secret key file: made once, private, shared by processes that start
together."""

import stat
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from fairmatch.core.secret_key import read_or_create_secret_key

READ_KEY = "import sys, pathlib; from fairmatch.core.secret_key import read_or_create_secret_key; "
READ_KEY += "print(read_or_create_secret_key(pathlib.Path(sys.argv[1])))"


def test_the_key_is_made_once_and_only_its_owner_can_read_it(tmp_path):
    path = tmp_path / "var" / "secret_key"
    key = read_or_create_secret_key(path)
    assert len(key) == 86  # 64 random bytes, URL-safe base64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_or_create_secret_key(path) == key
    assert sorted(p.name for p in path.parent.iterdir()) == ["secret_key"]


def test_an_existing_key_is_kept(tmp_path):
    path = tmp_path / "secret_key"
    path.write_text("an-operator-chosen-key\n")
    assert read_or_create_secret_key(path) == "an-operator-chosen-key"


def test_an_empty_key_file_is_refused(tmp_path):
    path = tmp_path / "secret_key"
    path.write_text("\n")
    with pytest.raises(ImproperlyConfigured, match="is empty"):
        read_or_create_secret_key(path)


def test_processes_starting_together_agree_on_one_key(tmp_path):
    path = tmp_path / "secret_key"
    processes = [
        subprocess.Popen([sys.executable, "-c", READ_KEY, str(path)], stdout=subprocess.PIPE)
        for _ in range(6)
    ]
    keys = {process.communicate(timeout=60)[0].decode().strip() for process in processes}
    assert keys == {path.read_text().strip()}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret_key"]
