from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "政策档案"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documents.search import signals  # noqa: F401  (connects the receivers)
