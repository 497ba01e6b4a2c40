"""presswash's Prefect wiring: flows, tasks over shards, deployments, the CLI."""
