"""What the fault tests share: a Redis of their own, and waiting with a deadline."""

import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(what: str, done: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {timeout:.0f} s")
        time.sleep(0.05)  # a real server starting: there is no clock to freeze


class RedisServer:
    def __init__(self, base: Path) -> None:
        self.base = base
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _pings(self) -> bool:
        try:
            return bool(redis.Redis(port=self.port, socket_connect_timeout=0.2).ping())
        except redis.ConnectionError:
            return False

    def start(self) -> None:
        command = [shutil.which("redis-server") or "/usr/bin/redis-server"]
        command += ["--port", str(self.port)]
        command += ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [*command, "--dir", str(self.base)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for("redis-server to answer", self._pings)

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()  # a crash, not a shutdown: nothing saved
            self.process.wait(10)
            self.process = None
        wait_for("redis-server to go away", lambda: not self._pings())


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    if not (shutil.which("redis-server") or Path("/usr/bin/redis-server").exists()):
        pytest.fail("redis-server is missing: install Debian's redis-server package")
    server = RedisServer(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()
