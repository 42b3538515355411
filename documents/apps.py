from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "政策档案"
    default_auto_field = "django.db.models.BigAutoField"
