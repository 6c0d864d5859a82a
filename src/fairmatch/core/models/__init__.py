from fairmatch.core.models.audit import AuditEntry
from fairmatch.core.models.bilingual import BilingualName, is_chinese_active

__all__ = ["AuditEntry", "BilingualName", "is_chinese_active"]
