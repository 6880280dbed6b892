"""Start salon-desk: the same as the ``salon-desk`` command."""

import sys

from salon_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
