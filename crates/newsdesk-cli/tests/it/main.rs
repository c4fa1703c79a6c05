mod articles;
mod common;
mod packages;
mod photos;
mod wordpress;
