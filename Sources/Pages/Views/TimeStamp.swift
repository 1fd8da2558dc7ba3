import Foundation

/// A moment as the pages show it: `<time datetime="{{iso}}">{{text}}</time>`, in UTC to the second, so
/// every reader sees the same time whatever their browser's zone (the pages run no script to convert).
struct TimeStamp: Sendable, Equatable {
    /// RFC 3339, for the `datetime` attribute: `2026-11-21T19:16:43Z`.
    let iso: String
    /// For people: `2026-11-21 19:16:43 UTC`.
    let text: String

    init(_ date: Date) {
        iso = date.ISO8601Format()
        text = iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
    }
}
