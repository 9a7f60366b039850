use leptos::prelude::*;
use questionnaire::catalogue::View;

/// Default view or expanded view, as two pressed/unpressed buttons.
#[component]
pub fn ViewToggle(view_shown: RwSignal<View>) -> impl IntoView {
    let button = move |view: View, label: &'static str, class: &'static str| {
        let node = NodeRef::new();
        crate::first_page::presses::apply_early_presses(node, move || view_shown.set(view));
        view! {
            <button
                node_ref=node
                type="button"
                class=format!("view-button {class}")
                aria-pressed=move || (view_shown.get() == view).to_string()
                on:click=move |_| view_shown.set(view)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="view-toggle" role="group" aria-label="Which view">
            {button(View::Default, "Default view", "show-default")}
            {button(View::Expanded, "Expanded view", "show-expanded")}
        </div>
    }
}
