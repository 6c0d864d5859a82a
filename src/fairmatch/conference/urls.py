from django.urls import path

from fairmatch.conference.views import rules

app_name = "rules"
urlpatterns = [
    path("", rules.rule_list, name="list"),
    path("add/<slug:kind>/", rules.rule_add, name="add"),
    path("<int:pk>/", rules.rule_edit, name="edit"),
    path("<int:pk>/toggle/", rules.rule_toggle, name="toggle"),
    path("<int:pk>/delete/", rules.rule_delete, name="delete"),
    path("rates/", rules.rate_save, name="rate_save"),
    path("rates/<int:pk>/delete/", rules.rate_delete, name="rate_delete"),
]
