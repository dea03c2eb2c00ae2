"""The seam for an electronic eligibility check (an X12 270/271 exchange through a
clearinghouse). None is called: that needs a contract with a clearinghouse and a business
associate agreement, so by default staff check benefits by phone or on the payer's portal
and record the result in the inquiry's admin.

A service is a class named by the INSURANCE_ELIGIBILITY_SERVICE setting, with a method
`check(insurance_check)` that returns one of InsuranceCheck.Result's values (not the
empty "waiting") when it got an answer, or None when staff must check. It is called once,
after the inquiry is saved; whatever it answers is recorded as checked by the service.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string


class StaffCheck:
    """No electronic check: admissions staff check every inquiry's benefits themselves."""

    name = "staff"

    def check(self, insurance_check):
        return None


def service():
    return import_string(settings.INSURANCE_ELIGIBILITY_SERVICE)()


def ask(insurance_check):
    """Ask the configured service; record its answer if it gave one."""
    checker = service()
    result = checker.check(insurance_check)
    if result:
        insurance_check.result = result
        insurance_check.checked_by = f"service: {checker.name}"
        insurance_check.checked_at = timezone.now()
        insurance_check.save(update_fields=["result", "checked_by", "checked_at"])
    return result
