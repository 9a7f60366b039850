//! Length limits. The API publishes none; these keep a listing readable and a payload sane,
//! and are generous enough that no honest answer hits them.

/// One entry of a list, a third-party field, the "Other" certification.
pub const MAX_ITEM_CHARS: usize = 200;
/// A link: browsers and most servers handle up to about 2,000 characters.
pub const MAX_LINK_CHARS: usize = 2000;
/// An e-mail address (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// The largest day count: 100 years.
pub const MAX_DAYS: u32 = 36_500;
