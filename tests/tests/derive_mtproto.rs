//! Every constructor and function of `mtproto.tl` written by hand with the derives (the
//! `derive` feature), each checked at compile time against its line, and byte-identical to the
//! `tl!`-generated types: the value generator's bytes for every definition (flags all set, none,
//! at random) decode through both, re-encode to the same bytes, and each side decodes the
//! other's encoding to an equal value.
//!
//! The forms covered: bare structs (`line`), boxed functions (`boxed`, `scheme` by name and by
//! id), frozen ids written twice (`id = 0x…` beside the line), unit structs, enums of
//! `V(T)` variants, of unit variants with lines, of struct-like and tuple variants with lines,
//! recursive enums (`tlsBlockScope`), bare vectors of bare structs (`vector<future_salt>`) and
//! of boxed types, and vectors of vectors. The key exchange's `string` fields (`resPQ`'s `pq`,
//! `req_DH_params`' `encrypted_data`, …) and the other binary ones are `Vec<u8>`, which a derive
//! takes for `string` (the same on the wire), as `tl!` generates them.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
mod hand {
    pub mod types {
        use tl_runtime::{Deserialize, Identifiable, Serialize};

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "resPQ#05162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ;"
        )]
        pub struct ResPQ {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub pq: Vec<u8>,
            pub server_public_key_fingerprints: Vec<i64>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "p_q_inner_data#83c95aec pq:string p:string q:string nonce:int128 server_nonce:int128 new_nonce:int256 = P_Q_inner_data;"
        )]
        pub struct PQInnerData {
            pub pq: Vec<u8>,
            pub p: Vec<u8>,
            pub q: Vec<u8>,
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub new_nonce: [u8; 32],
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "p_q_inner_data_dc#a9f55f95 pq:string p:string q:string nonce:int128 server_nonce:int128 new_nonce:int256 dc:int = P_Q_inner_data;"
        )]
        pub struct PQInnerDataDc {
            pub pq: Vec<u8>,
            pub p: Vec<u8>,
            pub q: Vec<u8>,
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub new_nonce: [u8; 32],
            pub dc: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "p_q_inner_data_temp#3c6a84d4 pq:string p:string q:string nonce:int128 server_nonce:int128 new_nonce:int256 expires_in:int = P_Q_inner_data;"
        )]
        pub struct PQInnerDataTemp {
            pub pq: Vec<u8>,
            pub p: Vec<u8>,
            pub q: Vec<u8>,
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub new_nonce: [u8; 32],
            pub expires_in: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "p_q_inner_data_temp_dc#56fddf88 pq:string p:string q:string nonce:int128 server_nonce:int128 new_nonce:int256 dc:int expires_in:int = P_Q_inner_data;"
        )]
        pub struct PQInnerDataTempDc {
            pub pq: Vec<u8>,
            pub p: Vec<u8>,
            pub q: Vec<u8>,
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub new_nonce: [u8; 32],
            pub dc: i32,
            pub expires_in: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "bind_auth_key_inner#75a3f765 nonce:long temp_auth_key_id:long perm_auth_key_id:long temp_session_id:long expires_at:int = BindAuthKeyInner;"
        )]
        pub struct BindAuthKeyInner {
            pub nonce: i64,
            pub temp_auth_key_id: i64,
            pub perm_auth_key_id: i64,
            pub temp_session_id: i64,
            pub expires_at: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "server_DH_params_fail#79cb045d nonce:int128 server_nonce:int128 new_nonce_hash:int128 = Server_DH_Params;"
        )]
        pub struct ServerDHParamsFail {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub new_nonce_hash: [u8; 16],
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "server_DH_params_ok#d0e8075c nonce:int128 server_nonce:int128 encrypted_answer:string = Server_DH_Params;"
        )]
        pub struct ServerDHParamsOk {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub encrypted_answer: Vec<u8>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "server_DH_inner_data#b5890dba nonce:int128 server_nonce:int128 g:int dh_prime:string g_a:string server_time:int = Server_DH_inner_data;"
        )]
        pub struct ServerDHInnerData {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub g: i32,
            pub dh_prime: Vec<u8>,
            pub g_a: Vec<u8>,
            pub server_time: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "client_DH_inner_data#6643b654 nonce:int128 server_nonce:int128 retry_id:long g_b:string = Client_DH_Inner_Data;"
        )]
        pub struct ClientDHInnerData {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub retry_id: i64,
            pub g_b: Vec<u8>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "dh_gen_ok#3bcbf734 nonce:int128 server_nonce:int128 new_nonce_hash1:int128 = Set_client_DH_params_answer;"
        )]
        pub struct DhGenOk {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub new_nonce_hash1: [u8; 16],
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "dh_gen_retry#46dc1fb9 nonce:int128 server_nonce:int128 new_nonce_hash2:int128 = Set_client_DH_params_answer;"
        )]
        pub struct DhGenRetry {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub new_nonce_hash2: [u8; 16],
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "dh_gen_fail#a69dae02 nonce:int128 server_nonce:int128 new_nonce_hash3:int128 = Set_client_DH_params_answer;"
        )]
        pub struct DhGenFail {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub new_nonce_hash3: [u8; 16],
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "msgs_ack#62d6b459 msg_ids:Vector<long> = MsgsAck;")]
        pub struct MsgsAck {
            pub msg_ids: Vec<i64>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "bad_msg_notification#a7eff811 bad_msg_id:long bad_msg_seqno:int error_code:int = BadMsgNotification;"
        )]
        pub struct BadMsgNotification {
            pub bad_msg_id: i64,
            pub bad_msg_seqno: i32,
            pub error_code: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "bad_server_salt#edab447b bad_msg_id:long bad_msg_seqno:int error_code:int new_server_salt:long = BadMsgNotification;"
        )]
        pub struct BadServerSalt {
            pub bad_msg_id: i64,
            pub bad_msg_seqno: i32,
            pub error_code: i32,
            pub new_server_salt: i64,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "msgs_state_req#da69fb52 msg_ids:Vector<long> = MsgsStateReq;")]
        pub struct MsgsStateReq {
            pub msg_ids: Vec<i64>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "msgs_state_info#04deb57d req_msg_id:long info:string = MsgsStateInfo;")]
        pub struct MsgsStateInfo {
            pub req_msg_id: i64,
            pub info: Vec<u8>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "msgs_all_info#8cc0d131 msg_ids:Vector<long> info:string = MsgsAllInfo;")]
        pub struct MsgsAllInfo {
            pub msg_ids: Vec<i64>,
            pub info: Vec<u8>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "msg_detailed_info#276d3ec6 msg_id:long answer_msg_id:long bytes:int status:int = MsgDetailedInfo;"
        )]
        pub struct MsgDetailedInfo {
            pub msg_id: i64,
            pub answer_msg_id: i64,
            pub bytes: i32,
            pub status: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "msg_new_detailed_info#809db6df answer_msg_id:long bytes:int status:int = MsgDetailedInfo;"
        )]
        pub struct MsgNewDetailedInfo {
            pub answer_msg_id: i64,
            pub bytes: i32,
            pub status: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "msg_resend_req#7d861a08 msg_ids:Vector<long> = MsgResendReq;")]
        pub struct MsgResendReq {
            pub msg_ids: Vec<i64>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "rpc_error#2144ca19 error_code:int error_message:string = RpcError;")]
        pub struct RpcError {
            pub error_code: i32,
            pub error_message: String,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "rpc_answer_dropped#a43ad8b7 msg_id:long seq_no:int bytes:int = RpcDropAnswer;"
        )]
        pub struct RpcAnswerDropped {
            pub msg_id: i64,
            pub seq_no: i32,
            pub bytes: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "future_salt#0949d9dc valid_since:int valid_until:int salt:long = FutureSalt;")]
        pub struct FutureSalt {
            pub valid_since: i32,
            pub valid_until: i32,
            pub salt: i64,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;"
        )]
        pub struct FutureSalts {
            pub req_msg_id: i64,
            pub now: i32,
            pub salts: Vec<FutureSalt>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "pong#347773c5 msg_id:long ping_id:long = Pong;")]
        pub struct Pong {
            pub msg_id: i64,
            pub ping_id: i64,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "destroy_session_ok#e22045fc session_id:long = DestroySessionRes;")]
        pub struct DestroySessionOk {
            pub session_id: i64,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "destroy_session_none#62d350c9 session_id:long = DestroySessionRes;")]
        pub struct DestroySessionNone {
            pub session_id: i64,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            line = "new_session_created#9ec20908 first_msg_id:long unique_id:long server_salt:long = NewSession;"
        )]
        pub struct NewSessionCreated {
            pub first_msg_id: i64,
            pub unique_id: i64,
            pub server_salt: i64,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "http_wait#9299359f max_delay:int wait_after:int max_wait:int = HttpWait;")]
        pub struct HttpWait {
            pub max_delay: i32,
            pub wait_after: i32,
            pub max_wait: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "ipPort#d433ad73 ipv4:int port:int = IpPort;")]
        pub struct IpPort {
            pub ipv4: i32,
            pub port: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            id = 0x37982646,
            line = "ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;"
        )]
        pub struct IpPortSecret {
            pub ipv4: i32,
            pub port: i32,
            pub secret: Vec<u8>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            id = 0x4679b65f,
            line = "accessPointRule#4679b65f phone_prefix_rules:string dc_id:int ips:vector<IpPort> = AccessPointRule;"
        )]
        pub struct AccessPointRule {
            pub phone_prefix_rules: String,
            pub dc_id: i32,
            pub ips: Vec<super::enums::IpPort>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            id = 0x5a592a6c,
            line = "help.configSimple#5a592a6c date:int expires:int rules:vector<AccessPointRule> = help.ConfigSimple;"
        )]
        pub struct ConfigSimple {
            pub date: i32,
            pub expires: i32,
            pub rules: Vec<super::enums::AccessPointRule>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(line = "tlsClientHello blocks:vector<TlsBlock> = TlsClientHello;")]
        pub struct TlsClientHello {
            pub blocks: Vec<super::enums::TlsBlock>,
        }
    }

    pub mod enums {
        use super::types;
        use tl_runtime::{Deserialize, Serialize};

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum ResPQ {
            ResPQ(types::ResPQ),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum PQInnerData {
            Plain(types::PQInnerData),
            Dc(types::PQInnerDataDc),
            Temp(types::PQInnerDataTemp),
            TempDc(types::PQInnerDataTempDc),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum BindAuthKeyInner {
            BindAuthKeyInner(types::BindAuthKeyInner),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum ServerDHParams {
            ServerDHParamsFail(types::ServerDHParamsFail),
            ServerDHParamsOk(types::ServerDHParamsOk),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum ServerDHInnerData {
            ServerDHInnerData(types::ServerDHInnerData),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum ClientDHInnerData {
            ClientDHInnerData(types::ClientDHInnerData),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum SetClientDHParamsAnswer {
            Ok(types::DhGenOk),
            Retry(types::DhGenRetry),
            Fail(types::DhGenFail),
        }

        /// Unit variants, each with its line.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum DestroyAuthKeyRes {
            #[tl(line = "destroy_auth_key_ok#f660e1d4 = DestroyAuthKeyRes;")]
            Ok,
            #[tl(line = "destroy_auth_key_none#0a9f2259 = DestroyAuthKeyRes;")]
            None,
            #[tl(line = "destroy_auth_key_fail#ea109b13 = DestroyAuthKeyRes;")]
            Fail,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum MsgsAck {
            MsgsAck(types::MsgsAck),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum BadMsgNotification {
            BadMsgNotification(types::BadMsgNotification),
            BadServerSalt(types::BadServerSalt),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum MsgsStateReq {
            MsgsStateReq(types::MsgsStateReq),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum MsgsStateInfo {
            MsgsStateInfo(types::MsgsStateInfo),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum MsgsAllInfo {
            MsgsAllInfo(types::MsgsAllInfo),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum MsgDetailedInfo {
            MsgDetailedInfo(types::MsgDetailedInfo),
            MsgNewDetailedInfo(types::MsgNewDetailedInfo),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum MsgResendReq {
            MsgResendReq(types::MsgResendReq),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum RpcError {
            RpcError(types::RpcError),
        }

        /// Unit variants with lines beside a variant holding a derived struct.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum RpcDropAnswer {
            #[tl(line = "rpc_answer_unknown#5e2ad36e = RpcDropAnswer;")]
            Unknown,
            #[tl(line = "rpc_answer_dropped_running#cd78e586 = RpcDropAnswer;")]
            DroppedRunning,
            Dropped(types::RpcAnswerDropped),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum FutureSalt {
            FutureSalt(types::FutureSalt),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum FutureSalts {
            FutureSalts(types::FutureSalts),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum Pong {
            Pong(types::Pong),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum DestroySessionRes {
            DestroySessionOk(types::DestroySessionOk),
            DestroySessionNone(types::DestroySessionNone),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum NewSession {
            NewSessionCreated(types::NewSessionCreated),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum HttpWait {
            HttpWait(types::HttpWait),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum IpPort {
            IpPort(types::IpPort),
            IpPortSecret(types::IpPortSecret),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum AccessPointRule {
            AccessPointRule(types::AccessPointRule),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum ConfigSimple {
            ConfigSimple(types::ConfigSimple),
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum TlsClientHello {
            TlsClientHello(types::TlsClientHello),
        }

        /// Struct-like and unit variants, each checked against its own line.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub enum TlsBlock {
            #[tl(line = "tlsBlockString data:string = TlsBlock;")]
            String { data: Vec<u8> },
            #[tl(line = "tlsBlockRandom length:int = TlsBlock;")]
            Random { length: i32 },
            #[tl(line = "tlsBlockZero length:int = TlsBlock;")]
            Zero { length: i32 },
            #[tl(line = "tlsBlockDomain = TlsBlock;")]
            Domain,
            #[tl(line = "tlsBlockGrease seed:int = TlsBlock;")]
            Grease(i32),
            #[tl(line = "tlsBlockPublicKey = TlsBlock;")]
            PublicKey {},
            #[tl(line = "tlsBlockScope entries:Vector<TlsBlock> = TlsBlock;")]
            Scope { entries: Vec<TlsBlock> },
            #[tl(line = "tlsBlockPermutation entries:Vector<Vector<TlsBlock>> = TlsBlock;")]
            Permutation { entries: Vec<Vec<TlsBlock>> },
        }
    }

    pub mod functions {
        use tl_runtime::{Deserialize, Identifiable, Serialize};

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(boxed, line = "req_pq#60469778 nonce:int128 = ResPQ;")]
        pub struct ReqPq {
            pub nonce: [u8; 16],
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(boxed, line = "req_pq_multi#be7e8ef1 nonce:int128 = ResPQ;")]
        pub struct ReqPqMulti {
            pub nonce: [u8; 16],
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            boxed,
            line = "req_DH_params#d712e4be nonce:int128 server_nonce:int128 p:string q:string public_key_fingerprint:long encrypted_data:string = Server_DH_Params;"
        )]
        pub struct ReqDHParams {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub p: Vec<u8>,
            pub q: Vec<u8>,
            pub public_key_fingerprint: i64,
            pub encrypted_data: Vec<u8>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            boxed,
            line = "set_client_DH_params#f5045f1f nonce:int128 server_nonce:int128 encrypted_data:string = Set_client_DH_params_answer;"
        )]
        pub struct SetClientDHParams {
            pub nonce: [u8; 16],
            pub server_nonce: [u8; 16],
            pub encrypted_data: Vec<u8>,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(boxed, line = "destroy_auth_key#d1435160 = DestroyAuthKeyRes;")]
        pub struct DestroyAuthKey;

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            boxed,
            line = "rpc_drop_answer#58e4a740 req_msg_id:long = RpcDropAnswer;"
        )]
        pub struct RpcDropAnswer {
            pub req_msg_id: i64,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(boxed, scheme = "../../shared/schemas/mtproto.tl", id = 0xb921bd04)]
        pub struct GetFutureSalts {
            pub num: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(boxed, scheme = "../../shared/schemas/mtproto.tl", id = "ping")]
        pub struct Ping {
            pub ping_id: i64,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            boxed,
            line = "ping_delay_disconnect#f3427b8c ping_id:long disconnect_delay:int = Pong;"
        )]
        pub struct PingDelayDisconnect {
            pub ping_id: i64,
            pub disconnect_delay: i32,
        }

        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Identifiable)]
        #[tl(
            boxed,
            line = "destroy_session#e7512126 session_id:long = DestroySessionRes;"
        )]
        pub struct DestroySession {
            pub session_id: i64,
        }
    }
}

#[cfg(tl_shared_schemas)]
mod checks {
    use super::hand::{enums, functions};
    use tl_runtime::{Deserialize, Serialize};
    use tl_schema::{Definition, Section};
    use tl_tests::generate::{for_each_encoding, load};
    use tl_tests::real::mtproto::Any;

    /// Decodes `bytes` (a boxed value of `def`) through the hand-written type, and returns its
    /// encoding.
    fn through_hand(def: &Definition, bytes: &[u8]) -> Vec<u8> {
        macro_rules! by {
            ($key:expr; $($name:literal => $ty:ty,)*) => {
                match $key {
                    $($name => {
                        let v = <$ty>::from_bytes(bytes).unwrap_or_else(|e| {
                            panic!("{} through {}: {e}", def.name.value, stringify!($ty))
                        });
                        let out = v.to_bytes();
                        assert_eq!(v.serialized_len(), out.len(), "{}", def.name.value);
                        assert_eq!(<$ty>::from_bytes(&out).unwrap(), v, "{}", def.name.value);
                        out
                    })*
                    other => panic!("no hand-written type for `{other}`"),
                }
            };
        }
        match def.section {
            Section::Types => by!(def.result.name.as_str();
                "ResPQ" => enums::ResPQ,
                "P_Q_inner_data" => enums::PQInnerData,
                "BindAuthKeyInner" => enums::BindAuthKeyInner,
                "Server_DH_Params" => enums::ServerDHParams,
                "Server_DH_inner_data" => enums::ServerDHInnerData,
                "Client_DH_Inner_Data" => enums::ClientDHInnerData,
                "Set_client_DH_params_answer" => enums::SetClientDHParamsAnswer,
                "DestroyAuthKeyRes" => enums::DestroyAuthKeyRes,
                "MsgsAck" => enums::MsgsAck,
                "BadMsgNotification" => enums::BadMsgNotification,
                "MsgsStateReq" => enums::MsgsStateReq,
                "MsgsStateInfo" => enums::MsgsStateInfo,
                "MsgsAllInfo" => enums::MsgsAllInfo,
                "MsgDetailedInfo" => enums::MsgDetailedInfo,
                "MsgResendReq" => enums::MsgResendReq,
                "RpcError" => enums::RpcError,
                "RpcDropAnswer" => enums::RpcDropAnswer,
                "FutureSalt" => enums::FutureSalt,
                "FutureSalts" => enums::FutureSalts,
                "Pong" => enums::Pong,
                "DestroySessionRes" => enums::DestroySessionRes,
                "NewSession" => enums::NewSession,
                "HttpWait" => enums::HttpWait,
                "IpPort" => enums::IpPort,
                "AccessPointRule" => enums::AccessPointRule,
                "help.ConfigSimple" => enums::ConfigSimple,
                "TlsClientHello" => enums::TlsClientHello,
                "TlsBlock" => enums::TlsBlock,
            ),
            Section::Functions => by!(def.name.value.as_str();
                "req_pq" => functions::ReqPq,
                "req_pq_multi" => functions::ReqPqMulti,
                "req_DH_params" => functions::ReqDHParams,
                "set_client_DH_params" => functions::SetClientDHParams,
                "destroy_auth_key" => functions::DestroyAuthKey,
                "rpc_drop_answer" => functions::RpcDropAnswer,
                "get_future_salts" => functions::GetFutureSalts,
                "ping" => functions::Ping,
                "ping_delay_disconnect" => functions::PingDelayDisconnect,
                "destroy_session" => functions::DestroySession,
            ),
        }
    }

    #[test]
    fn hand_written_mtproto_is_byte_identical_to_generated() {
        let Some(schema) = load("mtproto.tl", tl_tests::frozen::MTPROTO) else {
            return;
        };
        let checked = for_each_encoding(
            &schema,
            11,
            tl_schema::IdRule::Telegram,
            |_| false,
            |def, presence, bytes| {
                let generated = Any::from_bytes(bytes)
                    .unwrap_or_else(|e| panic!("{} (generated): {e}", def.name.value));
                // Generated bytes through the hand-written types, and back.
                let hand = through_hand(def, bytes);
                assert_eq!(
                    hand, bytes,
                    "{} ({presence:?}): hand-written re-encodes",
                    def.name.value
                );
                assert_eq!(
                    Any::from_bytes(&hand).unwrap(),
                    generated,
                    "{}",
                    def.name.value
                );
                assert_eq!(generated.to_bytes(), hand, "{}", def.name.value);
            },
        );
        eprintln!("mtproto.tl: {checked} definitions hand-written and byte-identical");
        assert_eq!(checked, 59, "every constructor and function of mtproto.tl");
    }
}
