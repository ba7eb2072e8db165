"""A browserless browser for the demo: follows redirects by hand, keeps cookies per
session, and fills in the simulator's login and consent forms, counting every trip to
Globus Auth's authorize endpoint. Python standard library only; it only ever connects
to 127.0.0.1 (on the port a URL names), whatever host name the URL carries."""

import http.client
import re
import time
import urllib.parse

AUTHORIZE_PATH = "/simulator/auth/v2/oauth2/authorize"


def hidden(html, name):
    """The value of the form field `name` in a page, or None."""
    m = re.search(r'name="%s"[^>]*?value="([^"]*)"' % re.escape(name), html)
    return m.group(1).replace("&amp;", "&") if m else None


class Browser:
    """One user's browser: a cookie jar and a connection per port, manual redirects.

    `port` is the portal's (or its proxy's); relative URLs go there. Absolute URLs go to
    the port they name, so the simulated Globus may run in another process. Cookies are
    kept per port: a real browser keys them by host name, and the portal (127.0.0.1) and
    the simulator (localhost) have different ones, but in the demo both names reach the
    same port, and its cookies stay in one jar as they always did."""

    def __init__(self, port, identity=None):
        self.port = port
        self.identity = identity
        self.jars = {port: {}}
        self.authorize_trips = 0
        self.conns = {}

    @property
    def cookies(self):
        """The cookies of the portal's port (its SESSION among them)."""
        return self.jars[self.port]

    @property
    def conn(self):
        return self.conns.get(self.port)

    @conn.setter
    def conn(self, value):
        # Kept for callers that drop the portal connection after an error (conn = None).
        if value is None:
            self.conns.pop(self.port, None)
        else:
            self.conns[self.port] = value

    def _connection(self, port):
        if port not in self.conns:
            self.conns[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        return self.conns[port]

    def request(self, method, url, form=None, headers=None):
        """One request, no redirect following. Returns (status, headers, body, ttfb_s, total_s)."""
        parts = urllib.parse.urlsplit(url)
        port = parts.port if parts.netloc else self.port
        jar = self.jars.setdefault(port, {})
        target = parts.path + ("?" + parts.query if parts.query else "")
        hdrs = {"Host": parts.netloc or "127.0.0.1:%d" % self.port, "Accept": "text/html"}
        if jar:
            hdrs["Cookie"] = "; ".join("%s=%s" % kv for kv in jar.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        hdrs.update(headers or {})
        start = time.perf_counter()
        conn = self._connection(port)
        try:
            conn.request(method, target, body=body, headers=hdrs)
            resp = conn.getresponse()
        except (http.client.HTTPException, OSError):
            # A kept-alive connection the server closed meanwhile: once more on a new one.
            self.conns.pop(port, None)
            conn = self._connection(port)
            conn.request(method, target, body=body, headers=hdrs)
            resp = conn.getresponse()
        ttfb = time.perf_counter() - start
        data = resp.read()
        total = time.perf_counter() - start
        for name, value in resp.getheaders():
            if name.lower() == "set-cookie":
                cookie = value.split(";", 1)[0]
                key, _, val = cookie.partition("=")
                if val:
                    jar[key.strip()] = val
                else:
                    jar.pop(key.strip(), None)
        if resp.getheader("Connection", "").lower() == "close":
            self.conns.pop(port, None)
        return resp.status, resp, data.decode("utf-8", "replace"), ttfb, total

    def navigate(self, method, url, form=None, max_steps=30):
        """Follows redirects and answers the simulator's login and consent pages the
        way a user would (log in as self.identity, press Allow). Returns the final
        (url, status, body)."""
        base = "http://127.0.0.1:%d" % self.port
        url = urllib.parse.urljoin(base, url)
        for _ in range(max_steps):
            if urllib.parse.urlsplit(url).path == AUTHORIZE_PATH:
                self.authorize_trips += 1
            status, resp, body, _, _ = self.request(method, url, form)
            if status in (301, 302, 303, 307):
                url = urllib.parse.urljoin(url, resp.getheader("Location"))
                method, form = "GET", None
                continue
            if 'name="authorization_id"' in body and 'name="identity"' in body:
                url = urllib.parse.urljoin(url, "/simulator/auth/v2/web/login")
                method = "POST"
                form = {"authorization_id": hidden(body, "authorization_id"),
                        "form_token": hidden(body, "form_token"), "identity": self.identity}
                continue
            if 'name="authorization_id"' in body and 'name="decision"' in body:
                url = urllib.parse.urljoin(url, "/simulator/auth/v2/web/consent")
                method = "POST"
                form = {"authorization_id": hidden(body, "authorization_id"),
                        "form_token": hidden(body, "form_token"), "decision": "allow"}
                continue
            return url, status, body
        raise RuntimeError("too many redirects from " + url)

    def login(self):
        """The real login flow: portal, simulator authorize, login form, consent form,
        callback. Returns the session's SESSION cookie (Spring Session); self.login_status keeps the status of
        the page the login landed on."""
        _, self.login_status, _ = self.navigate("GET", "/oauth2/authorization/globus")
        if "SESSION" not in self.cookies:
            raise RuntimeError("login left no session cookie")
        return self.cookies["SESSION"]


def bearer_token(port, identity, scope, client_id, client_secret):
    """A Transfer access token straight from the simulated Globus Auth (authorization
    code flow, as a confidential client), for requests that bypass the portal."""
    import base64
    import json
    redirect = "http://127.0.0.1:%d/login/oauth2/code/globus" % port
    query = urllib.parse.urlencode({"client_id": client_id, "redirect_uri": redirect, "response_type": "code",
                                    "scope": scope, "state": "bench"})
    b = Browser(port, identity)
    url = "http://127.0.0.1:%d%s?%s" % (port, AUTHORIZE_PATH, query)
    method, form = "GET", None
    for _ in range(10):
        status, resp, body, _, _ = b.request(method, url, form)
        if status in (302, 303):
            location = urllib.parse.urljoin(url, resp.getheader("Location"))
            if urllib.parse.urlsplit(location).path == "/login/oauth2/code/globus":
                code = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)["code"][0]
                break
            url, method, form = location, "GET", None
        elif 'name="identity"' in body:
            url, method = urllib.parse.urljoin(url, "/simulator/auth/v2/web/login"), "POST"
            form = {"authorization_id": hidden(body, "authorization_id"), "form_token": hidden(body, "form_token"),
                    "identity": identity}
        elif 'name="decision"' in body:
            url, method = urllib.parse.urljoin(url, "/simulator/auth/v2/web/consent"), "POST"
            form = {"authorization_id": hidden(body, "authorization_id"), "form_token": hidden(body, "form_token"),
                    "decision": "allow"}
        else:
            raise RuntimeError("unexpected page in the token flow: %d" % status)
    else:
        raise RuntimeError("no authorization code")
    basic = base64.b64encode(("%s:%s" % (client_id, client_secret)).encode()).decode()
    status, _, body, _, _ = b.request("POST", "/simulator/auth/v2/oauth2/token",
                                      {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect},
                                      {"Authorization": "Basic " + basic, "Accept": "application/json"})
    if status != 200:
        raise RuntimeError("token exchange failed: %d %s" % (status, body[:200]))
    doc = json.loads(body)
    for token in [doc] + doc.get("other_tokens", []):
        if token.get("resource_server") == "transfer.api.globus.org":
            return token["access_token"]
    raise RuntimeError("no transfer token in the answer")
