"""Empty files to fill in, one per kind of import, with headers in English or Chinese.

An XLSX template has a second sheet listing the codes the columns accept (fields,
cooperation kinds, ranks) in both languages.
"""

from io import BytesIO

from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook

from fairmatch.conference.models import CooperationKind, Field, Rank
from fairmatch.core.interfaces.tables import table_csv
from fairmatch.spreadsheets.domain.columns import header_labels


def template_file(kind: str, fmt: str, language: str) -> bytes:
    """The template of ``kind`` as ``csv`` or ``xlsx``, its header in ``language``."""
    header = header_labels(kind, language)
    if fmt == "csv":
        return table_csv(header, [])
    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind)
    sheet.append(header)
    with override(language):
        codes = book.create_sheet(_("Codes")[:31])
        codes.append([_("List"), _("Code"), _("English"), _("Chinese")])
        for title, model in (
            (_("Field"), Field),
            (_("Cooperation kind"), CooperationKind),
            (_("Rank"), Rank),
        ):
            for obj in model.objects.all():
                codes.append([title, obj.code, obj.name_en, obj.name_zh])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
