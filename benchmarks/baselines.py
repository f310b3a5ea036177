"""The ways of rebuilding that storyville is measured against (benchmark use only).

- FreshProcessBuilder: a new Python process per build, the "restart the server" baseline.
- InProcessBuilder: this interpreter, deleting the workspace's modules from `sys.modules`
  before each build (storyville's in-process mode before the build host replaced it).
- ReusedInterpreterBuilder: one subinterpreter for every build, deleting the catalog's
  top-level package from `sys.modules` first: what Storyville 0.1 does.
"""

from __future__ import annotations

import importlib
import pickle
import subprocess
import sys
from concurrent import interpreters

from storyville.catalog.files import UserFiles
from storyville.collect.collector import BuildJob, Collected, collect
from storyville.pool import worker

_CHILD = (
    "import pickle, sys\n"
    "from storyville.collect.collector import collect\n"
    "job = pickle.load(sys.stdin.buffer)\n"
    "sys.stdout.buffer.write(pickle.dumps(collect(job)))\n"
)

_PURGE = (
    "import sys\n"
    "for name in [m for m in sys.modules if m == prefix or m.startswith(prefix + '.')]:\n"
    "    del sys.modules[name]\n"
)


class FreshProcessBuilder:
    incremental = False
    description = "a fresh process per build (restart baseline)"

    def start(self) -> None:
        pass

    def collect(self, job: BuildJob) -> Collected:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD], input=pickle.dumps(job), capture_output=True, check=True
        )
        return pickle.loads(done.stdout)

    def settle(self) -> None:
        pass

    def close(self) -> None:
        pass


class ReusedInterpreterBuilder:
    incremental = False
    description = "one reused subinterpreter, package purged from sys.modules (Storyville 0.1)"

    def __init__(self) -> None:
        self.interpreter: interpreters.Interpreter | None = None

    def start(self) -> None:
        self.interpreter = interpreters.create()
        self.interpreter.prepare_main(main_path=tuple(sys.path))
        self.interpreter.exec(
            "import sys\nsys.path[:] = list(main_path)\nimport storyville.pool.worker\n"
        )

    def collect(self, job: BuildJob) -> Collected:
        assert self.interpreter is not None
        self.interpreter.prepare_main(prefix=job.package.split(".")[0])
        self.interpreter.exec(_PURGE)
        return self.interpreter.call(worker.run, job, 30.0)

    def settle(self) -> None:
        pass

    def close(self) -> None:
        if self.interpreter is not None:
            self.interpreter.close()


class InProcessBuilder:
    """Builds in this interpreter after deleting the workspace's modules from `sys.modules`.

    Fast, but with the limits of module reloading: objects held outside the workspace
    (registries in libraries, threads, C-extension state) keep pointing at the old code.
    """

    incremental = False
    description = "in-process builds (module purge)"

    def start(self) -> None:
        pass

    def collect(self, job: BuildJob) -> Collected:
        user = UserFiles.for_roots(job.roots)
        for name, module in list(sys.modules.items()):
            if getattr(module, "__file__", None) in user:
                del sys.modules[name]
        importlib.invalidate_caches()
        return collect(job)

    def settle(self) -> None:
        pass

    def close(self) -> None:
        pass
