"""The common part of the fake external services (the national portal's sync receiver, the
postal order API): a JSON-over-HTTP server on loopback, in a thread for tests or in the
foreground for the demo, with the fault switches every fake offers.

A subclass answers `respond(path, body, authorization) -> (HTTP status, JSON answer)`.
Switches: `fail_next` answers HTTP 500 that many times (`failure` is the body); `delay` sleeps
before answering, a timeout for a client that waits less."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LoopbackJSONServer:
    failure: dict = {"message": "internal error"}

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0):
        self.requests: list[dict] = []
        self.fail_next = 0
        self.delay = 0.0
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer((host, port), self._handler())
        self.server.daemon_threads = True

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def respond(self, path: str, body: dict, authorization: str) -> tuple[int, dict]:
        raise NotImplementedError

    def answer(self, path: str, body: dict, authorization: str) -> tuple[int, dict]:
        """One request, serialised: the fakes keep state that tests read."""
        with self._lock:
            self.requests.append(body)
            if self.fail_next > 0:
                self.fail_next -= 1
                return 500, self.failure
            return self.respond(path, body, authorization)

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                try:
                    body = json.loads(self.rfile.read(length).decode("utf-8"))
                except ValueError:
                    body = {}
                if fake.delay:
                    time.sleep(fake.delay)
                status, answer = fake.answer(self.path, body if isinstance(body, dict) else {},
                                             self.headers.get("Authorization", ""))
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):  # quiet in tests; the commands print their own lines
                pass

        return Handler
