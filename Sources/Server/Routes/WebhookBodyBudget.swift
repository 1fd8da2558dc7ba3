import Synchronization

/// How many bytes of webhook bodies PullDoctor holds at once, across all connections.
///
/// Each body in flight costs several times its size until it is stored (the bytes, the decoded payload, the
/// rows), so 64 connections each posting a 2 MB `max_alerts: 0` storm once took the process to 900 MiB.
/// A request that would pass `web.max_in_flight_bytes` gets 503 with `Retry-After`, and Alertmanager
/// retries it; nothing is acknowledged that was not stored. A body is always admitted when nothing else is
/// in flight, so one body as large as `web.max_request_bytes` still gets through.
final class WebhookBodyBudget: Sendable {
    private let held = Mutex(0)
    private let observe: @Sendable (Int) -> Void

    /// `observe` gets the bytes held after every change (the `pulldoctor_webhook_body_bytes_in_flight` gauge).
    init(observe: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.observe = observe
    }

    /// Bytes held now (for tests and metrics).
    var inFlight: Int { held.withLock { $0 } }

    /// Takes `bytes` more for a request that already holds `holding` bytes. False (and nothing taken) when
    /// that would pass `limit` while other requests hold bytes.
    func reserve(_ bytes: Int, holding: Int = 0, limit: Int) -> Bool {
        held.withLock { total in
            let others = total - holding
            guard others == 0 || total + bytes <= limit else { return false }
            total += bytes
            observe(total)
            return true
        }
    }

    /// Gives back what a request held, once it is answered.
    func release(_ bytes: Int) {
        guard bytes > 0 else { return }
        held.withLock { total in
            total -= bytes
            observe(total)
        }
    }
}
