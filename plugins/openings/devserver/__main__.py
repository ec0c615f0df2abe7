"""python -m openings.devserver: what `make devserver` runs."""

import sys

from .server import main

sys.exit(main())
