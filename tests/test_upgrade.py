"""A database built by the code before the apps were re-housed upgrades with nothing lost.

The old code (its tree taken from git) builds and fills a database of its own; this
tree's migrations then run on it, and everything staff and visitors had must still be
there: every row, the contact message (now an inquiry, encrypted, with the same id),
the Admissions group's right to read it, a post's saved versions, a moved page's
redirect.
"""

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from .live_gunicorn import ROOT, per_worker, postgres_url_for, recreate_postgres_database

# The last commit before the re-housing: contact messages and moved pages in `facility`.
BEFORE_REHOUSING = "3c63d8acebf0ef7e5c144867d073efae15a7e642"

FILL_OLD_DATABASE = """
import json
import reversion
from django.contrib.auth.models import Group, User
from django.db import connection
from articles.models import Post
from facility.models import ContactMessage, Facility, Page

message = ContactMessage.objects.create(
    name="Upgrade visitor", phone="555-0100", message="Please call me back.", consent=True
)
post = Post.objects.published().first()
with reversion.create_revision():
    post.save()
reviewed = Post.objects.published().last()
reviewed.medical_reviewer, reviewed.medical_reviewer_credentials = "Dr. Ana Ruiz", "MD"
reviewed.save()
page = Page.objects.order_by("pk").first()
old_url = page.get_absolute_url()
page.slug = page.slug + "-renamed"
page.save()
user = User.objects.create_user("admissions-upgrade", is_staff=True)
user.groups.add(Group.objects.get(name="Admissions"))
facility = Facility.objects.get()
print(json.dumps({
    "facility": [facility.street, facility.city, facility.phone, facility.email],
    "hours": [[row.days, row.display] for row in facility.hours.all()],
    "message": message.pk, "post": post.pk, "reviewed": reviewed.pk,
    "author_name": post.author.get_full_name(), "user": user.pk, "old_url": old_url,
    "new_url": page.get_absolute_url(),
}))
"""

COUNT_ROWS = """
import json
from django.db import connection
with connection.cursor() as cursor:
    counts = {}
    for table in sorted(connection.introspection.table_names()):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        counts[table] = cursor.fetchone()[0]
print(json.dumps(counts))
"""

CHECK_NEW_DATABASE = """
import json
from django.contrib.auth.models import User
from django.test import Client
from reversion.models import Version
from articles.models import Post
from django.db import connection
from facility.models import Center, Facility
from inquiries.models import Inquiry

given = json.loads({given!r})
message = Inquiry.objects.get(pk=given["message"])
with connection.cursor() as cursor:
    cursor.execute("SELECT message FROM inquiries_inquiry WHERE id = %s", [message.pk])
    stored = cursor.fetchone()[0]
post = Post.objects.get(pk=given["post"])
versions = Version.objects.get_for_object(post)
response = Client(HTTP_HOST="127.0.0.1").get(given["old_url"])
center = Center.objects.get()
print(json.dumps({{
    "message": [message.first_name, message.phone, message.email, message.message],
    "status": message.status,
    "notes": [note.text for note in message.notes.all()],
    "stored": stored,
    "may_read": User.objects.get(pk=given["user"]).has_perm("inquiries.view_inquiry"),
    "center": [center.street, center.city, center.phone, center.email, center.is_main],
    "center_hours": [[row.days, row.display] for row in center.hours.all()],
    "facility_phone": Facility.objects.get().phone,
    "home_has_phone": center.phone in Client(HTTP_HOST="127.0.0.1").get("/").text,
    "reviewer": [
        Post.objects.get(pk=given["reviewed"]).reviewer_profile.name,
        Post.objects.get(pk=given["reviewed"]).reviewer_profile.credentials,
    ],
    "bylines": sorted({{p.author_profile.name for p in Post.objects.all()}}),
    "reviewed_page_has_reviewer": "Dr. Ana Ruiz, MD" in Client(HTTP_HOST="127.0.0.1").get(
        Post.objects.get(pk=given["reviewed"]).get_absolute_url()).text,
    "versions_of_post": [version.object.pk for version in versions],
    "old_url_status": response.status_code,
    "old_url_location": response.get("Location"),
    # What was stored became the English version; nothing is Spanish yet.
    "post_texts": list(Post.objects.filter(pk=post.pk).values_list(
        "title", "title_en", "title_es", "slug", "slug_en", "slug_es").get()),
    "in_spanish": Post.objects.in_language("es").count(),
    "facility_about": list(Facility.objects.values_list("about", "about_en", "about_es").get()),
}}))
"""


def run_manage(tree, env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=tree,
        env={**env, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"manage.py {args[0]} in {tree} failed:\n{result.stderr}"
    return result.stdout


def last_json_line(output):
    return json.loads(output.strip().splitlines()[-1])


# What the code has added since that commit, with the rows each holds after the upgrade:
# the rate limit's counters (a model), the shared cache's table (no model), the
# inquiries' notes and access log (models; the contact messages' table became the
# inquiries', its content type relabelled), the centers (the facility's address, phones
# and hours became its main center's), their holidays and insurance plans, and which
# services each offers (every service, at the main center), each state's language
# assistance taglines, the cache invalidations a cache outage kept to replay, and the
# checks' records of when each language's text changed and of acknowledged claims (none
# until a save).
NEW_TABLES = {
    "plumbing_ratecounter": 0,
    "site_cache": 0,
    "inquiries_inquiry": 1,
    "inquiries_inquirynote": 1,  # the old message's consent, kept as a note
    "inquiries_inquiryaccess": 0,
    "inquiries_insurancecheck": 0,
    "facility_center": 1,
    "facility_holiday": 0,
    "facility_insuranceplan": 0,
    "facility_credential": 0,
    "facility_availability": 0,
    "facility_pricerange": 0,
    "facility_staffprofile": 2,
    "facility_service_centers": 6,
    "facility_languagetagline": 0,
    "plumbing_missedbump": 0,
    "website_textchange": 0,
    "website_claimacknowledgement": 0,
    "otp_totp_totpdevice": 0,  # the sign-in code apps (django-otp)
}
GONE_TABLES = {"facility_contactmessage": 1}
# The rate counter, the inquiries' notes and access log; the centers, their holidays,
# insurance plans, credentials, availability and price ranges, staff profiles, the
# language assistance taglines, the cache invalidations kept through a cache outage, the
# inquiries' insurance checks; when each language's text changed and publishers'
# acknowledgements of claims (the checks before publishing); the sign-in code apps.
NEW_MODELS = 16
# The Admissions role: view, delete, export contact messages; now view, change, delete,
# export inquiries, and view and add notes (3 more). Editors and Publishers each change
# and view centers, add, change, delete and view holidays, insurance plans and staff
# profiles and language assistance taglines, and view licenses and accreditations; a new
# Compliance group changes those and views centers. Editors and Publishers add, change,
# delete and view availability and price ranges; Admissions adds, changes and views
# availability.
NEW_GROUP_PERMISSIONS = 3 + 2 * (2 + 4 + 4 + 4 + 4 + 1) + (4 + 1) + 2 * (4 + 4) + 3


def export_old_tree(folder):
    found = subprocess.run(
        ["git", "cat-file", "-e", f"{BEFORE_REHOUSING}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
    )
    if found.returncode != 0:
        pytest.fail(
            f"Commit {BEFORE_REHOUSING} is not in this repository, so the upgrade from it "
            "cannot be tested: fetch the full history (git fetch --unshallow)."
        )
    archive = folder / "old.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", BEFORE_REHOUSING], cwd=ROOT, stdout=out, check=True)
    tree = folder / "old"
    with tarfile.open(archive) as tar:
        tar.extractall(tree, filter="data")
    return tree


@pytest.fixture
def upgrade_database_url(tmp_path):
    """A database of this test's own: SQLite, or `<name>_upgrade` beside PostgreSQL's."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'upgrade.sqlite3'}"
        return
    import psycopg

    name = per_worker(database_url.rsplit("/", 1)[1].split("?")[0] + "_upgrade")
    url = postgres_url_for(database_url, name)
    recreate_postgres_database(url)
    yield url
    with psycopg.connect(postgres_url_for(database_url, "postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_database_from_before_the_rehousing_upgrades_with_nothing_lost(
    upgrade_database_url, tmp_path
):
    old_tree = export_old_tree(tmp_path)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "PYTHONPATH"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="recovery_site.settings",
        DATABASE_URL=upgrade_database_url,
        MEDIA_ROOT=tempfile.mkdtemp(dir=tmp_path),
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        # A key of its own: no development key file written into the tree.
        INQUIRY_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
    )

    run_manage(old_tree, env, "migrate", "--noinput", "-v0")
    run_manage(old_tree, env, "load_demo")
    given = last_json_line(run_manage(old_tree, env, "shell", "-c", FILL_OLD_DATABASE))
    before = last_json_line(run_manage(old_tree, env, "shell", "-c", COUNT_ROWS))

    run_manage(Path(ROOT), env, "migrate", "--noinput", "-v0")
    after = last_json_line(run_manage(Path(ROOT), env, "shell", "-c", COUNT_ROWS))
    check = CHECK_NEW_DATABASE.format(given=json.dumps(given))
    found = last_json_line(run_manage(Path(ROOT), env, "shell", "-c", check))

    assert after.pop("django_migrations") > before.pop("django_migrations")
    # New tables hold what NEW_TABLES says; each new model brings its content type and its
    # four permissions. Every other table holds exactly the rows it held.
    new_tables = {table: after.pop(table) for table in set(after) - set(before)}
    assert new_tables == NEW_TABLES
    gone_tables = {table: before.pop(table) for table in set(before) - set(after)}
    assert gone_tables == GONE_TABLES
    assert after.pop("django_content_type") == before.pop("django_content_type") + NEW_MODELS
    assert after.pop("auth_permission") == before.pop("auth_permission") + 4 * NEW_MODELS
    assert (
        after.pop("auth_group_permissions")
        == before.pop("auth_group_permissions") + NEW_GROUP_PERMISSIONS
    )
    assert after.pop("auth_group") == before.pop("auth_group") + 1  # Compliance
    assert after == before
    assert before["facility_movedpage"] == 1
    assert found["message"] == ["Upgrade visitor", "555-0100", "", "Please call me back."]
    assert found["status"] == "new"
    assert len(found["notes"]) == 1 and "agreed to be contacted" in found["notes"][0]
    assert "call me back" not in found["stored"] and found["stored"].startswith("gAAAA")
    assert found["center"] == [*given["facility"], True]
    assert found["center_hours"] == given["hours"] and len(given["hours"]) == 4
    assert found["facility_phone"] == given["facility"][2]
    assert found["home_has_phone"] is True
    # The post's author's full name and its reviewer became profiles: posts read the same.
    assert found["reviewer"] == ["Dr. Ana Ruiz", "MD"]
    assert found["bylines"] == [given["author_name"]]
    assert found["reviewed_page_has_reviewer"] is True
    assert found["may_read"] is True
    assert found["versions_of_post"] == [given["post"]]
    assert found["old_url_status"] == 301
    assert found["old_url_location"] == given["new_url"]
    title, title_en, title_es, slug, slug_en, slug_es = found["post_texts"]
    assert (title_en, slug_en, title_es, slug_es) == (title, slug, None, None) and title
    assert found["in_spanish"] == 0
    about, about_en, about_es = found["facility_about"]
    assert about_en == about and about and about_es is None
