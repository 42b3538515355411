"""Context flags: a ContextVar that is True inside a `with` block (per thread and task) and as before after it."""

from contextlib import contextmanager
from contextvars import ContextVar


@contextmanager
def raised(flag: ContextVar):
    token = flag.set(True)
    try:
        yield
    finally:
        flag.reset(token)
