from django.urls import path

from fairmatch.scheduling.views import agenda

app_name = "scheduling"
urlpatterns = [
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda/calendar/new-address/", agenda.new_feed_address, name="new_feed_address"),
    path("agenda.pdf", agenda.agenda_pdf, name="agenda_pdf"),
    path("availability/", agenda.availability, name="availability"),
]
