"""A lab's webhook receiver for the demo compose file: checks each call's Standard
Webhooks signature (HMAC-SHA256 of "{id}.{timestamp}.{body}" with the key inside
WEBHOOK_SECRET), refuses stale timestamps, drops repeats of a webhook-id, logs what
came and lists it on GET /. Python's standard library only."""

import base64
import hashlib
import hmac
import html
import json
import os
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KEY = base64.b64decode(os.environ["WEBHOOK_SECRET"].removeprefix("whsec_"))
TOLERANCE = 300
seen = {}


def verified(msg_id, timestamp, signatures, body):
    try:
        if abs(time.time() - int(timestamp)) > TOLERANCE:
            return False
    except (TypeError, ValueError):
        return False
    expected = base64.b64encode(
        hmac.new(KEY, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
    return any(sig.startswith("v1,") and hmac.compare_digest(sig[3:], expected)
               for sig in (signatures or "").split(" "))


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        msg_id = self.headers.get("webhook-id")
        if not verified(msg_id, self.headers.get("webhook-timestamp"), self.headers.get("webhook-signature"), body):
            print(f"REFUSED {msg_id}: bad signature or timestamp", flush=True)
            self.send_response(401)
            self.end_headers()
            return
        if msg_id not in seen:
            event = json.loads(body)
            seen[msg_id] = event
            print(f"VERIFIED {msg_id} {event['type']} {event['data'].get('label')!r}", flush=True)
        self.send_response(204)
        self.end_headers()

    def do_GET(self):
        rows = "".join(f"<li><code>{html.escape(i)}</code> {html.escape(e['type'])}: "
                       f"{html.escape(str(e['data'].get('label')))}</li>" for i, e in seen.items())
        page = f"<!DOCTYPE html><title>Webhooks</title><h1>Verified webhooks</h1><ul>{rows}</ul>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("", 8090), Receiver).serve_forever()
