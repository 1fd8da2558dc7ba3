/// The gRPC status code of a CRI error (`rpc error: code = NotFound desc = ...`).
///
/// Since Kubernetes 1.28 the kubelet removes the prefix for `Unknown` only; the other codes keep
/// it, so the code is both a fact and a hint (`Canceled`, `DeadlineExceeded`, `Unimplemented`).
/// Early CRI-O printed the number instead of the name (`code = 4`).
public enum GRPCCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not an error (0).
    case ok = "OK"
    /// The call was cancelled (1): containerd's no-progress timeout, pod deletion.
    case canceled = "Canceled"
    /// Unknown (2): what most runtime errors carry; dropped from messages since Kubernetes 1.28.
    case unknown = "Unknown"
    /// Invalid argument (3).
    case invalidArgument = "InvalidArgument"
    /// The deadline passed (4).
    case deadlineExceeded = "DeadlineExceeded"
    /// Not found (5).
    case notFound = "NotFound"
    /// Already exists (6).
    case alreadyExists = "AlreadyExists"
    /// Permission denied (7).
    case permissionDenied = "PermissionDenied"
    /// Resource exhausted (8).
    case resourceExhausted = "ResourceExhausted"
    /// Failed precondition (9).
    case failedPrecondition = "FailedPrecondition"
    /// Aborted (10).
    case aborted = "Aborted"
    /// Out of range (11).
    case outOfRange = "OutOfRange"
    /// Not implemented by the server (12): the runtime lacks the called CRI service.
    case unimplemented = "Unimplemented"
    /// Internal error (13).
    case `internal` = "Internal"
    /// Unavailable (14).
    case unavailable = "Unavailable"
    /// Data loss (15).
    case dataLoss = "DataLoss"
    /// Unauthenticated (16).
    case unauthenticated = "Unauthenticated"

    /// Parses a code as printed: its name in any case, or its number (0-16).
    public init?(token: some StringProtocol) {
        if let number = Int(token), number >= 0, number < Self.allCases.count {
            self = Self.allCases[number]
            return
        }
        let lowered = token.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else { return nil }
        self = match
    }
}
