//! Two tabs on one draft. When another tab saves, this tab merges: what only the other tab
//! changed is taken quietly, what only this tab changed is kept, and a question both changed
//! differently is a conflict the partner settles ("use theirs" or "keep mine").

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
    merge_over(std::slice::from_ref(base), mine, theirs)
}

/// [`merge`] over several bases: the saves both copies descend from, none of which descends
/// from another (two tabs that each merged the other's save have two). A side changed a
/// question unless it holds what every base holds.
pub fn merge_over(bases: &[Answers], mine: &Answers, theirs: &Answers) -> Merged {
    let ids: Vec<&str> = crate::unsorted::set_of(
        bases.iter().flat_map(Answers::iter).chain(mine.iter()).chain(theirs.iter()).map(|(id, _)| id),
    );
    let mut answers = Answers::new();
    let mut conflicts = Vec::new();
    for id in ids {
        let (mine, theirs) = (mine.get(id), theirs.get(id));
        let unchanged = |side: Option<&Answer>| bases.iter().all(|base| base.get(id) == side);
        let kept = if mine == theirs || unchanged(mine) {
            theirs
        } else {
            if !unchanged(theirs) {
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

/// The saves of one draft this tab has seen (its own and other tabs'), by revision, so that
/// a save arriving from another tab is merged against the save it was made over — not against
/// whatever this tab wrote last. Without it, two tabs saving different questions at the same
/// moment each took the other's save (made without seeing theirs) as removing their own answer.
#[derive(Debug, Clone, Default)]
pub struct Lineage {
    /// Newest last; only the last few are kept (a save's parent is almost always recent).
    seen: Vec<(u64, Answers)>,
}

/// What to do with a save read from storage or announced by another tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// This tab has already seen that save (it wrote it, or merged it before): an older save
    /// arriving late, never to be taken over what came after it.
    AlreadySeen,
    /// New to this tab: show these answers (and settle these conflicts).
    Merge(Merged),
}

impl Lineage {
    const KEPT: usize = 32;

    /// Records a save this tab has seen. Revision 0 is the draft as this tab loaded it when that
    /// save was unnamed (or there was none): the parent another tab's first save names then.
    pub fn remember(&mut self, revision: u64, answers: &Answers) {
        if self.knows(revision) {
            return;
        }
        if self.seen.len() == Self::KEPT {
            self.seen.remove(0);
        }
        self.seen.push((revision, answers.clone()));
    }

    pub fn knows(&self, revision: u64) -> bool {
        self.seen.iter().any(|(seen, _)| *seen == revision)
    }

    fn answers_at(&self, revision: u64) -> Option<&Answers> {
        self.seen.iter().find(|(seen, _)| *seen == revision).map(|(_, answers)| answers)
    }

    /// Takes in another tab's save. `last_written` is what this tab believes storage holds (its
    /// own last save, or the last one it took in): the base when the save names no parent this
    /// tab knows (a save from an older build).
    pub fn receive(
        &mut self,
        theirs_revision: u64,
        theirs_parent: u64,
        theirs: &Answers,
        mine: &Answers,
        last_written: &Answers,
    ) -> Incoming {
        if theirs_revision != 0 && self.knows(theirs_revision) {
            return Incoming::AlreadySeen;
        }
        let base = self.answers_at(theirs_parent).unwrap_or(last_written);
        let merged = merge(base, mine, theirs);
        self.remember(theirs_revision, theirs);
        Incoming::Merge(merged)
    }
}
