import Foundation

/// The parts of a pod's `spec` that decide how images are pulled. Shared by pods and by the pod
/// templates of every workload.
public struct PodSpec: Decodable, Sendable, Hashable {
    /// The app containers.
    public var containers: [Container]?
    /// Containers that run to completion, in order, before the app containers start.
    public var initContainers: [Container]?
    /// Secrets of type `kubernetes.io/dockerconfigjson` (or `dockercfg`) the kubelet may use to pull.
    public var imagePullSecrets: [LocalObjectReference]?
    /// The service account whose `imagePullSecrets` are added at admission.
    public var serviceAccountName: String?
    /// The deprecated alias of `serviceAccountName`, still filled by the API server.
    public var serviceAccount: String?
    /// The node the pod was scheduled to.
    public var nodeName: String?
    /// Node labels the pod requires (`kubernetes.io/arch: arm64`).
    public var nodeSelector: [String: String]?

    /// An empty spec.
    public init(containers: [Container]? = nil) {
        self.containers = containers
    }

    /// The service account the pod runs as: `serviceAccountName`, else the deprecated field, else `default`
    /// (what admission fills in when a pod names none).
    public var effectiveServiceAccountName: String {
        if let name = serviceAccountName, !name.isEmpty { return name }
        if let name = serviceAccount, !name.isEmpty { return name }
        return "default"
    }

    /// Init and app containers together, init containers first.
    public var allContainers: [Container] {
        (initContainers ?? []) + (containers ?? [])
    }

    /// The container with this name, init containers included.
    public func container(named name: String) -> Container? {
        allContainers.first { $0.name == name }
    }
}

/// One container of a pod spec.
public struct Container: Decodable, Sendable, Hashable {
    /// The container name, unique in the pod.
    public var name: String?
    /// The image reference as written (`nginx`, `ghcr.io/acme/web:1.4`, `repo@sha256:...`).
    public var image: String?
    /// `Always`, `IfNotPresent` or `Never`; the API server fills a default.
    public var imagePullPolicy: String?

    /// A container.
    public init(name: String?, image: String?, imagePullPolicy: String? = nil) {
        self.name = name
        self.image = image
        self.imagePullPolicy = imagePullPolicy
    }
}

/// A pod template inside a workload (`spec.template`).
public struct PodTemplateSpec: Decodable, Sendable, Hashable {
    /// The template's metadata (labels, annotations).
    public var metadata: ObjectMeta?
    /// The pod spec every pod of the workload starts from.
    public var spec: PodSpec?
}
