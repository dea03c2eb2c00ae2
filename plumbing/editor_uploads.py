"""Pictures uploaded and browsed from inside the rich-text editor.

These are the only ways into django-ckeditor's upload and browse features: its own URL
patterns are not included (its upload view judges files by their name, keeps their
metadata and matches any address under upload/). Uploads are checked and cleaned like
every other picture, and answered in both ways CKEditor 4 asks: a script calling back
into the Image dialog, or JSON for XHR uploads and pasted or dropped pictures.

Only staff who may change something with a rich-text body (posts, pages, services) may
upload or browse: the browser lists every picture ever uploaded.
"""

import json
import re
from functools import wraps
from urllib.parse import urlsplit

from ckeditor_uploader.views import browse as ckeditor_browse
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from plumbing.images import cleaned, random_name

UPLOAD_FOLDER = "uploads"
# CKEditor numbers its callbacks 0, 1, 2...; anything else is not from the editor.
FUNC_NUM = re.compile(r"[0-9]{1,6}")


def may_use_editor_pictures(user):
    """Staff holding any of settings.EDITOR_UPLOAD_PERMISSIONS: those who edit rich text."""
    permissions = settings.EDITOR_UPLOAD_PERMISSIONS
    return user.is_active and user.is_staff and any(map(user.has_perm, permissions))


def editor_staff_only(view):
    """Staff who may edit rich text; other staff get a 403 saying why, not a login loop."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not may_use_editor_pictures(request.user):
            return HttpResponseForbidden(
                "Only staff who edit posts, pages or services may upload or browse pictures."
            )
        return view(request, *args, **kwargs)

    return staff_member_required(checked)


@csrf_exempt  # CKEditor 4 cannot send Django's token; same-origin is checked below instead.
@require_POST
@editor_staff_only
def upload(request):
    func_num = None if _wants_json(request) else request.GET.get("CKEditorFuncNum")
    if func_num is not None and not FUNC_NUM.fullmatch(func_num):
        return HttpResponse("Not a request from the editor.", status=400, content_type="text/plain")
    if not _same_origin(request):
        return HttpResponseForbidden("Uploads must come from this site's own editor.")
    uploaded = request.FILES.get("upload")
    if uploaded is None:
        return _answer(func_num, error="Choose a picture to upload.")
    try:
        content, extension = cleaned(uploaded)  # checks it first
    except ValidationError as error:
        return _answer(func_num, error=error.messages[0])
    folder = f"{UPLOAD_FOLDER}/{timezone.localdate():%Y/%m/%d}"
    name = default_storage.save(f"{folder}/{random_name(extension)}", content)
    return _answer(func_num, url=default_storage.url(name), name=name.rsplit("/", 1)[-1])


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])  # POST: the browser's search box
@editor_staff_only
def browse(request):
    return ckeditor_browse(request)


def not_found(request):
    """Any other address under the editor's: not a page slug, not anyone's view."""
    raise Http404("No such editor address.")


def _same_origin(request):
    """Browsers send Origin (or at least Referer) with every upload post; it must be ours."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return False
    return urlsplit(source).netloc == request.get_host()


def _wants_json(request):
    """CKEditor's XHR uploads (the dialog's, pasted and dropped pictures) send a
    ckCsrfToken field and read JSON; only its older form post into a frame reads a script."""
    return "ckCsrfToken" in request.POST or request.GET.get("responseType") == "json"


def _answer(func_num, url="", name="", error=""):
    if func_num is None:
        if error:
            return JsonResponse({"uploaded": 0, "error": {"message": error}}, status=400)
        return JsonResponse({"uploaded": 1, "fileName": name, "url": url})
    # The Image dialog's hidden frame runs this script whatever the status, and shows
    # `error` to the person uploading.
    arguments = ", ".join(_js(value) for value in (int(func_num), url, error))
    return HttpResponse(
        f"<script>window.parent.CKEDITOR.tools.callFunction({arguments});</script>",
        status=400 if error else 200,
    )


def _js(value):
    """A JavaScript literal that cannot close the script element it sits in."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")
