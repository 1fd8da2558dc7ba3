/// The gRPC status code of a CRI error (`rpc error: code = NotFound desc = ...`).
///
/// Since Kubernetes 1.28 the kubelet removes the prefix for `Unknown` only; the other codes keep
/// it, so the code is both a fact and a hint (`Canceled`, `DeadlineExceeded`, `Unimplemented`).
/// Early CRI-O printed the number instead of the name (`code = 4`).
public enum GRPCCode: String, Sendable, Hashable, Codable, CaseIterable {
    case ok = "OK"
    case canceled = "Canceled"
    case unknown = "Unknown"
    case invalidArgument = "InvalidArgument"
    case deadlineExceeded = "DeadlineExceeded"
    case notFound = "NotFound"
    case alreadyExists = "AlreadyExists"
    case permissionDenied = "PermissionDenied"
    case resourceExhausted = "ResourceExhausted"
    case failedPrecondition = "FailedPrecondition"
    case aborted = "Aborted"
    case outOfRange = "OutOfRange"
    case unimplemented = "Unimplemented"
    case `internal` = "Internal"
    case unavailable = "Unavailable"
    case dataLoss = "DataLoss"
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
