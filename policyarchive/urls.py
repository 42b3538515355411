from django.contrib import admin
from django.urls import path, re_path

from documents import views
from documents.api import views as api
from documents.feeds import policy_feed
from documents.research import views as research

urlpatterns = [
    path("", views.home, name="home"),
    path("policies/", views.policy_list, name="policy_list"),
    path("policies/<int:pk>/", views.policy_detail, name="policy_detail"),
    path("policies/<int:pk>/compare/<int:other>/", views.policy_compare, name="policy_compare"),
    re_path(r"^policies/export\.(?P<fmt>csv|json|bib|ris)$", views.policy_export, name="policy_export"),
    re_path(r"^policies/(?P<pk>[0-9]+)/export\.(?P<fmt>csv|json|bib|ris)$", views.policy_export_one,
            name="policy_export_one"),
    path("feeds/policies/", policy_feed, name="policy_feed"),
    path("regions/<str:code>/", views.region_detail, name="region_detail"),
    path("targets/", views.target_table_page, name="target_table"),
    re_path(r"^targets/export\.(?P<fmt>csv|json)$", views.target_export, name="target_export"),
    path("data/", views.data_page, name="data"),
    path("diffusion/", research.diffusion_page, name="diffusion"),
    re_path(r"^diffusion/export\.(?P<fmt>csv|json)$", research.diffusion_export, name="diffusion_export"),
    path("compare/", research.compare_page, name="compare"),
    path("api/", api.reference_page, name="api_reference"),
    path("api/", api.api.urls),
    path("admin/", admin.site.urls),
]
