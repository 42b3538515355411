"""The curators' admin: import and review, draft → published → withdrawn, history with revert, issuer merges."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django import forms
from django.db import models, transaction
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from documents.curation import review as reviewing
from documents.curation.forms import ImportForm, MergeIssuersForm, PolicyAdminForm, ReviewForm
from documents.curation.issuers import merge_issuers
from documents.ingest.result import IngestError
from documents.models import ImportRecord, Issuer, Policy, PolicySource, Region, Target, TaskSection
from documents.citations import relink_waiting, save_citations
from documents.reuse import save_reuse
from documents.targets import save_targets, target_key

admin.site.site_header = "政策档案 · 管理"
admin.site.site_title = "政策档案管理"
admin.site.index_title = "内容管理"

IMPORT_PERMS = ("documents.add_importrecord", "documents.add_policy")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "name_hant", "short_name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name", "name_hant", "short_name"]
    autocomplete_fields = ["parent"]


@admin.register(Issuer)
class IssuerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "aliases_display", "kind", "region", "policy_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases"]
    autocomplete_fields = ["region"]
    actions = ["merge"]

    @admin.display(description="别名")
    def aliases_display(self, issuer):
        return "、".join(issuer.aliases)

    @admin.display(description="政策数")
    def policy_count(self, issuer):
        return issuer.policies.count()

    @admin.action(description="合并所选发布机构（别名）", permissions=["change", "delete"])
    def merge(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, "请至少选择两个发布机构", messages.WARNING)
            return None
        form = MergeIssuersForm(request.POST if "target" in request.POST else None, issuers=queryset)
        if form.is_valid():
            target = form.cleaned_data["target"]
            others = [issuer for issuer in queryset if issuer.pk != target.pk]
            moved = merge_issuers(target, others)
            self.message_user(request, f"已将 {'、'.join(o.name for o in others)} 合并到 {target.name}，"
                                       f"{moved} 条政策改为该机构", messages.SUCCESS)
            return None
        return TemplateResponse(request, "admin/documents/issuer/merge.html", {
            **self.admin_site.each_context(request), "title": "合并发布机构", "opts": self.model._meta,
            "form": form, "issuers": queryset, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })


class TaskSectionInline(admin.TabularInline):
    model = TaskSection
    fk_name = "policy"
    fields = ["position", "number", "level", "heading", "anchor"]
    extra = 0
    show_change_link = True


class TargetFormSet(BaseInlineFormSet):
    """A curator's edit marks the target curated; a deletion keeps it as rejected. A rebuild from the
    text (import, reprocess) leaves both alone and does not find them again."""

    def get_queryset(self):
        return super().get_queryset().filter(rejected=False)

    def save_new(self, form, commit=True):
        form.instance.curated = True
        new = form.instance
        new.key = target_key(new.indicator_text or new.indicator, new.sentence, new.measure, new.value_low,
                             new.value_high, new.unit)
        return super().save_new(form, commit)

    def save_existing(self, form, obj, commit=True):
        form.instance.curated = True
        return super().save_existing(form, obj, commit)

    def delete_existing(self, obj, commit=True):
        obj.rejected = True
        if commit:
            obj.save(update_fields=["rejected"])


class TargetInline(admin.TabularInline):
    model = Target
    formset = TargetFormSet
    fields = ["indicator", "indicator_text", "kind", "measure", "year", "value_low", "value_high", "unit", "modifier",
              "sentence", "curated"]
    readonly_fields = ["curated"]
    # Eleven columns: narrow inputs keep the inline within the page instead of 2,000 px wide.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 28})},
                           models.CharField: {"widget": forms.TextInput(attrs={"size": 12})},
                           models.DecimalField: {"widget": forms.NumberInput(attrs={"style": "width: 6em"})},
                           models.FloatField: {"widget": forms.NumberInput(attrs={"style": "width: 6em"})},
                           models.PositiveSmallIntegerField: {"widget": forms.NumberInput(attrs={"style": "width: 5em"})}}
    extra = 0
    verbose_name_plural = "量化目标（修改或删除后，重新导入和重新处理不会覆盖）"


URL_HTTPS = {models.URLField: {"assume_scheme": "https"}}  # Django 6's default, for the source links


class PolicySourceInline(admin.TabularInline):
    model = PolicySource
    formfield_overrides = URL_HTTPS
    fields = ["site", "url", "import_record", "created"]
    readonly_fields = ["import_record", "created"]
    extra = 0


class ImportRecordInline(admin.TabularInline):
    model = ImportRecord
    fields = ["file_name", "sheet", "row", "outcome", "encoding", "created", "raw_link"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "导入记录（原始字节逐字保存）"

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="原始文件")
    def raw_link(self, record):
        return raw_link(record)


def raw_link(record):
    return format_html('<a href="{}">下载原始文件</a>', reverse("admin:documents_importrecord_raw", args=[record.pk]))


@admin.register(Policy)
class PolicyAdmin(SimpleHistoryAdmin):
    form = PolicyAdminForm
    formfield_overrides = URL_HTTPS
    change_list_template = "admin/documents/policy/change_list.html"
    list_display = ["title", "region", "policy_type", "date_display", "status", "warning_count", "updated"]
    list_filter = ["status", "policy_type", "date_precision", "script", ("province", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "title_en", "doc_number", "clean_text"]
    autocomplete_fields = ["region", "issuers"]
    readonly_fields = ["province", "date", "content_hash", "raw_text", "simplified_text", "created", "updated",
                       "warnings_display", "public_link"]
    fieldsets = [
        (None, {"fields": ["title", "title_en", "doc_number", "issuers", "region", "province", "policy_type",
                           "status", "public_link"]}),
        ("日期", {"fields": [("date_year", "date_month", "date_day"), "date_precision", "date", "effective_date"]}),
        ("来源", {"fields": ["source_site", "source_url", "citation_code", "source_key", "script"]}),
        ("正文", {"fields": ["clean_text"]}),
        ("质量与处理", {"fields": ["warnings_display", "manual_fields", "content_hash", "created", "updated"]}),
        ("原始文本", {"classes": ["collapse"], "fields": ["raw_text", "simplified_text"]}),
    ]
    inlines = [TargetInline, TaskSectionInline, PolicySourceInline, ImportRecordInline]
    date_hierarchy = "created"
    actions = ["publish", "withdraw"]
    history_list_display = ["status", "title"]

    @admin.display(description="日期")
    def date_display(self, policy):
        return policy.date_display

    @admin.display(description="警告")
    def warning_count(self, policy):
        return len(policy.quality_warnings) or ""

    @admin.display(description="质量警告")
    def warnings_display(self, policy):
        if not policy.quality_warnings:
            return "无"
        return format_html("<ul>{}</ul>", format_html_join_items(policy.quality_warnings))

    @admin.display(description="公开页面")
    def public_link(self, policy):
        if policy.pk and policy.status == Policy.Status.PUBLISHED:
            return format_html('<a href="{}" target="_blank">{}</a>', policy.get_absolute_url(),
                               policy.get_absolute_url())
        return "未发布，公众不可见"

    # Editors edit drafts; once published, a policy is changed by publishers only.
    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or obj.status == Policy.Status.DRAFT or self.has_publish_permission(request)

    def has_publish_permission(self, request):
        return request.user.has_perm("documents.publish_policy")

    def has_withdraw_permission(self, request):
        return request.user.has_perm("documents.withdraw_policy")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not (self.has_publish_permission(request) or self.has_withdraw_permission(request)):
            fields.append("status")
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def add_view(self, request, form_url="", extra_context=None):
        # New policies come from an import, so that their raw input is kept.
        return redirect("admin:documents_importrecord_import")

    def save_model(self, request, obj, form, change):
        manual = set(obj.manual_fields)
        if "manual_fields" not in form.changed_data:  # a curator clearing a flag is not an edit to flag
            manual |= set(form.manual_fields())
        obj.manual_fields = sorted(manual)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and {"clean_text", "date_year", "policy_type"} & set(form.changed_data):
            # After the inlines: a target the curator just corrected is curated, and the rebuild keeps it.
            save_targets(form.instance)
        if change and {"clean_text", "title", "date_year", "date_month", "date_day"} & set(form.changed_data):
            save_citations(form.instance)
            save_reuse(form.instance)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is TaskSection and formset.has_changed():
            policy = form.instance
            if "sections" not in policy.manual_fields:
                Policy.objects.filter(pk=policy.pk).update(manual_fields=sorted({*policy.manual_fields, "sections"}))

    @admin.action(description="发布所选政策", permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(request, queryset.exclude(status=Policy.Status.PUBLISHED), Policy.Status.PUBLISHED)

    @admin.action(description="撤回所选政策", permissions=["withdraw"])
    def withdraw(self, request, queryset):
        self._set_status(request, queryset.filter(status=Policy.Status.PUBLISHED), Policy.Status.WITHDRAWN)

    def _set_status(self, request, queryset, status):
        with transaction.atomic():
            policies = list(queryset.select_for_update())
            for policy in policies:
                policy.status = status
                policy._change_reason = Policy.Status(status).label
                policy.save(update_fields=["status", "updated"])  # saved one by one: each gets a history row
                self.log_change(request, policy, f"状态改为{policy.get_status_display()}")
                relink_waiting(policy)  # published, it can be cited; withdrawn, no longer
        self.message_user(request, f"{len(policies)} 条政策已{Policy.Status(status).label}", messages.SUCCESS)


def format_html_join_items(warnings):
    from django.utils.html import format_html_join

    return format_html_join(
        "", "<li><code>{}</code> {}{}</li>",
        ((w.get("kind", ""), w.get("message", ""), f"：…{w['context']}…" if w.get("context") else "")
         for w in warnings),
    )


@admin.register(TaskSection)
class TaskSectionAdmin(SimpleHistoryAdmin):
    list_display = ["policy", "number", "heading", "level", "position"]
    list_filter = ["level"]
    search_fields = ["heading", "body", "policy__title"]
    raw_id_fields = ["policy", "parent"]

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return (obj is None or obj.policy.status == Policy.Status.DRAFT
                or request.user.has_perm("documents.publish_policy"))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        policy = obj.policy
        if "sections" not in policy.manual_fields:
            Policy.objects.filter(pk=policy.pk).update(manual_fields=sorted({*policy.manual_fields, "sections"}))


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    change_list_template = "admin/documents/importrecord/change_list.html"
    list_display = ["file_name", "sheet", "row", "outcome", "encoding", "policy", "created", "next_step"]
    list_filter = ["outcome", "encoding"]
    search_fields = ["file_name", "source_key", "raw_sha256"]
    readonly_fields = ["policy", "file_name", "sheet", "row", "source_key", "raw_sha256", "file_sha256", "encoding", "stages", "outcome", "created",
                       "raw_file"]
    exclude = ["raw_bytes"]

    @admin.display(description="")
    def next_step(self, record):
        if record.outcome == ImportRecord.Outcome.PENDING:
            return format_html('<a class="button" href="{}">审核</a>',
                               reverse("admin:documents_importrecord_review", args=[record.pk]))
        return raw_link(record)

    @admin.display(description="原始文件")
    def raw_file(self, record):
        return raw_link(record)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="documents_importrecord_import"),
            path("<int:pk>/review/", view(self.review_view), name="documents_importrecord_review"),
            path("<int:pk>/raw/", view(self.raw_view), name="documents_importrecord_raw"),
        ] + super().get_urls()

    def add_view(self, request, form_url="", extra_context=None):
        return redirect("admin:documents_importrecord_import")

    def has_change_permission(self, request, obj=None):
        return False  # records are the verbatim input: never edited, only reviewed

    def has_delete_permission(self, request, obj=None):
        return False  # nothing imported is ever lost

    def _require(self, request, *perms):
        if not request.user.has_perms(perms):
            raise PermissionDenied

    def import_view(self, request):
        self._require(request, *IMPORT_PERMS)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            received = []
            for upload in form.cleaned_data["files"]:
                received += self._receive(request, upload.name, lambda u=upload: reviewing.receive(u.read(), u.name))
            if form.cleaned_data["text"].strip():
                received += self._receive(request, reviewing.PASTE_FILENAME,
                                          lambda: [reviewing.receive_text(form.cleaned_data["text"])])
            if len(received) == 1:
                return redirect("admin:documents_importrecord_review", received[0].pk)
            if received:
                self.message_user(request, f"已接收 {len(received)} 份文件（表格每行一份），请逐一审核", messages.SUCCESS)
                return redirect(reverse("admin:documents_importrecord_changelist") + "?outcome__exact=pending")
        return TemplateResponse(request, "admin/documents/importrecord/import.html", {
            **self.admin_site.each_context(request), "title": "导入政策文件", "opts": self.model._meta, "form": form,
        })

    def _receive(self, request, name, receive):
        try:
            return receive()
        except IngestError as error:
            self.message_user(request, f"未导入 {name}：{error}", messages.ERROR)
            return []

    def review_view(self, request, pk):
        self._require(request, *IMPORT_PERMS)
        record = get_object_or_404(ImportRecord, pk=pk)
        if record.outcome != ImportRecord.Outcome.PENDING:
            self.message_user(request, f"导入记录 #{record.pk} 已处理：{record.get_outcome_display()}", messages.INFO)
            target = record.policy or record
            return redirect(f"admin:documents_{target._meta.model_name}_change", target.pk)
        try:
            review = reviewing.load(record)
        except IngestError as error:  # a pipeline change since upload now refuses these bytes
            self.message_user(request, f"流水线无法处理：{error}", messages.ERROR)
            return redirect("admin:documents_importrecord_change", record.pk)
        action = request.POST.get("action") if request.method == "POST" else None
        form = ReviewForm.for_result(review.result, request.POST if action in ("draft", "publish") else None)
        can_publish = request.user.has_perm("documents.publish_policy")
        if action == "discard":
            reviewing.discard(record)
            self.message_user(request, f"已放弃 {record.location}（原始文件仍保存在导入记录中）", messages.INFO)
            return redirect("admin:documents_importrecord_changelist")
        if action == "attach":
            policy = get_object_or_404(Policy, pk=request.POST.get("policy"))
            reviewing.attach(review, policy)
            self.message_user(request, f"已作为「{policy.title}」的另一来源保存", messages.SUCCESS)
            return redirect("admin:documents_policy_change", policy.pk)
        if action in ("draft", "publish") and form.is_valid():
            if action == "publish" and not can_publish:
                raise PermissionDenied
            status = Policy.Status.PUBLISHED if action == "publish" else Policy.Status.DRAFT
            try:
                policy = reviewing.accept(review, form.cleaned_data, status=status, manual=form.manual_fields())
            except reviewing.DuplicateContent as duplicate:
                self.message_user(request, str(duplicate), messages.ERROR)
            else:
                self.message_user(request, f"「{policy.title}」已{'发布' if action == 'publish' else '保存为草稿'}",
                                  messages.SUCCESS)
                return redirect("admin:documents_policy_change", policy.pk)
        result = review.result
        spans = reviewing.suspect_spans(result)
        warnings = [{**w.__dict__, "context_html": mark_safe(reviewing.highlight_raw(w.context, spans))}
                    for w in result.warnings]
        return TemplateResponse(request, "admin/documents/importrecord/review.html", {
            **self.admin_site.each_context(request),
            "title": f"审核导入：{record.location}", "opts": self.model._meta, "record": record,
            "review": review, "result": result, "form": form, "can_publish": can_publish,
            "media": self.media + form.media,
            "raw_html": mark_safe(reviewing.highlight_raw(result.raw_text, spans)),  # escaped, then <mark>
            "warnings": warnings,
            "section_tree": section_tree(result.sections),
            "precision_label": Policy.DatePrecision(result.date_precision).label,
        })

    def raw_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        record = get_object_or_404(ImportRecord, pk=pk)
        response = HttpResponse(bytes(record.raw_bytes), content_type="application/octet-stream")
        # A table row is kept as its cells (JSON), not as the whole workbook: name the download so.
        name = record.file_name if record.row is None else f"{record.file_name}.{record.sheet or 'row'}.{record.row}.json"
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(name)}"
        return response


def _quote(name):
    from urllib.parse import quote

    return quote(name)


def section_tree(sections):
    """Sections nested by parent, for the review screen: [(section, children), …]."""
    children = {i: [] for i in range(len(sections))}
    roots = []
    for index, section in enumerate(sections):
        (children[section.parent] if section.parent is not None else roots).append(index)

    def build(indices):
        return [(sections[i], build(children[i])) for i in indices]

    return build(roots)


@admin.register(PolicySource)
class PolicySourceAdmin(admin.ModelAdmin):
    formfield_overrides = URL_HTTPS
    list_display = ["policy", "site", "url", "created"]
    search_fields = ["site", "url", "policy__title"]
    raw_id_fields = ["policy", "import_record"]
