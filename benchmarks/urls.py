"""The benchmark's reference: the cheapest answer a request can get through the whole stack.

Included by recovery_site/urls.py only when settings.BENCHMARK is on (benchmarks/settings.py).
"""

from django.http import HttpResponse
from django.urls import path


def reference(request):
    return HttpResponse("reference\n", content_type="text/plain")


urlpatterns = [path("ref/", reference, name="bench_ref")]
