"""OpenAPI parameters read off the forms that validate them: the filter sets of the search and the
targets are the one definition of each parameter's type and limits, the description is added here."""

from django import forms


def field_schema(field: forms.Field) -> dict:
    """The JSON Schema of a form field's value as it travels in a query string."""
    if isinstance(field, forms.ModelChoiceField):
        # Region filters take a code (to_field_name), the issuer filter an id.
        return {"type": "string"} if field.to_field_name else {"type": "integer"}
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [value for value, _ in field.choices if value != ""]}
    if isinstance(field, forms.IntegerField):
        schema = {"type": "integer"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        if field.max_value is not None:
            schema["maximum"] = field.max_value
        return schema
    if isinstance(field, (forms.DecimalField, forms.FloatField)):
        return {"type": "number"}
    schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return schema


def query_parameters(filterset_class, described: dict[str, tuple[str, object]]) -> list[dict]:
    """One `in: query` parameter per field of the filter set's form, in `described`'s order:
    name → (description, example or None). A form field left undescribed is a mistake, caught here."""
    fields = filterset_class().form.fields
    missing = set(fields) ^ set(described)
    if missing:
        raise ValueError(f"parameters described and validated differ: {sorted(missing)}")
    parameters = []
    for name, (description, example) in described.items():
        parameter = {"name": name, "in": "query", "required": False, "description": description,
                     "schema": field_schema(fields[name])}
        if example is not None:
            parameter["example"] = example
        parameters.append(parameter)
    return parameters
