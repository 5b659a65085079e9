#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A small HTTP/1.1 server for the feed sync tests (stdlib only).

Serves the files below --root on 127.0.0.1 on a free port and writes the
port to --port-file (and stdout).  It answers as a feed server does:
ETag / If-None-Match and Last-Modified / If-Modified-Since (304),
Range / If-Range (206, 416).  --drop-after N cuts the first body that is
longer than N bytes after N bytes, once, to test resuming.  --pages
PATH=DIR serves DIR/<startIndex>.json for PATH?startIndex=..., as the NVD
CVE API pages its results; --redirect PATH=TARGET answers PATH with a
302 to TARGET.  Every request is logged as one line to --log:
the request line, then the headers a client's behaviour shows in, then
"-> STATUS".
"""

import argparse
import email.utils
import hashlib
import http.server
import os
import socket
import sys
import threading
import urllib.parse

LOGGED = ("Range", "If-Range", "If-None-Match", "If-Modified-Since",
          "User-Agent", "apiKey")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "tplc-test-httpd"
    sys_version = ""

    def log_message(self, fmt, *args):  # quiet on stderr
        pass

    def log_request_line(self, status):
        opts = self.server.opts
        if not opts.log:
            return
        parts = [self.requestline]
        for name in LOGGED:
            value = self.headers.get(name)
            if value is not None:
                parts.append("%s: %s" % (name, value))
        parts.append("-> %d" % status)
        with self.server.lock, open(opts.log, "a") as f:
            f.write(" | ".join(parts) + "\n")

    def reply(self, status, headers=(), body=b"", drop_after=None):
        self.log_request_line(status)
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "HEAD" or status == 304:
            return
        if drop_after is not None:
            self.wfile.write(body[:drop_after])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(body)

    def resolve(self):
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        query = urllib.parse.parse_qs(url.query)
        for prefix, folder in self.server.opts.pages:
            if path == prefix:
                start = query.get("startIndex", ["0"])[0]
                if not start.isdigit():
                    return None
                return os.path.join(folder, "%d.json" % int(start))
        full = os.path.normpath(os.path.join(self.server.opts.root,
                                             path.lstrip("/")))
        root = os.path.normpath(self.server.opts.root)
        if not full.startswith(root + os.sep):
            return None
        return full

    def do_GET(self):
        target = self.server.opts.redirect.get(
            urllib.parse.urlsplit(self.path).path)
        if target is not None:
            self.reply(302, [("Location", target)])
            return
        path = self.resolve()
        if path is None or not os.path.isfile(path):
            self.reply(404, [("Content-Type", "text/plain")], b"not found\n")
            return
        with open(path, "rb") as f:
            data = f.read()
        mtime = int(os.stat(path).st_mtime)
        etag = '"%s"' % hashlib.sha1(data).hexdigest()[:16]
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        validators = [("ETag", etag), ("Last-Modified", last_modified),
                      ("Accept-Ranges", "bytes")]

        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            if "*" in tags or etag in tags:
                self.reply(304, validators)
                return
        elif ims is not None:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError):
                since = None
            if since is not None and mtime <= since:
                self.reply(304, validators)
                return

        start, end = 0, len(data) - 1
        status = 200
        rng = self.headers.get("Range")
        if_range = self.headers.get("If-Range")
        if rng is not None and if_range not in (None, etag, last_modified):
            rng = None  # changed since: the whole entity
        if rng is not None and rng.startswith("bytes=") and "," not in rng:
            first, _, last = rng[6:].partition("-")
            if first.isdigit() and (last == "" or last.isdigit()):
                start = int(first)
                if last:
                    end = min(int(last), len(data) - 1)
                if start >= len(data) or end < start:
                    self.reply(416, [("Content-Range",
                                      "bytes */%d" % len(data))])
                    return
                status = 206
                validators.append(("Content-Range", "bytes %d-%d/%d" % (
                    start, end, len(data))))
        body = data[start:end + 1]

        drop = None
        opts = self.server.opts
        with self.server.lock:
            if opts.drop_after is not None and len(body) > opts.drop_after:
                drop = opts.drop_after
                opts.drop_after = None  # once
        self.reply(status, validators, body, drop)

    do_HEAD = do_GET


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("--port-file")
    ap.add_argument("--log")
    ap.add_argument("--drop-after", type=int)
    ap.add_argument("--pages", action="append", default=[],
                    metavar="PATH=DIR")
    ap.add_argument("--redirect", action="append", default=[],
                    metavar="PATH=TARGET")
    opts = ap.parse_args()
    opts.redirect = dict(r.split("=", 1) for r in opts.redirect)
    opts.pages = [tuple(p.split("=", 1)) for p in opts.pages]

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.opts = opts
    server.lock = threading.Lock()
    port = server.server_address[1]
    if opts.port_file:
        tmp = opts.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.rename(tmp, opts.port_file)
    print(port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
