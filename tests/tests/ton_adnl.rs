//! ADNL over UDP as TON's documentation takes it apart byte by byte
//! (docs.ton.org, "ADNL UDP - Internode", from the ton-docs repository): the first packet a
//! client sends to a DHT node, signed and unsigned, the node's reply, and a packet inside the
//! channel. Each is built from `ton_api.tl`'s types and must encode to the document's bytes,
//! and each decodes back to the same value: `adnl.packetContents` with its flag bits (two fields
//! on bit 10), boxed `PublicKey` and `adnl.Message`, a bare `adnl.addressList` and
//! `adnl.id.short`, `int256`, and `bytes` that hold other TL objects (`dht.getSignedAddressList`
//! in the query, a signed `dht.node` in the answer).
//!
//! And a lite server's: `liteServer.getMasterchainInfo` inside `liteServer.query` inside
//! `adnl.message.query`, and the answer, a `liteServer.masterchainInfo` of a real block, as
//! "ADNL TCP - Liteserver" shows them.
//!
//! The document's ids are the SHA-256 of a key's boxed encoding (`tl_runtime::hash`, the
//! `hash` feature): `daa76538…` for the node's key `fZnkoIAx…` (the reply's `from_short`),
//! `68426d49…` for the client's `afc46336…` (the header of the reply, before its encryption).

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
mod packets {
    use tl_runtime::{Deserialize, Serialize, UnknownFlags};
    use tl_tests::hex;
    use tl_tests::real::ton::{enums, functions, types};

    fn int256(text: &str) -> [u8; 32] {
        hex(text).try_into().expect("32 bytes")
    }

    /// Little-endian, as TL writes an `int`: `555c8763` is 0x63875c55.
    fn int(text: &str) -> i32 {
        i32::from_le_bytes(hex(text).try_into().expect("4 bytes"))
    }

    /// Encodes `value` to `expected` and decodes `expected` back to `value`.
    fn same(value: &enums::adnl::PacketContents, expected: &[u8]) {
        assert_eq!(value.to_bytes(), expected);
        let decoded = enums::adnl::PacketContents::from_bytes(expected).expect("decodes");
        assert_eq!(&decoded, value);
    }

    fn query() -> enums::adnl::Message {
        let query = functions::dht::GetSignedAddressList {}.to_bytes();
        assert_eq!(query, hex("ed4879a9"));
        types::adnl::message::Query {
            query_id: int256("d7be82afbc80516ebca39784b8e2209886a69601251571444514b7f17fcd8875"),
            query,
        }
        .into()
    }

    /// The client's first packet, before its signature (flags 0x05d9) and after (0x0dd9).
    #[test]
    fn the_first_packet_is_the_documents() {
        let date = int("555c8763");
        let mut packet = types::adnl::PacketContents {
            rand1: hex("4e0e7dd6d0c5646c204573bc47e567"),
            flags: UnknownFlags::NONE,
            from: Some(
                types::r#pub::Ed25519 {
                    key: int256("afc46336dd352049b366c7fd3fc1b143a518f0d02d9faef896cb0155488915d6"),
                }
                .into(),
            ),
            from_short: None,
            message: None,
            messages: Some(vec![
                types::adnl::message::CreateChannel {
                    key: int256("d59d8e3991be20b54dde8b78b3af18b379a62fa30e64af361c75452f6af019d7"),
                    date,
                }
                .into(),
                query(),
            ]),
            address: Some(types::adnl::AddressList {
                addrs: vec![],
                version: date,
                reinit_date: date,
                priority: 0,
                expire_at: 0,
            }),
            priority_address: None,
            seqno: Some(1),
            confirm_seqno: Some(0),
            recv_addr_list_version: Some(date),
            recv_priority_addr_list_version: None,
            reinit_date_and_dst_reinit_date: Some((date, 0)),
            signature: None,
            rand2: hex("2b6a8c0509f85da9f3c7e11c86ba22"),
        };
        let body = "
            c6b41348 afc46336dd352049b366c7fd3fc1b143a518f0d02d9faef896cb0155488915d6 -- from
            02000000                                                         -- two messages
            bbc373e6 d59d8e3991be20b54dde8b78b3af18b379a62fa30e64af361c75452f6af019d7 555c8763
            7af98bb4 d7be82afbc80516ebca39784b8e2209886a69601251571444514b7f17fcd8875
            04 ed4879a9 000000                                               -- query
            00000000 555c8763 555c8763 00000000 00000000                     -- address
            0100000000000000 0000000000000000                                -- seqno, confirm
            555c8763 555c8763 00000000                                       -- versions";
        let unsigned = format!(
            "89cd42d1 0f 4e0e7dd6d0c5646c204573bc47e567 d9050000 {body}
             0f 2b6a8c0509f85da9f3c7e11c86ba22"
        );
        same(&packet.clone().into(), &hex(&unsigned));

        let signature = hex(
            "b453fbcbd8e884586b464290fe07475ee0da9df0b8d191e41e44f8f42a63a710
             341eefe8ffdc56de73db50a25989816dda17a4ac6c2f72f49804a97ff41df502",
        );
        packet.signature = Some(signature);
        let signed = format!(
            "89cd42d1 0f 4e0e7dd6d0c5646c204573bc47e567 d90d0000 {body}
             40 b453fbcbd8e884586b464290fe07475ee0da9df0b8d191e41e44f8f42a63a710
                341eefe8ffdc56de73db50a25989816dda17a4ac6c2f72f49804a97ff41df502 000000
             0f 2b6a8c0509f85da9f3c7e11c86ba22"
        );
        same(&packet.into(), &hex(&signed));
    }

    /// The node's reply: the channel confirmed, and the answer, a signed `dht.node` whose key
    /// and address are the ones the global config lists for it.
    #[test]
    fn the_reply_decodes_to_the_node_the_config_lists() {
        let answer = hex(
            "48325384c6b413487d99e4a08031ad3778c5e060569645466e52bd5bd2c7b
             78ddd56def1cf3760c901000000e7a60d67ad071541c53d0000ee354563ee
             35456300000000000000009484886340d46cc50450661a205ad47bacd318c
             65c8fd8e8f797a87884c1bad09a11c36669babb88f75eb83781c6957bc976
             6a234f65b9f6e7cc9b53500fbe2c44f3b3790f 000000 -- the signature's padding",
        );
        let reply = hex(&format!(
            "89cd42d1 0f 985558683d58c9847b4013ec93ea28 ca0d0000
             daa76538d99c79ea097a67086ec05acca12d1fefdbc9c96a76ab5a12e66c7ebb -- from_short
             02000000
             691ddd60 db19d5f297b2b0d76ef79be91ad3ae01d8d9f80fab8981d8ed0c9d67b92be4e3
                      d59d8e3991be20b54dde8b78b3af18b379a62fa30e64af361c75452f6af019d7 94848863
             1684ac0f d7be82afbc80516ebca39784b8e2209886a69601251571444514b7f17fcd8875
             90 {} 000000 -- 144 bytes, and the padding after them
             0100000000000000 0100000000000000 94848863 ee354563 94848863
             40 5c26a2a05e584e9d20d11fb17538692137d1f7c0a1a3c97e609ee853ea9360ab6
                d84263630fe02dfd41efb5cd965ce6496ac57f0e51281ab0fdce06e809c7901 000000
             0f c3354d35749ffd088411599101deb2",
            answer
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        ));
        let enums::adnl::PacketContents::PacketContents(packet) =
            enums::adnl::PacketContents::from_bytes(&reply).expect("the reply decodes");
        assert_eq!(
            packet.from_short.as_ref().map(|s| s.id),
            Some(int256(
                "daa76538d99c79ea097a67086ec05acca12d1fefdbc9c96a76ab5a12e66c7ebb"
            ))
        );
        let date = int("94848863");
        assert_eq!(
            packet.reinit_date_and_dst_reinit_date,
            Some((int("ee354563"), date))
        );
        let messages = packet.messages.as_deref().expect("two messages");
        let [
            enums::adnl::Message::ConfirmChannel(confirm),
            enums::adnl::Message::Answer(answered),
        ] = messages
        else {
            panic!("not a confirmation and an answer: {messages:?}");
        };
        assert_eq!(
            confirm.peer_key,
            int256("d59d8e3991be20b54dde8b78b3af18b379a62fa30e64af361c75452f6af019d7")
        );
        assert_eq!(confirm.date, date);
        assert_eq!(answered.answer, answer);

        // The answer to `dht.getSignedAddressList`: the node, as the global config has it.
        let enums::dht::Node::Node(node) =
            enums::dht::Node::from_bytes(&answered.answer).expect("the answer is a dht.node");
        assert_eq!(
            node.id,
            enums::PublicKey::Ed25519(types::r#pub::Ed25519 {
                // base64 `fZnkoIAxrTd4xeBgVpZFRm5SvVvSx7eN3Vbe8c83YMk=`
                key: int256("7d99e4a08031ad3778c5e060569645466e52bd5bd2c7b78ddd56def1cf3760c9"),
            })
        );
        assert_eq!(
            node.addr_list.addrs,
            [enums::adnl::Address::Udp(types::adnl::address::Udp {
                ip: 1_091_897_261,
                port: 15813,
            })]
        );
        assert_eq!(node.signature.len(), 64);
        // Its ADNL address, the SHA-256 of its boxed key, is the packet's `from_short`.
        assert_eq!(
            Some(tl_runtime::hash(&node.id)),
            packet.from_short.as_ref().map(|s| s.id)
        );

        // And everything encodes back to the document's bytes.
        assert_eq!(
            enums::adnl::PacketContents::PacketContents(packet).to_bytes(),
            reply
        );
    }

    /// A packet inside the channel: one message, no keys (flags 0x00c4).
    /// The client's address: the document's encrypted reply is addressed to "ID of our key",
    /// the hash of the client's boxed key from the first packet.
    #[test]
    fn the_clients_address_is_the_hash_of_its_boxed_key() {
        let key = enums::PublicKey::from(types::r#pub::Ed25519 {
            key: int256("afc46336dd352049b366c7fd3fc1b143a518f0d02d9faef896cb0155488915d6"),
        });
        assert_eq!(
            tl_runtime::hash(&key),
            int256("68426d4906bafbd5fe25baf9e0608cf24fffa7eca0aece70765d64f61f82f005")
        );
        // A bare key is not an address: TON hashes the boxed encoding, id first.
        let enums::PublicKey::Ed25519(bare) = &key else {
            unreachable!()
        };
        assert_ne!(tl_runtime::hash(bare), tl_runtime::hash(&key));
    }

    #[test]
    fn a_packet_in_the_channel_is_the_documents() {
        let packet = types::adnl::PacketContents {
            rand1: hex("c1fbe8c4ab8f8e733de83abac17915"),
            flags: UnknownFlags::NONE,
            from: None,
            from_short: None,
            message: Some(
                types::adnl::message::Query {
                    query_id: int256(
                        "fe3c0f39a89917b7f393533d1d06b605b673ffae8bbfab210150fe9d29083c35",
                    ),
                    query: functions::dht::GetSignedAddressList {}.to_bytes(),
                }
                .into(),
            ),
            messages: None,
            address: None,
            priority_address: None,
            seqno: Some(2),
            confirm_seqno: Some(1),
            recv_addr_list_version: None,
            recv_priority_addr_list_version: None,
            reinit_date_and_dst_reinit_date: None,
            signature: None,
            rand2: hex("e4092842a8ae18"),
        };
        let expected = hex("89cd42d1 0f c1fbe8c4ab8f8e733de83abac17915 c4000000
             7af98bb4 fe3c0f39a89917b7f393533d1d06b605b673ffae8bbfab210150fe9d29083c35
             04 ed4879a9 000000
             0200000000000000 0100000000000000
             07 e4092842a8ae18");
        same(&packet.into(), &expected);
    }

    /// `getMasterchainInfo` as a lite client sends it, and the lite server's answer.
    #[test]
    fn a_lite_server_query_and_its_answer_are_the_documents() {
        use tl_runtime::RemoteCall;
        use tl_tests::real::lite;

        let query_id = int256("77c1545b96fa136b8e01cc08338bec47e8a43215492dda6d4d7e286382bb00c4");
        let inner = lite::functions::lite_server::GetMasterchainInfo {};
        let query = lite::enums::adnl::Message::from(lite::types::adnl::message::Query {
            query_id,
            query: lite::functions::lite_server::Query {
                data: inner.to_bytes(),
            }
            .to_bytes(),
        });
        let sent = hex("
            7af98bb4 77c1545b96fa136b8e01cc08338bec47e8a43215492dda6d4d7e286382bb00c4
            0c df068c79 04 2ee6b589 000000 000000");
        assert_eq!(query.to_bytes(), sent);
        assert_eq!(lite::enums::adnl::Message::from_bytes(&sent), Ok(query));

        let answer = hex("
            81288385                                                          -- masterchainInfo
            ffffffff 0000000000000080 27405801                                -- last
            e585a47bd5978f6a4fb2b56aa2082ec9deac33aaae19e78241b97522e1fb43d4
            876851b60521311853f59c002d46b0bd80054af4bce340787a00bd04e0123517
            8b4d3b38b06bb484015faf9821c3ba1c609a25b74f30e1e585b8c8e820ef0976  -- state_root_hash
            ffffffff                                                          -- init
            17a3a92992aabea785a7a090985a265cd31f323d849da51239737e321fb05569
            5e994fcf4d425c0a6ce6a792594b7173205f740a39cd56f537defd28b48a0f6e");
        let received = [
            hex("1684ac0f 77c1545b96fa136b8e01cc08338bec47e8a43215492dda6d4d7e286382bb00c4 b8"),
            answer.clone(),
            hex("000000"),
        ]
        .concat();
        let lite::enums::adnl::Message::Answer(message) =
            lite::enums::adnl::Message::from_bytes(&received).expect("the answer decodes")
        else {
            panic!("not an answer");
        };
        assert_eq!(message.query_id, query_id);
        assert_eq!(message.answer, answer);
        let lite::enums::lite_server::MasterchainInfo::MasterchainInfo(info) =
            lite::functions::lite_server::GetMasterchainInfo::decode_reply(&message.answer)
                .expect("decodes")
                .expect("not an error");
        assert_eq!(info.last.workchain, -1);
        assert_eq!(info.last.shard as u64, 0x8000_0000_0000_0000);
        assert_eq!(info.last.seqno, 0x0158_4027);
        assert_eq!(
            info.init.file_hash,
            int256("5e994fcf4d425c0a6ce6a792594b7173205f740a39cd56f537defd28b48a0f6e")
        );
        assert_eq!(
            lite::enums::lite_server::MasterchainInfo::MasterchainInfo(info).to_bytes(),
            answer
        );
    }

    /// A lite server answers a failed query with `liteServer.error` in place of its result:
    /// `decode_reply` gives it as the call's error, with its code and message.
    #[test]
    fn a_lite_servers_error_is_the_calls_error() {
        use tl_runtime::{RemoteCall, RpcError};
        use tl_tests::real::lite;

        // `liteServer.error code:int message:string = liteServer.Error`, whose CRC32 is
        // 0xbba9e148: code 651, "block is not applied".
        let bytes = hex("48e1a9bb 8b020000 14 626c6f636b206973206e6f74206170706c696564 000000");
        let error = lite::types::lite_server::Error {
            code: 651,
            message: "block is not applied".into(),
        };
        assert_eq!(
            lite::enums::lite_server::Error::from(error).to_bytes(),
            bytes
        );
        assert_eq!(
            lite::functions::lite_server::GetMasterchainInfo::decode_reply(&bytes),
            Ok(Err(RpcError::new(651, "block is not applied")))
        );
        // A truncated error fails to decode, at its message.
        let failed = lite::functions::lite_server::GetMasterchainInfo::decode_reply(
            &bytes[..bytes.len() - 4],
        )
        .expect_err("truncated");
        assert_eq!(failed.path().count(), 1, "{failed}");
    }
}
