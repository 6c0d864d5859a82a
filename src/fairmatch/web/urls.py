from django.urls import path

from fairmatch.web.views.errors import favicon
from fairmatch.web.views.health import health
from fairmatch.web.views.home import home

app_name = "web"
urlpatterns = [
    path("", home, name="home"),
    path("health/", health, name="health"),
    path("favicon.ico", favicon, name="favicon"),
]
