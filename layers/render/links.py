"""Which data text may become a clickable link: only an absolute http(s) URL with a host."""

import math
from urllib.parse import urlsplit


def is_http_url(value: object) -> bool:
    """True for text that is an ``http://`` or ``https://`` URL with a host, after stripping.

    Anything else (None, NaN, ``javascript:``, ``httpfoo``, ``http:///path``, a relative path) is
    shown as text, never as a link.

    >>> is_http_url(" https://www.insee.fr/fr/statistiques ")
    True
    >>> is_http_url("httpfoo://x"), is_http_url("http://"), is_http_url("javascript:alert(1)")
    (False, False, False)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    try:
        parts = urlsplit(str(value).strip())
    except ValueError:  # e.g. an unbalanced "[" in the host
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
