use ivr_xml::notify::Notification;

#[derive(Notification)]
enum Incoming<M> {
    #[notification(segment = "a")]
    A(M),
}

fn main() {}
