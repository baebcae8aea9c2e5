//! The screens of the app, one module each: state, key handling and drawing together.

pub mod clock;
pub mod group_editor;
pub mod home;
pub mod meeting;
pub mod review;
pub mod setup;
pub mod summary;
