"""Build-once values, also under threads."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from cchc_model._base.lazy import Lazy


class TestLazy:
    def test_built_once(self):
        """The factory runs on first use only."""
        calls: list[int] = []
        lazy = Lazy(lambda: calls.append(1) or object())
        assert calls == []
        first = lazy.get()
        assert lazy.get() is first
        assert calls == [1]

    def test_threads_build_once(self):
        """Many threads asking at once get one value, built once."""
        calls: list[int] = []
        gate = threading.Barrier(16)

        def factory() -> object:
            calls.append(1)
            time.sleep(0.01)
            return object()

        lazy = Lazy(factory)

        def use(_: int) -> object:
            gate.wait()
            return lazy.get()

        with ThreadPoolExecutor(16) as pool:
            results = list(pool.map(use, range(16)))
        assert len(calls) == 1
        assert all(result is results[0] for result in results)
