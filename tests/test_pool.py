"""The process pool the folder commands read their files with (``cchc_model._pool``)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from pathlib import Path

import pytest

from cchc_model import CchcError
from cchc_model._pool import WorkerCrashError, chunk_size, default_jobs, map_in_order

#: Forked workers see the test module's functions and what the test patched; the crash tests
#: need that, and it is Linux's default start method up to Python 3.13.
needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork start method"
)


def square(number: int) -> int:
    return number * number


def fail_on_seven(number: int) -> int:
    if number == 7:
        raise ValueError("seven")
    return number


def die_on_seven(number: int) -> int:
    if number == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return number


def die_once(item: tuple[int, str]) -> int:
    """Dies the first time it meets 7 (the marker file remembers), reads it the next."""
    number, marker = item
    if number == 7 and not Path(marker).exists():
        Path(marker).touch()
        os._exit(3)
    return number


class TestMapInOrder:
    def test_one_job_is_map(self) -> None:
        """One job maps in this process, results in order."""
        assert list(map_in_order(square, [3, 1, 2], jobs=1)) == [9, 1, 4]

    @pytest.mark.parametrize("chunk", [None, 1, 3, 100])
    def test_pool_keeps_the_order(self, chunk: int | None) -> None:
        """On two workers, in chunks of any size, results come in the order of the items."""
        items = list(range(-40, 40))
        assert list(map_in_order(square, items, jobs=2, chunk=chunk)) == [n * n for n in items]

    def test_no_items(self) -> None:
        """No items, no results, no pool."""
        assert list(map_in_order(square, [], jobs=4)) == []

    def test_one_item_starts_no_pool(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A single item is worked on in this process, whatever the number of jobs."""
        monkeypatch.setattr("cchc_model._pool.ProcessPoolExecutor", None)
        assert list(map_in_order(square, [5], jobs=8)) == [25]

    def test_spawn(self) -> None:
        """Workers started by spawn (macOS, Windows) import the work by name."""
        items = list(range(20))
        assert list(map_in_order(square, items, jobs=2, start_method="spawn")) == [
            n * n for n in items
        ]

    def test_error_in_work_propagates(self) -> None:
        """An exception the work raises reaches the caller, as with map."""
        with pytest.raises(ValueError, match="seven"):
            list(map_in_order(fail_on_seven, list(range(20)), jobs=2, chunk=2))

    def test_closing_early(self) -> None:
        """Closing the iterator after a few results stops the pool without error."""
        with contextlib.closing(map_in_order(square, list(range(500)), jobs=2, chunk=1)) as it:
            assert [next(it) for _ in range(3)] == [0, 1, 4]


@needs_fork
class TestWorkerCrash:
    def test_crash_names_the_item(self) -> None:
        """A worker killed on an item is a CchcError naming the item and the signal."""
        with pytest.raises(WorkerCrashError, match=r"died reading\) 7: .*SIGKILL") as info:
            list(map_in_order(die_on_seven, list(range(20)), jobs=2, chunk=2,
                              start_method="fork"))
        assert isinstance(info.value, CchcError)

    def test_a_crash_that_does_not_come_back(self, tmp_path: Path) -> None:
        """A worker that died once is replaced; every item is still read, in order."""
        marker = str(tmp_path / "died")
        items = [(n, marker) for n in range(30)]
        assert list(map_in_order(die_once, items, jobs=2, chunk=2, start_method="fork")) == (
            list(range(30))
        )
        assert Path(marker).exists()


class TestSizes:
    def test_default_jobs(self) -> None:
        """The default is the cores this process may run on."""
        expected = (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                    else os.cpu_count())
        assert default_jobs() == expected

    @pytest.mark.parametrize(
        ("count", "jobs", "size"),
        [(0, 2, 1), (1, 2, 1), (16, 2, 1), (80, 2, 5), (10_000, 2, 8), (10_000, 64, 8)],
    )
    def test_chunk_size(self, count: int, jobs: int, size: int) -> None:
        """About eight chunks per worker, between one and eight items each."""
        assert chunk_size(count, jobs) == size
