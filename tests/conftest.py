"""Settings for the whole suite."""

from __future__ import annotations

from hypothesis import settings

# Timing belongs in `make bench`, not in tests: on a shared machine one slow example would
# fail a property test that holds. Examples are still bounded by each test's max_examples.
settings.register_profile("evidex", deadline=None)
settings.load_profile("evidex")
