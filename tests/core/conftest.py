"""Hypothesis for the core's property tests: no timing limits, no example database on disk.

Property tests must not fail because a slow machine took long on one example,
and the example database would leave a ``.hypothesis`` folder in the checkout.
"""

from hypothesis import settings

settings.register_profile("salon-desk", deadline=None, database=None, print_blob=True)
settings.load_profile("salon-desk")
