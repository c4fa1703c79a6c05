//! An app with no window system: Tauri's mock runtime, the app's own builder, context and
//! capabilities, and a library of its own in a temp folder.

use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

pub struct TestDesk {
    pub app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    _folder: tempfile::TempDir,
}

impl TestDesk {
    pub fn open() -> TestDesk {
        let folder = tempfile::tempdir().expect("temp folder");
        let desk = newsdesk_app::Desk::open(Some(folder.path().join("library")));
        let app = newsdesk_app::builder(mock_builder(), desk)
            .build(newsdesk_app::context())
            .expect("the app builds on the mock runtime");
        let window = window(&app, "main");
        TestDesk {
            app,
            window,
            _folder: folder,
        }
    }

    /// Invokes `command` as the window's page would (origin `tauri://localhost`).
    pub fn invoke(&self, command: &str, args: Value) -> Result<Value, Value> {
        invoke_from(&self.window, command, args)
    }

    pub fn ok(&self, command: &str, args: Value) -> Value {
        self.invoke(command, args)
            .unwrap_or_else(|e| panic!("{command} failed: {e}"))
    }

    pub fn err(&self, command: &str, args: Value) -> Value {
        match self.invoke(command, args) {
            Ok(v) => panic!("{command} succeeded where it must fail: {v}"),
            Err(e) => e,
        }
    }

    /// A new article with `headline`, as the window creates one: every field sent.
    pub fn create(&self, headline: &str) -> Value {
        let mut fields = all_fields();
        fields["headline"] = json!(headline);
        self.ok("create_article", json!({ "fields": fields }))
    }
}

/// The window labelled `label`: the one the config declares, or a new one.
pub fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    app.get_webview_window(label).unwrap_or_else(|| {
        WebviewWindowBuilder::new(app, label, Default::default())
            .build()
            .expect("window")
    })
}

pub fn invoke_from(
    window: &WebviewWindow<MockRuntime>,
    command: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: command.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().expect("JSON reply"))
}

/// Every field of an article, empty: what a new article in the window starts from.
pub fn all_fields() -> Value {
    json!({
        "slugline": "", "kicker": "", "section": "", "headline": "", "dek": "", "authors": [],
        "dateline": {"place": "", "date": ""}, "body": "", "keywords": [], "related": [],
        "editors_note": "", "language": "en", "embargo": null, "corrections": [], "lead_photo": null
    })
}

/// An article's JSON down to its fields, as a save sends them.
pub fn strip_to_fields(article: &mut Value) {
    let object = article.as_object_mut().unwrap();
    for key in ["id", "version", "status", "created_at", "updated_at"] {
        object.remove(key);
    }
}
