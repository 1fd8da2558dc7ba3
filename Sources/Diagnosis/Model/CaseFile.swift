import Foundation
import Registry

/// Everything the investigation gathered about one alert, as plain facts. The decision reads only this:
/// it does no I/O, so every rule can be tested with a literal case file.
public struct CaseFile: Sendable {
    /// The alert's labels (namespace, pod, container, reason, alertname, ...).
    public var alertLabels: [String: String]
    public var namespace: String
    public var podName: String
    /// The pod; nil when it could not be read (see `podLookup`).
    public var pod: PodFacts?
    /// Why the pod is missing, when it is.
    public var podLookup: Lookup
    /// The pod's events, oldest first.
    public var events: [EventFacts]
    /// The owner chain, top-level owner last (`ReplicaSet web-7c9f`, `Deployment web`).
    public var owners: [OwnerFacts]
    /// The image reference check of the failing container's image.
    public var imageReference: ImageReferenceCheck?
    /// The pull secrets of the pod and of its ServiceAccount, and what each holds.
    public var pullSecrets: [PullSecretFacts]
    /// The ServiceAccount the pod runs as, and whether it could be read.
    public var serviceAccount: String
    public var serviceAccountLookup: Lookup
    /// The node the pod is scheduled on.
    public var node: NodeFacts?
    /// Other pods on the same node failing to pull (any image); nil when not checked.
    public var otherFailingPodsOnNode: Int?
    /// Pods failing on the same image on other nodes; nil when not checked.
    public var sameImageFailingOnOtherNodes: Int?
    /// The registry probe, when enabled and reached.
    public var probe: ProbeResult?
    /// What could not be checked, and why.
    public var unchecked: [Unchecked]
    /// True when the deadline cut the investigation short.
    public var partial: Bool

    public init(alertLabels: [String: String], namespace: String, podName: String) {
        self.alertLabels = alertLabels
        self.namespace = namespace
        self.podName = podName
        pod = nil
        podLookup = .notChecked
        events = []
        owners = []
        imageReference = nil
        pullSecrets = []
        serviceAccount = "default"
        serviceAccountLookup = .notChecked
        node = nil
        otherFailingPodsOnNode = nil
        sameImageFailingOnOtherNodes = nil
        probe = nil
        unchecked = []
        partial = false
    }

    /// The top-level owner (Deployment, StatefulSet, DaemonSet, CronJob), or the pod itself.
    public var topOwner: OwnerFacts {
        owners.last ?? OwnerFacts(kind: "Pod", name: podName)
    }
}

/// The outcome of reading one object.
public enum Lookup: Sendable, Equatable {
    case found
    case notFound
    /// RBAC forbids it; the hint says which rule would allow it.
    case forbidden(hint: String)
    /// Any other failure (timeout, API error), for people.
    case failed(String)
    case notChecked
}

/// The parts of a pod the decision uses.
public struct PodFacts: Sendable, Equatable {
    public var phase: String
    public var nodeName: String?
    /// Containers (and init containers) whose image is not pulled.
    public var failing: [ContainerFacts]
    /// All containers, for image and pull-policy lookups.
    public var containers: [ContainerFacts]

    public init(phase: String, nodeName: String?, failing: [ContainerFacts], containers: [ContainerFacts]) {
        self.phase = phase
        self.nodeName = nodeName
        self.failing = failing
        self.containers = containers
    }
}

/// One container of the pod and its waiting state.
public struct ContainerFacts: Sendable, Equatable {
    public var name: String
    public var image: String
    public var initContainer: Bool
    public var imagePullPolicy: String?
    public var waitingReason: String?
    public var waitingMessage: String?

    public init(name: String, image: String, initContainer: Bool = false, imagePullPolicy: String? = nil,
                waitingReason: String? = nil, waitingMessage: String? = nil) {
        self.name = name
        self.image = image
        self.initContainer = initContainer
        self.imagePullPolicy = imagePullPolicy
        self.waitingReason = waitingReason
        self.waitingMessage = waitingMessage
    }

    /// Waiting reasons the kubelet sets when it cannot get an image.
    public static let imagePullReasons: Set<String> = [
        "ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "RegistryUnavailable",
        "ErrImageInspect", "SignatureValidationFailed",
    ]

    public var isImagePullFailure: Bool { waitingReason.map(Self.imagePullReasons.contains) ?? false }
}

/// One event about the pod.
public struct EventFacts: Sendable, Equatable {
    public var reason: String
    public var message: String
    public var type: String
    public var count: Int
    public var lastSeen: Date?

    public init(reason: String, message: String, type: String = "Warning", count: Int = 1, lastSeen: Date? = nil) {
        self.reason = reason
        self.message = message
        self.type = type
        self.count = count
        self.lastSeen = lastSeen
    }
}

/// One link of the owner chain.
public struct OwnerFacts: Sendable, Equatable {
    public var kind: String
    public var name: String
    /// The image the owner's pod template names for the failing container, when read.
    public var templateImage: String?

    public init(kind: String, name: String, templateImage: String? = nil) {
        self.kind = kind
        self.name = name
        self.templateImage = templateImage
    }
}

/// The image reference as written, and what the parser made of it.
public struct ImageReferenceCheck: Sendable {
    public var written: String
    public var result: Result<ImageReference, ImageReferenceError>

    public init(written: String, result: Result<ImageReference, ImageReferenceError>) {
        self.written = written
        self.result = result
    }

    public var reference: ImageReference? { try? result.get() }
}

/// One pull secret named by the pod or its ServiceAccount.
public struct PullSecretFacts: Sendable {
    /// Where the name came from.
    public enum Origin: String, Sendable { case pod, serviceAccount = "service_account" }

    /// What reading the secret found.
    public enum State: Sendable {
        /// It parsed; `match` says whether an entry serves the image's registry.
        case usable(PullSecretMatchSummary)
        /// It does not exist.
        case missing
        /// RBAC forbids reading it.
        case forbidden(hint: String)
        /// Its type is not one of the two the kubelet reads (it ignores it silently).
        case wrongType(String)
        /// It is of the right type but does not parse.
        case malformed(String)
        /// Reading it failed otherwise.
        case failed(String)
    }

    public var name: String
    public var origin: Origin
    public var state: State

    public init(name: String, origin: Origin, state: State) {
        self.name = name
        self.origin = origin
        self.state = state
    }
}

/// What a usable pull secret offers for the image's registry (never the credentials themselves).
public struct PullSecretMatchSummary: Sendable, Equatable {
    /// The entry key that serves the image, when one does.
    public var matchedKey: String?
    /// The masked username of that entry.
    public var maskedUsername: String?
    /// The registries the secret has entries for.
    public var hosts: [String]
    /// Why no entry matches, for people, when none does.
    public var mismatch: String?

    public init(matchedKey: String?, maskedUsername: String? = nil, hosts: [String], mismatch: String? = nil) {
        self.matchedKey = matchedKey
        self.maskedUsername = maskedUsername
        self.hosts = hosts
        self.mismatch = mismatch
    }
}

/// The parts of a node the decision uses.
public struct NodeFacts: Sendable, Equatable {
    public var name: String
    public var diskPressure: Bool
    public var operatingSystem: String?
    public var architecture: String?
    public var containerRuntime: String?
    public var kubeletVersion: String?

    public init(name: String, diskPressure: Bool, operatingSystem: String? = nil, architecture: String? = nil,
                containerRuntime: String? = nil, kubeletVersion: String? = nil) {
        self.name = name
        self.diskPressure = diskPressure
        self.operatingSystem = operatingSystem
        self.architecture = architecture
        self.containerRuntime = containerRuntime
        self.kubeletVersion = kubeletVersion
    }
}
