//! Every text shown to users, one file per language.
