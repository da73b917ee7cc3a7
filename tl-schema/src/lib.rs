//! TL schema front end.
