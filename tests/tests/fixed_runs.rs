//! Generated code writes a run of fixed-size fields (ids, `#` words, `int`, `long`, `double`,
//! `Bool`, a plain `#`) with one call: the bytes must be each field's own encoding, in order,
//! whatever the values and whichever optional fields break the run. It reads a run (the same
//! without `Bool`, whose id is checked) with one length check: input cut anywhere must fail as
//! reading the fields one by one does, naming the field cut short and its offset.

use proptest::prelude::*;
use tl_runtime::{DeserializeOwned, ErrorKind, Identifiable, PathSegment, Serialize};

tl_runtime::tl! {
    #[tl(decode_functions)]
    r"
    runs flags:# a:int b:long c:double d:Bool n:# e:flags.0?int f:long g:flags.1?true h:string i:int = Runs;
    ---functions---
    callRuns x:int y:long z:Bool = Runs;
    "
}

/// The encodings of `parts`, one after another.
fn concat(parts: &[&dyn Serialize]) -> Vec<u8> {
    parts.iter().flat_map(|p| p.to_bytes()).collect()
}

fn round_trips<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(v: &T) {
    assert_eq!(&T::from_bytes(&v.to_bytes()).unwrap(), v);
}

proptest! {
    #[test]
    fn a_struct_writes_its_runs_field_by_field(
        a: i32, b: i64, c_bits: u64, d: bool, n: u32, e: Option<i32>, f: i64, g: bool,
        h in ".{0,10}", i: i32,
    ) {
        let c = f64::from_bits(c_bits);
        let v = types::Runs { a, b, c, d, n, e, f, g, h: h.clone(), i, flags: Default::default() };
        let flags = u32::from(e.is_some()) | (u32::from(g) << 1);
        let mut expected = concat(&[&flags, &a, &b, &c, &d, &n]);
        if let Some(e) = e {
            expected.extend(e.to_bytes());
        }
        expected.extend(concat(&[&f, &h, &i]));
        prop_assert_eq!(v.to_bytes(), expected.clone());
        let boxed = enums::Runs::Runs(Box::new(v.clone()));
        let mut with_id = types::Runs::CONSTRUCTOR_ID.to_bytes();
        with_id.extend(expected);
        prop_assert_eq!(boxed.to_bytes(), with_id);
        // Compared through the bits: a NaN `c` is not equal to itself.
        let back = <types::Runs as tl_runtime::Deserialize>::from_bytes(&v.to_bytes()).unwrap();
        prop_assert_eq!(back.c.to_bits(), c_bits);
        prop_assert_eq!(back.to_bytes(), v.to_bytes());
    }

    #[test]
    fn a_function_writes_its_id_in_the_run(x: i32, y: i64, z: bool) {
        let call = functions::CallRuns { x, y, z };
        let expected = concat(&[&functions::CallRuns::CONSTRUCTOR_ID, &x, &y, &z]);
        prop_assert_eq!(call.to_bytes(), expected);
        round_trips(&call);
    }
}

/// That `err` is in `field` of `constructor` and, with `at` = `(offset, needed, available)`,
/// that it is the end of the input at `offset`, `needed` bytes wanted and `available` left
/// (`None` for a string, whose read fails in its own ways).
fn assert_cut(
    err: &tl_runtime::Error,
    constructor: &'static str,
    field: &'static str,
    at: Option<(usize, usize, usize)>,
) {
    let path: Vec<_> = err.path().cloned().collect();
    assert_eq!(path, [PathSegment::Field { constructor, field }], "{err}");
    if let Some((offset, needed, available)) = at {
        assert_eq!(err.offset(), offset, "{err}");
        assert_eq!(
            err.kind(),
            &ErrorKind::UnexpectedEof { needed, available },
            "{err}"
        );
    }
}

/// Input cut at every length fails in the field the cut falls in, at that field's offset, with
/// the bytes it needed and had: what reading the fields one by one gives, which is what the
/// runs' single check must keep.
#[test]
fn a_cut_run_names_the_field_it_cuts() {
    let v = types::Runs {
        a: 1,
        b: 2,
        c: 3.0,
        d: true,
        n: 4,
        e: Some(5),
        f: 6,
        g: false,
        h: "seven".into(),
        i: 8,
        flags: Default::default(),
    };
    let bytes = v.to_bytes();
    // Wire order: name and size of each field (`h` is the string "seven", 8 bytes with its
    // length and padding); `flags` to `c` are one run, `n` another (after `d`, a `Bool`).
    let fields = [
        ("flags", 4),
        ("a", 4),
        ("b", 8),
        ("c", 8),
        ("d", 4),
        ("n", 4),
        ("e", 4),
        ("f", 8),
        ("h", 8),
        ("i", 4),
    ];
    assert_eq!(fields.iter().map(|f| f.1).sum::<usize>(), bytes.len());
    let mut start = 0;
    for (field, size) in fields {
        for cut in start..start + size {
            let err =
                <types::Runs as tl_runtime::Deserialize>::from_bytes(&bytes[..cut]).unwrap_err();
            let at = (field != "h").then_some((start, size, cut - start));
            assert_cut(&err, "runs", field, at);
        }
        start += size;
    }
    let call = functions::CallRuns {
        x: 1,
        y: 2,
        z: true,
    }
    .to_bytes();
    for (cut, field, offset, needed) in [(5, "x", 4, 4), (9, "y", 8, 8), (15, "y", 8, 8)] {
        let err =
            <functions::CallRuns as tl_runtime::Deserialize>::from_bytes(&call[..cut]).unwrap_err();
        assert_cut(
            &err,
            "callRuns",
            field,
            Some((offset, needed, cut - offset)),
        );
    }
}
