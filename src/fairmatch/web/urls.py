from django.urls import path

from fairmatch.web.views.errors import favicon
from fairmatch.web.views.health import health
from fairmatch.web.views.home import delegate, home, start

app_name = "web"
urlpatterns = [
    path("", home, name="home"),
    path("start/", start, name="start"),
    path("e/<slug:edition>/home/", delegate, name="delegate_home"),
    path("health/", health, name="health"),
    path("favicon.ico", favicon, name="favicon"),
]
