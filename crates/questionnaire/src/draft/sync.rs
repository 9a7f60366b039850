//! Two tabs on one draft. When another tab saves, this tab merges: what only the other tab
//! changed is taken quietly, what only this tab changed is kept, and a question both changed
//! differently is a conflict the partner settles ("use theirs" or "keep mine").

use std::collections::BTreeSet;

use crate::answers::{Answer, Answers};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The answers to show now: theirs merged with mine, mine kept where both changed.
    pub answers: Answers,
    /// Questions both tabs changed differently since this tab's last save, in id order.
    pub conflicts: Vec<Conflict>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    /// `None`: no answer (cleared, or never given) on that side.
    pub mine: Option<Answer>,
    pub theirs: Option<Answer>,
}

/// Three-way merge of the answers. `base`: what this tab last saved or read from storage;
/// `mine`: what it shows now; `theirs`: what the other tab has just saved.
pub fn merge(base: &Answers, mine: &Answers, theirs: &Answers) -> Merged {
    let ids: BTreeSet<&str> = base.iter().chain(mine.iter()).chain(theirs.iter()).map(|(id, _)| id).collect();
    let mut answers = Answers::new();
    let mut conflicts = Vec::new();
    for id in ids {
        let (was, mine, theirs) = (base.get(id), mine.get(id), theirs.get(id));
        let kept = if mine == was || mine == theirs {
            theirs
        } else {
            if theirs != was {
                conflicts.push(Conflict { id: id.to_owned(), mine: mine.cloned(), theirs: theirs.cloned() });
            }
            mine
        };
        if let Some(answer) = kept {
            answers.set(id, answer.clone());
        }
    }
    Merged { answers, conflicts }
}

/// Sets `id` to `answer`, or clears it: how a conflict's side is applied.
pub fn apply(answers: &mut Answers, id: &str, answer: Option<&Answer>) {
    match answer {
        Some(answer) => answers.set(id, answer.clone()),
        None => answers.clear(id),
    }
}
