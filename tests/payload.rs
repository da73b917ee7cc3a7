//! A realistic payload for benchmarks and error tests: a `messages.messagesSlice` (ids shared by
//! layers 228 and 230) with 100 messages carrying entities, forwards and replies, 5 channels and
//! 20 users, about 29 KB, assembled as bytes.

/// Hand-assembled TL bytes.
#[derive(Default)]
pub struct W(pub Vec<u8>);

impl W {
    /// Appends a 32-bit word.
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    /// Appends an `int`.
    pub fn i32(&mut self, v: i32) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    /// Appends a `long`.
    pub fn i64(&mut self, v: i64) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    /// Appends a short or long `string`.
    pub fn string(&mut self, s: &str) -> &mut Self {
        let len = s.len();
        if len < 254 {
            self.0.push(len as u8);
        } else {
            self.0
                .extend_from_slice(&[254, len as u8, (len >> 8) as u8, (len >> 16) as u8]);
        }
        self.0.extend_from_slice(s.as_bytes());
        while !self.0.len().is_multiple_of(4) {
            self.0.push(0);
        }
        self
    }
    /// Appends a `Vector` header.
    pub fn vector(&mut self, count: i32) -> &mut Self {
        self.u32(0x1cb5c415).i32(count)
    }
}

/// The text of every message.
pub const TEXT: &str = "Meet at the usual place at 7pm, bring the slides from @alice and the \
    report draft; details at https://example.org/plan — see you there! 🚀";

/// `messages.messagesSlice` as bytes. With `bad_url: Some(i)`, the third entity of message `i`
/// (a `messageEntityTextUrl`) has a `url` that is not UTF-8.
pub fn messages_slice(bad_url: Option<i32>) -> Vec<u8> {
    let mut w = W::default();
    w.u32(0x5f206716).u32(1 << 0).i32(12_345).i32(100); // flags: next_rate
    w.vector(100);
    for i in 0..100i32 {
        let forwarded = i % 3 == 0;
        let reply = i % 4 == 0;
        let edited = i % 5 == 0;
        let flags = 1 << 8
            | 1 << 7
            | 1 << 10
            | if forwarded { 1 << 2 } else { 0 }
            | if reply { 1 << 3 } else { 0 }
            | if edited { 1 << 15 } else { 0 }
            | if i % 2 == 0 { 1 << 1 } else { 0 };
        w.u32(0x7600b9d3).u32(flags).u32(0).i32(1_000 + i);
        w.u32(0x59511722).i64(5_000_000 + i64::from(i % 20)); // from_id: peerUser
        w.u32(0xa2a5371e).i64(1_700_000_000 + i64::from(i % 5)); // peer_id: peerChannel
        if forwarded {
            // messageFwdHeader flags: from_id, date
            w.u32(0x4e4df4bb)
                .u32(1 << 0)
                .u32(0x59511722)
                .i64(42)
                .i32(1_690_000_000);
        }
        if reply {
            // messageReplyHeader flags: reply_to_msg_id
            w.u32(0x1b97dd66).u32(1 << 4).i32(999 + i);
        }
        w.i32(1_700_000_000 + i).string(TEXT);
        w.vector(3);
        w.u32(0xbd610bc9).i32(0).i32(4); // bold
        w.u32(0xfa04579d).i32(49).i32(6); // mention
        if bad_url == Some(i) {
            w.u32(0x76a6d327)
                .i32(88)
                .i32(25)
                .string("\u{0}ttps://example.org/plan");
            let at = w.0.len() - 27; // 1 length byte, 24 data bytes, 3 padding
            w.0[at] = 0xff;
        } else {
            w.u32(0x76a6d327)
                .i32(88)
                .i32(25)
                .string("https://example.org/plan");
        }
        w.i32(10_000 + i).i32(i); // views, forwards
        if edited {
            w.i32(1_700_000_500 + i);
        }
    }
    w.vector(0); // topics
    w.vector(5);
    for c in 0..5i64 {
        // channel flags: username (6), access_hash (13), participants_count (17)
        w.u32(0xd49f34c6).u32(1 << 6 | 1 << 13 | 1 << 17).u32(0);
        w.i64(1_700_000_000 + c)
            .i64(-77 * c)
            .string("Project channel")
            .string("projectchan");
        w.u32(0x37c1011c).i32(1_600_000_000).i32(250);
    }
    w.vector(20);
    for u in 0..20i64 {
        // user flags: access_hash, first_name, last_name, username, status
        w.u32(0xb1b8cc83)
            .u32(1 << 0 | 1 << 1 | 1 << 2 | 1 << 3 | 1 << 6)
            .u32(0);
        w.i64(5_000_000 + u)
            .i64(u * 31_337)
            .string("Alice")
            .string("Liddell")
            .string("alice_l");
        w.u32(0xedb93949).i32(1_700_003_600);
    }
    w.0
}
