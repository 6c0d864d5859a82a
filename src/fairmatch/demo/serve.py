"""Serving the demo: the web site plus one background task worker, stopped together."""

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

from django.core.management import call_command, get_commands

# The project's own worker command if there is one, else django-tasks-db's.
WORKER_COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("worker", ()),
    ("db_worker", ("--no-reload",)),
)


def worker_command() -> list[str] | None:
    """The command line that starts a task worker, or ``None`` when none is installed."""
    available = get_commands()
    for name, options in WORKER_COMMANDS:
        if name in available:
            return [sys.executable, "-m", "fairmatch", name, *options]
    return None


@contextmanager
def background_worker(*, out: TextIO) -> Iterator[subprocess.Popen[bytes] | None]:
    """Run a task worker process for as long as the block runs, and stop it afterwards."""
    command = worker_command()
    if command is None:
        out.write("No task worker command is installed; background tasks will wait.\n")
        yield None
        return
    process = subprocess.Popen(command)
    out.write(f"Task worker started (process {process.pid}: {' '.join(command[2:])}).\n")
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def fonts_in_background(*, out: TextIO) -> Iterator[None]:
    """Build the PDF fonts (about a minute of CPU, once per machine) at low priority while
    the site already serves; a PDF asked for meanwhile waits for its face's file lock."""
    process = subprocess.Popen(
        [sys.executable, "-m", "fairmatch", "pdf_fonts"],
        stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.nice(10),
    )
    out.write(f"Preparing the PDF fonts in the background (process {process.pid}).\n")
    try:
        yield
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait()


def serve(*, port: int, out: TextIO) -> None:
    """Serve the site at http://127.0.0.1:PORT with a task worker, until interrupted.

    Static files come from WhiteNoise (which finds them in the apps), so the site looks
    right whether or not DEBUG is on.
    """
    # A plain `kill` must stop the worker too: turn SIGTERM into the Ctrl-C path.
    previous_handler = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with background_worker(out=out), fonts_in_background(out=out):
            out.write(f"Serving the demo at http://127.0.0.1:{port}/ (Ctrl-C stops it).\n")
            out.flush()
            try:
                call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
            except KeyboardInterrupt:
                out.write("\nStopped.\n")
    finally:
        signal.signal(signal.SIGTERM, previous_handler)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
