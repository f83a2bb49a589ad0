import sys

from spdsl.cli.main import main

sys.exit(main())
