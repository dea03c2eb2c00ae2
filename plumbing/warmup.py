"""What a process's first request would pay for, paid when the site is loaded.

gunicorn loads the site once in its master (`preload_app`, gunicorn.conf.py) and forks
the workers from it, so a worker started after a crash or a restart inherits all of this
and serves its first page at once, instead of spending seconds of CPU while visitors wait.
Nothing here opens a database or cache connection: a connection opened in the master would
be shared by every forked worker, and their queries would interleave on it.
"""

import logging
import time
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)

# The project's own templates; Django's and the libraries' load when first asked for.
TEMPLATE_SUFFIXES = (".html", ".txt", ".xml")
# Any text: asking for its translation loads the catalogues (a name, not a literal, so
# makemessages does not take it for a message of the site).
ANY_MESSAGE = "Contact"


def warm_up():
    """Translations loaded, URL patterns compiled in each language, the project's
    templates compiled into the cached loader. Returns what was done, for the log."""
    started = time.process_time()
    resolver = get_resolver()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            translation.gettext(ANY_MESSAGE)  # reads the language's catalogues
            # The reverse lookup table is built per language (the patterns are translated).
            len(resolver.reverse_dict)
    templates = compile_project_templates()
    done = {
        "languages": len(settings.LANGUAGES),
        "templates": templates,
        "cpu_seconds": round(time.process_time() - started, 2),
    }
    logger.info(
        "Warmed up: %(templates)s templates, %(languages)s languages, %(cpu_seconds)s CPU-s", done
    )
    return done


def compile_project_templates():
    """Compile every template under the project's folder into the engines' cached
    loaders; a template that does not compile is left for its page to report."""
    root = Path(settings.BASE_DIR).resolve()
    compiled = 0
    for engine in engines.all():
        for folder in engine.template_dirs:
            folder = Path(folder).resolve()
            if not folder.is_relative_to(root) or ".venv" in folder.parts:
                continue
            for path in sorted(folder.rglob("*")):
                if path.suffix not in TEMPLATE_SUFFIXES:
                    continue
                try:
                    engine.get_template(path.relative_to(folder).as_posix())
                except (TemplateDoesNotExist, TemplateSyntaxError) as error:
                    logger.warning("Template %s not compiled: %s", path, error)
                    continue
                compiled += 1
    return compiled
