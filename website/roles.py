"""The staff roles, defined once: each group and exactly the permissions it holds.

Give each staff account one of these groups in the admin. A migration applies them
(`sync_roles()`), and running it again changes nothing; change a role here, then add a
migration that calls `sync_roles()` again.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q


def _crud(label, *actions):
    app_label, model = label.split(".")
    return [f"{app_label}.{action}_{model}" for action in actions]


ALL = ("add", "change", "delete", "view")

# Editors write posts and submit them for review, and keep the center's facts current.
# No permission on users, groups or inquiries: those stay with administrators.
EDITORS = [
    *_crud("articles.post", *ALL),
    *_crud("articles.category", "add", "change", "view"),
    *_crud("articles.recommendedpost", *ALL),
    *_crud("facility.facility", "change", "view"),
    *_crud("facility.center", "change", "view"),
    *_crud("facility.openinghours", *ALL),
    *_crud("facility.holiday", *ALL),
    *_crud("facility.insuranceplan", *ALL),
    *_crud("facility.availability", *ALL),
    *_crud("facility.pricerange", *ALL),
    *_crud("facility.staffprofile", *ALL),
    *_crud("facility.service", *ALL),
    *_crud("facility.galleryphoto", *ALL),
    *_crud("facility.page", *ALL),
    # Each state's language assistance taglines (Section 1557).
    *_crud("facility.languagetagline", *ALL),
    *_crud("website.movedpage", *ALL),
]

# Editors see the centers' licenses and accreditations but cannot change them: Compliance
# does, as a false claim there is a legal matter.
EDITORS += [*_crud("facility.credential", "view")]

# Publishers also publish, schedule and unpublish posts, and change published ones.
PUBLISHERS = [*EDITORS, "articles.publish_post"]

# Admissions answers inquiries: health information that only they read, work (status,
# assignee, notes), delete and export. The access log is for superusers alone.
ADMISSIONS = [
    *_crud("inquiries.inquiry", "view", "change", "delete", "export"),
    *_crud("inquiries.inquirynote", "view", "add"),
    # They hear first when a bed frees up: they keep "is there room?" current too.
    *_crud("facility.availability", "add", "change", "view"),
]

# Compliance keeps each center's license and accreditations true: the only role (besides
# superusers) that adds, changes or removes them.
COMPLIANCE = [*_crud("facility.credential", *ALL), *_crud("facility.center", "view")]

ROLES = {
    "Editors": EDITORS,
    "Publishers": PUBLISHERS,
    "Admissions": ADMISSIONS,
    "Compliance": COMPLIANCE,
}


def sync_roles(apps=global_apps, using=DEFAULT_DB_ALIAS, existing_models_only=False):
    """Create each group of ROLES, or update it, to hold exactly its permissions.

    `apps` is a migration's historical apps, or the project's own. Permissions are
    normally created after all migrations; those the roles need are created first.
    `existing_models_only` leaves out permissions on models `apps` does not have yet
    (an early migration; a later one applies them).
    """
    if existing_models_only:
        roles = {
            group: [name for name in names if _model_exists(apps, name)]
            for group, names in ROLES.items()
        }
    else:
        roles = ROLES
    for app_label in sorted({name.split(".")[0] for names in roles.values() for name in names}):
        _create_permissions(apps.get_app_config(app_label), apps, using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, names in roles.items():
        wanted = Q(pk__in=[])
        for name in names:
            app_label, codename = name.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.using(using).filter(wanted))
        found = {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
        missing = sorted(set(names) - found)
        if missing:
            raise LookupError(f"The {group_name} role names unknown permissions: {missing}")
        group, _ = Group.objects.using(using).get_or_create(name=group_name)
        group.permissions.set(permissions)


def _model_exists(apps, name):
    app_label, codename = name.split(".")
    model = codename.split("_", 1)[1]
    try:
        apps.get_model(app_label, model)
    except LookupError:
        return False
    return True


def _create_permissions(app_config, apps, using):
    # A migration's app configs have no models module, and create_permissions() skips
    # those: mark it present for the call.
    real_module = getattr(app_config, "models_module", None)
    app_config.models_module = real_module or True
    try:
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    finally:
        app_config.models_module = real_module
