//! placeholder during dep warm-up
