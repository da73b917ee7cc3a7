// Hand-written types with the derives (the `derive` feature): a struct with flags, a group and
// a skipped field; a boxed function; an enum of a unit, a struct-like and a newtype variant.
#[derive(Serialize, Deserialize, Identifiable)]
#[tl(line = "draft flags:# no_webpage:flags.1?true reply_to:flags.4?InputPeer message:string count:flags.0?int views:flags.0?long = Draft;")]
pub struct Draft {
    pub flags: UnknownFlags,
    pub no_webpage: bool,
    pub reply_to: Option<Box<InputPeer>>,
    pub message: String,
    pub count_and_views: Option<(i32, i64)>,
    #[tl(skip)]
    pub local: u8,
}

#[derive(Serialize, Deserialize)]
#[tl(boxed, line = "messages.saveDraft flags:# no_webpage:flags.1?true peer:InputPeer message:string = Bool;")]
pub struct SaveDraft<'a> {
    pub flags: UnknownFlags,
    pub no_webpage: bool,
    pub peer: InputPeer,
    pub message: &'a str,
}

#[derive(Serialize, Deserialize)]
pub enum InputPeer {
    #[tl(line = "inputPeerEmpty = InputPeer;")]
    Empty,
    #[tl(line = "inputPeerUser user_id:long access_hash:long = InputPeer;")]
    User { user_id: i64, access_hash: i64 },
    Chat(InputPeerChat),
}
