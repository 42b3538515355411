from django.contrib import admin
from django.urls import path

from documents import api, views

urlpatterns = [
    path("", views.home, name="home"),
    path("policies/", views.policy_list, name="policy_list"),
    path("policies/<int:pk>/", views.policy_detail, name="policy_detail"),
    path("regions/<str:code>/", views.region_detail, name="region_detail"),
    path("api/policies/<int:pk>/", api.policy_detail, name="api_policy_detail"),
    path("admin/", admin.site.urls),
]
