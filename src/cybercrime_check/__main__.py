"""``python -m cybercrime_check`` runs the command-line interface."""

from .cli import main

raise SystemExit(main())
