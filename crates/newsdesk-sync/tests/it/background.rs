//! The window's desk: a background sync on a laptop, the status it reports, and who is here,
//! with a real relay process and libraries as laptops.

use std::sync::mpsc;
use std::time::Duration;

use newsdesk_sync::background::{BackgroundSync, DeskStatus, Notice, Trouble};
use newsdesk_sync::presence::{self, Heartbeat};

use crate::common::{Laptop, Relay, TOKEN};

/// Generous: a guard against a hang, not a measure (a sync here takes milliseconds).
const PATIENCE: Duration = Duration::from_secs(90);

struct Window {
    desk: BackgroundSync,
    notices: mpsc::Receiver<Notice>,
}

impl Window {
    fn open(laptop: &Laptop) -> Window {
        let (tell, notices) = mpsc::channel();
        let tell = std::sync::Mutex::new(tell);
        let desk = BackgroundSync::start(laptop.root.clone(), move |n| {
            let _ = tell.lock().unwrap().send(n);
        });
        Window { desk, notices }
    }

    /// Waits for a status for which `wanted` holds, and returns it.
    fn status_until(&self, what: &str, wanted: impl Fn(&DeskStatus) -> bool) -> DeskStatus {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.notices.recv_timeout(left) {
                Ok(Notice::Status(s)) if wanted(&s) => return s,
                Ok(_) => {}
                Err(_) => panic!("never {what}; last status {:?}", self.desk.status()),
            }
        }
    }

    fn here_until(&self, wanted: impl Fn(&Option<String>, &[presence::Present]) -> bool) {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.notices.recv_timeout(left) {
                Ok(Notice::Here { story, people }) if wanted(&story, &people) => return,
                Ok(_) => {}
                Err(_) => panic!("never the presence wanted"),
            }
        }
    }
}

fn synced(s: &DeskStatus) -> bool {
    !s.syncing && s.synced_at.is_some() && s.trouble.is_none()
}

#[test]
fn the_window_joins_syncs_after_saves_and_brings_others_changes_in_the_background() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let id = ana
        .write("Harbour plan approved", "The council met on Tuesday.")
        .id;
    ana.join(&relay);

    let mut bea = Laptop::new("placeholder");
    let window = Window::open(&bea);
    let alone = window.status_until("read the library", |s| s.me.is_some());
    assert_eq!((alone.url.as_deref(), alone.waiting), (None, 0));
    window.desk.set_identity("Bea Osei").unwrap();
    let report = window.desk.join(&relay.url(), TOKEN).unwrap();
    assert_eq!(report.received, 1);
    let status = window.status_until("synced after joining", synced);
    assert!(status.url.unwrap().starts_with(&relay.url()));
    assert_eq!(status.me.unwrap().name, "Bea Osei");
    assert_eq!(status.waiting, 0);

    // A save here goes out without anyone asking. (That it is counted as waiting meanwhile
    // is the offline test's: here a sync may take it before any status could show it.)
    bea.edit(&id, |f| f.body.push_str(" Bea adds a line."));
    window.desk.saved();
    let deadline = std::time::Instant::now() + PATIENCE;
    loop {
        window.status_until("synced with nothing waiting", |s| {
            synced(s) && s.waiting == 0
        });
        ana.sync();
        if ana.article(&id).fields.body.ends_with("Bea adds a line.") {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "Bea's save never reached Ana"
        );
    }

    // Ana's change arrives on its own, and the status says a story changed.
    ana.edit(&id, |f| f.headline = "Harbour plan approved at last".into());
    ana.sync();
    window.status_until("brought Ana's change", |s| synced(s) && s.changed == 1);
    assert_eq!(
        bea.article(&id).fields.headline,
        "Harbour plan approved at last"
    );
}

#[test]
fn a_relay_that_is_down_shows_offline_since_and_the_saves_wait_then_go_out() {
    let mut relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let id = ana.write("Storm closes the bridge", "Wind at dawn.").id;
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    let window = Window::open(&bea);
    window.status_until("synced", synced);

    relay.kill();
    bea.edit(&id, |f| f.body.push_str(" The ferry runs instead."));
    crate::photos::import(&mut bea, "rubbish.jpg");
    window.desk.saved();
    let offline = window.status_until("went offline", |s| s.trouble == Some(Trouble::Offline));
    let since = offline.offline_since.expect("offline since a time");
    assert_eq!(offline.waiting, 2, "the save and the photo wait here");
    assert!(offline.message.unwrap().contains("cannot be reached"));
    // Still offline on the next try: since when stays the first failure.
    window.desk.sync_now();
    let still = window.status_until("tried again", |s| !s.syncing && s.offline_since.is_some());
    assert_eq!(still.offline_since, Some(since));

    relay.restart();
    window.desk.sync_now();
    window.status_until("back and synced", |s| synced(s) && s.waiting == 0);
    ana.sync();
    assert!(
        ana.article(&id)
            .fields
            .body
            .ends_with("The ferry runs instead.")
    );
}

#[test]
fn a_wrong_token_shows_refused_and_the_library_stays_alone() {
    let relay = Relay::start();
    let bea = Laptop::new("Bea Osei");
    let window = Window::open(&bea);
    let refused = window
        .desk
        .join(&relay.url(), "not-the-token-of-this-desk")
        .unwrap_err();
    assert_eq!(refused.kind(), "desk_refused");
    let status = window.status_until("said refused", |s| s.trouble == Some(Trouble::Refused));
    assert_eq!(status.url, None, "a refused join joins nothing");
    assert!(status.message.unwrap().contains("refused the desk token"));
}

#[test]
fn two_windows_on_one_story_see_each_other_and_not_a_third_on_another() {
    let relay = Relay::start();
    let mut ana = Laptop::new("Ana Ruiz");
    let id = ana.write("Harbour plan approved", "Body.").id;
    ana.join(&relay);
    let mut bea = Laptop::new("Bea Osei");
    bea.join(&relay);
    let beas = Window::open(&bea);
    beas.desk.open_story(Some(id.clone()));

    // Ana's window, as heartbeats: Bea is there; Cal on another story sees nobody.
    let ana_me = ana.store().identity().unwrap().unwrap();
    let beat = |story: &str| Heartbeat {
        name: ana_me.name.clone(),
        device: ana_me.device_id.clone(),
        story: Some(story.to_owned()),
    };
    let deadline = std::time::Instant::now() + PATIENCE;
    let seen = loop {
        let here = presence::heartbeat(&relay.url(), TOKEN, &beat(&id)).unwrap();
        if !here.is_empty() || std::time::Instant::now() > deadline {
            break here;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(
        seen.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Bea Osei"]
    );
    let cal = Heartbeat {
        name: "Cal Weir".into(),
        device: "cal-laptop".into(),
        story: Some("another-story".into()),
    };
    assert!(
        presence::heartbeat(&relay.url(), TOKEN, &cal)
            .unwrap()
            .is_empty()
    );
    // And Bea's window hears of Ana.
    beas.here_until(|story, people| {
        story.as_deref() == Some(id.as_str()) && people.iter().any(|p| p.name == "Ana Ruiz")
    });
    // A wrong token learns nothing.
    let refused = presence::heartbeat(&relay.url(), "not-the-token-of-this-desk", &beat(&id));
    assert_eq!(refused.unwrap_err().kind(), "desk_refused");
}
