from django.urls import path

from fairmatch.enterprises.views import applicant, profile

app_name = "enterprises"
urlpatterns = [
    path("my/applications/", applicant.my_applications, name="my_applications"),
    path("my/applications/<int:pk>/", applicant.participation_detail, name="participation"),
    path("my/enterprise/", profile.profile, name="profile"),
    path("apply/<slug:edition>/", applicant.application, name="application"),
]
