from django.urls import path

from fairmatch.exhibition.views import allocation

app_name = "exhibition_allocation"
urlpatterns = [
    path("", allocation.overview, name="overview"),
    path("runs/", allocation.start_run, name="start_run"),
    path("runs/compare/", allocation.compare_runs, name="compare"),
    path("runs/<int:pk>/", allocation.run_detail, name="run"),
    path("runs/<int:pk>/cancel/", allocation.cancel_run, name="cancel_run"),
    path("runs/<int:pk>/apply/", allocation.apply_run, name="apply_run"),
    path("plan/assign/", allocation.assign, name="assign"),
    path("plan/swap/", allocation.swap, name="swap"),
    path("plan/booths/<int:pk>/<str:action>/", allocation.booth_action, name="booth_action"),
    path("publish/", allocation.publish, name="publish"),
]
