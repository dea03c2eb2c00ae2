"""The blog's texts with a version per language (django-modeltranslation's registry).

Each field listed here gets a column per language in settings.LANGUAGES (`title_en`,
`title_es`); the field itself reads the active language's. Unique fields keep NULL, not
"", for "no text in this language", so that many posts may lack a Spanish slug.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, Post

SEARCH_META = ("seo_title", "search_description")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "slug", "description")
    empty_values = {"name": None, "slug": None}


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("title", "slug", "excerpt", "body", *SEARCH_META, "featured_image_alt")
    empty_values = {"slug": None}
