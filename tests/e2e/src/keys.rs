//! Keys pressed as a person presses them: down, held about 120 ms, up, into whatever has the
//! focus, through WebDriver's actions (an element's "send keys" would first move the focus to
//! that element, which a person pressing Tab never does).

use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use crate::Browser;

/// How long a key is held down.
const HELD: Duration = Duration::from_millis(120);

impl Browser {
    /// Presses `key` once, into the focused element; a refused press fails the test.
    pub async fn press(&self, key: Key) {
        let key = char::from(key);
        let press = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Pause { duration: HELD })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(press).await.unwrap_or_else(|e| panic!("pressing {key:?} was refused: {e}"));
    }
}

impl Browser {
    /// Presses `element` with the mouse as a person does: the pointer onto it, down, held about
    /// 120 ms, up. `while_held` runs between down and up (e.g. letting the app arrive then).
    pub async fn press_on(&self, element: &fantoccini::elements::Element, while_held: Option<&str>) {
        use fantoccini::actions::{MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
        let down = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement { element: element.clone(), duration: None, x: 0.0, y: 0.0 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT });
        self.client.perform_actions(down).await.unwrap_or_else(|e| panic!("pressing was refused: {e}"));
        if let Some(script) = while_held {
            self.client.execute(script, Vec::new()).await.unwrap();
        }
        let up = MouseActions::new("mouse".into())
            .then(PointerAction::Pause { duration: HELD })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        self.client.perform_actions(up).await.unwrap_or_else(|e| panic!("releasing was refused: {e}"));
    }
}
