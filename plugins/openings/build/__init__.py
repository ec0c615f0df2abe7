"""The Pelican glue: the signal receivers, the reader, the build's state, facet pages."""
