from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "inquiries"

urlpatterns = [
    # Before the center's pages, whose catch-all would otherwise show the admissions page
    # without its form (recovery_site/urls.py includes these first).
    path(_("admissions/"), views.limited(views.AdmissionsView.as_view()), name="admissions"),
    path(_("admissions/thanks/"), views.ThanksView.as_view(), name="thanks"),
    path(
        _("admissions/thanks/self-pay/"),
        views.ThanksView.as_view(self_pay=True),
        name="thanks_self_pay",
    ),
    path(
        _("admissions/thanks/insurance/"),
        views.ThanksView.as_view(insurance=True),
        name="thanks_insurance",
    ),
    path(_("contact/"), views.limited(views.ContactView.as_view()), name="contact"),
    path(_("contact/thanks/"), views.OldThanksView.as_view(), name="contact_thanks"),
]
