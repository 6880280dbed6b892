"""salon-desk: the counter and customer file of a beauty and hair salon.

The package root holds the shop's rules in plain Python; ``db`` stores them,
``reports`` prints them and ``ui`` shows them.
"""

__version__ = "0.1.0"
