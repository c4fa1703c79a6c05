
mod articles;
mod packages;
