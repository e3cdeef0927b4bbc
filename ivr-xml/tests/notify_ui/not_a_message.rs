use ivr_xml::notify::Notification;

#[derive(Notification)]
enum Incoming {
    #[notification(segment = "firstget")]
    Menu(String),
}

fn main() {}
