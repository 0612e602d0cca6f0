from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from backend.common.views import api_not_found, healthz
from backend.web.views import spa_index

admin.autodiscover()
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = "Shoulder moderation"
admin.site.site_title = "Shoulder admin"

api_v1 = [
    # First: it takes over the circles app's member-removal path to record it.
    path("", include("backend.moderation.urls")),
    path("", include("backend.privacy.urls")),
    path("", include("backend.accounts.urls")),
    path("", include("backend.circles.urls")),
    path("", include("backend.checkins.urls")),
    path("", include("backend.aftermath.urls")),
    path("", include("backend.notifications.urls")),
    path("", include("backend.web.urls")),
]

urlpatterns = [
    # `make bench-api`'s floors, only when BENCH_FLOORS is on (never in production).
    *([path("", include("backend.common.bench"))] if settings.BENCH_FLOORS else []),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("_allauth/", include("allauth.headless.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("api/v1/", include(api_v1)),
    re_path(r"^(?:api|_allauth)/", api_not_found),
    # Client-side routes of the PWA; paths that look like files are real 404s.
    re_path(r"^(?!admin/|static/)(?P<path>(?:[^.]*))$", spa_index, name="spa"),
]
