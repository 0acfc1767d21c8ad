"""Cross-origin reads, opt-in: CKG_CORS_ORIGINS lists the web origins allowed to call the API.

Nothing is allowed by default, so a page the analyst happens to visit cannot read a local API.
The API is read-only and sends no cookies: allowed origins may GET/HEAD with any request header
(an API key included), and read the X-Next-Cursor, Retry-After and Content-Disposition headers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

EXPOSED_HEADERS = ["X-Next-Cursor", "Retry-After", "Content-Disposition"]
PREFLIGHT_CACHE_SECONDS = 600


class CorsSettings(BaseSettings):
    """CKG_CORS_ORIGINS: comma-separated origins (`https://host[:port]`), or `*` for any origin."""

    model_config = SettingsConfigDict(env_prefix="CKG_CORS_", extra="ignore")

    origins: str = ""

    @field_validator("origins")
    @classmethod
    def _origins_only(cls, value: str) -> str:
        for origin in _split(value):
            parts = urlsplit(origin)
            if origin != "*" and not (
                parts.scheme in ("http", "https") and parts.netloc and not parts.path
                and not parts.query and not parts.fragment and "@" not in parts.netloc
            ):
                raise ValueError(
                    f"CKG_CORS_ORIGINS: {origin!r} is not an origin; write scheme://host[:port], "
                    "e.g. http://localhost:5173, or * for any origin"
                )
        return value

    @property
    def allowed_origins(self) -> list[str]:
        return _split(self.origins)


def _split(value: str) -> list[str]:
    # A trailing slash is a common slip (browsers send the origin without it): drop it.
    return [origin.strip().rstrip("/") for origin in value.split(",") if origin.strip()]


def register_cors(app: FastAPI, settings: CorsSettings) -> None:
    """Answer CORS preflights and mark responses readable by the allowed origins (none by default).

    Call it after every other add_middleware: the middleware added last is the outermost, and CORS
    must be outermost because a preflight carries no credentials (an API-key check would refuse
    it) and because error answers (401, 404, 413, 429) need the CORS headers too, so that the
    page can read them.
    """
    origins = settings.allowed_origins
    if not origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        allow_credentials=False,
        expose_headers=EXPOSED_HEADERS,
        max_age=PREFLIGHT_CACHE_SECONDS,
    )
