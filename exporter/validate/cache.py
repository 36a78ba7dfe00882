"""A small thread-safe LRU map for the content-keyed caches (documents, DTSs, schemas).

`functools.lru_cache` would key on arguments; here the key is a content hash computed by
the caller, and the value may be expensive to build, so `get_or_build` builds it once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LruCache(Generic[K, V]):
    """At most `size` entries; the least recently used one is dropped first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_build(self, key: K, build: Callable[[], V]) -> V:
        """The cached value for `key`, built (under the lock, so once) if missing."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            value = build()
            self._items[key] = value
            if len(self._items) > self._size:
                self._items.popitem(last=False)
            return value

    def __len__(self) -> int:
        return len(self._items)
