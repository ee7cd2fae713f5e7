"""Builds started ahead of need, in one background thread, and handed over when asked for.

The first switch to another level used to build its 96 profile summaries and one domain's
details while the user waited (~3-4 s for the départements on this machine). Once a session's
whole page is drawn, :mod:`ui.sources` submits those builds here; the cached function that
needs one later takes the job's result, waiting for it if it is still running, instead of
building it a second time.

Jobs run plain functions only (no Streamlit call: Streamlit does not support its commands
outside a script's thread). Their inputs that come from Streamlit's caches are read by the
caller, in the script's thread, before submitting.
"""

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import TypeVar

T = TypeVar("T")

# One worker: the builds are CPU-bound Python (the GIL), a second thread would only slow the
# sessions' own runs further.
_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="atlas-prebuild")
_jobs: dict[Hashable, Future] = {}
#: Keys already asked for by :func:`take`: their result is in the caller's cache, no job is
#: started for them again.
_taken: set[Hashable] = set()
_lock = threading.Lock()


def submit(key: Hashable, build: Callable[[], T]) -> None:
    """Start ``build()`` in the background unless a job for ``key`` is already there or its
    result was already taken."""
    with _lock:
        if key not in _jobs and key not in _taken:
            _jobs[key] = _executor.submit(build)


def wanted(key: Hashable) -> bool:
    """Whether :func:`submit` would start a job for ``key``: lets a caller skip preparing a
    build that would be dropped (a full page asks again at every run)."""
    with _lock:
        return key not in _jobs and key not in _taken


def take(key: Hashable, build: Callable[[], T]) -> T:
    """The result of the job submitted for ``key`` (waiting for it), or ``build()`` here if
    there is none. The job is forgotten: its result lives on in the caller's cache.

    A job that failed is built again here, so the error (if it is one) reaches the caller as
    any other, and a transient failure does not stick.
    """
    with _lock:
        job = _jobs.pop(key, None)
        _taken.add(key)
    if job is not None and job.cancel():  # not started: built here, not behind other jobs
        job = None
    if job is not None:
        try:
            return job.result()
        except Exception:
            pass
    return build()


def pending() -> list[Hashable]:
    """Keys of the jobs submitted and not yet taken (for tests and benchmarks)."""
    with _lock:
        return list(_jobs)


def wait_all(timeout_s: float | None = None) -> None:
    """Wait until every submitted job has finished (for tests and benchmarks)."""
    with _lock:
        jobs = list(_jobs.values())
    wait(jobs, timeout=timeout_s)


def clear() -> None:
    """Forget every job and every key taken: to go with ``st.cache_resource.clear()``, after
    which the results taken are no longer cached and may be built again."""
    with _lock:
        _jobs.clear()
        _taken.clear()
