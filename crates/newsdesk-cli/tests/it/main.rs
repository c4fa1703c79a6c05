
mod articles;
mod packages;
mod photos;
