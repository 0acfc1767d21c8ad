"""Access control as one pure ASGI middleware: trusted Host names, API keys, a concurrency cap.

Pure ASGI (not BaseHTTPMiddleware) so streamed exports pass through untouched and a request holds
its slot until its last byte is sent. Order inside: Host (400), then key (401), then the cap (429).
Open without a key: /health and the static documents (workbench assets, API docs, the OpenAPI
schema), which hold no graph data; the workbench asks for a key when the API answers 401.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from ipaddress import ip_address
from typing import Any

from fastapi import FastAPI
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
OPEN_PATHS = frozenset({"/health", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"})
OPEN_PREFIXES = ("/app/",)
BUSY_RETRY_AFTER_SECONDS = "1"


class AccessSettings(BaseSettings):
    """Who may call the API and how many requests run at once (CKG_* variables)."""

    model_config = SettingsConfigDict(env_prefix="CKG_", extra="ignore")

    api_keys: str = ""  # comma-separated; empty: no key needed
    allowed_hosts: str = ""  # comma-separated Host names; empty: the loopback names + api_host
    api_host: str = "127.0.0.1"  # the address `ckg serve` binds; trusted as a Host name too
    max_concurrent_requests: int = Field(32, ge=1)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(key.strip() for key in self.api_keys.split(",") if key.strip())

    @property
    def hosts(self) -> frozenset[str]:
        listed = [host.strip().lower() for host in self.allowed_hosts.split(",") if host.strip()]
        if listed:
            return frozenset(listed)
        bind = [] if is_wildcard(self.api_host) else [self.api_host.lower()]
        return frozenset([*LOOPBACK_NAMES, *bind])


def is_wildcard(host: str) -> bool:
    return host in ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    """True for localhost and the loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _host_name(headers: dict[bytes, bytes]) -> str:
    """The Host header without port or trailing dot, lower-cased; '' when absent."""
    host = headers.get(b"host", b"").decode("latin-1").strip().lower()
    if host.startswith("["):  # [::1]:8000
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0].rstrip(".") if host.count(":") == 1 else host.rstrip(".")


def _host_allowed(host: str, allowed: frozenset[str]) -> bool:
    if "*" in allowed or host in allowed:
        return True
    return any(pattern.startswith("*.") and host.endswith(pattern[1:]) for pattern in allowed)


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()


def _presented_key(headers: dict[bytes, bytes]) -> str | None:
    authorization = headers.get(b"authorization", b"").decode("latin-1")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    api_key = headers.get(b"x-api-key", b"").decode("latin-1").strip()
    return api_key or None


def _is_open(path: str) -> bool:
    return path in OPEN_PATHS or path == "/app" or path.startswith(OPEN_PREFIXES)


class AccessMiddleware:
    """Refuses untrusted Host names, requests without a valid key, and requests beyond the cap."""

    def __init__(self, app: ASGIApp, settings: AccessSettings) -> None:
        self.app = app
        self.hosts = settings.hosts
        # Compared as SHA-256 digests with hmac.compare_digest: equal lengths, constant time.
        self.key_digests = tuple(_digest(key) for key in settings.keys)
        self.max_in_flight = settings.max_concurrent_requests
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan; the API serves no WebSocket (Starlette closes them)
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = _host_name(headers)
        if not _host_allowed(host, self.hosts):
            detail = f"Host {host!r} is not allowed; list it in CKG_ALLOWED_HOSTS."
            await _answer(send, 400, detail)
            return
        if self.key_digests and not _is_open(scope["path"]) and not self._key_valid(headers):
            detail = "A valid API key is required: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY'."
            await _answer(send, 401, detail, {"WWW-Authenticate": "Bearer"})
            return
        if self.in_flight >= self.max_in_flight:
            detail = f"Too many concurrent requests (at most {self.max_in_flight}); retry shortly."
            await _answer(send, 429, detail, {"Retry-After": BUSY_RETRY_AFTER_SECONDS})
            return
        self.in_flight += 1  # one event loop: no lock needed
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1

    def _key_valid(self, headers: dict[bytes, bytes]) -> bool:
        presented = _presented_key(headers)
        if presented is None:
            return False
        digest = _digest(presented)
        matched = False
        for key_digest in self.key_digests:  # no early exit: time does not depend on which key
            matched |= hmac.compare_digest(digest, key_digest)
        return matched


async def _answer(send: Send, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    raw_headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw_headers += [(name.lower().encode(), value.encode()) for name, value in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


def register_security(app: FastAPI, settings: AccessSettings) -> None:
    """Install AccessMiddleware (register CORS after it, so CORS stays outermost for preflights)."""
    app.add_middleware(AccessMiddleware, settings=settings)
