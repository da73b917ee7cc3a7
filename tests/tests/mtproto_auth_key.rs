//! Creating an authorization key, as core.telegram.org's worked example takes it apart byte by
//! byte (mtproto/samples-auth_key): every message of the key exchange, built from the types of
//! the shared `mtproto.tl` (tdesktop's copy, which writes `pq:string` as core.telegram.org
//! does), encodes to the page's bytes, and the server's answers decode from them.
//!
//! Those `string` fields hold big-endian numbers and encrypted blocks, not text: `resPQ`'s `pq`
//! starts `14 60 e7`, which is not UTF-8. So `tl!` reads the key exchange's strings as bytes
//! (`Vec<u8>`), as grammers' and mtcute's copies of the schema write them; as `String` the
//! server's first answer failed to decode (`InvalidUtf8` at `resPQ.pq`) and a client could not
//! write `p` and `q` at all. TDLib's group-call chain has one such field as well.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
mod exchange {
    use tl_runtime::{Deserialize, Identifiable, RemoteCall, Serialize};
    use tl_tests::hex;
    use tl_tests::real::mtproto::{enums, functions, types};

    fn int128(text: &str) -> [u8; 16] {
        hex(text).try_into().expect("16 bytes")
    }

    const NONCE: &str = "15A084B3B9CA2A17F03925F44B78FE68";
    const SERVER_NONCE: &str = "D6701FCD212CEB87C966E5318F5564A8";
    const NEW_NONCE: &str = "845FAD32D10A4C7967DA49A89FBE508AD24AA3150992B499B3B2C72CDC0F364C";
    /// RSA_PAD(data) of step 4, 256 bytes.
    const ENCRYPTED_DATA: &str = "
        8AEC7230B35085FA65678B7F89AB27414B5D3CBCE86D14A84557C24E36FD27B35FC5B4FF3C1C9013D4882024
        A44625EBCE779EBA82BDB479002343980775165EDD6D9ABF090C01240B16055BD66C66F0CA508F850D969078
        3339B61833845E9AB1E2170A8017620BCE98C5B43644F629E6DBA1CF612C77D5133DB227649592A419F6616E
        ACE0E3F24D8C094800C3A06F98D2B9F2BB4151A23E3F21DBED9E89E5C2A7070692FAF4646876560723286276
        209A796A3429A0035FA82828B3A7BA4B4123FE10AE7CD92EC3C0CE8173046A28462491998012A0BD094B4162
        F9A9720E1995D08AF2FB19864BD27A9E6F4D0EF68C4F6190857238C8C7DB9F058CCD17D0";

    /// Step 1, `req_pq_multi`, and step 2, the server's `resPQ`: `pq` is 1468428376148703121,
    /// and the fingerprint the client knows is among the three.
    #[test]
    fn the_exchange_starts_as_the_page_shows() {
        let call = functions::ReqPqMulti {
            nonce: int128(NONCE),
        };
        assert_eq!(call.to_bytes(), hex(&format!("F18E7EBE {NONCE}")));

        let answer = hex(&format!(
            "63241605 {NONCE} {SERVER_NONCE} 081460E7D3FA727791000000
             15c4b51c 03000000 A5B7F709355FC30B 216BE86C022BB4C3 85FD64DE851D9DD0"
        ));
        let enums::ResPq::ResPq(res_pq) = functions::ReqPqMulti::decode_reply(&answer)
            .expect("resPQ decodes")
            .expect("not an error");
        assert_eq!(res_pq.nonce, int128(NONCE));
        assert_eq!(res_pq.server_nonce, int128(SERVER_NONCE));
        let pq = u64::from_be_bytes(res_pq.pq.as_slice().try_into().expect("8 bytes"));
        assert_eq!(pq, 1_468_428_376_148_703_121);
        assert_eq!(pq, 1_008_949_199 * 1_455_403_679);
        assert!(
            res_pq
                .server_public_key_fingerprints
                .contains(&i64::from_le_bytes(
                    hex("85FD64DE851D9DD0").try_into().unwrap()
                ))
        );
        assert_eq!(enums::ResPq::ResPq(res_pq).to_bytes(), answer);
    }

    /// Step 4, `p_q_inner_data_dc`, which the client encrypts, and step 5, `req_DH_params`,
    /// which carries the 256 encrypted bytes under a long-form length (`fe 00 01 00`).
    #[test]
    fn the_client_proves_its_work_as_the_page_shows() {
        let p = 1_008_949_199_u32.to_be_bytes().to_vec();
        let q = 1_455_403_679_u32.to_be_bytes().to_vec();
        let inner = types::PQInnerDataDc {
            pq: hex("1460E7D3FA727791"),
            p: p.clone(),
            q: q.clone(),
            nonce: int128(NONCE),
            server_nonce: int128(SERVER_NONCE),
            new_nonce: hex(NEW_NONCE).try_into().expect("32 bytes"),
            dc: 2,
        };
        assert_eq!(types::PQInnerDataDc::CONSTRUCTOR_ID, 0xa9f5_5f95);
        assert_eq!(
            enums::PQInnerData::from(inner.clone()).to_bytes(),
            hex(&format!(
                "955FF5A9 081460E7D3FA727791000000 043C2357CF000000 0456BFB29F000000
                 {NONCE} {SERVER_NONCE} {NEW_NONCE} 02000000"
            ))
        );

        let call = functions::ReqDhParams {
            nonce: int128(NONCE),
            server_nonce: int128(SERVER_NONCE),
            p,
            q,
            public_key_fingerprint: i64::from_le_bytes(hex("85FD64DE851D9DD0").try_into().unwrap()),
            encrypted_data: hex(ENCRYPTED_DATA),
        };
        let sent = hex(&format!(
            "BEE412D7 {NONCE} {SERVER_NONCE} 043C2357CF000000 0456BFB29F000000
             85FD64DE851D9DD0 FE000100 {ENCRYPTED_DATA}"
        ));
        assert_eq!(sent.len(), 320, "the page's message_length");
        assert_eq!(call.to_bytes(), sent);
        assert_eq!(functions::ReqDhParams::from_bytes(&sent), Ok(call));
    }

    /// Step 6, `server_DH_params_ok`, its 592-byte `encrypted_answer`, and the
    /// `server_DH_inner_data` it decrypts to (after its SHA1): g = 3, a 2048-bit prime, g_a.
    #[test]
    fn the_server_answers_as_the_page_shows() {
        let encrypted_answer = hex("
            FEF627AC3A88027BC6583F95D82E610066A87B839614EE343CD8D37F2B2C81FC964561BA164F44E4B3C3
            9A6CC74C6E2F2687C2E5872658E4301734B3814D420C684D94C0B93C4B335DBB346266CDAD20B3EEC91A
            E49B59E130EAB877FD03C07BA786DA8EFF7BDDCB773E0C4C1C7C66FE5C5A39D32A76400D71FBD2A09D5B
            FDF3B3976F17C1DA7FD77349CBD97EBC5217181541F43D8DEDB3027DC3989623DCF849FF391832F40990
            3E7620EBBF7675CEFA13CEC90570BB0EE196C5BB67DB169DB902C1192F67D9A74B1B9782FF02FD4DB78C
            76117D6639A6ED87F5DEB37ED49296F2C94EA835D0988A270749C3E6D1D0B0BE88F3985D683E48F2E2AC
            7648175EE72BEA1B52641C23EC8EEFBD6025516E91CCE20C25CB5159B5C9D9CA19A15DD4A44F422946B7
            58EC4C968BDE0832E2389D5B9F3C3AC520AC58753747717F7276A7DF3FF841A7ABD18524A3150F537471
            F73A9818097E82D9645A9CE38F858D510FFC79CE11D96173C22DDE2B0AE490B8CC7B10BCC7BB88790278
            72E724DCC648DDF7AE6F14C3229E7D611463E513D38BE913D0D50E9D439337C0FD8D71C9EF70C602A471
            73D699308216C7C44C40615BF8E9806A5DFA56F4529AD70E784C1904A9488A019A6C7AB7D822A9A6926A
            1916891302C1827CE54E9D8829EE079D19730DFEBA218D317EB4F22A2418EF9343DA75131FC6F37A80D5
            EEB93309711244AE3A1D4CA1906F10B4F06C8F9BF547A6FEA9A8D0CC910B15E7DA9A0ACF0C2E7934F7A7
            DBA8EFFE4D135DBD207C609BFC3BAC89BA949DDF754879712F6B97C50A54F560D0A75DA8A078A039F21B
            CA129FCB");
        assert_eq!(encrypted_answer.len(), 592);
        let received = [
            hex(&format!("5C07E8D0 {NONCE} {SERVER_NONCE} FE500200")),
            encrypted_answer.clone(),
        ]
        .concat();
        // The dump's 652 bytes (its last row is at 0x0280) less the 20 of the plain-text header.
        assert_eq!(received.len(), 652 - 20);
        let enums::ServerDhParams::Ok(ok) = functions::ReqDhParams::decode_reply(&received)
            .expect("server_DH_params_ok decodes")
            .expect("not an error")
        else {
            panic!("not server_DH_params_ok");
        };
        assert_eq!(ok.encrypted_answer, encrypted_answer);

        let dh_prime = "
            C71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F48198A0AA7C14058229493D2
            2530F4DBFA336F6E0AC925139543AED44CCE7C3720FD51F69458705AC68CD4FE6B6B13ABDC974651296932
            8454F18FAF8C595F642477FE96BB2A941D5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4A4A6
            95811051907E162753B56B0F6B410DBA74D8A84B2A14B3144E0EF1284754FD17ED950D5965B4B9DD46582D
            B1178D169C6BC465B0D6FF9CA3928FEF5B9AE4E418FC15E83EBEA0F87FA9FF5EED70050DED2849F47BF959
            D956850CE929851F0D8115F635B105EE2E4E15D04B2454BF6F4FADF034B10403119CD8E3B92FCC5B";
        let g_a = "
            9828B2E4CAEC188BB94216F5E2DB632A17630A21FD00C67465E741D26137C8E2B757F349D8DD1B62B601642A
            CB9E3B390ABF153D3A11615A128ED1D79379D763C14D2DF5CEF99C96945C51290C1FD82C4B482078863B2B
            C7022C7886C21C0F1D24814C768321C05934303E50AE22CBC83F2A3994BBC3C72E77BF10CDB695CBD86655
            D1BC0A083551E59D0FBFCFA13825A182105A78DA35AF5A15C064275B6E6729049C84209B898675C9110ADC
            D1CBB2AAB333C05D3E9F70D05FEE7C54EFCE927E1B40A719D04D15C7E950EB885E60AAAE990231719DBDDD
            84C65B2F3A606FE1F78DEA7C8FAD25C1CD7876EB6F5A46270B82D549E31EDD3C2DC2F82970A4999C";
        let answer = hex(&format!(
            "BA0D89B5 {NONCE} {SERVER_NONCE} 03000000 FE000100 {dh_prime} FE000100 {g_a} FDC0AB65"
        ));
        assert_eq!(answer.len(), 564);
        let enums::ServerDhInnerData::ServerDhInnerData(inner) =
            enums::ServerDhInnerData::from_bytes(&answer).expect("server_DH_inner_data decodes");
        assert_eq!(inner.g, 3);
        assert_eq!(inner.dh_prime, hex(dh_prime));
        assert_eq!(inner.dh_prime.len(), 256);
        assert_eq!(inner.g_a, hex(g_a));
        assert_eq!(inner.server_time, 1_705_754_877);
        assert_eq!(
            enums::ServerDhInnerData::ServerDhInnerData(inner).to_bytes(),
            answer
        );
    }

    /// Step 7.1, `client_DH_inner_data` with the client's `g_b`.
    #[test]
    fn the_client_answers_as_the_page_shows() {
        let g_b = "
            A0BB357C5A5FBC4EC9D8B2171C030CB68A693A8024CD9E3630BAE4CE000A14A5DBF8A40DFB322678A797ED3D
            591032D0A1C529BE4E76B7EBD5436E7BF7539A9AB5A5FE9DD62F37CAE704EFE0C10DD608E5D9554F7B2F71
            98E99CE29A9A86CCE0FBB1491EBA269DEB6AA20C5CB2134E75E5C70A7C0E7D47EE16F87189D135EDAE37EA
            D992063C11AEA4AC660CF3EBE61B6C21ADAAC2A9317120A6F4D1DA65978FA74BF94CC65A0CA2479D064906
            E78575049E7654D346CA576C6778F478CDB48FCA2FD9202E6E5F95FEF623A206207AFB41619C419357B49F
            4F8825B37EF7E74811FBA22BDF45730F423793C5049514363232F3358BC5F60A416BDCE7D7BBFB49";
        let inner = types::ClientDhInnerData {
            nonce: int128(NONCE),
            server_nonce: int128(SERVER_NONCE),
            retry_id: 0,
            g_b: hex(g_b),
        };
        let expected = hex(&format!(
            "54B64366 {NONCE} {SERVER_NONCE} 0000000000000000 FE000100 {g_b}"
        ));
        // The page's dump starts `54 B6 43 66 15 A0 84 B3`.
        assert_eq!(expected[..8], hex("54B6436615A084B3"));
        let boxed = enums::ClientDhInnerData::from(inner);
        assert_eq!(boxed.to_bytes(), expected);
        assert_eq!(enums::ClientDhInnerData::from_bytes(&expected), Ok(boxed));
    }

    /// Step 7.2, `set_client_DH_params` with 336 encrypted bytes, and step 9, `dh_gen_ok`.
    #[test]
    fn the_key_is_agreed_as_the_page_shows() {
        let encrypted = "
            79CA5B557095AD847C53D6308A38B62FC9A6F2356C07F298D21C9B0DB4002D90C4C0FB9C72626F9F146B
            4E3A81F59ED5CC6A0B4F59BC7411CDCA6BDA8C27B6C3B6DB548F076BB6CCB6791DB116E6368C7328BA21
            212121446CE754EC118CF380ED0CB0D798418CE54D7F68FCAE7AF146F4F8DF31F98794FF6EE06C35DE10
            A86518434A9F83CDC05FD5B151A50F63AD87D8529D7AA032498AF9C17C6F02E7EE1E8733F5752186880F
            A475F2977C7F00E1D8384E20613971F98EFD81A3C6BFB3B8F97969FB39D172527961341BBFDC9D289530
            6365A52F2CB9087C122E53990800BD596E05AA25A5642996AFB43061178A580F21E3C47080418B4CF0B6
            B10FC0C78595D486B3A3DD401D1BF37257C2584BFD5D71A708B138A6E22F853E522696AA6D1A8532461A
            BAEA7935A975E3C978A7A00C792CB3ADF688D0B1480C6C016B04CD1BC36546CD9ACABAA0C84DB571749B";
        assert_eq!(hex(encrypted).len(), 336);
        let call = functions::SetClientDhParams {
            nonce: int128(NONCE),
            server_nonce: int128(SERVER_NONCE),
            encrypted_data: hex(encrypted),
        };
        let sent = hex(&format!(
            "1F5F04F5 {NONCE} {SERVER_NONCE} FE500100 {encrypted}"
        ));
        // The dump's 396 bytes (its last row is at 0x0180) less the 20 of the header.
        assert_eq!(sent.len(), 396 - 20);
        assert_eq!(call.to_bytes(), sent);

        let answer = hex(&format!(
            "34F7CB3B {NONCE} {SERVER_NONCE} 677F483BB89FD206B244A2D1AC38CB31"
        ));
        let enums::SetClientDhParamsAnswer::DhGenOk(ok) =
            functions::SetClientDhParams::decode_reply(&answer)
                .expect("dh_gen_ok decodes")
                .expect("not an error")
        else {
            panic!("not dh_gen_ok");
        };
        assert_eq!(
            ok.new_nonce_hash1,
            int128("677F483BB89FD206B244A2D1AC38CB31")
        );
        assert_eq!(
            enums::SetClientDhParamsAnswer::DhGenOk(ok).to_bytes(),
            answer
        );
    }
}

/// TDLib's group-call chain (`e2e_api.tl`) writes its encrypted shared key as `string` too
/// (`e2e.chain.sharedKey ek:int256 encrypted_shared_key:string …`), which TDLib decrypts as
/// bytes: it decodes whatever bytes it holds.
#[cfg(tl_shared_schemas)]
mod group_call {
    use tl_runtime::{Deserialize, Serialize};
    use tl_tests::real::e2e::{enums, types};

    #[test]
    fn an_encrypted_shared_key_is_bytes() {
        let key = types::e2e::chain::SharedKey {
            ek: [7; 32],
            encrypted_shared_key: vec![0xff, 0xfe, 0x00, 0xc3],
            dest_user_id: vec![42],
            dest_header: vec![vec![1, 2, 3]],
        };
        let boxed = enums::e2e::chain::SharedKey::from(key);
        let bytes = boxed.to_bytes();
        assert_eq!(bytes[..4], 0x8a84_7e7f_u32.to_le_bytes());
        // After the id and `ek`: the length and the four bytes, which are not UTF-8.
        assert_eq!(bytes[36..41], [4, 0xff, 0xfe, 0x00, 0xc3]);
        assert_eq!(enums::e2e::chain::SharedKey::from_bytes(&bytes), Ok(boxed));
    }
}

/// A schema's own definition of the same name but not MTProto's id keeps `String`: the rule
/// goes by id.
mod own {
    tl_runtime::tl! {
        "resPQ pq:string = ResPQ;"
    }

    #[test]
    fn another_res_pq_keeps_its_string() {
        use tl_runtime::{Deserialize, Serialize};
        let value = types::ResPq {
            pq: "text".to_string(),
        };
        let bytes = value.to_bytes();
        assert_eq!(types::ResPq::from_bytes(&bytes), Ok(value));
    }
}
