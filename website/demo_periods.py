"""The retention periods the demo's privacy pages state, read from the settings that
enforce them: `{retention_days}` and the others below in a page's text become numbers."""

from django.conf import settings


def fill_periods(text):
    periods = {
        "{retention_days}": settings.CONTACT_MESSAGE_RETENTION_DAYS,
        "{rate_limit_minutes}": max(1, settings.CONTACT_RATE_LIMIT[1] // 60),
        "{lockout_minutes}": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "{login_log_days}": settings.LOGIN_LOG_RETENTION_DAYS,
    }
    for placeholder, number in periods.items():
        text = text.replace(placeholder, str(number))
    return text
