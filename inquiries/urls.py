from django.urls import path

from . import views

app_name = "inquiries"

urlpatterns = [
    # Before the center's pages, whose catch-all would otherwise show the admissions page
    # without its form (recovery_site/urls.py includes these first).
    path("admissions/", views.AdmissionsView.as_view(), name="admissions"),
    path("admissions/thanks/", views.ThanksView.as_view(), name="thanks"),
    path(
        "admissions/thanks/self-pay/",
        views.ThanksView.as_view(self_pay=True),
        name="thanks_self_pay",
    ),
    path(
        "admissions/thanks/insurance/",
        views.ThanksView.as_view(insurance=True),
        name="thanks_insurance",
    ),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/thanks/", views.OldThanksView.as_view(), name="contact_thanks"),
]
