/// A core/v1 ServiceAccount: its `imagePullSecrets` are added to every pod that runs as it.
public struct ServiceAccount: KubeResource {
    /// `serviceaccounts` in the core group.
    public static let resource = ResourceDescriptor(group: "", version: "v1", plural: "serviceaccounts", kind: "ServiceAccount")

    /// Metadata.
    public var metadata: ObjectMeta
    /// Pull secrets admission adds to pods running as this account.
    public var imagePullSecrets: [LocalObjectReference]?
    /// Secrets the account may mount (legacy token secrets).
    public var secrets: [ObjectReference]?
}
