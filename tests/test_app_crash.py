"""Work survives `kill -9`: the real command in a pseudo-terminal, killed, then reopened."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest
from test_app_support import REPO, make_app, run_async, workspace

from tui.model import Status
from tui.store import recovery_path_for
from tui.widgets.dialogs import RestoreRecovery

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")


def _wait_for(predicate, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def _start_reader(article: Path, cwd: Path) -> tuple[subprocess.Popen, int, bytearray]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "PYTHONPATH": str(REPO), "TERM": "xterm-256color", "COLUMNS": "80"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tui", "read", str(article)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=cwd,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    output = bytearray()

    def drain() -> None:  # a full pty would block the app's writes
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.extend(chunk)

    threading.Thread(target=drain, daemon=True).start()
    return proc, master, output


@run_async
async def test_sigkill_loses_nothing(tmp_path: Path) -> None:
    article = workspace(tmp_path)
    annotation = tmp_path / "annotations" / "coree-du-nord-russie.yaml"
    recovery = recovery_path_for(annotation)
    proc, master, output = _start_reader(article, tmp_path)
    try:
        assert _wait_for(lambda: b"reviewed" in output), bytes(output[-2000:])
        time.sleep(0.5)  # let the app settle (first focus) before typing
        os.write(master, b"a")
        os.write(master, b"5")
        assert _wait_for(recovery.exists), "no recovery file was written"
        time.sleep(0.3)  # both edits (the recovery is rewritten after each)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        os.close(master)
    assert not annotation.exists()  # never saved
    assert recovery.exists()
    app = make_app(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RestoreRecovery)
        await pilot.press("r")
        await pilot.pause()
        first = app.session.current.claims[0]
        assert first.status is Status.CONFIRMED and first.credibility == 5
