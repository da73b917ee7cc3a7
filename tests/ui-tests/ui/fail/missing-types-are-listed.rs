// A pasted subset that leaves types out gets one error per missing type and one list of them all.
tl_runtime::tl! {
    "updateShort#78d4dec1 update:Update date:int = Updates;"
    "updatesTooLong#e317af7e = Updates;"
    "updateShortMessage#313bc7f8 flags:# out:flags.1?true mentioned:flags.4?true media_unread:flags.5?true silent:flags.13?true id:int user_id:long message:string pts:int pts_count:int date:int fwd_from:flags.2?MessageFwdHeader via_bot_id:flags.11?long reply_to:flags.3?MessageReplyHeader entities:flags.7?Vector<MessageEntity> ttl_period:flags.25?int = Updates;"
}

fn main() {}
