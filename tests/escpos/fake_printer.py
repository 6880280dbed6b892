"""A thermal printer on 127.0.0.1 (a free port) that collects the bytes of every job.

Like a networked Epson-compatible printer it answers a paper status query
(DLE EOT 4) sent at the start of a connection, unless it is ``silent``; its
``paper`` byte says whether paper is loaded.
"""

from __future__ import annotations

import socket
import threading
import time

PAPER_OK = 0x12
PAPER_OUT = 0x12 | 0x60
PAPER_LOW = 0x12 | 0x0C
QUERY = b"\x10\x04\x04"


class FakePrinter:
    def __init__(self, paper: int = PAPER_OK, silent: bool = False) -> None:
        self.paper = paper
        self.silent = silent
        self.jobs: list[bytes] = []             # in the order the connections were opened
        self._by_order: dict[int, bytes] = {}
        self._accepted = 0
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(8)
        self.port = self._server.getsockname()[1]
        self._done = threading.Condition()
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            order, self._accepted = self._accepted, self._accepted + 1
            threading.Thread(target=self._job, args=(conn, order), daemon=True).start()

    def _job(self, conn: socket.socket, order: int) -> None:
        data = bytearray()
        answered = 0
        with conn:
            conn.settimeout(5)
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
                # answer each status query at the start of the connection, as it arrives
                while not self.silent and data[answered * 3:answered * 3 + 3] == QUERY:
                    conn.sendall(bytes([self.paper]))
                    answered += 1
        with self._done:
            # each connection has its own thread: a later one may finish first, the list keeps the order sent
            self._by_order[order] = bytes(data[answered * 3:])
            self.jobs = [self._by_order[i] for i in sorted(self._by_order)]
            self._done.notify_all()

    def wait(self, count: int = 1, timeout: float = 5.0) -> list[bytes]:
        """The jobs once ``count`` have arrived (the connection closed)."""
        end = time.monotonic() + timeout
        with self._done:
            while len(self.jobs) < count:
                left = end - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"the printer got {len(self.jobs)} jobs, not {count}")
                self._done.wait(left)
            return list(self.jobs)

    def close(self) -> None:
        self._stop = True
        self._server.close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connection refused)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port
