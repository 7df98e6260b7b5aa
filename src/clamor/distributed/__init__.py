"""Running the pipeline beyond one process: a process pool on one machine
(:mod:`clamor.distributed.processes`, ``--workers N``) and the Dask runner
(:mod:`clamor.distributed.runner`, ``clamor run``). Both call :mod:`clamor.pipeline`."""
