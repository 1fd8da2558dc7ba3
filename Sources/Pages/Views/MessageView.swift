/// What the `message` template renders.
struct MessageView: Sendable {
    let heading: String
    let message: String
}
