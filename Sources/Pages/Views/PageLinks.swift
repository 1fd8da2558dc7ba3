/// Builds the URLs the pages link to. A link is only made from an id that passes `isValidID`, so no
/// value from the store can turn an `href` into another path, a query or a scheme.
enum PageLinks {
    /// Longest accepted id. Diagnosis ids are lower-case UUIDs (36 characters).
    static let maxIDLength = 128

    /// Whether `id` may appear in a URL path: 1 to 128 characters of `A-Z a-z 0-9 . _ -`, not starting
    /// with a dot (no `.` or `..` segment).
    static func isValidID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= maxIDLength, id.utf8.first != UInt8(ascii: ".") else { return false }
        return id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                true
            default:
                false
            }
        }
    }

    /// `/diagnoses/{id}`, or nil when the id is not valid.
    static func diagnosis(_ id: String) -> String? {
        isValidID(id) ? "/diagnoses/" + id : nil
    }

    /// `/api/v1/diagnoses/{id}`, or nil when the id is not valid.
    static func diagnosisJSON(_ id: String) -> String? {
        isValidID(id) ? "/api/v1/diagnoses/" + id : nil
    }

    /// `path` made absolute with the external URL (`https://pulldoctor.example.com` + `/diagnoses/x`);
    /// nil when no external URL is configured.
    static func absolute(_ path: String?, base: String) -> String? {
        guard let path, !base.isEmpty else { return nil }
        var trimmed = Substring(base)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed + path
    }
}
