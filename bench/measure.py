"""Run one command and write its wall time, CPU time and peak RSS as JSON.

    python -S -I bench/measure.py RESULT.json COMMAND [ARG...]

bench/run.py starts every timed process through this small launcher: on
Linux a child's ``ru_maxrss`` includes the memory of the process it was
forked from, so measured straight from the benchmark (which grows while it
works) the figure would be the benchmark's. Here the floor is this
launcher's few megabytes. The figures cover COMMAND and every child it
waited for (gen's worker processes).
"""

import json
import os
import sys
import time


def main(argv: list[str]) -> int:
    result, command = argv[0], argv[1:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child becomes COMMAND
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    with open(result, "w", encoding="utf-8") as f:
        json.dump(
            {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss * 1024},  # KiB on Linux
            f,
        )
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
