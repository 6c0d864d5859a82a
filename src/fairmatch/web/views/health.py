from django.http import HttpRequest, JsonResponse


def health(request: HttpRequest) -> JsonResponse:
    """Liveness for load balancers; also the baseline view of the web benchmark."""
    return JsonResponse({"status": "ok"})
