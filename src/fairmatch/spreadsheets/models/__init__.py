from fairmatch.spreadsheets.models.imports import ExternalId, ImportJob, ImportKind, ImportStatus

__all__ = ["ExternalId", "ImportJob", "ImportKind", "ImportStatus"]
