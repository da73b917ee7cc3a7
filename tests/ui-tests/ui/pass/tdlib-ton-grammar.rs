//! TDLib's and TON's grammar: bare vectors nested in any position (TDLib's
//! `vector<vector<keyboardButton>>`, inside flags too), the boxed `True` as a result, `Function`
//! fields, and a flag bit shared by more fields than a tuple has traits for.
use tl_runtime::{Deserialize, RemoteCall, Serialize, True};

tl_runtime::tl! {
    #[tl(id_rule = "tdlib", decode_functions)]
    r"
    keyboardButton text:string = KeyboardButton;
    replyMarkupShowKeyboard rows:vector<vector<keyboardButton>> boxed_rows:Vector<vector<int>> = ReplyMarkup;
    maybeRows flags:# rows:flags.0?(vector (vector int)) = MaybeRows;
    big flags:# a0:flags.0?int a1:flags.0?int a2:flags.0?int a3:flags.0?int a4:flags.0?int
        a5:flags.0?int a6:flags.0?int a7:flags.0?int a8:flags.0?int a9:flags.0?int
        a10:flags.0?int a11:flags.0?int a12:flags.0?long a13:flags.0?string = Big;
    ---functions---
    dht.ping random_id:long = True;
    withBlock id:int function:Function = Object;
    "
}

fn words(ws: &[u32]) -> Vec<u8> {
    ws.iter().flat_map(|w| w.to_le_bytes()).collect()
}

fn main() {
    let markup = types::ReplyMarkupShowKeyboard {
        rows: vec![vec![types::KeyboardButton { text: "a".into() }], vec![]],
        boxed_rows: vec![vec![7]],
    };
    let bytes = markup.to_bytes();
    // rows: 2, then [1 button: "a"], then [] ; boxed_rows: #1cb5c415, 1, [1 int: 7]
    let mut expected = words(&[2, 1]);
    expected.extend_from_slice(&[1, b'a', 0, 0]);
    expected.extend(words(&[0, 0x1cb5c415, 1, 1, 7]));
    assert_eq!(bytes, expected);
    assert_eq!(markup.serialized_len(), bytes.len());
    assert_eq!(types::ReplyMarkupShowKeyboard::from_bytes(&bytes).unwrap(), markup);

    let maybe = types::MaybeRows {
        flags: tl_runtime::UnknownFlags::NONE,
        rows: Some(vec![vec![1, 2]]),
    };
    let bytes = maybe.to_bytes();
    assert_eq!(bytes, words(&[1, 1, 2, 1, 2]));
    assert_eq!(types::MaybeRows::from_bytes(&bytes).unwrap(), maybe);

    // Fourteen values on one bit: a tuple of tuples, named after the bit.
    let big = types::Big {
        flags: tl_runtime::UnknownFlags::NONE,
        flags_0: Some(((0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), (12, "x".to_string()))),
    };
    let bytes = big.to_bytes();
    assert_eq!(bytes.len(), 4 + 12 * 4 + 8 + 4);
    assert_eq!(types::Big::from_bytes(&bytes).unwrap(), big);
    assert_eq!(format!("{big:?}").matches(", ").count() > 12, true);

    // `= True`: the answer is `true#3fedd339`.
    let answer = <functions::dht::Ping as RemoteCall>::Return::from_bytes(&words(&[0x3fedd339]));
    assert_eq!(answer.unwrap(), True);

    // `function:Function` is the raw boxed call (the rest of the input).
    let inner = functions::dht::Ping { random_id: 5 };
    let call = functions::WithBlock {
        id: 1,
        function: tl_runtime::Object::new(&inner),
    };
    let bytes = call.to_bytes();
    let decoded = functions::WithBlock::from_bytes(&bytes).unwrap();
    assert_eq!(decoded, call);
    assert_eq!(
        functions::dht::Ping::from_bytes(&decoded.function.0).unwrap(),
        inner
    );
}
