"""Review of dedup decisions: verdicts people give in the report, kept in STATE and
honoured by later runs (records.py, book.py, store.py), the queue of doubtful clusters
and the quality-control sample (queue.py), and the sample's precision (precision.py)."""
