"""Shared helpers for end-to-end tests: a real Streamlit server and Debian's Chromium."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

REPO_DIR = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Server:
    """A running Streamlit server: its base URL and process id."""

    url: str
    pid: int

    def rss_mb(self) -> float:
        """Resident memory of the server process, MB (Linux /proc)."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")


@contextmanager
def streamlit_process(
    timeout_s: float = 60.0,
    script: str = "streamlit_app.py",
    app_dir: Path = REPO_DIR,
    env: dict[str, str] | None = None,
):
    """Run ``streamlit run <script>`` from ``app_dir`` on a free local port; yield a Server.

    ``env`` adds environment variables (e.g. ``STREAMLIT_RUNNER_POST_SCRIPT_GC``).
    """
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    # The server's output goes to a file: a pipe nobody reads would block a long-running server.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            cmd,
            cwd=app_dir,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(proc, url, timeout_s, log)
            yield Server(url, proc.pid)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@contextmanager
def streamlit_server(
    timeout_s: float = 60.0, script: str = "streamlit_app.py", app_dir: Path = REPO_DIR
):
    """Run ``streamlit run <script>`` from ``app_dir`` on a free local port; yield its base URL."""
    with streamlit_process(timeout_s, script, app_dir) as server:
        yield server.url


def _wait_until_healthy(proc: subprocess.Popen, url: str, timeout_s: float, log) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            log.seek(0)
            out = log.read().decode(errors="replace")
            raise RuntimeError(f"Streamlit did not start on {url}:\n{out[-3000:]}")
        time.sleep(0.3)


def is_local(url: str) -> bool:
    """True for requests that stay on this machine (http(s) to localhost, data:, blob:...)."""
    parsed = urlparse(url)
    if parsed.scheme in {"data", "blob", "about", "chrome-extension", "file"}:
        return True
    return parsed.hostname in LOCAL_HOSTS
