
mod articles;
