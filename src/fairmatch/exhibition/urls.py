"""The exhibitor's pages of an edition, under /e/<edition>/exhibition/."""

from django.urls import path

from fairmatch.exhibition.views import applicant, exhibitor

app_name = "exhibition"
urlpatterns = [
    path("mine/", exhibitor.mine, name="mine"),
    path("apply/", applicant.apply, name="apply"),
    path("mine/staff/", exhibitor.staff_add, name="staff_add"),
    path("mine/staff/<int:pk>/", exhibitor.staff_edit, name="staff_edit"),
    path("mine/staff/<int:pk>/remove/", exhibitor.staff_remove, name="staff_remove"),
]
