//! Generated code writes a run of fixed-size fields (ids, `#` words, `int`, `long`, `double`,
//! `Bool`, a plain `#`) with one call: the bytes must be each field's own encoding, in order,
//! whatever the values and whichever optional fields break the run.

use proptest::prelude::*;
use tl_runtime::{DeserializeOwned, Identifiable, Serialize};

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
