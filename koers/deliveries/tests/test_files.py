"""Kept originals: written to a unique name, moved into place atomically, readable by us only."""

import stat
import subprocess
import sys
import textwrap

import pytest

from koers.deliveries.files import files_root, keep_original, stored_path
from koers.deliveries.models import StoredFile


def test_a_kept_original_is_mode_0600_and_leaves_no_partial_copy(db, tmp_path):
    upload = tmp_path / "upload.csv"
    upload.write_bytes(b"a,b\n1,2\n")
    stored = keep_original(upload)
    assert stat.S_IMODE(stored_path(stored.sha256).stat().st_mode) == 0o600
    assert stored_path(stored.sha256).read_bytes() == upload.read_bytes()
    assert [p.name for p in files_root().iterdir()] == [stored.sha256[:2]]


@pytest.mark.django_db(transaction=True)
def test_two_processes_storing_the_same_new_file_both_succeed(tmp_path, child_env):
    upload = tmp_path / "groot.csv"
    upload.write_bytes(b"x" * (64 << 20))  # large enough for the two copies to overlap
    go = tmp_path / "go"
    script = textwrap.dedent(
        f"""
        import django, os
        os.environ["DJANGO_SETTINGS_MODULE"] = "koers.settings"
        django.setup()
        from pathlib import Path
        from koers.deliveries.files import keep_original
        print("ready", flush=True)
        while not Path({str(go)!r}).exists():  # both start copying at the same moment
            pass
        print(keep_original(Path({str(upload)!r})).sha256)
        """
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", script],
            env=child_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(2)
    ]
    assert [child.stdout.readline().strip() for child in children] == ["ready", "ready"]
    go.touch()
    results = [(child.wait(), *child.communicate()) for child in children]
    assert [code for code, _, _ in results] == [0, 0], [err[-1500:] for _, _, err in results]
    (sha256,) = {out.strip() for _, out, _ in results}
    assert StoredFile.objects.get().sha256 == sha256
    assert stored_path(sha256).stat().st_size == 64 << 20
    assert not list(files_root().glob("*.part"))
