"""Where and when a step runs (helper processes, caches), never what it computes."""
