import CurlClient

/// Ends a probe early with a verdict. Thrown (typed) through the probe's steps so that each step reads
/// top to bottom; the session turns it into the result.
struct ProbeStop: Error, Sendable {
    /// The verdict.
    var outcome: ProbeOutcome
    /// For people.
    var reason: String
    /// The HTTP status that decided it, if any.
    var status: Int?
    /// The transport failure that decided it, if any.
    var transport: TransportError?

    init(_ outcome: ProbeOutcome, _ reason: String, status: Int? = nil, transport: TransportError? = nil) {
        self.outcome = outcome
        self.reason = reason
        self.status = status
        self.transport = transport
    }

    /// A stop for a request that got no response, with a reason naming the host and what was being done.
    /// - Parameters:
    ///   - error: the transport failure.
    ///   - what: the step, e.g. "the manifest request".
    ///   - budget: the probe's total budget, named in timeout messages.
    static func transport(_ error: TransportError, during what: String, budget: Duration) -> ProbeStop {
        let host = error.host
        let text: String
        switch error.kind {
        case .dns:
            text = "the host name \(host) does not resolve from PullDoctor"
        case .connectionRefused:
            text = "nothing accepts connections at \(host) (connection refused)"
        case .connectTimeout:
            text = "connecting to \(host) did not complete in time (TCP or TLS handshake)"
        case .timeout:
            text = "\(host) did not answer \(what) within the probe's budget of \(budget.probeSeconds)"
        case .tlsUnknownAuthority:
            text = "the TLS certificate of \(host) is signed by an authority PullDoctor does not trust; "
                + "the node needs the registry's CA too (e.g. containerd's hosts.toml `ca`)"
        case .tlsNameMismatch:
            text = "the TLS certificate of \(host) is not valid for that name"
        case .tlsExpired:
            text = "the TLS certificate of \(host) has expired or is not valid yet"
        case .tlsOther:
            text = "the TLS handshake with \(host) failed"
        case .httpOnHTTPS:
            text = "\(host) answers plain HTTP to an HTTPS request; runtimes only use HTTP for registries "
                + "configured as insecure (Docker insecure-registries, containerd hosts.toml with an http:// server)"
        case .proxy:
            text = "the HTTP proxy failed on the way to \(host)"
        case .connectionReset:
            text = "the connection to \(host) dropped, or the peer is not an HTTP server"
        case .responseTooLarge:
            text = "\(host) sent a larger answer to \(what) than the probe accepts"
        case .invalidRequest, .cancelled, .other:
            text = "\(what) to \(host) failed"
        }
        return ProbeStop(ProbeOutcome(transport: error.kind), "\(text) (\(error.detail))", transport: error)
    }
}

extension Duration {
    /// `10 s`, `2.5 s`: for messages.
    var probeSeconds: String {
        let (seconds, attoseconds) = components
        let tenths = Int(attoseconds / 100_000_000_000_000_000)
        return tenths == 0 ? "\(seconds) s" : "\(seconds).\(tenths) s"
    }

    /// Seconds as a floating-point number.
    var probeDouble: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
