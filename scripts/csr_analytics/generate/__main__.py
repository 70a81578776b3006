"""``python -m csr_analytics.generate``: the same as ``csr-generate``."""

import sys

from csr_analytics.generate.cli import main

sys.exit(main())
