"""Who may write, and the headers and limits every answer carries.

Reading is open (the server binds 127.0.0.1 by default); every write needs
``Authorization: Bearer TOKEN`` with a token from ``$CLAMOR_TOKEN`` or a tokens file,
compared in constant time. The token names the reviewer stored in the audit trail.
"""

from __future__ import annotations

import hmac
import json
import os
from pathlib import Path

from clamor.errors import UsageError

#: Environment variable holding one write token (its reviewer: ``$CLAMOR_REVIEWER``).
TOKEN_ENV = "CLAMOR_TOKEN"
REVIEWER_ENV = "CLAMOR_REVIEWER"
DEFAULT_REVIEWER = "reviewer"

#: Shortest token accepted: 16 characters of a random string are beyond guessing over
#: HTTP; a shorter one is refused at start-up rather than silently weak.
MIN_TOKEN_LENGTH = 16

#: Largest request body accepted (bytes). A news article's HTML page is rarely over a few
#: hundred kilobytes; 2 MiB admits any real one and stops memory being filled by a client.
MAX_BODY_BYTES = 2 * 1024 * 1024


class TokenError(UsageError):
    """The write tokens (``$CLAMOR_TOKEN`` or the tokens file) are malformed."""


def load_tokens(path: str | os.PathLike | None = None,
                env: dict[str, str] | None = None) -> dict[str, str]:
    """token -> reviewer name, from ``$CLAMOR_TOKEN`` and the tokens file.

    The file has one ``TOKEN REVIEWER NAME`` per line (blank lines and ``#`` comments
    skipped).
    """
    env = os.environ if env is None else env
    tokens: dict[str, str] = {}
    if env.get(TOKEN_ENV):
        tokens[env[TOKEN_ENV].strip()] = env.get(REVIEWER_ENV) or DEFAULT_REVIEWER
    if path is not None:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise TokenError(f"{path}: cannot read the tokens file ({exc.strerror})") from None
        for n, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            token, _, name = line.partition(" ")
            if not name.strip():
                raise TokenError(f"{path}:{n}: expected 'TOKEN REVIEWER NAME'")
            tokens[token] = name.strip()
    for token in tokens:
        if len(token) < MIN_TOKEN_LENGTH:
            raise TokenError(f"a write token is shorter than {MIN_TOKEN_LENGTH} characters")
    return tokens


def reviewer_for(authorization: str | None, tokens: dict[str, str]) -> str | None:
    """The reviewer a ``Bearer`` header names, or None. Every token is compared, each in
    constant time, so the answer's timing says nothing about which one nearly matched."""
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        return None
    found = None
    for token, name in tokens.items():
        if hmac.compare_digest(given.strip().encode(), token.encode()):
            found = name
    return found


def content_security_policy(tile_url: str | None = None) -> str:
    """Scripts and styles from this server only (no inline script); images also from the
    tile server when one is configured."""
    images = "'self' data:"
    if tile_url:
        from urllib.parse import urlsplit

        parts = urlsplit(tile_url.replace("{s}", "a"))
        host = parts.netloc.replace("a.", "*.", 1) if "{s}" in tile_url else parts.netloc
        images += f" {parts.scheme}://{host}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src {images}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            "frame-ancestors 'none'; form-action 'self'")


class SecurityMiddleware:
    """Pure ASGI: refuses bodies over :data:`MAX_BODY_BYTES` (413) and adds the security
    headers to every answer."""

    def __init__(self, app, csp: str, max_body: int = MAX_BODY_BYTES):
        self.app = app
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
        ]
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", [])) + self.headers}
            await send(message)

        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            return await self._too_large(send_with_headers)
        body, more = b"", True
        messages = []
        while more and scope.get("method") in ("POST", "PUT", "PATCH"):
            message = await receive()
            if message["type"] != "http.request":
                messages.append(message)
                break
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_body:
                return await self._too_large(send_with_headers)
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            messages.insert(0, {"type": "http.request", "body": body, "more_body": False})

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send_with_headers)

    async def _too_large(self, send):
        payload = json.dumps({"error": f"request body larger than {self.max_body} bytes",
                              "status": 413}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})
