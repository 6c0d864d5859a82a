from django.urls import path

from fairmatch.exhibition.views import public_plan

app_name = "floorplan"
urlpatterns = [
    path("plan/", public_plan.plan, name="plan"),
    path("plan.pdf", public_plan.plan_pdf, name="plan_pdf"),
]
