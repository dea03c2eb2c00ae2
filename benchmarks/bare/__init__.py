"""The bare Django reference: what `startproject` gives, one view answering "hello".

`make bench` serves it with gunicorn beside the site, so every page's rate can be given
as a ratio to a Django project with nothing of ours in it: no database, our middleware
replaced by Django's default list.
"""
