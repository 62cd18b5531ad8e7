"""``python -m cchc_model`` is the ``cchc`` command."""

from cchc_model._cli import main

raise SystemExit(main())
