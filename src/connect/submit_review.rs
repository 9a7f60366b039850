use leptos::prelude::*;
use questionnaire::catalogue::{Question, QuestionId, Wire};
use questionnaire::record::held_text;
use questionnaire::visibility::hidden_answers;
use questionnaire::wire::{sent, unsent, UnsentReason};

use crate::api::{Marketplace, Missing};
use crate::draft::Questionnaire;
use crate::routes::{Nav, Page};

/// Before anything is sent: how many answers go, and which given answers do not, and why.
#[component]
pub fn SubmitReview() -> impl IntoView {
    let marketplace = Marketplace::expect();
    let submission = marketplace.submission;
    let nav = Nav::expect();
    // As they were when typing last paused: counting what goes is whole-answers work.
    let answers = Questionnaire::expect().settled();
    let key_label = marketplace.connection.api_version.key_label();

    let sent_count = crate::erased::memo(move |_| answers.with(|answers| sent(answers).len()));
    let hidden = crate::erased::memo(move |_| answers.with(|answers| ids(hidden_answers(answers))));
    let unsent = crate::erased::memo(move |_| answers.with(unsent));
    let unknown_field = move || {
        unsent.with(|unsent| {
            ids(unsent.iter().filter(|u| u.reason != UnsentReason::Invalid).map(|u| u.question).collect())
        })
    };
    let not_valid = move || {
        unsent.with(|unsent| {
            ids(unsent.iter().filter(|u| u.reason == UnsentReason::Invalid).map(|u| u.question).collect())
        })
    };
    let changed_elsewhere = move || {
        submission.fresh.with(|fresh| {
            fresh
                .as_ref()
                .filter(|fresh| !fresh.changed_unknown.is_empty())
                .map(|fresh| fresh.changed_unknown.join(", "))
        })
    };
    // What the Marketplace keeps for an answer not sent: the record read for this review, else
    // the one kept with the draft.
    let kept_value = Callback::new(move |id: QuestionId| match held_text(&submission.record_for_review(), id) {
        Some(text) => format!("The Marketplace keeps: {text}"),
        None => "The Marketplace keeps: no answer (it holds none)".to_owned(),
    });
    let missing = move || {
        submission.missing.get().map(|missing| match missing {
            Missing::AppKey => format!("Enter the {} above first.", key_label.to_ascii_lowercase()),
            Missing::Credentials => "Enter your Atlassian account e-mail and API token above, then send.".to_owned(),
        })
    };

    view! {
        <div class="submit-review" role="region" aria-labelledby="submit-review-heading">
            <h3 id="submit-review-heading">"Before you submit"</h3>
            <p class="sent-count">
                {move || format!("{} answers will be sent to the Marketplace for {}.", sent_count.get(), marketplace.connection.app_key.get())}
            </p>
            <NotSentList
                id="not-sent-hidden"
                title="Not sent: answers to questions your other answers now hide"
                note="They stay in your draft and come back if you change those answers."
                questions=Signal::derive(move || hidden.get())
            />
            <NotSentList
                id="not-sent-unknown"
                title="Not sent: the Privacy & Security API has no field for these answers"
                note="They stay in your draft and export; each says where it goes instead."
                questions=Signal::derive(unknown_field)
            />
            <NotSentList
                id="not-sent-invalid"
                title="Not sent until corrected"
                note="These answers are not valid yet. Until they are, the Marketplace keeps what it holds for them."
                questions=Signal::derive(not_valid)
                kept=kept_value
            />
            {move || changed_elsewhere().map(|fields| view! {
                <div class="not-sent" id="record-changed">
                    <h4>"The Marketplace's record changed in fields this app cannot show"</h4>
                    <p>{fields}</p>
                    <p class="hint">"Since this app's answers were last read, someone changed these. Their current values are kept: your submit sends them back as they are now."</p>
                </div>
            })}
            {move || submission.review_read_failed.get().then(|| view! {
                <p class="hint" id="record-unread">"The Marketplace's current record could not be read yet. Send reads it first, and sends nothing over an old one unless you say so."</p>
            })}
            {move || missing().map(|text| view! { <p class="error-message" role="alert">{text}</p> })}
            <div class="button-row">
                <button type="button" class="primary" id="confirm-submit" on:click=move |_| {
                    // Sent: the review is done, and Back should not open it again.
                    if submission.send() {
                        nav.replace(Page::Form);
                    }
                }>
                    "Send to the Marketplace"
                </button>
                <button type="button" class="secondary" id="review-back" on:click=move |_| {
                    submission.back();
                    nav.go(Page::Form);
                }>
                    "Back to the form"
                </button>
            </div>
        </div>
    }
}

fn ids(questions: Vec<&'static Question>) -> Vec<QuestionId> {
    questions.into_iter().map(|question| question.id).collect()
}

/// One titled list of questions, by the short name the listing gives them (a follow-up's own
/// wording, "You'll be asked to link it here", means nothing out of place), each with where it
/// goes instead when the API has no field for it; nothing at all when it is empty.
#[component]
fn NotSentList(
    id: &'static str,
    title: &'static str,
    note: &'static str,
    questions: Signal<Vec<QuestionId>>,
    /// What the Marketplace keeps instead, said after each question.
    #[prop(optional)]
    kept: Option<Callback<QuestionId, String>>,
) -> impl IntoView {
    move || {
        let questions = questions.get();
        (!questions.is_empty()).then(|| {
            let items = questions
                .into_iter()
                .map(|qid| {
                    let question = questionnaire::catalogue::question(qid);
                    let elsewhere = match question.wire {
                        Wire::Elsewhere { why } => Some(view! { <span class="why">" ("{why}")"</span> }),
                        _ => None,
                    };
                    let kept = kept.map(|kept| view! { " " <span class="marketplace-keeps">{kept.run(qid)}</span> });
                    view! { <li data-question-id=qid.as_str()>{question.listing_label}{elsewhere}{kept}</li> }
                })
                .collect_view();
            view! {
                <div class="not-sent" id=id>
                    <h4>{title}</h4>
                    <ul>{items}</ul>
                    <p class="hint">{note}</p>
                </div>
            }
        })
    }
}
