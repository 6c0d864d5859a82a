from django.apps import AppConfig


class ExhibitionConfig(AppConfig):
    name = "fairmatch.exhibition"
    label = "exhibition"

    def ready(self) -> None:
        from fairmatch.enterprises.domain.applications import completeness_checks
        from fairmatch.exhibition.domain.applications import exhibition_problems

        # Submission needs the exhibition part of an application that takes a booth.
        if exhibition_problems not in completeness_checks:
            completeness_checks.append(exhibition_problems)
