"""`python -m components.publish`: build the static edition into site/."""

import sys

from components.publish.build import main

sys.exit(main())
