import CurlClient
import Foundation

/// Checks from PullDoctor's own network position whether an image can be pulled: the registry is
/// reachable, the credentials work, the tag or digest exists, the wanted platform is there.
///
/// Built for alert storms: results are cached per (registry, repository, reference, platform,
/// credentials identity) for ``ProbeOptions/successTTL`` (``ProbeOptions/failureTTL`` for anything but
/// `ok`); identical probes running at the same time share one set of requests; at most
/// ``ProbeOptions/maxConcurrentPerRegistry`` probes run against one registry host at once. Each
/// probe is bounded by its budget (``ProbeOptions/timeout``), slot wait included.
///
/// ```swift
/// let probe = RegistryProbe(transport: CurlClient())
/// let result = await probe.probe(ProbeRequest(image: "nginx:1.25", platform: ImagePlatform(parsing: "linux/arm64")))
/// ```
public actor RegistryProbe {
    private struct CacheEntry {
        let result: ProbeResult
        let expires: ContinuousClock.Instant
    }

    private let transport: any HTTPTransport
    /// The settings every probe uses.
    public nonisolated let options: ProbeOptions
    private let observer: (any ProbeObserver)?
    private let slots: RegistrySlots
    private var cache: [ProbeCacheKey: CacheEntry] = [:]
    private var inFlight: [ProbeCacheKey: Task<ProbeResult, Never>] = [:]

    /// A probe that sends every request through `transport`.
    /// - Parameters:
    ///   - transport: the HTTP client (`CurlClient` in production).
    ///   - options: budgets, cache lifetimes, per-registry cap, TLS, insecure registries.
    ///   - observer: told about every real probe (not cache hits), for metrics.
    public init(transport: any HTTPTransport, options: ProbeOptions = ProbeOptions(), observer: (any ProbeObserver)? = nil) {
        self.transport = transport
        self.options = options
        self.observer = observer
        self.slots = RegistrySlots(limit: options.maxConcurrentPerRegistry)
    }

    /// Probes an image, or returns a fresh enough result for the same probe. Never throws: every failure
    /// is a result with its ``ProbeOutcome``.
    public func probe(_ request: ProbeRequest) async -> ProbeResult {
        let reference: ImageReference
        do {
            reference = try ImageReference(parsing: request.image)
        } catch {
            // Nothing to send; still a probe for the metrics, never cached (parsing is cheap).
            var result = ProbeResult(outcome: .invalidReference, reason: error.message, image: request.image)
            result.credentialKind = request.credentials.map(\.kind.rawValue)
            observer?.registryProbeFinished(ProbeRecord(outcome: result.outcome.rawValue, duration: .zero))
            return result
        }
        let key = ProbeCacheKey(reference: reference, platform: request.platform, credentials: request.usableCredentials)
        if let entry = cache[key] {
            if entry.expires > ContinuousClock.now {
                var result = entry.result
                result.cached = true
                return result
            }
            cache[key] = nil
        }
        if let running = inFlight[key] {
            var result = await running.value
            result.cached = true
            return result
        }
        let task = Task { [transport, options, slots, observer] in
            await Self.execute(request, reference: reference, transport: transport, options: options, slots: slots,
                               observer: observer)
        }
        inFlight[key] = task
        let result = await task.value
        inFlight[key] = nil
        store(result, for: key)
        return result
    }

    /// Forgets every cached result (after a configuration reload, or on request).
    public func clearCache() {
        cache.removeAll()
    }

    /// How many results are cached now.
    public var cachedCount: Int { cache.count }

    private func store(_ result: ProbeResult, for key: ProbeCacheKey) {
        // A probe that failed on PullDoctor's side says nothing about the registry: never reuse it.
        guard result.outcome != .probeError else { return }
        let now = ContinuousClock.now
        if cache.count >= options.maxCacheEntries {
            cache = cache.filter { $0.value.expires > now }
            while cache.count >= options.maxCacheEntries,
                  let oldest = cache.min(by: { $0.value.expires < $1.value.expires }) {
                cache[oldest.key] = nil
            }
        }
        let ttl = result.outcome == .ok ? options.successTTL : options.failureTTL
        cache[key] = CacheEntry(result: result, expires: now + ttl)
    }

    /// One real probe: wait for a slot, run the session, report to the observer.
    private static func execute(
        _ request: ProbeRequest, reference: ImageReference, transport: any HTTPTransport, options: ProbeOptions,
        slots: RegistrySlots, observer: (any ProbeObserver)?
    ) async -> ProbeResult {
        let started = ContinuousClock.now
        let budget = request.timeout ?? options.timeout
        let deadline = started + budget
        let host = reference.apiHost.lowercased()
        var result: ProbeResult
        if await slots.acquire(host, until: deadline) {
            let session = ProbeSession(transport: transport, options: options, reference: reference, request: request,
                                       deadline: deadline)
            result = await session.run()
            await slots.release(host)
        } else {
            result = ProbeSession.initialResult(request, reference: reference)
            result.outcome = .timeout
            result.reason = "no probe slot for \(host) came free within the budget of \(budget.probeSeconds) "
                + "(\(options.maxConcurrentPerRegistry) probes of that registry were already running)"
        }
        let elapsed = ContinuousClock.now - started
        result.durationSeconds = (elapsed.probeDouble * 1000).rounded() / 1000
        observer?.registryProbeFinished(ProbeRecord(outcome: result.outcome.rawValue, duration: elapsed))
        return result
    }
}
