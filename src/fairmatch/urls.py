from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from fairmatch.accounts.views.language import set_language
from fairmatch.api.views.api import api

# The admin logs in through the site's login (rate limits, verification, second factor).
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", include("fairmatch.web.urls")),
    path("accounts/", include("fairmatch.accounts.urls")),
    path("", include("fairmatch.api.urls")),
    path("api/v1/", api.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("fairmatch.enterprises.urls")),
    path("organiser/<slug:edition>/applications/", include("fairmatch.enterprises.urls_review")),
    path("organiser/<slug:edition>/rules/", include("fairmatch.conference.urls")),
    path("organiser/<slug:edition>/matching/", include("fairmatch.matching.urls_organiser")),
    path("organiser/<slug:edition>/schedule/", include("fairmatch.scheduling.urls_organiser")),
    path("organiser/<slug:edition>/onsite/", include("fairmatch.onsite.urls_organiser")),
    path("organiser/<slug:edition>/outcomes/", include("fairmatch.outcomes.urls_organiser")),
    path(
        "organiser/<slug:edition>/exhibition/allocation/",
        include("fairmatch.exhibition.urls_allocation"),
    ),
    path("organiser/<slug:edition>/sheets/", include("fairmatch.spreadsheets.urls")),
    path("organiser/<slug:edition>/webhooks/", include("fairmatch.api.urls_organiser")),
    path("organiser/<slug:edition>/", include("fairmatch.reports.urls")),
    path("confirm/", include("fairmatch.enterprises.urls_confirmation")),
    path("e/<slug:edition>/", include("fairmatch.matching.urls")),
    path("e/<slug:edition>/", include("fairmatch.scheduling.urls")),
    path("e/<slug:edition>/", include("fairmatch.onsite.urls")),
    path("e/<slug:edition>/", include("fairmatch.outcomes.urls")),
    path("e/<slug:edition>/exhibitors/", include("fairmatch.exhibition.urls_directory")),
    path("press/<slug:edition>/accreditation/", include("fairmatch.onsite.urls_press")),
    path("press/<slug:edition>/", include("fairmatch.reports.urls_press")),
    path("follow-up/", include("fairmatch.outcomes.urls_follow_up")),
    path("calendar/", include("fairmatch.scheduling.urls_calendar")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
