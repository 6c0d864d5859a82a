from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "fairmatch.enterprises"
    label = "enterprises"

    def ready(self) -> None:
        from fairmatch.conference.domain.rules import rules_changed
        from fairmatch.enterprises.domain.notifications import on_state_changed
        from fairmatch.enterprises.domain.qualification import on_rules_changed
        from fairmatch.enterprises.domain.workflow import state_changed

        state_changed.connect(on_state_changed, dispatch_uid="enterprises.state_change_mail")
        rules_changed.connect(on_rules_changed, dispatch_uid="enterprises.refresh_verdicts")
