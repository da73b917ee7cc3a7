//! Encode and decode a realistic `messages.messagesSlice` with `tl!`'s code and with
//! grammers-tl-types 0.11.0, side by side in one run, against a memcpy of the same bytes.
//!
//! `cargo run --release -p tl-peers --bin bench` (add `-- --quick` for a short run).
//!
//! The payload (100 messages with entities, forwards and replies, 20 users, 5 channels) is
//! assembled as bytes, decoded by both crates, and both must re-encode it byte for byte. Then
//! rounds interleave the measurements (each round times every contender in turn), so that the
//! machine's noise hits all of them alike; the report gives medians and ratios, and the
//! allocations one decode makes beside those of a clone of its result (one per heap value).
//!
//! `-- --free-allocation` adds the three decoders run with allocation made free: a pointer bump
//! in one region rewound before every call, and a free that does nothing. That is the most any
//! arena or allocator could save them, and so the bound on what decode can reach while it still
//! builds the same values.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

struct Counting;
/// Counting is on only while [`allocations`] runs, so that the timed rounds pay one relaxed load
/// per allocation, not two atomic additions (which cost the crate that allocates more).
static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

/// While on, [`Counting`] hands out memory from the arena (see [`free_allocation`]).
static ARENA_ON: AtomicBool = AtomicBool::new(false);
static ARENA: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
static ARENA_USED: AtomicUsize = AtomicUsize::new(0);
const ARENA_SIZE: usize = 64 << 20;
const ARENA_ALIGN: usize = 4096;

/// Whether `ptr` was handed out by the arena.
fn in_arena(ptr: *mut u8) -> bool {
    let base = ARENA.load(Relaxed);
    !base.is_null() && (ptr.addr().wrapping_sub(base.addr())) < ARENA_SIZE
}

/// A pointer bump in the arena; null (an allocation error) once it is full.
fn arena_alloc(layout: Layout) -> *mut u8 {
    let used = ARENA_USED.load(Relaxed);
    let start = used.next_multiple_of(layout.align());
    match start.checked_add(layout.size()) {
        Some(end) if end <= ARENA_SIZE && layout.align() <= ARENA_ALIGN => {
            ARENA_USED.store(end, Relaxed);
            ARENA.load(Relaxed).wrapping_add(start)
        }
        _ => std::ptr::null_mut(),
    }
}

/// Runs `f` with allocation made free: every allocation bumps a pointer in an arena rewound
/// first, every free does nothing. Whatever `f` allocates must be dropped inside it.
fn free_allocation(f: impl FnOnce()) {
    ARENA_USED.store(0, Relaxed);
    ARENA_ON.store(true, Relaxed);
    f();
    ARENA_ON.store(false, Relaxed);
}

// SAFETY: forwards to the system allocator, or hands out disjoint pieces of the arena, which is
// itself an allocation of the system allocator that is never freed; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if ARENA_ON.load(Relaxed) {
            return arena_alloc(layout);
        }
        if COUNTING.load(Relaxed) {
            ALLOCATIONS.fetch_add(1, Relaxed);
            BYTES.fetch_add(layout.size(), Relaxed);
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if in_arena(ptr) {
            return;
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if ARENA_ON.load(Relaxed) || in_arena(ptr) {
            // SAFETY: the caller's layout with the new size is valid (realloc's contract).
            let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
            // SAFETY: as for `alloc`.
            let new = unsafe { self.alloc(new_layout) };
            if !new.is_null() {
                // SAFETY: both are live allocations of at least the copied size, and disjoint.
                unsafe { std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size)) };
                // SAFETY: `ptr` was allocated by this allocator with `layout`.
                unsafe { self.dealloc(ptr, layout) };
            }
            return new;
        }
        if COUNTING.load(Relaxed) {
            ALLOCATIONS.fetch_add(1, Relaxed);
            BYTES.fetch_add(new_size, Relaxed);
        }
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Nanoseconds per call of `f`, over `iters` calls.
fn time(iters: u32, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    start.elapsed().as_nanos() as f64 / f64::from(iters)
}

fn allocations(f: impl FnOnce()) -> (usize, usize) {
    let (a, b) = (ALLOCATIONS.load(Relaxed), BYTES.load(Relaxed));
    COUNTING.store(true, Relaxed);
    f();
    COUNTING.store(false, Relaxed);
    (ALLOCATIONS.load(Relaxed) - a, BYTES.load(Relaxed) - b)
}

fn main() {
    use grammers_tl_types::{Deserializable, Serializable};
    use tl_peers::layer230::enums;
    use tl_peers::layer230_borrowed::enums as borrowed;
    use tl_runtime::{Deserialize, Serialize};

    let quick = std::env::args().any(|a| a == "--quick");
    let free = std::env::args().any(|a| a == "--free-allocation");
    if free {
        let layout = Layout::from_size_align(ARENA_SIZE, ARENA_ALIGN).expect("arena layout");
        // SAFETY: a non-zero size; the region is never freed.
        let base = unsafe { System.alloc(layout) };
        assert!(!base.is_null(), "the arena's {ARENA_SIZE} bytes");
        ARENA.store(base, Relaxed);
    }
    let bytes = tl_tests::payload::messages_slice(None);
    let ours = enums::messages::Messages::from_bytes(&bytes).expect("ours decodes");
    let theirs =
        grammers_tl_types::enums::messages::Messages::from_bytes(&bytes).expect("grammers decodes");
    assert_eq!(ours.to_bytes(), bytes, "ours re-encodes the payload");
    assert_eq!(
        borrowed::messages::Messages::from_bytes(&bytes)
            .expect("ours, borrowed, decodes")
            .to_bytes(),
        bytes,
        "ours, borrowed, re-encodes the payload"
    );
    assert_eq!(theirs.to_bytes(), bytes, "grammers re-encodes the payload");
    println!(
        "payload: messages.messagesSlice, {} bytes; both crates encode it identically",
        bytes.len()
    );

    // The three decoders; each drops what it decodes.
    let decode_tl = || {
        black_box(enums::messages::Messages::from_bytes(black_box(&bytes)).unwrap());
    };
    let decode_borrowed = || {
        black_box(borrowed::messages::Messages::from_bytes(black_box(&bytes)).unwrap());
    };
    let decode_grammers = || {
        black_box(
            grammers_tl_types::enums::messages::Messages::from_bytes(black_box(&bytes)).unwrap(),
        );
    };

    // A clone allocates exactly once per heap value (every non-empty `String`, `Vec` and `Box`,
    // at its exact size), so a decode that allocates no more than the clone of its result makes
    // one allocation per heap value, with no vector grown by reallocation.
    let decoded_borrowed = borrowed::messages::Messages::from_bytes(&bytes).unwrap();
    let rows = [
        (
            "tl",
            allocations(decode_tl),
            allocations(|| drop(black_box(black_box(&ours).clone()))),
        ),
        (
            "tl borrowed",
            allocations(decode_borrowed),
            allocations(|| drop(black_box(black_box(&decoded_borrowed).clone()))),
        ),
        (
            "grammers",
            allocations(decode_grammers),
            allocations(|| drop(black_box(black_box(&theirs).clone()))),
        ),
    ];

    // `--profile NAME [CALLS]`: run one contender in a loop for a profiler, no timing: `perf
    // record` (the default 200,000 calls), or `valgrind --tool=callgrind` (a few hundred), whose
    // instruction counts do not depend on what else the machine is doing (scripts/instructions.sh).
    let mut profile = std::env::args().skip_while(|a| a != "--profile").skip(1);
    if let Some(name) = profile.next() {
        let calls: u32 = profile
            .next()
            .map_or(200_000, |n| n.parse().expect("CALLS"));
        let mut buf = Vec::with_capacity(bytes.len());
        for _ in 0..calls {
            match name.as_str() {
                "encode" => drop(black_box(black_box(&ours).to_bytes())),
                "write" => {
                    buf.clear();
                    black_box(&ours).serialize(&mut buf);
                }
                "len" => drop(black_box(black_box(&ours).serialized_len())),
                "decode" => decode_tl(),
                "borrowed" => decode_borrowed(),
                "grammers-encode" => drop(black_box(black_box(&theirs).to_bytes())),
                "grammers-decode" => decode_grammers(),
                other => panic!(
                    "--profile encode|write|len|decode|borrowed|grammers-encode|grammers-decode, not {other}"
                ),
            }
        }
        return;
    }

    let rounds = if quick { 15 } else { 61 };
    let iters = if quick { 200 } else { 1_000 };
    let names = [
        "memcpy",
        "encode: tl",
        "encode: grammers",
        "decode: tl",
        "decode: grammers",
        "tl serialized_len (encodes into a scratch buffer)",
        "tl serialize, reused buffer",
        "decode: tl borrowed",
        "decode: tl, free allocation",
        "decode: tl borrowed, free allocation",
        "decode: grammers, free allocation",
    ];
    let names = &names[..if free { 11 } else { 8 }];
    let mut reused = Vec::with_capacity(bytes.len());
    let mut samples: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
    let mut sink = Vec::with_capacity(bytes.len());
    for round in 0..rounds + 2 {
        let mut results = vec![
            time(iters, || {
                sink.clear();
                sink.extend_from_slice(black_box(&bytes));
                black_box(&sink);
            }),
            time(iters, || {
                black_box(black_box(&ours).to_bytes());
            }),
            time(iters, || {
                black_box(black_box(&theirs).to_bytes());
            }),
            time(iters, decode_tl),
            time(iters, decode_grammers),
            time(iters, || {
                black_box(black_box(&ours).serialized_len());
            }),
            time(iters, || {
                reused.clear();
                black_box(&ours).serialize(&mut reused);
                black_box(&reused);
            }),
            time(iters, decode_borrowed),
        ];
        if free {
            results.extend([
                time(iters, || free_allocation(decode_tl)),
                time(iters, || free_allocation(decode_borrowed)),
                time(iters, || free_allocation(decode_grammers)),
            ]);
        }
        // The first two rounds warm caches and the allocator.
        if round >= 2 {
            for (s, r) in samples.iter_mut().zip(results) {
                s.push(r);
            }
        }
    }
    let medians: Vec<f64> = samples.iter_mut().map(|s| median(s)).collect();
    let memcpy = medians[0];
    println!("{rounds} interleaved rounds of {iters} calls; medians:");
    println!("| what | median | × memcpy |");
    println!("|---|---:|---:|");
    for (name, m) in names.iter().zip(&medians) {
        println!("| {name} | {:.2} µs | {:.1} |", m / 1_000.0, m / memcpy);
    }
    println!();
    println!("| ratio (tl / grammers) | value | target |");
    println!("|---|---:|---:|");
    // (what, tl's contender, grammers' contender, target)
    let ratios = [
        ("encode", 1, 2, "≤ 0.60"),
        ("decode (owned)", 3, 4, "≤ 0.40"),
        ("decode (borrowed)", 7, 4, "≤ 0.25"),
        (
            "decode (owned), free allocation, against grammers'",
            8,
            4,
            "the bound for owned types",
        ),
        (
            "decode (borrowed), free allocation, against grammers'",
            9,
            4,
            "the bound for an arena",
        ),
    ];
    for (what, tl, grammers, target) in ratios {
        if tl < names.len() {
            println!(
                "| {what} | {:.2} | {target} |",
                medians[tl] / medians[grammers]
            );
        }
    }
    println!();
    println!(
        "| allocations | one decode | bytes requested | a clone of the result (one per heap value) |"
    );
    println!("|---|---:|---:|---:|");
    for (name, (count, bytes), (clone_count, _)) in rows {
        println!("| {name} | {count} | {bytes} | {clone_count} |");
    }
}
