"""The curator's forms: upload, review of an import, and the policy edit form's bookkeeping."""

import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple

from documents.chinese import to_simplified
from documents.importing import content_hash, date_precision
from documents.ingest.pipeline import SUFFIXES
from documents.ingest.result import POLICY_TYPES, IngestResult
from documents.models import Issuer, Policy, Region

UPLOAD_SUFFIXES = tuple(sorted(SUFFIXES - {""}))  # what the pipeline reads (a table: one document a row)
# Form fields → the manual field (Policy.MANUAL_FIELDS) a change to them marks.
FIELD_TO_MANUAL = {"date_year": "date", "date_month": "date", "date_day": "date"}


def manual_fields_changed(changed_data) -> list[str]:
    from documents.models import MANUAL_FIELDS

    names = {FIELD_TO_MANUAL.get(name, name) for name in changed_data}
    return sorted(names & set(MANUAL_FIELDS))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (the pattern Django's file upload docs give)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(UPLOAD_SUFFIXES)}))
        kwargs.setdefault("allow_empty_file", True)  # the pipeline refuses it with the reason, file by file
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    files = MultipleFileField(label="文件", required=False,
                              help_text="可多选：" + "、".join(UPLOAD_SUFFIXES))
    text = forms.CharField(label="或粘贴文本", required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 12, "cols": 80}))

    def clean(self):
        data = super().clean()
        if not data.get("files") and not (data.get("text") or "").strip():
            raise forms.ValidationError("请选择至少一个文件，或粘贴文本")
        return data


class DateFieldsMixin:
    """Year, month and day as separate optional fields: a policy may say only 8月31日 or only 2024年."""

    def clean_date_parts(self, year, month, day):
        if day and not month:
            raise forms.ValidationError("有“日”时必须有“月”")
        if year and month and day:
            try:
                datetime.date(year, month, day)
            except ValueError:
                raise forms.ValidationError(f"{year}年{month}月{day}日不是有效日期") from None


class ReviewForm(DateFieldsMixin, forms.Form):
    title = forms.CharField(label="标题", max_length=500, widget=forms.TextInput(attrs={"size": 70}))
    doc_number = forms.CharField(label="文号", max_length=100, required=False)
    issuers = forms.CharField(label="发布机构", required=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 40}),
                              help_text="每行一个；已知机构的别名会归到该机构")
    region = forms.ModelChoiceField(
        label="地区", queryset=Region.objects.all(), required=False,
        widget=AutocompleteSelect(Policy._meta.get_field("region"), admin.site),
    )
    policy_type = forms.ChoiceField(label="类型", choices=[(t, t) for t in POLICY_TYPES])
    date_year = forms.IntegerField(label="年", required=False, min_value=1949, max_value=2100)
    date_month = forms.IntegerField(label="月", required=False, min_value=1, max_value=12)
    date_day = forms.IntegerField(label="日", required=False, min_value=1, max_value=31)
    source_site = forms.CharField(label="来源网站", max_length=200, required=False)
    source_url = forms.URLField(label="来源链接", max_length=1000, required=False, assume_scheme="https")

    @classmethod
    def for_result(cls, result: IngestResult, data=None):
        initial = {
            "title": result.title or result.filename, "doc_number": result.doc_number,
            "issuers": "\n".join(result.issuers),
            "region": Region.objects.filter(code=result.region_code).first() if result.region_code else None,
            "policy_type": result.policy_type, "date_year": result.date_year, "date_month": result.date_month,
            "date_day": result.date_day, "source_site": result.source_site, "source_url": result.source_url[:1000],
        }
        return cls(data, initial=initial)

    def clean_issuers(self):
        return [line.strip() for line in self.cleaned_data["issuers"].splitlines() if line.strip()]

    def clean(self):
        data = super().clean()
        self.clean_date_parts(data.get("date_year"), data.get("date_month"), data.get("date_day"))
        return data

    @property
    def date_precision(self):
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else self.initial
        return date_precision(data.get("date_year"), data.get("date_month"), data.get("date_day"))

    def manual_fields(self) -> list[str]:
        changed = [name for name in self.changed_data if name != "issuers"]
        initial_issuers = [n for n in (self.initial.get("issuers") or "").splitlines() if n.strip()]
        if self.cleaned_data["issuers"] != initial_issuers:
            changed.append("issuers")
        return manual_fields_changed(changed)


class PolicyAdminForm(DateFieldsMixin, forms.ModelForm):
    """The policy edit form: derives the date precision and the text's hash, checks status changes."""

    user = None  # set per request by PolicyAdmin.get_form
    source_url = forms.URLField(label="来源链接", max_length=1000, required=False, assume_scheme="https")

    class Meta:
        model = Policy
        fields = "__all__"
        widgets = {
            "region": AutocompleteSelect(Policy._meta.get_field("region"), admin.site),
            "issuers": AutocompleteSelectMultiple(Policy._meta.get_field("issuers"), admin.site),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "date_precision" in self.fields:
            self.fields["date_precision"].disabled = True
            self.fields["date_precision"].help_text = "由年、月、日自动得出"

    def clean(self):
        data = super().clean()
        year, month, day = data.get("date_year"), data.get("date_month"), data.get("date_day")
        self.clean_date_parts(year, month, day)
        if "date_precision" in self.fields:
            data["date_precision"] = date_precision(year, month, day)
        self._check_status(data.get("status"))
        if "clean_text" in self.changed_data and data.get("clean_text"):
            simplified = to_simplified(data["clean_text"])
            digest = content_hash(simplified)
            clash = Policy.objects.filter(content_hash=digest).exclude(pk=self.instance.pk).first()
            if clash:
                raise forms.ValidationError(f"修改后的正文与已有政策 #{clash.pk}「{clash.title}」完全相同")
            self.instance.simplified_text, self.instance.content_hash = simplified, digest
            self.instance.minhash = None  # recomputed at the next duplicate lookup
        return data

    def _check_status(self, new):
        old = self.instance.status if self.instance.pk else Policy.Status.DRAFT
        if new is None or new == old or self.user is None:
            return
        needed = {
            Policy.Status.PUBLISHED: "documents.publish_policy",
            Policy.Status.WITHDRAWN: "documents.withdraw_policy",
            Policy.Status.DRAFT: "documents.withdraw_policy",  # taking a published policy back to draft
        }[new]
        if not self.user.has_perm(needed):
            raise forms.ValidationError({"status": f"你没有把政策改为“{Policy.Status(new).label}”的权限"})

    def manual_fields(self) -> list[str]:
        return manual_fields_changed(self.changed_data)


class MergeIssuersForm(forms.Form):
    target = forms.ModelChoiceField(label="合并到", queryset=Issuer.objects.none(), widget=forms.RadioSelect,
                                    empty_label=None)

    def __init__(self, *args, issuers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = issuers
