//! Atlassian's own OpenAPI document for the Privacy & Security API, as the stand-in reads it:
//! the vendored excerpt (`crates/questionnaire/spec/`, provenance in its README) and its schemas
//! made into JSON Schema documents a validator takes.
//!
//! OpenAPI 3.0 schemas are JSON Schema draft 4 with a few differences, handled here once:
//! `$ref`s point into `components/schemas` (kept as they are, inside each document built
//! here), `nullable: true` adds `null` to the type, and formats JSON Schema does not know
//! (`int32`, `int64`) are ignored. One quirk of this document, read as `spec/README.md` says:
//! an enum whose values are of another type than the declared one widens the type to theirs
//! (the tri-state flags: `"type": "string"`, `"enum": [true, false, "NOT_APPLICABLE"]`).

use std::sync::LazyLock;

use serde_json::{json, Map, Value};

/// The vendored document: the one copy the questionnaire's tests read too.
pub const DOCUMENT: &str = include_str!("../../questionnaire/spec/marketplace-v3-privacy.openapi.json");

/// The v3 PUT body's schema: `{"commonCloud": AppTrustInformation}`.
pub const V3_BODY: &str = "AppPrivacyAndSecurity";
/// The groups a partner writes (inside either wrapper).
pub const TRUST_INFORMATION: &str = "AppTrustInformation";

/// The document's `components/schemas`, made plain JSON Schema.
pub static SCHEMAS: LazyLock<Map<String, Value>> = LazyLock::new(|| {
    let document: Value = serde_json::from_str(DOCUMENT).expect("the vendored OpenAPI document is JSON");
    let mut schemas = document["components"]["schemas"].clone();
    normalise(&mut schemas);
    match schemas {
        Value::Object(schemas) => schemas,
        _ => panic!("the OpenAPI document has no components/schemas"),
    }
});

/// A JSON Schema document whose root is `root`, with every component it may refer to.
pub fn document_for(root: Value) -> Value {
    json!({ "allOf": [root], "components": { "schemas": Value::Object(SCHEMAS.clone()) } })
}

/// A reference to the component `name`.
pub fn component(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// OpenAPI 3.0 → JSON Schema, in place (see the module's note).
fn normalise(node: &mut Value) {
    match node {
        Value::Object(object) => {
            for child in object.values_mut() {
                normalise(child);
            }
            let mut types: Vec<Value> = match object.get("type") {
                Some(Value::String(declared)) => vec![Value::from(declared.as_str())],
                Some(Value::Array(declared)) => declared.clone(),
                _ => return,
            };
            if let Some(options) = object.get("enum").and_then(Value::as_array) {
                for option in options {
                    let own = Value::from(type_name(option));
                    if !types.contains(&own) {
                        types.push(own);
                    }
                }
            }
            if object.remove("nullable") == Some(Value::Bool(true)) {
                types.push(Value::from("null"));
                if let Some(Value::Array(options)) = object.get_mut("enum") {
                    options.push(Value::Null);
                }
            }
            let widened = if types.len() == 1 { types.remove(0) } else { Value::Array(types) };
            object.insert("type".into(), widened);
        }
        Value::Array(items) => items.iter_mut().for_each(normalise),
        _ => {}
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tri_state_flags_take_their_enum_s_own_types() {
        let flag = &SCHEMAS["DataProcessingAgreement"]["properties"]["isDPASupported"];
        assert_eq!(flag["type"], json!(["string", "boolean"]));
        assert_eq!(SCHEMAS["Security"]["properties"]["securityContact"]["type"], "string", "others are untouched");
    }

    #[test]
    fn nullable_adds_null() {
        let mut schema = json!({"type": "string", "nullable": true, "enum": ["A"]});
        normalise(&mut schema);
        assert_eq!(schema, json!({"type": ["string", "null"], "enum": ["A", null]}));
    }
}
