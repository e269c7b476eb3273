"""`python -m components.extract`: rebuild data/ from the articles in seeds/."""

import sys

from components.extract.pipeline import main

sys.exit(main())
