import Foundation

/// One verdict on one incident: the cause, how sure, what shows it, how to fix it, and what could not be
/// checked. Its JSON form (snake_case keys) is the documented schema served by the API and sent to sinks.
public struct DiagnosisReport: Sendable, Codable, Equatable {
    /// Unique id of this diagnosis (links to `/diagnoses/{id}`).
    public var id: String
    /// When the diagnosis was made.
    public var createdAt: Date
    /// Whether the alert is an image-pull failure at all.
    public var verdict: Verdict
    /// The incident this diagnosis is about.
    public var incident: IncidentKey
    public var category: Category
    public var reason: Reason
    public var confidence: Confidence
    /// One line for a person: what is wrong.
    public var summary: String
    /// What was observed, in the order it was gathered; each item quotable.
    public var evidence: [Evidence]
    /// Steps to fix it, with commands filled in with the real names.
    public var remediation: [RemediationStep]
    /// Every pod and container known to fail with this cause.
    public var affected: [AffectedContainer]
    /// The image as the pod spec names it.
    public var image: String
    /// The registry host the image comes from (normalised, e.g. `docker.io`).
    public var registry: String
    /// The node of the first affected pod, when scheduled.
    public var node: String?
    /// What could not be checked, and why (RBAC, deadline, probe disabled, ...).
    public var unchecked: [Unchecked]
    /// True when the per-alert deadline cut the investigation short.
    public var partial: Bool

    /// Whether the alert describes an image-pull failure.
    public enum Verdict: String, Sendable, Codable, CaseIterable {
        /// A container cannot get its image: diagnosed.
        case imagePull = "image_pull"
        /// The pod is pending or waiting for another reason (scheduling, crash loop, config): passed through.
        case notImagePull = "not_image_pull"
        /// The pod named by the alert no longer exists (or was never found).
        case podNotFound = "pod_not_found"
        /// The alert names no pod (no `namespace` and `pod` labels).
        case noPod = "no_pod"
    }

    public init(
        id: String, createdAt: Date, verdict: Verdict, incident: IncidentKey, category: Category, reason: Reason,
        confidence: Confidence, summary: String, evidence: [Evidence] = [], remediation: [RemediationStep] = [],
        affected: [AffectedContainer] = [], image: String = "", registry: String = "", node: String? = nil,
        unchecked: [Unchecked] = [], partial: Bool = false
    ) {
        self.id = id
        self.createdAt = createdAt
        self.verdict = verdict
        self.incident = incident
        self.category = category
        self.reason = reason
        self.confidence = confidence
        self.summary = summary
        self.evidence = evidence
        self.remediation = remediation
        self.affected = affected
        self.image = image
        self.registry = registry
        self.node = node
        self.unchecked = unchecked
        self.partial = partial
    }

    enum CodingKeys: String, CodingKey {
        case id, verdict, incident, category, reason, confidence, summary, evidence, remediation, affected
        case image, registry, node, unchecked, partial
        case createdAt = "created_at"
    }
}

/// An incident: one failing (namespace, owner, container image) over time. Pods of the same owner failing
/// on the same image are one incident, diagnosed once.
public struct IncidentKey: Sendable, Codable, Hashable {
    public var namespace: String
    /// The top-level owner's kind (`Deployment`, `StatefulSet`, `DaemonSet`, `CronJob`, `Job`), or `Pod`.
    public var ownerKind: String
    public var ownerName: String
    public var image: String

    public init(namespace: String, ownerKind: String, ownerName: String, image: String) {
        self.namespace = namespace
        self.ownerKind = ownerKind
        self.ownerName = ownerName
        self.image = image
    }

    /// A stable string form, for storage keys and logs: `shop/Deployment/web/registry.example.com/web:v2`.
    public var id: String { "\(namespace)/\(ownerKind)/\(ownerName)/\(image)" }

    enum CodingKeys: String, CodingKey {
        case namespace, image
        case ownerKind = "owner_kind"
        case ownerName = "owner_name"
    }
}

/// One observation, and where it came from.
public struct Evidence: Sendable, Codable, Equatable {
    /// Where an observation came from.
    public enum Source: String, Sendable, Codable, CaseIterable {
        case podStatus = "pod_status"
        case event
        case owner
        case imageReference = "image_reference"
        case pullSecret = "pull_secret"
        case serviceAccount = "service_account"
        case node
        case nodePods = "node_pods"
        case imagePods = "image_pods"
        case registryProbe = "registry_probe"
        case classifier
        case alert
    }

    public var source: Source
    /// What was observed, for a person.
    public var observation: String
    /// The exact text observed (a message, a field), quotable as is.
    public var quote: String?

    public init(source: Source, observation: String, quote: String? = nil) {
        self.source = source
        self.observation = observation
        self.quote = quote
    }
}

/// One step of the fix.
public struct RemediationStep: Sendable, Codable, Equatable {
    /// What to do, for a person.
    public var title: String
    /// Commands to run, with the real names filled in (placeholders in `<angle brackets>` only where a
    /// value cannot be known, such as a password).
    public var commands: [String]

    public init(title: String, commands: [String] = []) {
        self.title = title
        self.commands = commands
    }
}

/// A container failing to pull.
public struct AffectedContainer: Sendable, Codable, Hashable {
    public var namespace: String
    public var pod: String
    public var container: String
    /// Whether it is an init container.
    public var initContainer: Bool
    public var node: String?
    /// The kubelet's waiting reason (`ErrImagePull`, `ImagePullBackOff`, ...).
    public var waitingReason: String?

    public init(namespace: String, pod: String, container: String, initContainer: Bool = false, node: String? = nil,
                waitingReason: String? = nil) {
        self.namespace = namespace
        self.pod = pod
        self.container = container
        self.initContainer = initContainer
        self.node = node
        self.waitingReason = waitingReason
    }

    enum CodingKeys: String, CodingKey {
        case namespace, pod, container, node
        case initContainer = "init_container"
        case waitingReason = "waiting_reason"
    }
}

/// Something the diagnosis could not check, and why.
public struct Unchecked: Sendable, Codable, Equatable {
    /// What was not checked (`secret shop/regcred`, `registry probe`, `events`).
    public var what: String
    /// Why, for a person (`RBAC forbids get secrets in shop: kubectl create role ...`).
    public var why: String

    public init(what: String, why: String) {
        self.what = what
        self.why = why
    }
}
