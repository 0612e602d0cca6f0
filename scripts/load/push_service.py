"""A Web Push service on 127.0.0.1 for `make load` and the fault tests: it accepts every POST to
`/push/<name>` with 201 and records which endpoint got which body (the encrypted payload, which
the caller can decrypt with the device's keys). It can be told to refuse for a while: answer
with a status (500, 429 with `Retry-After`, 410) or hold each request and then refuse it, so a
test can kill a worker while its send is in flight without the push being accepted."""

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Receipt:
    at: float
    path: str
    body: bytes
    status: int  # what the service answered (only 201s were accepted)


class PushService(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.lock = threading.Lock()
        self.receipts: list[Receipt] = []
        # path -> statuses to answer in turn (the last one repeats); "*" for every path.
        self.scripts: dict[str, list[tuple[int, dict[str, str]]]] = {}
        self.holding = threading.Event()  # set while requests are held (see hold())
        self.held = 0
        self._thread: threading.Thread | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> "PushService":
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.holding.clear()
        self.shutdown()
        self.server_close()

    def answer(self, path: str, *statuses: tuple[int, dict[str, str]]) -> None:
        with self.lock:
            self.scripts[path] = list(statuses)

    def hold(self, on: bool) -> None:
        """While on, every POST waits (then gets 503, never accepted) until hold(False)."""
        if on:
            self.holding.set()
        else:
            self.holding.clear()

    def accepted(self) -> list[Receipt]:
        with self.lock:
            return [r for r in self.receipts if r.status == 201]

    def _next_status(self, path: str) -> tuple[int, dict[str, str]]:
        with self.lock:
            script = self.scripts.get(path) or self.scripts.get("*")
            if not script:
                return 201, {}
            return script.pop(0) if len(script) > 1 else script[0]


class _Handler(BaseHTTPRequestHandler):
    server: PushService
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, headers = 201, {}
        if self.server.holding.is_set():
            with self.server.lock:
                self.server.held += 1
            while self.server.holding.is_set():
                time.sleep(0.05)
            status = 503
        else:
            status, headers = self.server._next_status(self.path)
        with self.server.lock:
            self.server.receipts.append(Receipt(time.time(), self.path, body, status))
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except OSError:
            pass  # the sender died while we held it

    def log_message(self, *args: Any) -> None:
        pass
