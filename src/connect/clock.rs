/// "3 May 2026 at 14:02" in the partner's own time zone.
pub fn date_and_time(epoch_ms: f64) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let date = js_sys::Date::new(&epoch_ms.into());
    let month = MONTHS.get(date.get_month() as usize).copied().unwrap_or("");
    format!("{} {month} {} at {:02}:{:02}", date.get_date(), date.get_full_year(), date.get_hours(), date.get_minutes())
}
