tl_runtime::tl! {
    "binlog.encrKey key:64*[int] = binlog.EncrKey;"
    "bigKey key:4096*[int] = BigKey;"
}

fn main() {}
