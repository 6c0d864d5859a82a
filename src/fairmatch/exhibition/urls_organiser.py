from django.urls import path

from fairmatch.exhibition.views import plan

app_name = "floorplan_admin"
urlpatterns = [
    path("plan/", plan.halls, name="halls"),
    path("plan/halls/<int:pk>/", plan.hall, name="hall"),
    path("plan/halls/<int:pk>/edit/", plan.hall_update, name="hall_update"),
    path("plan/halls/<int:pk>/zones/", plan.zone_add, name="zone_add"),
    path("plan/zones/<int:pk>/", plan.zone_edit, name="zone_edit"),
    path("plan/zones/<int:pk>/delete/", plan.zone_delete, name="zone_delete"),
    path("plan/halls/<int:pk>/booths/", plan.booth_add, name="booth_add"),
    path("plan/halls/<int:pk>/plan.pdf", plan.hall_pdf, name="hall_pdf"),
    path("plan/booths/<int:pk>/", plan.booth_edit, name="booth_edit"),
    path("plan/booths/<int:pk>/split/", plan.booth_split, name="booth_split"),
    path("plan/booths/<int:pk>/merge/", plan.booth_merge, name="booth_merge"),
    path("plan/booths/<int:pk>/delete/", plan.booth_delete, name="booth_delete"),
]
