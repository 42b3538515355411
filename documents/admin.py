from django.contrib import admin

from documents.models import ImportRecord, Issuer, Policy, Region, TaskSection

admin.site.site_header = "政策档案 · 管理"
admin.site.site_title = "政策档案管理"
admin.site.index_title = "内容管理"


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_hant", "short_name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name", "name_hant", "short_name"]
    autocomplete_fields = ["parent"]


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases"]
    autocomplete_fields = ["region"]


class TaskSectionInline(admin.TabularInline):
    model = TaskSection
    fk_name = "policy"
    fields = ["position", "number", "level", "heading", "anchor"]
    extra = 0
    show_change_link = True


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "policy_type", "date_display", "status", "updated"]
    list_filter = ["status", "policy_type", "date_precision", "script", ("province", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "doc_number", "clean_text"]
    autocomplete_fields = ["region", "issuers"]
    readonly_fields = ["province", "date", "content_hash", "raw_text", "simplified_text", "created", "updated"]
    inlines = [TaskSectionInline]
    date_hierarchy = "created"

    @admin.display(description="日期")
    def date_display(self, policy):
        return policy.date_display


@admin.register(TaskSection)
class TaskSectionAdmin(admin.ModelAdmin):
    list_display = ["policy", "number", "heading", "level", "position"]
    list_filter = ["level"]
    search_fields = ["heading", "body", "policy__title"]
    raw_id_fields = ["policy", "parent"]


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    list_display = ["file_name", "outcome", "encoding", "policy", "created"]
    list_filter = ["outcome", "encoding"]
    search_fields = ["file_name", "source_key", "raw_sha256"]
    readonly_fields = ["policy", "file_name", "source_key", "raw_sha256", "encoding", "stages", "outcome", "created"]
    exclude = ["raw_bytes"]
