from django.urls import path

from fairmatch.onsite.views import press

app_name = "press_accreditation"
urlpatterns = [path("", press.register, name="register")]
