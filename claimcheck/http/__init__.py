"""The HTTP and document layer verifiers use through ``ctx``.

``HttpPool`` is the shared client (cache, limits, retries, size caps, URL safety);
``Document`` is what ``fetch_text`` returns; ``Redactor`` keeps API keys out of output.
See docs/http.md. httpx, hishel, trafilatura and pypdf are imported only when first used.
"""

from claimcheck.http.documents import Document
from claimcheck.http.errors import (
    DocumentError,
    FetchError,
    HttpError,
    HttpStatusError,
    OfflineError,
    ResponseTooLarge,
    TooManyRedirects,
    UnsafePathError,
    UnsafeURLError,
    UnsupportedContent,
)
from claimcheck.http.pool import HttpPool
from claimcheck.http.response import LinkStatus, Response
from claimcheck.http.safety import check_url, has_scheme, resolve_local_path
from claimcheck.http.secrets import Redactor
from claimcheck.http.settings import HttpSettings

__all__ = [
    "Document",
    "DocumentError",
    "FetchError",
    "HttpError",
    "HttpPool",
    "HttpSettings",
    "HttpStatusError",
    "LinkStatus",
    "OfflineError",
    "Redactor",
    "Response",
    "ResponseTooLarge",
    "TooManyRedirects",
    "UnsafePathError",
    "UnsafeURLError",
    "UnsupportedContent",
    "check_url",
    "has_scheme",
    "resolve_local_path",
]
