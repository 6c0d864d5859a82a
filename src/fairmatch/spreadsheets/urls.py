from django.urls import path

from fairmatch.spreadsheets.views import exports, imports

app_name = "spreadsheets"
urlpatterns = [
    path("import/", imports.import_page, name="import"),
    path("import/upload/", imports.upload, name="upload"),
    path("import/<int:pk>/", imports.job, name="job"),
    path("import/<int:pk>/commit/", imports.commit, name="commit"),
    path("import/templates/<slug:kind>.<slug:fmt>", imports.template, name="template"),
    path("export/", exports.export_page, name="export"),
    path("export/<slug:slug>.<slug:fmt>", exports.download, name="download"),
]
