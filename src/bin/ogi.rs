fn main() {
    let path = std::env::args().nth(2).expect("usage: ogi extract FILE");
    let bytes = std::fs::read(&path).expect("read");
    match ogi_extract::extract(&bytes, Some(&path)) {
        Ok(r) => println!("{}", serde_json::to_string_pretty(&r).unwrap()),
        Err(e) => { eprintln!("ogi: {path}: {e}"); std::process::exit(1) }
    }
}
