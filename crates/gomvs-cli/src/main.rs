//! The `gomvs` command line.

fn main() {
    println!("gomvs");
}
