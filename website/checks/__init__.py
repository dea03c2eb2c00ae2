"""Checks before publishing: what a post, page or service says, read as a regulator, a
person in crisis and a screen reader would (issue 23; docs/checks.md).

`rules/<language>.toml` hold the rules as data; `rules.py` reads them, `text.py` turns
rich text into blocks and sentences, `engine.py` runs the rules over one language's text,
`content.py` over a whole post, page or service (with what needs the database: phones,
links, review dates), `stamps.py` records when each language's text changed,
`admin.py` shows the findings to staff and asks a publisher to acknowledge claims.
"""
