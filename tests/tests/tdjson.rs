//! TDLib itself as the oracle of `#[tl(serde = "tdlib")]`: the `libtdjson` of TDLib 1.8.61 (the
//! TDLib of `../shared/schemas/td_api.tl`, from the PyPI package `tdjson==1.8.61`, which
//! `.ci/run` and `scripts/tdjson.sh` install into `target/tdjson`), loaded with libloading.
//!
//! Requests are values of the generated td_api types, written by the JSON mode; TDLib must
//! accept each (no "Failed to parse JSON object" answer), and each answer and each update it
//! sends on its own must decode into the generated types, re-encode to the same JSON (as JSON
//! values: TDLib writes `1.000000` where serde_json writes `1.0`), and, where TDLib takes it as
//! an argument, be accepted back. Without the library the test says it skipped; with
//! `TL_REQUIRE_TDJSON` set (as `.ci/run` sets it) that is a failure.

tl_tests::skipped_without_shared_schemas!();

#[cfg(tl_shared_schemas)]
#[path = "../json_oracle.rs"]
mod json_oracle;

#[cfg(tl_shared_schemas)]
mod oracle {
    use super::json_oracle::{decode, request};
    use serde_json::Value;
    use std::ffi::{CStr, CString, c_char, c_double, c_int};
    use std::path::PathBuf;
    use std::time::{Duration, Instant};
    use tl_runtime::json::Reply;
    use tl_tests::real::td::{Any, enums, functions, types};

    type Execute = unsafe extern "C" fn(*const c_char) -> *const c_char;
    type CreateClient = unsafe extern "C" fn() -> c_int;
    type Send = unsafe extern "C" fn(c_int, *const c_char);
    type Receive = unsafe extern "C" fn(c_double) -> *const c_char;

    /// The four functions of TDLib's JSON interface, from the library loaded for good: TDLib's
    /// threads outlive any one call, so it is never unloaded (unloading it under them crashes).
    struct Td {
        execute: Execute,
        create_client: CreateClient,
        send: Send,
        receive: Receive,
    }

    /// The library `scripts/tdjson.sh` puts in `target/tdjson`.
    fn installed() -> Option<PathBuf> {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/tdjson/tdjson.libs");
        std::fs::read_dir(&dir).ok()?.find_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?;
            name.starts_with("libtdjson").then_some(path)
        })
    }

    impl Td {
        fn load() -> Option<Td> {
            let path = tl_tests::oracle_library(
                "TDJSON_LIB",
                "TL_REQUIRE_TDJSON",
                installed(),
                "the TDLib oracle: no libtdjson (run scripts/tdjson.sh, or set TDJSON_LIB)",
            )?;
            // SAFETY: loading TDLib runs its initializers, which only set up its own state; the
            // four symbols have the signatures of TDLib's td_json_client.h.
            unsafe {
                let lib = libloading::Library::new(&path)
                    .unwrap_or_else(|e| panic!("load {}: {e}", path.display()));
                let execute = *lib.get::<Execute>(b"td_execute\0").unwrap();
                let create_client = *lib.get::<CreateClient>(b"td_create_client_id\0").unwrap();
                let send = *lib.get::<Send>(b"td_send\0").unwrap();
                let receive = *lib.get::<Receive>(b"td_receive\0").unwrap();
                std::mem::forget(lib);
                Some(Td {
                    execute,
                    create_client,
                    send,
                    receive,
                })
            }
        }

        /// TDLib's answer, copied out before the next call reuses its buffer.
        fn text(answer: *const c_char) -> Option<String> {
            // SAFETY: TDLib returns null or a NUL-terminated string valid until its next call.
            (!answer.is_null()).then(|| {
                unsafe { CStr::from_ptr(answer) }
                    .to_string_lossy()
                    .into_owned()
            })
        }

        fn execute(&self, request: &str) -> String {
            let request = CString::new(request).unwrap();
            // SAFETY: a NUL-terminated request; TDLib copies it.
            Self::text(unsafe { (self.execute)(request.as_ptr()) }).expect("td_execute answers")
        }

        fn create_client(&self) -> i32 {
            // SAFETY: no arguments.
            unsafe { (self.create_client)() }
        }

        fn send(&self, client: i32, request: &str) {
            let request = CString::new(request).unwrap();
            // SAFETY: as `execute`.
            unsafe { (self.send)(client, request.as_ptr()) }
        }

        /// Hands `seen` each text TDLib sends until it returns true (then true), or until `secs`
        /// seconds have passed (then false).
        fn receive_until(&self, secs: u64, mut seen: impl FnMut(String) -> bool) -> bool {
            let deadline = Instant::now() + Duration::from_secs(secs);
            while Instant::now() < deadline {
                if let Some(text) = self.receive(1.0)
                    && seen(text)
                {
                    return true;
                }
            }
            false
        }

        fn receive(&self, timeout: f64) -> Option<String> {
            // SAFETY: a timeout in seconds.
            Self::text(unsafe { (self.receive)(timeout) })
        }
    }

    fn refused_as_unparsed(answer: &Reply<impl Sized, enums::Error>) -> Option<&str> {
        match answer {
            Reply::Err(enums::Error::Error(e)) if e.message.contains("Failed to parse") => {
                Some(&e.message)
            }
            _ => None,
        }
    }

    /// `td_execute` of a request built from the generated types; the answer as the function's
    /// result or an error.
    fn execute<F>(td: &Td, f: &F, tag: &str) -> Reply<F::Return, enums::Error>
    where
        F: tl_runtime::RemoteCall + tl_runtime::json::Tagged + Clone,
        F::Return: tl_runtime::json::Tagged + serde::Serialize + std::fmt::Debug,
    {
        let request = request(f.clone(), tag);
        let text = td.execute(&request);
        let answer = decode::<Reply<F::Return, enums::Error>>(&text);
        assert_eq!(answer.extra.as_deref(), Some(tag), "{text}");
        if let Some(message) = refused_as_unparsed(&answer.value) {
            panic!("TDLib did not take {request}: {message}");
        }
        answer.value
    }

    fn formatted(text: &str) -> types::FormattedText {
        types::FormattedText {
            text: text.into(),
            entities: Vec::new(),
        }
    }

    /// A request given as TDLib's JSON, read into the generated type first (for requests with
    /// many fields), then written back by it.
    fn typed<F: serde::de::DeserializeOwned>(json: Value) -> F {
        serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("{json}: {e}"))
    }

    #[test]
    fn tdlib_takes_our_requests_and_we_take_its_answers() {
        // TDLib's synchronous calls run on the calling thread: give it a stack as a C++ program's
        // main thread has, not the test harness's 2 MiB.
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(oracle)
            .unwrap()
            .join()
            .unwrap();
    }

    fn oracle() {
        let Some(td) = Td::load() else {
            return;
        };
        let quiet = execute(
            &td,
            &functions::SetLogVerbosityLevel {
                new_verbosity_level: 0,
            },
            "quiet",
        );
        assert!(matches!(quiet, Reply::Ok(enums::Ok::Ok)), "{quiet:?}");

        // Every function TDLib's schema says can be called synchronously.
        let mut answered = Vec::new();
        macro_rules! sync {
            ($f:expr) => {{
                let f = $f;
                let tag = format!("sync{}", answered.len());
                let answer = execute(&td, &f, &tag);
                answered.push((format!("{f:?}"), matches!(answer, Reply::Ok(_))));
                answer
            }};
        }
        sync!(functions::CheckQuickReplyShortcutName {
            name: "greeting".into()
        });
        sync!(functions::SearchQuote {
            text: formatted("one two three"),
            quote: formatted("two"),
            quote_position: 0,
        });
        let entities = sync!(functions::GetTextEntities {
            text: "@user http://x.com #tag".into(),
        });
        let Reply::Ok(enums::TextEntities::TextEntities(entities)) = entities else {
            panic!("{entities:?}");
        };
        assert_eq!(entities.entities.len(), 3);
        let parsed = sync!(functions::ParseTextEntities {
            text: "*bold* _it_".into(),
            parse_mode: typed(serde_json::json!({"@type": "textParseModeMarkdown", "version": 2})),
        });
        let Reply::Ok(enums::FormattedText::FormattedText(parsed)) = parsed else {
            panic!("{parsed:?}");
        };
        assert_eq!(parsed.text, "bold it");
        // TDLib's answer, re-encoded by us, accepted back as an argument.
        let markdown = sync!(functions::GetMarkdownText { text: parsed });
        assert!(matches!(markdown, Reply::Ok(_)), "{markdown:?}");
        sync!(functions::ParseMarkdown {
            text: formatted("**b** __i__")
        });
        sync!(functions::GetCountryFlagEmoji {
            country_code: "US".into()
        });
        sync!(functions::GetFileMimeType {
            file_name: "a.png".into()
        });
        sync!(functions::GetFileExtension {
            mime_type: "image/png".into()
        });
        sync!(functions::CleanFileName {
            file_name: "a/b:c?.txt".into()
        });
        sync!(functions::GetLanguagePackString {
            language_pack_database_path: String::new(),
            localization_target: "android".into(),
            language_pack_id: "en".into(),
            key: "Hello".into(),
        });
        let value = sync!(functions::GetJsonValue {
            json: r#"{"a":[1,2.5,null,true,"s"],"big":12345678901}"#.into(),
        });
        let Reply::Ok(value) = value else {
            panic!("{value:?}");
        };
        let string = sync!(functions::GetJsonString { json_value: value });
        assert!(
            matches!(&string, Reply::Ok(enums::Text::Text(t)) if t.text.contains("\"a\"")),
            "{string:?}"
        );
        sync!(typed::<functions::GetThemeParametersJsonString>(
            serde_json::json!({
                "@type": "getThemeParametersJsonString",
                "theme": {
                    "@type": "themeParameters",
                    "background_color": 1, "secondary_background_color": 2, "header_background_color": 3,
                    "bottom_bar_background_color": 4, "section_background_color": 5,
                    "section_separator_color": 6, "text_color": 7, "accent_text_color": 8,
                    "section_header_text_color": 9, "subtitle_text_color": 10,
                    "destructive_text_color": 11, "hint_color": 12, "link_color": 13,
                    "button_color": 14, "button_text_color": 15
                }
            })
        ));
        sync!(typed::<functions::GetChatFolderDefaultIconName>(
            serde_json::json!({
                "@type": "getChatFolderDefaultIconName",
                "folder": {
                    "@type": "chatFolder",
                    "name": {"@type": "chatFolderName", "text": {"@type": "formattedText", "text": "Work", "entities": []}, "animate_custom_emoji": false},
                    "icon": {"@type": "chatFolderIcon", "name": "Work"},
                    "color_id": -1, "is_shareable": false,
                    "pinned_chat_ids": [], "included_chat_ids": [1, -1002], "excluded_chat_ids": [],
                    "exclude_muted": false, "exclude_read": false, "exclude_archived": false,
                    "include_contacts": true, "include_non_contacts": false, "include_bots": false,
                    "include_groups": false, "include_channels": false
                }
            })
        ));
        sync!(functions::GetPushReceiverId {
            payload: r#"{"p":"AAAA"}"#.into(),
        });
        sync!(functions::GetOption {
            name: "version".into()
        });
        sync!(functions::SearchStringsByPrefix {
            strings: vec!["apple".into(), "banana".into(), "apricot".into()],
            query: "ap".into(),
            limit: 10,
            return_none_for_empty_query: true,
        });
        sync!(functions::GetPhoneNumberInfoSync {
            language_code: "en".into(),
            phone_number_prefix: "+1 650".into(),
        });
        sync!(functions::SetLogStream {
            log_stream: enums::LogStream::Empty,
        });
        let stream = sync!(functions::GetLogStream);
        assert!(
            matches!(stream, Reply::Ok(enums::LogStream::Empty)),
            "{stream:?}"
        );
        sync!(functions::SetLogVerbosityLevel {
            new_verbosity_level: 0
        });
        sync!(functions::GetLogVerbosityLevel);
        let tags = sync!(functions::GetLogTags);
        let Reply::Ok(enums::LogTags::LogTags(tags)) = tags else {
            panic!("{tags:?}");
        };
        let tag = tags.tags.first().cloned().expect("TDLib has log tags");
        sync!(functions::SetLogTagVerbosityLevel {
            tag: tag.clone(),
            new_verbosity_level: 1,
        });
        sync!(functions::GetLogTagVerbosityLevel { tag });
        sync!(functions::AddLogMessage {
            verbosity_level: 1023,
            text: "from the tl tests".into(),
        });
        let error = sync!(functions::TestReturnError {
            error: types::Error {
                code: 400,
                message: "X".into(),
            },
        });
        // `testReturnError` returns its argument as the answer, an `error` object.
        assert!(
            matches!(&error, Reply::Ok(enums::Error::Error(e)) | Reply::Err(enums::Error::Error(e)) if e.code == 400 && e.message == "X"),
            "{error:?}"
        );
        let ok = answered.iter().filter(|(_, ok)| *ok).count();
        eprintln!(
            "synchronous: {} requests, {ok} answered with their result",
            answered.len()
        );
        for (request, ok) in &answered {
            eprintln!("  {}: {request}", if *ok { "ok   " } else { "error" });
        }
        assert_eq!(
            answered.len(),
            28,
            "every function TDLib can execute synchronously"
        );

        // A client: the offline test functions, answered and sent back, and its own updates.
        let client = td.create_client();
        let requests: Vec<(&str, String)> = vec![
            (
                "square",
                request(functions::TestSquareInt { x: 7 }, "square"),
            ),
            ("empty", request(functions::TestCallEmpty, "empty")),
            (
                "string",
                request(functions::TestCallString { x: "héllo".into() }, "string"),
            ),
            (
                "bytes",
                request(
                    functions::TestCallBytes {
                        x: vec![0, 1, 2, 255],
                    },
                    "bytes",
                ),
            ),
            (
                "ints",
                request(
                    functions::TestCallVectorInt {
                        x: vec![1, -2, i32::MAX],
                    },
                    "ints",
                ),
            ),
            (
                "int objects",
                request(
                    functions::TestCallVectorIntObject {
                        x: vec![types::TestInt { value: 3 }, types::TestInt { value: -4 }],
                    },
                    "int objects",
                ),
            ),
            (
                "strings",
                request(
                    functions::TestCallVectorString {
                        x: vec!["a".into(), "".into()],
                    },
                    "strings",
                ),
            ),
            (
                "string objects",
                request(
                    functions::TestCallVectorStringObject {
                        x: vec![types::TestString { value: "b".into() }],
                    },
                    "string objects",
                ),
            ),
            (
                "error",
                request(
                    functions::TestReturnError {
                        error: types::Error {
                            code: 404,
                            message: "NOT_FOUND".into(),
                        },
                    },
                    "error",
                ),
            ),
            ("state", request(functions::GetAuthorizationState, "state")),
        ];
        for (_, text) in &requests {
            td.send(client, text);
        }
        let mut answers = std::collections::BTreeMap::new();
        let mut updates = Vec::new();
        td.receive_until(20, |text| {
            let got = decode::<Any>(&text);
            assert_eq!(got.client_id, Some(client), "{text}");
            match got.extra {
                Some(tag) => {
                    answers.insert(tag, (got.value, text));
                }
                None => updates.push((got.value, text)),
            }
            answers.len() == requests.len()
        });
        // Updates that come after the answers.
        while let Some(text) = td.receive(0.5) {
            let got = decode::<Any>(&text);
            if got.extra.is_none() {
                updates.push((got.value, text));
            }
        }
        assert_eq!(
            answers.len(),
            requests.len(),
            "{:?}",
            answers.keys().collect::<Vec<_>>()
        );
        for (tag, (answer, text)) in &answers {
            eprintln!("{tag}: {text}");
            if let Any::Error(enums::Error::Error(e)) = answer {
                assert!(!e.message.contains("Failed to parse"), "{tag}: {text}");
            }
        }
        let answer = |tag: &str| &answers[tag].0;
        assert_eq!(
            answer("square"),
            &Any::TestInt(enums::TestInt::TestInt(types::TestInt { value: 49 }))
        );
        assert!(
            matches!(answer("bytes"), Any::TestBytes(enums::TestBytes::TestBytes(b)) if b.value == [0, 1, 2, 255])
        );
        assert!(matches!(answer("error"), Any::Error(enums::Error::Error(e)) if e.code == 404));
        // Objects TDLib sent, accepted back as arguments.
        let Any::TestVectorIntObject(enums::TestVectorIntObject::TestVectorIntObject(ints)) =
            answer("int objects")
        else {
            panic!("{:?}", answer("int objects"));
        };
        let Any::TestVectorStringObject(enums::TestVectorStringObject::TestVectorStringObject(
            strings,
        )) = answer("string objects")
        else {
            panic!("{:?}", answer("string objects"));
        };
        td.send(
            client,
            &request(
                functions::TestCallVectorIntObject {
                    x: ints.value.clone(),
                },
                "int objects back",
            ),
        );
        td.send(
            client,
            &request(
                functions::TestCallVectorStringObject {
                    x: strings.value.clone(),
                },
                "string objects back",
            ),
        );
        let mut echoed = 0;
        td.receive_until(20, |text| {
            let got = decode::<Any>(&text);
            match got.extra.as_deref() {
                Some("int objects back") => {
                    assert_eq!(&got.value, answer("int objects"));
                    echoed += 1;
                }
                Some("string objects back") => {
                    assert_eq!(&got.value, answer("string objects"));
                    echoed += 1;
                }
                _ => updates.push((got.value, text)),
            }
            echoed == 2
        });
        assert_eq!(echoed, 2);

        eprintln!("{} updates TDLib sent unasked:", updates.len());
        for (_, text) in &updates {
            eprintln!("  {text}");
        }
        let kinds: std::collections::BTreeSet<&str> = updates
            .iter()
            .map(|(u, _)| match u {
                Any::Update(enums::Update::Option(_)) => "updateOption",
                Any::Update(enums::Update::AuthorizationState(_)) => "updateAuthorizationState",
                _ => "other",
            })
            .collect();
        assert!(
            kinds.contains("updateOption") && kinds.contains("updateAuthorizationState"),
            "{kinds:?}"
        );
        // The state the update announced is the one `getAuthorizationState` answers.
        let state = updates.iter().find_map(|(u, _)| match u {
            Any::Update(enums::Update::AuthorizationState(s)) => {
                Some(s.authorization_state.clone())
            }
            _ => None,
        });
        assert_eq!(
            state.map(Any::AuthorizationState).as_ref(),
            Some(answer("state"))
        );

        // Close the client and wait until TDLib says it is closed: a process that exits while a
        // client still runs has TDLib's threads torn down under it (SIGABRT at exit in CI).
        td.send(client, &request(functions::Close, "close"));
        let closed = td.receive_until(30, |text| {
            matches!(
                decode::<Any>(&text).value,
                Any::Update(enums::Update::AuthorizationState(ref s))
                    if matches!(s.authorization_state, enums::AuthorizationState::Closed)
            )
        });
        assert!(closed, "TDLib did not close the client within 30 s");
        // After the last update of a closed client, TDLib may still finish its own work.
        while td.receive(0.2).is_some() {}
    }
}
