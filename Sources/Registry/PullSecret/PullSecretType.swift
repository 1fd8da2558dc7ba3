import Foundation

/// The two Secret types the kubelet reads image pull credentials from
/// (k8s.io/api core/v1 `SecretTypeDockerConfigJson` and `SecretTypeDockercfg`).
public enum PullSecretType: String, Sendable, CaseIterable, Hashable {
    /// `kubernetes.io/dockerconfigjson`: data key `.dockerconfigjson`, `{"auths": {...}}`.
    case dockerConfigJSON = "kubernetes.io/dockerconfigjson"
    /// `kubernetes.io/dockercfg`: data key `.dockercfg`, the registry map at the top level.
    case dockercfg = "kubernetes.io/dockercfg"

    /// The key of the Secret's `data` map that holds the configuration.
    public var dataKey: String {
        switch self {
        case .dockerConfigJSON: return ".dockerconfigjson"
        case .dockercfg: return ".dockercfg"
        }
    }
}
