"""The GIL is released while forbear evaluates, so other Python threads run meanwhile.

The check does not depend on timing: with a switch interval far longer than the test, a Python
thread only lets another run when it releases the GIL itself. Thread T calls forbear; the main
thread, which started T, runs again before T is done only if forbear released the GIL.
"""
import sys
import threading

import pytest

from conftest import example_case_names, read_case


@pytest.fixture
def no_forced_switches():
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    yield
    sys.setswitchinterval(interval)


def runs_while(call):
    """True when the main thread ran again while `call` was running in another thread."""
    done = []

    def worker():
        call()
        done.append(True)

    thread = threading.Thread(target=worker)
    thread.start()  # waits for the thread to start, then for the GIL: until the worker gives it up
    ran_while_busy = not done
    thread.join()
    assert done
    return ran_while_busy


def test_advise_many_releases_the_gil(rules, no_forced_switches):
    cases = [read_case(name) for name in example_case_names()] * 2
    assert runs_while(lambda: rules.advise_many(cases, threads=2, trace=True))


def test_advise_releases_the_gil(rules, no_forced_switches):
    cases = [read_case(name) for name in example_case_names()]
    assert runs_while(lambda: [rules.advise(case) for case in cases])


def test_without_a_release_the_main_thread_waits(no_forced_switches):
    # The check itself: pure Python work never gives up the GIL here, so the main thread waits.
    assert not runs_while(lambda: sum(i * i for i in range(200_000)))
