//! JSON read by the browser's own parser (`JSON.parse`) and handed to the pure crate as a
//! `serde_json::Value`: serde_json's parser would weigh more in the widget than this walk.

use js_sys::{Array, Object, JSON};
use questionnaire::embed::{not_json, refuse_deep_nesting};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// The parsed value, or why the text cannot be read (with the browser's own words when it is
/// not JSON). Nesting is refused before parsing: the walk below recurses once a level.
pub fn parse(text: &str) -> Result<Value, String> {
    refuse_deep_nesting(text)?;
    match JSON::parse(text) {
        Ok(parsed) => Ok(to_value(&parsed)),
        Err(error) => Err(not_json(
            &error.dyn_into::<js_sys::Error>().map(|error| String::from(error.message())).unwrap_or_default(),
        )),
    }
}

fn to_value(js: &JsValue) -> Value {
    if let Some(text) = js.as_string() {
        Value::String(text)
    } else if let Some(number) = js.as_f64() {
        number_value(number)
    } else if let Some(flag) = js.as_bool() {
        Value::Bool(flag)
    } else if Array::is_array(js) {
        let array: &Array = js.unchecked_ref();
        Value::Array((0..array.length()).map(|index| to_value(&array.get(index))).collect())
    } else if js.is_object() {
        let entries = Object::entries(js.unchecked_ref());
        let mut map = Map::new();
        for index in 0..entries.length() {
            let entry: Array = entries.get(index).unchecked_into();
            if let Some(key) = entry.get(0).as_string() {
                map.insert(key, to_value(&entry.get(1)));
            }
        }
        Value::Object(map)
    } else {
        Value::Null
    }
}

/// Whole numbers as integers, as serde_json reads `30` (so `as_u64` and friends work).
fn number_value(number: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: beyond it, f64 skips integers
    if number.fract() == 0.0 && number.abs() <= EXACT {
        Value::Number(Number::from(number as i64))
    } else {
        Number::from_f64(number).map_or(Value::Null, Value::Number)
    }
}
