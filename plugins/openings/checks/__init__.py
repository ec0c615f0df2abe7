"""A posting's raw fields -> a checked posting and every problem; the board's and data files' checks."""
