"""Which static files the site ships, and the headers they are served with.

django-ckeditor's package carries CKEditor's whole distribution: its test pages (some
load scripts from other hosts), samples, notes and the spell-checker's HTML frames. The
editor as configured (settings.CKEDITOR_CONFIGS) loads none of them, and from our
origin any HTML page could be framed or run. The finder below leaves them out of both
collectstatic (what production's WhiteNoise serves) and serving from the finders
(debug, tests), since the standard `ignore_patterns` reach only the first.
"""

from fnmatch import fnmatch

from django.contrib.staticfiles.finders import AppDirectoriesFinder

# Paths relative to the static root. "*" crosses folders, as fnmatch does.
VENDOR_LEFT_OUT = (
    "ckeditor/*/tests/*",
    "ckeditor/*/samples/*",
    "ckeditor/*/_samples/*",
    "ckeditor/*.html",
    "ckeditor/*.md",
    "ckeditor/*.txt",
    "ckeditor/*/bender-runner.config.json",
    "ckeditor/*/build-config.js",
    "ckeditor/ckeditor/plugins/exportpdf/*",  # removed from the editor: it posts to a cloud
)


def left_out(path):
    path = path.replace("\\", "/")
    return any(fnmatch(path, pattern) for pattern in VENDOR_LEFT_OUT)


class AppStaticFinder(AppDirectoriesFinder):
    """Apps' static files, less the vendor files the site does not use."""

    def find(self, path, find_all=False, **kwargs):
        if left_out(path):
            return []  # as the finder answers for a file it does not have
        return super().find(path, find_all, **kwargs)

    def list(self, ignore_patterns):
        for path, storage in super().list(ignore_patterns):
            if not left_out(path):
                yield path, storage


def add_headers(headers, path, url):
    """For WhiteNoise: no file is read as another type than it says, and none is framed."""
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Content-Security-Policy"] = "frame-ancestors 'none'"
