"""A save killed at any moment leaves the old file or the new one, never a broken one.

A forked child process saves two different 10,000-claim sets in turn, forever; the test kills
it with SIGKILL at random moments, many times, and checks the file each time.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

from tui.model import (
    SOURCE_KINDS,
    AnnotationSet,
    ArticleMeta,
    Claim,
    Hop,
    Note,
    Source,
    Span,
    Status,
    body_sha256,
)
from tui.store import dump_annotations, load_annotations, save_annotations

KILLS = 21
CLAIMS = 10_000

PARAGRAPH = (
    "Selon une estimation récente des services de renseignements sud-coréens (NIS), la Corée "
    "du Nord aurait envoyé environ 15 000 travailleurs en Russie, a indiqué un responsable. "
    "« Nous ne confirmons rien », a déclaré un porte-parole du Kremlin.\n\n"
)


def big_set(body: str, seed: int, claims: int = CLAIMS) -> AnnotationSet:
    rng = random.Random(seed)
    sources = tuple(
        Source(f"s{i}", f"Source {i}", rng.choice(SOURCE_KINDS), (f"alias {i}",), rng.choice("ABF"))
        for i in range(40)
    )
    out = []
    for i in range(claims):
        start = rng.randrange(0, len(body) - 200)
        end = start + rng.randrange(20, 150)
        cue = rng.randrange(start, start + 10)
        out.append(
            Claim(
                f"c{i}",
                Span(start, end),
                cue=Span(cue, cue + 5),
                chain=(Hop(rng.choice(sources).id, Span(cue, cue + 3)), Hop(sources[0].id)),
                hedges=(Span(start + 2, start + 8),) if i % 3 == 0 else (),
                status=rng.choice(list(Status)),
                credibility=rng.choice([None, 1, 2, 3, 4, 5, 6]),
                notes=(Note(f"note {seed}/{i}\nline: two", "2026-11-24", "2026-11-25"),)
                if i % 2
                else (),
            )
        )
    meta = ArticleMeta(title=f"Set {seed}")
    return AnnotationSet("articles/big.txt", meta, body_sha256(body), sources, tuple(out))


def save_forever(
    first: AnnotationSet, second: AnnotationSet, body: str, path: Path, pipe: int
) -> None:
    """The child's loop. Each fsync is announced on `pipe` and stretched, so that the parent
    can kill the child inside the write / fsync / rename / fsync-folder sequence, not only
    while it builds the YAML text."""
    real_fsync = os.fsync

    def announced_fsync(fd: int) -> None:
        os.write(pipe, b"f")
        time.sleep(0.1)
        real_fsync(fd)

    os.fsync = announced_fsync  # in the child only: it is a forked copy of this process
    while True:
        save_annotations(first, body, path)
        save_annotations(second, body, path)


def start_saver(
    first: AnnotationSet, second: AnnotationSet, body: str, path: Path
) -> tuple[int, int]:
    """Fork a child that saves the two sets in turn; (pid, read end of its fsync pipe)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            os.close(read_end)
            save_forever(first, second, body, path, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    return pid, read_end


def test_killed_saves_leave_the_old_or_the_new_file(tmp_path: Path) -> None:
    started = time.monotonic()
    body = PARAGRAPH * 20
    old, new = big_set(body, 1), big_set(body, 2)
    path = tmp_path / "annotations" / "big.yaml"
    began = time.monotonic()
    save_annotations(old, body, path)
    one_save = time.monotonic() - began + 0.2  # in the child, with its two stretched fsyncs
    texts = {dump_annotations(old, body): old, dump_annotations(new, body): new}
    on_disk = old

    rng = random.Random(20261124)
    seen = set()
    for kill in range(KILLS):
        # The child first writes the set that is not on disk, so every kill can change it.
        other = new if on_disk is old else old
        pid, announced = start_saver(other, on_disk, body, path)
        try:
            # Kill at a random moment, or just after the file's fsync began (before the
            # rename), or just after the folder's fsync began (after the rename).
            fsyncs = kill % 3
            if fsyncs == 0:
                time.sleep(rng.uniform(0, one_save))
            for _ in range(fsyncs):
                assert os.read(announced, 1) == b"f", "the saving child died"
            time.sleep(rng.uniform(0, 0.05) if fsyncs else 0)
        finally:  # never leave a child saving forever, whatever failed
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            os.close(announced)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

        text = path.read_text(encoding="utf-8")
        assert text in texts, f"kill {kill}: the file is neither the old nor the new set"
        on_disk = texts[text]
        seen.add(on_disk.meta.title)
        if kill == 0:  # a full load takes seconds: once here, once at the end
            assert load_annotations(path, body).annotations == on_disk

    # Killed saves leave their temp files beside the file: they must not get in the way.
    leftovers = [p.name for p in path.parent.iterdir() if p.name != "big.yaml"]
    assert leftovers, "no kill landed between the write and the rename"
    assert all(name.startswith(".big.yaml.") and name.endswith(".tmp") for name in leftovers)
    assert [p.name for p in path.parent.glob("*.yaml")] == ["big.yaml"]
    assert seen == {old.meta.title, new.meta.title}
    assert load_annotations(path, body).annotations == on_disk
    assert time.monotonic() - started < 60, "keep this test fast"


def test_big_file_saves_and_loads_in_seconds(tmp_path: Path) -> None:
    body = PARAGRAPH * 20
    annotations = big_set(body, 3)
    path = tmp_path / "big.yaml"
    began = time.monotonic()
    save_annotations(annotations, body, path)
    saved = time.monotonic()
    loaded = load_annotations(path, body)
    done = time.monotonic()
    assert loaded.annotations == annotations
    assert loaded.report.anchoring.clean
    assert saved - began < 5 and done - saved < 8, (saved - began, done - saved)
