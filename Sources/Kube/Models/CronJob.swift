import Foundation

/// A batch/v1 CronJob: creates Jobs, which create pods.
public struct CronJob: KubeResource {
    /// `cronjobs` in `batch`.
    public static let resource = ResourceDescriptor(group: "batch", version: "v1", plural: "cronjobs", kind: "CronJob")

    /// Metadata.
    public var metadata: ObjectMeta
    /// The desired state.
    public var spec: Spec?
    /// The observed state.
    public var status: Status?

    /// `spec` of a CronJob.
    public struct Spec: Decodable, Sendable, Hashable {
        /// The cron schedule (`*/5 * * * *`).
        public var schedule: String?
        /// Whether new runs are suspended.
        public var suspend: Bool?
        /// The template of each Job.
        public var jobTemplate: JobTemplate?

        /// The pod template inside the job template.
        public var podTemplate: PodTemplateSpec? { jobTemplate?.spec?.template }
    }

    /// `spec.jobTemplate`.
    public struct JobTemplate: Decodable, Sendable, Hashable {
        /// The template's metadata.
        public var metadata: ObjectMeta?
        /// The Job spec.
        public var spec: Job.Spec?
    }

    /// `status` of a CronJob.
    public struct Status: Decodable, Sendable, Hashable {
        /// Jobs running now.
        public var active: [ObjectReference]?
        /// When a job was last scheduled.
        public var lastScheduleTime: Date?
        /// When a job last succeeded.
        public var lastSuccessfulTime: Date?
    }
}
