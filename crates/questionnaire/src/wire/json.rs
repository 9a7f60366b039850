//! Reading and writing at a path of object keys, without ever panicking on odd input.

use serde_json::{Map, Value};

pub(super) fn lookup<'v>(root: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(root, |node, key| node.get(key))
}

/// Writes `value` at `path`, turning whatever is in the way into objects.
pub(super) fn insert_at(root: &mut Value, path: &[&str], value: Value) {
    let Some((last, parents)) = path.split_last() else { return };
    let mut node = root;
    for key in parents {
        node = as_object(node).entry(*key).or_insert_with(|| Value::Object(Map::new()));
    }
    as_object(node).insert((*last).to_owned(), value);
}

/// Removes the value at `path`, and any object on the way that this leaves empty.
pub(super) fn remove_at(node: &mut Value, path: &[&str]) {
    let Some(object) = node.as_object_mut() else { return };
    match path {
        [] => {}
        [last] => {
            object.remove(*last);
        }
        [first, rest @ ..] => {
            if let Some(child) = object.get_mut(*first) {
                remove_at(child, rest);
                if child.as_object().is_some_and(Map::is_empty) {
                    object.remove(*first);
                }
            }
        }
    }
}

fn as_object(node: &mut Value) -> &mut Map<String, Value> {
    if !node.is_object() {
        *node = Value::Object(Map::new());
    }
    match node {
        Value::Object(object) => object,
        _ => unreachable!("just made an object"),
    }
}
