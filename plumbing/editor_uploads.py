"""Pictures uploaded from inside the rich-text editor, checked and cleaned like all others.

Replaces django-ckeditor's own upload view, which judges files by their name and keeps
their metadata. Answers in both ways CKEditor 4 asks: a script calling back into the
Image dialog, or JSON for pasted and dropped pictures.
"""

import json
from urllib.parse import urlsplit

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils import timezone
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from plumbing.images import check_upload, cleaned, random_name

UPLOAD_FOLDER = "uploads"


@csrf_exempt  # CKEditor 4 cannot send Django's token; same-origin is checked below instead.
@require_POST
@staff_member_required
def upload(request):
    if not _same_origin(request):
        return HttpResponseForbidden("Uploads must come from this site's own editor.")
    uploaded = request.FILES.get("upload")
    if uploaded is None:
        return _answer(request, error="Choose a picture to upload.")
    try:
        check_upload(uploaded)
    except ValidationError as error:
        return _answer(request, error=error.messages[0])
    content, extension = cleaned(uploaded)
    folder = f"{UPLOAD_FOLDER}/{timezone.localdate():%Y/%m/%d}"
    name = default_storage.save(f"{folder}/{random_name(extension)}", content)
    return _answer(request, url=default_storage.url(name), name=name.rsplit("/", 1)[-1])


def _same_origin(request):
    """Browsers send Origin (or at least Referer) with every upload post; it must be ours."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return False
    return urlsplit(source).netloc == request.get_host()


def _answer(request, url="", name="", error=""):
    func_num = request.GET.get("CKEditorFuncNum")
    if func_num is None:
        if error:
            return JsonResponse({"uploaded": 0, "error": {"message": error}}, status=400)
        return JsonResponse({"uploaded": 1, "fileName": name, "url": url})
    if not func_num.isdigit():
        return HttpResponse(status=400)
    nonce = getattr(request, "csp_nonce", None)
    nonce_attribute = f' nonce="{escape(nonce)}"' if nonce else ""
    arguments = ", ".join(_js(value) for value in (int(func_num), url, error))
    return HttpResponse(
        f"<script{nonce_attribute}>window.parent.CKEDITOR.tools.callFunction({arguments});</script>"
    )


def _js(value):
    """A JavaScript literal that cannot close the script element it sits in."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")
