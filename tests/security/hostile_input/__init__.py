"""Hostile input never becomes a server error, and a refused request leaves nothing behind.

Property-based (hypothesis): every form of the portal is posted random and hostile values (very
long text, control characters and NUL, HTML/script and SQL fragments, impossible or extreme dates,
huge and negative numbers, files whose content is not what their name says), mixed with valid
values so that the services behind the forms see odd-but-valid input too; every list, search page
and the JSON API get hostile query strings. Each answer must be a 2xx, 3xx or 4xx that says
something (never a 500: the test client re-raises the view's exception, so a failure shows its
traceback), and after a 4xx the row counts of the project's models are what they were.

The package: ``strategies`` (the hostile values and the valid values mixed in), ``world`` (the
records the forms act on), ``checks`` (what every answer must satisfy, and the runner that posts
a form), and a test module per topic: the forms of each app, the lists, the detail addresses.
"""
