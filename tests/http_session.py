"""A visitor for real servers: cookies kept, forms read from the HTML as a browser would."""

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

TEXT_INPUTS = {"text", "hidden", "password", "email", "number", "date", "time", "url", "tel"}


class Session:
    def __init__(self, base_url, timeout=30):
        self.base_url = base_url
        self.timeout = timeout  # seconds a request may take before it fails the test
        self.last_path = None  # where the last request ended up, after redirects
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path, headers=None):
        return self._open(urllib.request.Request(self.base_url + path, headers=headers or {}))

    def post(self, path, fields, referer=None):
        data = urllib.parse.urlencode(fields, doseq=True).encode()
        headers = {"Referer": referer or self.base_url + path}
        return self._open(urllib.request.Request(self.base_url + path, data, headers))

    def _open(self, request):
        """(status, headers, text); redirects followed, errors answered like any page."""
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                self.last_path = response.url.removeprefix(self.base_url)
                return response.status, response.headers, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            with error:
                self.last_path = error.url.removeprefix(self.base_url)
                return error.code, error.headers, error.read().decode(errors="replace")


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, {}
        self._select = self._textarea = None
        self._first_option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = self.form_id is None or attrs.get("id") == self.form_id
            return
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in TEXT_INPUTS:
                self.fields[name] = [attrs.get("value", "")]
            elif kind in {"checkbox", "radio"} and "checked" in attrs:
                self.fields.setdefault(name, []).append(attrs.get("value", "on"))
        elif tag == "select" and name:
            self._select, self._first_option = name, None
            self.fields[name] = []
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self.fields[self._select].append(value)
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select:
            if not self.fields[self._select] and self._first_option is not None:
                self.fields[self._select] = [self._first_option]
            self._select = None
        elif tag == "textarea" and self._textarea:
            # Browsers drop the newline that may follow <textarea>, as Django writes it.
            value = self.fields[self._textarea][0]
            self.fields[self._textarea][0] = value.removeprefix("\n")
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea][0] += data


def form_fields(html, form_id=None):
    """What submitting the form with `form_id` (else every form) would send, as a dict of
    lists; file inputs and buttons are left out."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return reader.fields
