"""Limits and defaults of the HTTP layer (one frozen object, so a run's settings are explicit)."""

from __future__ import annotations

import attrs

MB = 1024 * 1024


@attrs.frozen
class HttpSettings:
    #: seconds for one attempt, connect to last byte of the body
    timeout: float = 30.0
    #: extra attempts after the first, for transient failures (network errors, 429, 5xx)
    retries: int = 3
    #: first backoff delay in seconds; doubles per attempt, with jitter
    backoff: float = 0.5
    #: longest backoff between attempts when the server gives no Retry-After
    backoff_max: float = 10.0
    #: longest Retry-After we are willing to wait; a longer one ends the retries
    retry_after_max: float = 60.0
    #: requests in flight at once, over all hosts
    max_concurrency: int = 16
    #: requests in flight at once to one host (host:port), to be polite
    max_per_host: int = 4
    #: largest body read, after decompression
    max_bytes: int = 20 * MB
    max_redirects: int = 10
    #: how long a cached response is served before it is fetched again (None: forever)
    cache_ttl: float | None = 7 * 24 * 3600.0
    #: largest size of the cache database before old entries are evicted
    cache_max_bytes: int = 1024 * MB
    #: None: "claimcheck/<version>"
    user_agent: str | None = None
    #: worker processes extracting documents (trafilatura, pypdf); 0: in this process
    extract_processes: int = 0

    def __attrs_post_init__(self) -> None:
        if self.max_concurrency < 1 or self.max_per_host < 1:
            raise ValueError("max_concurrency and max_per_host must be at least 1")
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")
