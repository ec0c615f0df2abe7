"""The build's part of IndexNow: the key file that proves the site is ours (notify.py sends)."""

from __future__ import annotations

from .outputs import OutputGenerator, Snapshot


class IndexNowKeyGenerator(OutputGenerator):
    """<key>.txt at the site's root, holding the key, as IndexNow checks."""

    def write_files(self, site: Snapshot) -> None:
        key = self.settings.get("JOBPOSTING_INDEXNOW_KEY")
        if key:
            self.write(f"{key}.txt", key.encode("ascii"))


def get_generators(pelican):
    return IndexNowKeyGenerator
