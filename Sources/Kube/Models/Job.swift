import Foundation

/// A batch/v1 Job; `ownerReferences` names the CronJob when one created it.
public struct Job: KubeResource {
    /// `jobs` in `batch`.
    public static let resource = ResourceDescriptor(group: "batch", version: "v1", plural: "jobs", kind: "Job")

    /// Metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: Spec?
    /// The observed state.
    public var status: Status?

    /// `spec` of a Job.
    public struct Spec: Decodable, Sendable, Hashable {
        /// Pods to run in parallel.
        public var parallelism: Int?
        /// Successful pods needed.
        public var completions: Int?
        /// Retries before the job fails.
        public var backoffLimit: Int?
        /// Which pods it manages.
        public var selector: LabelSelector?
        /// The pod template.
        public var template: PodTemplateSpec?
    }

    /// `status` of a Job.
    public struct Status: Decodable, Sendable, Hashable {
        /// Pods running.
        public var active: Int?
        /// Pods that succeeded.
        public var succeeded: Int?
        /// Pods that failed.
        public var failed: Int?
        /// When the job started.
        public var startTime: Date?
        /// When the job completed.
        public var completionTime: Date?
        /// `Complete`, `Failed`, `Suspended`.
        public var conditions: [KubeCondition]?
    }
}
