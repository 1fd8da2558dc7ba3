import CurlClient
import Foundation

/// The configuration a pod gets from Kubernetes: `KUBERNETES_SERVICE_HOST`/`_PORT` and the service
/// account folder the kubelet mounts (`token`, `ca.crt`, `namespace`).
public struct InClusterConfig: Sendable {
    /// Where the kubelet mounts the service account's files.
    public static let defaultDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    /// The environment to read `KUBERNETES_SERVICE_HOST` and `KUBERNETES_SERVICE_PORT` from.
    public var environment: [String: String]
    /// The service account folder (injectable for tests).
    public var directory: String

    /// Reads `environment` and `directory`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, directory: String = InClusterConfig.defaultDirectory) {
        self.environment = environment
        self.directory = directory
    }

    /// Whether the process looks like it runs in a pod (the service host variable is set).
    public var isAvailable: Bool {
        !(environment["KUBERNETES_SERVICE_HOST"] ?? "").isEmpty
    }

    /// The connection to the API server through the `kubernetes` service. The token is read through the
    /// file on every refresh, since bound service account tokens rotate.
    public func connection() throws(KubeError) -> KubeConnection {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else {
            throw KubeError(.config, "not running in a pod: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not both set; "
                + "set KUBECONFIG or pass a kubeconfig path to run outside a cluster")
        }
        let folder = directory as NSString
        let tokenPath = folder.appendingPathComponent("token")
        let caPath = folder.appendingPathComponent("ca.crt")
        // Fail early with the folder named: a pod with `automountServiceAccountToken: false` has none.
        _ = try CredentialProvider.readToken(tokenPath)
        guard FileManager.default.isReadableFile(atPath: caPath) else {
            throw KubeError(.config, "the service account CA \(caPath) is missing: is automountServiceAccountToken false for this pod?")
        }
        let namespaceText = FileManager.default.contents(atPath: folder.appendingPathComponent("namespace"))
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return KubeConnection(
            server: "https://\(hostPart):\(port)",
            tls: TLSOptions(caFile: caPath),
            // The service IP is reached directly; a proxy from the pod's environment would only get in the way.
            proxy: .none,
            credentials: .tokenFile(path: tokenPath),
            namespace: namespaceText.isEmpty ? "default" : namespaceText,
            origin: "in-cluster (service account in \(directory))")
    }
}
