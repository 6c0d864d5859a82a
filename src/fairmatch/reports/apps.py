from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "fairmatch.reports"
    label = "reports"
