from fairmatch.reports.models.snapshots import PressSnapshot

__all__ = ["PressSnapshot"]
