from django.apps import AppConfig


class SpreadsheetsConfig(AppConfig):
    name = "fairmatch.spreadsheets"
    label = "spreadsheets"
