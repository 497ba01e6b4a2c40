"""presswash speed benchmark against its peers, side by side in one run (`make bench`).

Why a package of its own, outside `cleaners/` and `flows/`: the benchmark drives the
installed `presswash` CLI as a user would (a subprocess, Prefect included) and runs peers
that presswash does not depend on (datatrove in its own venv, datasketch, trafilatura
alone), so none of it may leak into the library. `python -m bench.harness --help` lists
the options; the results go to `bench/RESULTS.md`.
"""
