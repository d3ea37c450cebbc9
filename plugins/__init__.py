"""claimcheck's first-party plugins (installed as ``claimcheck_plugins``).

Each module is an ordinary plugin written only against the public ``claimcheck`` API, so each
is also an example for plugin authors.
"""
