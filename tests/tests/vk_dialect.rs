//! VK's dialect of TL, in which its engines, KPHP and StatsHouse speak: functions marked with
//! modifiers (`@read`, `@write`, `@any @internal`), numbers that may be absent
//! (`ts:fields_mask.4?#`), and ids assigned by hand, which no rule computes (taken as written
//! with `allow_id_mismatch(*)`). The lines are those of KPHP's `k2-components` test schema,
//! StatsHouse's binlog and checkpoint schemas and its public API.

use tl_runtime::{Deserialize, Identifiable, Serialize};

mod vk {
    tl_runtime::tl! {
        #[tl(id_rule = "tdlib", allow_id_mismatch(*))]
        r"
memcache.not_found#32c42422 = memcache.Value;
memcache.strvalue#a6bebb1a value:string flags:int = memcache.Value;

fsbinlog.levUpgradeToGms#b75009a0 fields_mask:#
    PayloadOffset:long
    Crc:#
    Ts:# = fsbinlog.LevUpgradeToGms;

sqlite.metainfo#9286affa
    field_mask: #
    offset: long
    control_meta: field_mask.0?string = sqlite.Metainfo;

statshouse.sample fields_mask:#
  name:      string
  counter:   fields_mask.0?double
  ts:        fields_mask.4?#               // UNIX timestamp UTC
  = statshouse.Sample;

---functions---

// MemCache

@read memcache.get#d33b13ae key:string = memcache.Value;

@write memcache.set#eeeb54c4 key:string flags:int delay:int value:string = Bool;

@any @internal engine.sleep time_ms:int = Bool;
        "
    }
}

use vk::{enums, functions, types};

#[test]
fn ids_assigned_by_hand_are_taken_as_written() {
    // None of these is a CRC of its line: VK's schemas assign them.
    assert_eq!(
        types::fsbinlog::LevUpgradeToGms::CONSTRUCTOR_ID,
        0xb750_09a0
    );
    assert_eq!(types::sqlite::Metainfo::CONSTRUCTOR_ID, 0x9286_affa);
    assert_eq!(functions::memcache::Get::CONSTRUCTOR_ID, 0xd33b_13ae);
    // A line without an id gets the CRC of the line as written, VK's rule as TDLib's:
    // `engine.sleep time_ms:int = Bool`, modifiers left out.
    assert_eq!(functions::engine::Sleep::CONSTRUCTOR_ID, 0x3d3b_cd48);
}

#[test]
fn a_function_with_modifiers_is_a_function() {
    let call = functions::memcache::Set {
        key: "k".into(),
        flags: 0,
        delay: 0,
        value: "v".into(),
    };
    let mut want = 0xeeeb_54c4u32.to_le_bytes().to_vec();
    want.extend([1, b'k', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, b'v', 0, 0]);
    assert_eq!(call.to_bytes(), want);
    let reply = enums::memcache::Value::Strvalue(types::memcache::Strvalue {
        value: "v".into(),
        flags: 3,
    });
    let decoded =
        <functions::memcache::Get as tl_runtime::RemoteCall>::decode_reply(&reply.to_bytes());
    assert_eq!(decoded, Ok(Ok(reply)));
}

#[test]
fn a_number_that_may_be_absent_is_an_option() {
    // StatsHouse's agents keep a shard number in a mask's top bits: bits no field names
    // survive, beside those the fields set.
    let with = types::statshouse::Sample {
        fields_mask: tl_runtime::UnknownFlags(7 << 24),
        name: "m".into(),
        counter: None,
        ts: Some(1_700_000_000),
    };
    // `fields_mask` has bit 4 for `ts`; then the name, then the number.
    let mut want = (7u32 << 24 | 1 << 4).to_le_bytes().to_vec();
    want.extend([1, b'm', 0, 0]);
    want.extend(1_700_000_000u32.to_le_bytes());
    assert_eq!(with.to_bytes(), want);
    assert_eq!(types::statshouse::Sample::from_bytes(&want), Ok(with));
    let without = types::statshouse::Sample {
        fields_mask: tl_runtime::UnknownFlags(0),
        name: "m".into(),
        counter: Some(1.5),
        ts: None,
    };
    let bytes = without.to_bytes();
    assert_eq!(bytes[..4], 1u32.to_le_bytes());
    assert_eq!(bytes.len(), 4 + 4 + 8);
    assert_eq!(types::statshouse::Sample::from_bytes(&bytes), Ok(without));
}

#[test]
fn modifiers_are_kept_and_left_out_of_the_id() {
    let marked = tl_schema::parser::parse(
        "@any @internal engine.sleep time_ms:int = Bool;",
        0,
        tl_schema::Section::Functions,
    );
    let plain = tl_schema::parser::parse(
        "engine.sleep time_ms:int = Bool;",
        0,
        tl_schema::Section::Functions,
    );
    let (marked, plain) = (&marked.definitions[0], &plain.definitions[0]);
    let names: Vec<&str> = marked.modifiers.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(names, ["any", "internal"]);
    assert!(plain.modifiers.is_empty());
    for rule in [tl_schema::IdRule::Tdlib, tl_schema::IdRule::Telegram] {
        assert_eq!(marked.computed_id(rule), plain.computed_id(rule));
    }
}
