import Diagnosis

extension Category {
    /// The category as a heading reads it; the raw value stays visible beside it where space allows.
    var label: String {
        switch self {
        case .registryAuth: "Registry authentication"
        case .imageNotFound: "Image not found"
        case .authOrNotFound: "Access denied or not found"
        case .network: "Network"
        case .tls: "TLS"
        case .rateLimited: "Rate limited"
        case .invalidReference: "Invalid image reference"
        case .platformMismatch: "Platform mismatch"
        case .diskPressure: "Disk pressure"
        case .neverPull: "Image never pulled"
        case .policyRejected: "Rejected by policy"
        case .registryError: "Registry error"
        case .unknown: "Unknown cause"
        }
    }

    /// The label of a stored category word; the word itself when this build does not know it.
    static func label(of raw: String) -> String {
        Category(rawValue: raw)?.label ?? raw
    }
}
