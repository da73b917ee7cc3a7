//! TON's tonlib itself as the oracle of `#[tl(serde = "tdlib")]` on `tonlib_api.tl`: the
//! `libtonlibjson` that the PyPI package `pytonlib` 0.0.72 ships (`.ci/run` and
//! `scripts/tonlibjson.sh` install it into `target/tonlibjson`), loaded with libloading.
//!
//! Requests are values of the generated tonlib_api types, written by the JSON mode, and go to
//! tonlib's synchronous `tonlib_client_json_execute` (the calls that need no network: address
//! packing, BIP-39 hints, encryption, key derivation, log settings). tonlib must accept each, and
//! each answer must decode into the generated types, re-encode to the same JSON value, and, where
//! it is an argument of another call, be taken back. Without the library the test says it
//! skipped; with `TL_REQUIRE_TONLIBJSON` set (as `.ci/run` sets it) that is a failure.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
#[path = "../json_oracle.rs"]
mod json_oracle;

#[cfg(tl_shared_schemas)]
mod oracle {
    use super::json_oracle::{decode, request};
    use std::ffi::{CStr, CString, c_char, c_void};
    use std::path::PathBuf;
    use tl_runtime::json::Reply;
    use tl_tests::real::tonlib::{enums, functions, types};

    type Create = unsafe extern "C" fn() -> *mut c_void;
    type Execute = unsafe extern "C" fn(*mut c_void, *const c_char) -> *const c_char;

    /// tonlib's JSON client: one client, never destroyed (its threads outlive any one call).
    struct Tonlib {
        client: *mut c_void,
        execute: Execute,
    }

    /// The library `scripts/tonlibjson.sh` puts in `target/tonlibjson` (the wheel's build for
    /// this platform).
    fn installed() -> Option<PathBuf> {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../target/tonlibjson/pytonlib/distlib/linux/libtonlibjson.x86_64.so");
        (cfg!(all(target_os = "linux", target_arch = "x86_64")) && path.is_file()).then_some(path)
    }

    impl Tonlib {
        fn load() -> Option<Tonlib> {
            let path = tl_tests::oracle_library(
                "TONLIBJSON_LIB",
                "TL_REQUIRE_TONLIBJSON",
                installed(),
                "the tonlib oracle: no libtonlibjson (run scripts/tonlibjson.sh, or set \
                 TONLIBJSON_LIB)",
            )?;
            // SAFETY: loading tonlib runs its initializers, which only set up its own state; the
            // two symbols have the signatures of tonlib's tonlib_client_json.h.
            unsafe {
                let lib = libloading::Library::new(&path)
                    .unwrap_or_else(|e| panic!("load {}: {e}", path.display()));
                let create = *lib.get::<Create>(b"tonlib_client_json_create\0").unwrap();
                let execute = *lib.get::<Execute>(b"tonlib_client_json_execute\0").unwrap();
                std::mem::forget(lib);
                let client = create();
                assert!(!client.is_null(), "tonlib_client_json_create");
                Some(Tonlib { client, execute })
            }
        }

        fn execute(&self, request: &str) -> String {
            let request = CString::new(request).unwrap();
            // SAFETY: a client from `tonlib_client_json_create` and a NUL-terminated request;
            // the answer is a NUL-terminated string valid until the next call, copied at once.
            let answer = unsafe { (self.execute)(self.client, request.as_ptr()) };
            assert!(!answer.is_null(), "tonlib answers {request:?}");
            unsafe { CStr::from_ptr(answer) }
                .to_string_lossy()
                .into_owned()
        }
    }

    /// `tonlib_client_json_execute` of a request built from the generated types; its answer
    /// decoded as the function's result or an error, after checking that it re-encodes to the
    /// same JSON value and echoes `@extra`.
    fn execute<F>(tonlib: &Tonlib, f: &F, tag: &str) -> Reply<F::Return, enums::Error>
    where
        F: tl_runtime::RemoteCall + tl_runtime::json::Tagged + Clone,
        F::Return: tl_runtime::json::Tagged + serde::Serialize + std::fmt::Debug,
    {
        let request = request(f.clone(), tag);
        let text = tonlib.execute(&request);
        let answer = decode::<Reply<F::Return, enums::Error>>(&text);
        assert_eq!(answer.extra.as_deref(), Some(tag), "{text}");
        if let Reply::Err(enums::Error::Error(e)) = &answer.value {
            assert!(
                !e.message.contains("Failed to parse JSON"),
                "tonlib did not take {request}: {}",
                e.message
            );
        }
        answer.value
    }

    fn ok<T: std::fmt::Debug>(reply: Reply<T, enums::Error>, what: &str) -> T {
        match reply {
            Reply::Ok(value) => value,
            Reply::Err(e) => panic!("{what}: tonlib answered {e:?}"),
        }
    }

    #[test]
    fn tonlib_takes_our_requests_and_we_take_its_answers() {
        let Some(tonlib) = Tonlib::load() else {
            return;
        };

        // Log settings: a number each way, and `ok`. Level 0 also quiets tonlib's own log.
        let set = execute(
            &tonlib,
            &functions::SetLogVerbosityLevel {
                new_verbosity_level: 0,
            },
            "quiet",
        );
        assert_eq!(ok(set, "setLogVerbosityLevel"), enums::Ok::Ok);
        let level = execute(&tonlib, &functions::GetLogVerbosityLevel {}, "level");
        let enums::LogVerbosityLevel::LogVerbosityLevel(level) = ok(level, "getLogVerbosityLevel");
        assert_eq!(level.verbosity_level, 0);

        // An address packed and unpacked: `bytes` (base64) and `Bool` both ways.
        let unpacked = types::UnpackedAccountAddress {
            workchain_id: -1,
            bounceable: true,
            testnet: false,
            addr: (0..32).map(|i| i * 7 + 1).collect(),
        };
        let packed = execute(
            &tonlib,
            &functions::PackAccountAddress {
                account_address: unpacked.clone(),
            },
            "pack",
        );
        let enums::AccountAddress::AccountAddress(packed) = ok(packed, "packAccountAddress");
        assert_eq!(packed.account_address.len(), 48, "{packed:?}");
        let back = execute(
            &tonlib,
            &functions::UnpackAccountAddress {
                account_address: packed.account_address.clone(),
            },
            "unpack",
        );
        let enums::UnpackedAccountAddress::UnpackedAccountAddress(back) =
            ok(back, "unpackAccountAddress");
        assert_eq!(back, unpacked);

        // An error answer decodes as the schema's `error`.
        let refused = execute(
            &tonlib,
            &functions::UnpackAccountAddress {
                account_address: "not an address".into(),
            },
            "bad",
        );
        assert!(
            matches!(&refused, Reply::Err(enums::Error::Error(e)) if e.code != 0),
            "{refused:?}"
        );

        // A vector of strings.
        let hints = execute(
            &tonlib,
            &functions::GetBip39Hints {
                prefix: "ab".into(),
            },
            "hints",
        );
        let enums::Bip39Hints::Bip39Hints(hints) = ok(hints, "getBip39Hints");
        assert!(!hints.words.is_empty());
        assert!(hints.words.iter().all(|w| w.starts_with("ab")), "{hints:?}");

        // `secureBytes` both ways: encrypted, then decrypted back to the plaintext.
        let plain = b"tl, wire-exact".to_vec();
        let secret = b"a secret of some length".to_vec();
        let sealed = execute(
            &tonlib,
            &functions::Encrypt {
                decrypted_data: plain.clone(),
                secret: secret.clone(),
            },
            "encrypt",
        );
        let enums::Data::Data(sealed) = ok(sealed, "encrypt");
        assert_ne!(sealed.bytes, plain);
        let opened = execute(
            &tonlib,
            &functions::Decrypt {
                encrypted_data: sealed.bytes,
                secret,
            },
            "decrypt",
        );
        let enums::Data::Data(opened) = ok(opened, "decrypt");
        assert_eq!(opened.bytes, plain);

        // `int32` beside `secureBytes`.
        let derived = execute(
            &tonlib,
            &functions::Kdf {
                password: b"password".to_vec(),
                salt: b"salt".to_vec(),
                iterations: 16,
            },
            "kdf",
        );
        let enums::Data::Data(derived) = ok(derived, "kdf");
        assert!(!derived.bytes.is_empty());
    }
}
