from fairmatch.web.models.visits import HomeVisit

__all__ = ["HomeVisit"]
