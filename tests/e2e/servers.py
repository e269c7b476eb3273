"""Start the dashboard (or any Streamlit script) headless on a free loopback port: for tests and benchmarks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
APP_FILES = ("dashboard.py", "components", "data", "seeds", "static", ".streamlit")
SERVER_START_S = 90



def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    log_path: Path
    process: subprocess.Popen

    @property
    def origin(self) -> tuple[str, str]:
        return urlsplit(self.url)[:2]

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "_stcore/health", timeout=2) as response:  # loopback only
            return response.read().decode() == "ok"
    except OSError:
        return False


@contextmanager
def streamlit_server(app_dir: Path, log_path: Path, script: str = "dashboard.py",
                     extra_args: tuple[str, ...] = (), env: dict[str, str] | None = None) -> Iterator[Server]:
    """`streamlit run SCRIPT` from app_dir, headless on a free loopback port; stopped on exit."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", *extra_args]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=app_dir, stdout=log, stderr=subprocess.STDOUT,
                                   env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    server = Server(f"http://127.0.0.1:{port}/", log_path, process)
    try:
        deadline = time.monotonic() + SERVER_START_S
        while not _healthy(server.url):
            if process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {process.returncode}:\n{server.log()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamlit not healthy after {SERVER_START_S} s:\n{server.log()}")
            time.sleep(0.2)  # polling interval of the health check, not a wait on the page
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def copy_app(target: Path) -> Path:
    """A private copy of everything `streamlit run dashboard.py` reads, for tests that break its data."""
    target.mkdir(parents=True, exist_ok=True)
    for name in APP_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


