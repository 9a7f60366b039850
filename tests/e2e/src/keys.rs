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
