"""presswash's pure library: readers, cleaners, dedup and writers. Never imports Prefect."""

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"
