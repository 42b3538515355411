from django.contrib import admin
from django.urls import path, re_path

from documents import api, views
from documents.feeds import policy_feed

urlpatterns = [
    path("", views.home, name="home"),
    path("policies/", views.policy_list, name="policy_list"),
    path("policies/<int:pk>/", views.policy_detail, name="policy_detail"),
    re_path(r"^policies/export\.(?P<fmt>csv|json|bib|ris)$", views.policy_export, name="policy_export"),
    re_path(r"^policies/(?P<pk>[0-9]+)/export\.(?P<fmt>csv|json|bib|ris)$", views.policy_export_one,
            name="policy_export_one"),
    path("feeds/policies/", policy_feed, name="policy_feed"),
    path("regions/<str:code>/", views.region_detail, name="region_detail"),
    path("targets/", views.target_table_page, name="target_table"),
    re_path(r"^targets/export\.(?P<fmt>csv|json)$", views.target_export, name="target_export"),
    path("api/targets/", api.target_list, name="api_target_list"),
    path("api/policies/", api.policy_list, name="api_policy_list"),
    path("api/policies/<int:pk>/", api.policy_detail, name="api_policy_detail"),
    path("admin/", admin.site.urls),
]
