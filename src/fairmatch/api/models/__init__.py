from fairmatch.api.models.tokens import ApiToken, TokenScope
from fairmatch.api.models.webhooks import DeliveryState, WebhookDelivery, WebhookEndpoint

__all__ = ["ApiToken", "DeliveryState", "TokenScope", "WebhookDelivery", "WebhookEndpoint"]
