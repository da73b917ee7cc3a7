// The ids that the published schemas freeze (Telegram's `mtproto.tl` here, verbatim) check as
// written, with no `allow_id_mismatch`: they are what the servers use, and what is encoded.
use tl_runtime::{Deserialize, Identifiable, Serialize};

tl_runtime::tl! {
    "ipPort#d433ad73 ipv4:int port:int = IpPort;"
    "ipPortSecret#37982646 ipv4:int port:int secret:bytes = IpPort;"
    "accessPointRule#4679b65f phone_prefix_rules:string dc_id:int ips:vector<IpPort> = AccessPointRule;"
    "help.configSimple#5a592a6c date:int expires:int rules:vector<AccessPointRule> = help.ConfigSimple;"
}

fn main() {
    assert_eq!(types::AccessPointRule::CONSTRUCTOR_ID, 0x4679b65f);
    let config = enums::help::ConfigSimple::from(types::help::ConfigSimple {
        date: 1,
        expires: 2,
        rules: vec![enums::AccessPointRule::from(types::AccessPointRule {
            phone_prefix_rules: "+".into(),
            dc_id: 2,
            ips: vec![enums::IpPort::from(types::IpPortSecret {
                ipv4: 0x7f000001,
                port: 443,
                secret: vec![7; 16],
            })],
        })],
    });
    let bytes = config.to_bytes();
    assert_eq!(bytes[..4], 0x5a592a6cu32.to_le_bytes());
    assert_eq!(bytes[16..20], 0x4679b65fu32.to_le_bytes());
    assert_eq!(enums::help::ConfigSimple::from_bytes(&bytes).unwrap(), config);
}
