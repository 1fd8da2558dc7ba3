import Foundation
import GRDB

/// Why the store could not do what was asked. The webhook answers 503 for any of them, so Alertmanager
/// retries; `reason` is bounded and fit for a metric label, `message` is for logs.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The bounded cause, mapped from SQLite's primary result code.
    public enum Reason: String, Sendable, CaseIterable {
        /// `SQLITE_FULL`: the disk (or the page-count limit) is full.
        case diskFull = "disk_full"
        /// `SQLITE_READONLY`: the file, its folder or the file system cannot be written.
        case readOnly = "read_only"
        /// `SQLITE_BUSY` or `SQLITE_LOCKED`: another connection held the lock past the busy timeout.
        case busy
        /// `SQLITE_CORRUPT` or `SQLITE_NOTADB`: the file is damaged or is not a database.
        case corrupt
        /// `SQLITE_IOERR`: the operating system reported an I/O error.
        case io
        /// `SQLITE_CANTOPEN`: the file or its folder could not be opened or created.
        case cantOpen = "cant_open"
        /// `SQLITE_CONSTRAINT`: a caller broke an invariant (an unknown incident, a duplicate id).
        case constraint
        /// The calling task was cancelled before the work ran; nothing was written.
        case cancelled
        /// Anything else (a programming error, an encoding failure, ...).
        case other
    }

    /// The bounded cause.
    public let reason: Reason
    /// SQLite's extended result code, when the error came from SQLite.
    public let resultCode: Int32?
    /// What went wrong, for logs (SQLite's message, never the statement's arguments).
    public let message: String

    /// Makes an error from its parts.
    public init(reason: Reason, message: String, resultCode: Int32? = nil) {
        self.reason = reason
        self.message = message
        self.resultCode = resultCode
    }

    /// Maps any error thrown by GRDB (or by the store's own encoding) to a `StoreError`.
    init(_ error: any Error) {
        if let error = error as? StoreError {
            self = error
            return
        }
        if error is CancellationError {
            self.init(reason: .cancelled, message: "cancelled before the database was reached")
            return
        }
        guard let error = error as? DatabaseError else {
            self.init(reason: .other, message: String(describing: error))
            return
        }
        self.init(
            reason: Self.reason(for: error.resultCode),
            message: error.message ?? "SQLite error \(error.extendedResultCode.rawValue)",
            resultCode: error.extendedResultCode.rawValue)
    }

    /// The reason for a primary result code.
    static func reason(for code: ResultCode) -> Reason {
        switch code.primaryResultCode {
        case .SQLITE_FULL: .diskFull
        case .SQLITE_READONLY: .readOnly
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: .corrupt
        case .SQLITE_IOERR: .io
        case .SQLITE_CANTOPEN: .cantOpen
        case .SQLITE_CONSTRAINT: .constraint
        default: .other
        }
    }

    /// The reason, SQLite's code and message, for logs.
    public var description: String {
        if let resultCode {
            return "store error \(reason.rawValue) (SQLite \(resultCode)): \(message)"
        }
        return "store error \(reason.rawValue): \(message)"
    }
}
