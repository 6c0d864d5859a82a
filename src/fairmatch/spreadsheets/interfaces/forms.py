"""The import form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from fairmatch.spreadsheets.models import ImportKind


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("The file holds"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("File (XLSX or CSV)"),
        help_text=_("CSV in UTF-8 or GB18030/GBK; the first sheet of a workbook is read."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt"}),
    )
