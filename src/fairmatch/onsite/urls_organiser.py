from django.urls import path

from fairmatch.onsite.views import badges, checkin, meetings, press

app_name = "onsite_admin"
urlpatterns = [
    path("", checkin.checkin, name="checkin"),
    path("delegates/<int:pk>/walk-in/", checkin.walk_in, name="walk_in"),
    path("badges/<int:pk>/pdf/", checkin.badge_pdf, name="badge_pdf"),
    path("badges/<int:pk>/replace/", checkin.replace, name="replace"),
    path("badges/", badges.badges, name="badges"),
    path("badges/print/", badges.start, name="print"),
    path("badges/print/<int:pk>/", badges.print_job, name="print_job"),
    path("badges/print/<int:pk>/pdf/", badges.print_pdf, name="print_pdf"),
    path("meetings/", meetings.meetings, name="meetings"),
    path("meetings/<int:pk>/mark/", meetings.staff_mark, name="mark"),
    path("absent/", checkin.absent_by, name="absent"),
    path("press/", press.press_list, name="press"),
    path("press/<int:pk>/decide/", press.decide, name="press_decide"),
]
