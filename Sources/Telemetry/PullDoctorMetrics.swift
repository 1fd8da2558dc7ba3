import Prometheus

/// Every metric PullDoctor exposes, named in this one file (Prometheus naming:
/// `pulldoctor_<subsystem>_<name>_<unit>`). Each known label combination is created at start-up, so a
/// series exists at 0 before its first event and `rate()` works from the first scrape.
public final class PullDoctorMetrics: Sendable {
    /// The registry `/metrics` exposes.
    public let registry: PrometheusCollectorRegistry

    /// Status codes the webhook answers; each gets a series at start-up.
    public static let webhookCodes = ["200", "400", "401", "405", "413", "415", "500", "503"]

    public init(version: String, revision: String, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        registry.makeGauge(
            name: "pulldoctor_build_info", labels: [("version", version), ("revision", revision)],
            help: "A metric with a constant '1' value labeled by the version and revision PullDoctor was built from."
        ).set(1.0)
        for code in Self.webhookCodes { _ = webhookRequests(code: code) }
        for status in ["firing", "resolved"] { _ = alertsReceived(status: status) }
        for handler in Self.handlers { _ = requestDuration(handler: handler) }
        for category in Self.categories {
            _ = imagePullFailingPods(category: category)
            for confidence in ["high", "medium", "low"] { _ = diagnoses(category: category, confidence: confidence) }
        }
        _ = diagnosisDuration
        for reason in ["disk_full", "read_only", "busy", "corrupt", "io", "cant_open", "other"] { _ = storeErrors(reason: reason) }
        _ = registryProbeDuration
        for resource in Self.kubeResources {
            for verb in ["get", "list"] {
                _ = kubeAPIRequestDuration(resource: resource, verb: verb)
                for code in ["200", "403", "404"] { _ = kubeAPIRequests(resource: resource, verb: verb, code: code) }
            }
        }
        configReloadSuccessful.set(1.0)
        for part in Self.workParts { _ = workInFlight(part) }
        webhookBodyBytesInFlight.set(0.0)
    }

    // MARK: Background work

    /// The parts of `pulldoctor_work_in_flight`.
    public static let workParts = ["queued_alerts", "diagnosis_batches", "investigations", "deliveries"]

    /// `pulldoctor_work_in_flight{part}`: PullDoctor's own background work at this moment: alerts waiting
    /// for the diagnosis, batches being diagnosed, investigations running, deliveries in flight. Bounded
    /// by design; a value that only grows is a leak (the soak test checks it).
    public func workInFlight(_ part: String) -> Gauge {
        registry.makeGauge(
            name: "pulldoctor_work_in_flight", labels: [("part", part)],
            help: "Background work in flight: queued alerts, diagnosis batches, investigations, deliveries.")
    }

    // MARK: Webhook

    /// `pulldoctor_webhook_requests_total{code}`: webhook requests by the status PullDoctor answered.
    public func webhookRequests(code: String) -> Counter {
        registry.makeCounter(
            name: "pulldoctor_webhook_requests_total", labels: [("code", code)],
            help: "Webhook requests received from Alertmanager, by HTTP status code answered.")
    }

    /// `pulldoctor_webhook_body_bytes_in_flight`: bytes of webhook bodies being read, decoded or stored now,
    /// counted against `web.max_in_flight_bytes`.
    public var webhookBodyBytesInFlight: Gauge {
        registry.makeGauge(
            name: "pulldoctor_webhook_body_bytes_in_flight",
            help: "Bytes of webhook bodies held now (read, decoded or being stored), limited by web.max_in_flight_bytes.")
    }

    /// `pulldoctor_alerts_received_total{status}`: alerts in accepted webhook payloads.
    public func alertsReceived(status: String) -> Counter {
        registry.makeCounter(
            name: "pulldoctor_alerts_received_total", labels: [("status", status)],
            help: "Alerts received in accepted webhook payloads, by alert status.")
    }

    /// Route patterns timed by ``requestDuration(handler:)``.
    public static let handlers = ["/webhook", "/metrics", "/-/healthy", "/-/ready", "/-/reload", "other"]

    /// `pulldoctor_http_request_duration_seconds{handler}`: time to answer HTTP requests.
    public func requestDuration(handler: String) -> DurationHistogram {
        registry.makeDurationHistogram(
            name: "pulldoctor_http_request_duration_seconds", labels: [("handler", handler)],
            buckets: [
                .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5),
                .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                .milliseconds(500), .seconds(1), .seconds(2.5),
            ],
            help: "Time taken to answer HTTP requests, by handler.")
    }

    // MARK: Diagnosis

    /// Category label values (the fixed vocabulary; Telemetry does not import the Diagnosis target).
    public static let categories = [
        "registry_auth", "image_not_found", "auth_or_not_found", "network", "tls", "rate_limited", "invalid_reference",
        "platform_mismatch", "disk_pressure", "never_pull", "policy_rejected", "registry_error", "unknown",
    ]

    /// `pulldoctor_image_pull_failures_total{category,reason}`: distinct failures (an alert's fingerprint and
    /// startsAt counted once, however often Alertmanager re-sends it). `extra` adds the optional
    /// `namespace` / `registry` labels when they are switched on.
    public func imagePullFailures(category: String, reason: String, extra: [(String, String)] = []) -> Counter {
        registry.makeCounter(
            name: "pulldoctor_image_pull_failures_total", labels: [("category", category), ("reason", reason)] + extra,
            help: "Distinct image-pull failures diagnosed, by cause (each alert occurrence counted once).")
    }

    /// `pulldoctor_image_pull_failing_pods{category}`: pods failing to pull now, by cause.
    public func imagePullFailingPods(category: String) -> Gauge {
        registry.makeGauge(
            name: "pulldoctor_image_pull_failing_pods", labels: [("category", category)],
            help: "Pods currently failing to pull their image, by cause (resolved alerts take them off).")
    }

    /// `pulldoctor_diagnoses_total{category,confidence}`: diagnoses made (one per incident investigation).
    public func diagnoses(category: String, confidence: String) -> Counter {
        registry.makeCounter(
            name: "pulldoctor_diagnoses_total", labels: [("category", category), ("confidence", confidence)],
            help: "Diagnoses made, by category and confidence.")
    }

    /// `pulldoctor_diagnosis_duration_seconds`: time from the start of an investigation to its verdict.
    public var diagnosisDuration: DurationHistogram {
        registry.makeDurationHistogram(
            name: "pulldoctor_diagnosis_duration_seconds",
            buckets: [
                .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
            ],
            help: "Time taken to investigate and decide one incident.")
    }

    /// `pulldoctor_registry_probes_total{outcome}`: registry probes sent (cache hits excluded).
    public func registryProbes(outcome: String) -> Counter {
        registry.makeCounter(
            name: "pulldoctor_registry_probes_total", labels: [("outcome", outcome)],
            help: "Registry probes sent, by outcome (cached answers are not counted).")
    }

    /// `pulldoctor_registry_probe_duration_seconds`: registry probe latency.
    public var registryProbeDuration: DurationHistogram {
        registry.makeDurationHistogram(
            name: "pulldoctor_registry_probe_duration_seconds",
            buckets: [
                .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
            ],
            help: "Time taken by registry probes.")
    }

    // MARK: Store and delivery

    /// `pulldoctor_store_errors_total{reason}`: store operations that failed (disk full, read-only, ...).
    public func storeErrors(reason: String) -> Counter {
        registry.makeCounter(
            name: "pulldoctor_store_errors_total", labels: [("reason", reason)],
            help: "Store operations that failed, by reason (webhooks answered 503 meanwhile).")
    }

    /// `pulldoctor_notifications_total{sink,result}`: delivery attempts by result (delivered, retry, failed).
    public func notifications(sink: String, result: String) -> Counter {
        registry.makeCounter(
            name: "pulldoctor_notifications_total", labels: [("sink", sink), ("result", result)],
            help: "Notification delivery attempts, by sink and result.")
    }

    /// `pulldoctor_notification_duration_seconds{sink}`: time one delivery attempt took.
    public func notificationDuration(sink: String) -> DurationHistogram {
        registry.makeDurationHistogram(
            name: "pulldoctor_notification_duration_seconds", labels: [("sink", sink)],
            buckets: [
                .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
            ],
            help: "Time taken by one notification delivery attempt.")
    }

    /// `pulldoctor_outbox_dead_letters_total{sink}`: notifications given up on.
    public func deadLetters(sink: String) -> Counter {
        registry.makeCounter(
            name: "pulldoctor_outbox_dead_letters_total", labels: [("sink", sink)],
            help: "Notifications dead-lettered (too old, or refused for good), by sink.")
    }

    /// `pulldoctor_outbox_pending{sink}`: notifications waiting to be delivered.
    public func outboxPending(sink: String) -> Gauge {
        registry.makeGauge(
            name: "pulldoctor_outbox_pending", labels: [("sink", sink)],
            help: "Notifications waiting in the outbox, by sink.")
    }

    /// `pulldoctor_outbox_oldest_age_seconds{sink}`: age of the oldest waiting notification (0 when none).
    public func outboxOldestAge(sink: String) -> Gauge {
        registry.makeGauge(
            name: "pulldoctor_outbox_oldest_age_seconds", labels: [("sink", sink)],
            help: "Age of the oldest notification waiting in the outbox, by sink.")
    }

    /// Pre-creates every series of one sink at 0.
    public func registerSink(_ sink: String) {
        for result in ["delivered", "retry", "failed"] { _ = notifications(sink: sink, result: result) }
        _ = notificationDuration(sink: sink)
        _ = deadLetters(sink: sink)
        outboxPending(sink: sink).set(0.0)
        outboxOldestAge(sink: sink).set(0.0)
    }

    // MARK: Kubernetes API

    /// Resources the Kubernetes client reads; each gets its series at start-up.
    public static let kubeResources = [
        "pods", "events", "secrets", "serviceaccounts", "nodes", "replicasets", "deployments", "statefulsets",
        "daemonsets", "jobs", "cronjobs",
    ]

    /// `pulldoctor_kube_api_requests_total{resource,verb,code}`: Kubernetes API requests by outcome
    /// (`code` is the HTTP status, or a transport kind such as `timeout`, or `throttled`).
    public func kubeAPIRequests(resource: String, verb: String, code: String) -> Counter {
        registry.makeCounter(
            name: "pulldoctor_kube_api_requests_total", labels: [("resource", resource), ("verb", verb), ("code", code)],
            help: "Requests to the Kubernetes API, by resource, verb and HTTP status or transport failure.")
    }

    /// `pulldoctor_kube_api_request_duration_seconds{resource,verb}`: Kubernetes API latency (client wait included).
    public func kubeAPIRequestDuration(resource: String, verb: String) -> DurationHistogram {
        registry.makeDurationHistogram(
            name: "pulldoctor_kube_api_request_duration_seconds", labels: [("resource", resource), ("verb", verb)],
            buckets: [
                .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
            ],
            help: "Time taken by Kubernetes API requests, client-side rate-limit wait included.")
    }

    // MARK: Configuration

    /// `pulldoctor_config_last_reload_successful`: 1 when the last reload succeeded.
    public var configReloadSuccessful: Gauge {
        registry.makeGauge(
            name: "pulldoctor_config_last_reload_successful",
            help: "Whether the last configuration reload attempt was successful.")
    }

    /// `pulldoctor_config_last_reload_success_timestamp_seconds`: when the config was last loaded.
    public var configReloadTimestamp: Gauge {
        registry.makeGauge(
            name: "pulldoctor_config_last_reload_success_timestamp_seconds",
            help: "Timestamp of the last successful configuration reload.")
    }

    // MARK: Exposition

    /// The text exposition (format 0.0.4): the registry's series, then the `process_*` series read from /proc.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 << 10)
        registry.emit(into: &buffer)
        ProcessMetrics.read().emit(into: &buffer)
        return buffer
    }
}
