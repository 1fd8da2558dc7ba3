/// Whether an alert, a payload or an incident fires or has resolved; also the kind of an outbox message.
///
/// The raw values are the words Alertmanager uses, and the ones stored in the database.
public enum FiringState: String, Sendable, Codable, CaseIterable {
    case firing
    case resolved
}
