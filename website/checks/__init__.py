"""Checks before publishing: what staff write for the public, read as a regulator, a
person in crisis and a screen reader would (issues 23 and 29; docs/checks.md).

`rules/<language>.toml` hold the rules as data; `rules.py` reads them, `text.py` turns
rich text into blocks and sentences, `normal.py` makes text read as it shows,
`engine.py` runs the rules over one language's text, `scope.py` says which texts of
which models are read, `content.py` checks a whole object (with what needs the database:
phones, links, review dates, acknowledgements), `stamps.py` records when each language's
text changed, `admin.py` shows the findings to staff and asks a publisher to acknowledge
claims, `report.py` lists what is open on the admin's home.
"""
