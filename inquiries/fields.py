"""A text field stored encrypted: a database dump or backup shows only Fernet tokens."""

from django.core.exceptions import FieldError
from django.db import models

from . import encryption


class EncryptedTextField(models.TextField):
    """Text encrypted with the inquiry keys (inquiries/encryption.py) before it is stored.

    Empty text is stored empty, which says no more than that a field was left blank.
    A token no configured key decrypts is read as an `UnreadableValue` (shown as
    unreadable, saved back unchanged) rather than stopping the page or command that
    reads it: `Inquiry.unreadable_fields()` and `manage.py unreadable_inquiries` name them.
    The database sees only tokens, so it cannot search them: every lookup but `isnull`
    is refused, rather than silently comparing a phrase with a token.
    """

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        if isinstance(value, encryption.UnreadableValue):
            return value.token  # kept as it was: the key may yet be found
        return encryption.encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        try:
            return encryption.decrypt(value)
        except encryption.UnreadableInquiry:
            return encryption.UnreadableValue(value)

    def get_lookup(self, lookup_name):
        if lookup_name != "isnull":
            raise FieldError(
                f"{self.model.__name__}.{self.name} is encrypted and cannot be searched "
                f"('{lookup_name}')."
            )
        return super().get_lookup(lookup_name)
