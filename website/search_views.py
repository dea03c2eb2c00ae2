"""The site search page: a form, then the results a page at a time."""

from django.utils.translation import gettext as _
from django.views.generic import ListView

from plumbing.seo import MetaMixin, PageMeta

from .search import clean_query, search


class SearchView(MetaMixin, ListView):
    template_name = "website/search.html"
    context_object_name = "results"
    paginate_by = 10

    def get_queryset(self):
        self.query = clean_query(self.request.GET.get("q"))
        return search(self.query)

    def get_context_data(self, **kwargs):
        return super().get_context_data(query=self.query, **kwargs)

    def get_meta(self):
        title = (
            _("Search results for “%(query)s”") % {"query": self.query}
            if self.query
            else _("Search")
        )
        page = self.request.GET.get("page")
        if self.query and page and page != "1":
            title = _("%(title)s (page %(page)s)") % {"title": title, "page": page}
        # Result pages are endless variations of the site's own pages; keep them out of indexes.
        description = _("Search our articles, treatment services and pages.")
        return PageMeta(title, description, noindex=True)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response.headers["X-Robots-Tag"] = "noindex"
        return response
