"""Serve a built site on 127.0.0.1 with gzip, as a real host would, for the benchmarks.

    python tests/benchmarks/serve.py site 8123
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import threading

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        import os
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not path.endswith(COMPRESSIBLE) or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io
        return io.BytesIO(body)


def start(site: str, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


if __name__ == "__main__":
    server, url = start(sys.argv[1] if len(sys.argv) > 1 else "site", int(sys.argv[2]) if len(sys.argv) > 2 else 8123)
    print(f"Serving {sys.argv[1] if len(sys.argv) > 1 else 'site'} with gzip at {url} (Ctrl+C to stop)")
    threading.Event().wait()
