"""Development tooling, not part of what users run: the throw-away workspace the tests and
benchmarks build in (``workspace``), and the benchmarks (``bench``, the ``csr-bench``
command; ``bench_vis``). The user-facing commands (csr-load, csr-generate, csr-report)
never import this package."""
