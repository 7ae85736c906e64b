//! Plancast: compare cloud plans and budget spend for TCR, TCSS and Alibaba Cloud Image Search.
//!
//! The same binary is a desktop app ([`app::run_app`]) and a command line ([`cli::run`]).
//! The Tauri commands in [`commands`] are thin adapters over plain functions, so everything
//! they do can be called from tests without a window.

pub mod app;
pub mod bill_import;
pub mod cli;
pub mod commands;
pub mod console;
pub mod data_dir;
pub mod files;
pub mod first_page;
pub mod price_updates;
