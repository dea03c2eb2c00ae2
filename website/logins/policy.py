"""Who must give a second factor: whoever can read inquiries (health information)."""

# The permission that reads inquiries (website/roles.py gives it to Admissions; superusers
# hold every permission).
READS_INQUIRIES = "inquiries.view_inquiry"


def needs_second_factor(user):
    """Whether `user` must give a sign-in code from an enrolled device."""
    return user.is_authenticated and user.has_perm(READS_INQUIRIES)
