import Diagnosis
import Kube

extension Investigator {
    /// Follows controller references up to the top-level owner: ReplicaSet → Deployment, Job → CronJob.
    func readOwners(of pod: Pod, container: String?, into builder: CaseFileBuilder) async {
        var chain: [OwnerFacts] = []
        let ns = pod.metadata.namespace ?? ""
        var reference = pod.metadata.controller
        var hops = 0
        while let owner = reference, let kind = owner.kind, let name = owner.name, hops < 3 {
            hops += 1
            do {
                switch kind {
                case "ReplicaSet":
                    let rs = try await reader.owner(ReplicaSet.self, name, in: ns)
                    chain.append(OwnerFacts(kind: kind, name: name, templateImage: Self.image(rs.spec?.template?.spec, container)))
                    reference = rs.metadata.controller
                case "Deployment":
                    let deployment = try await reader.owner(Deployment.self, name, in: ns)
                    chain.append(OwnerFacts(kind: kind, name: name, templateImage: Self.image(deployment.spec?.template?.spec, container)))
                    reference = nil
                case "StatefulSet":
                    let set = try await reader.owner(StatefulSet.self, name, in: ns)
                    chain.append(OwnerFacts(kind: kind, name: name, templateImage: Self.image(set.spec?.template?.spec, container)))
                    reference = nil
                case "DaemonSet":
                    let set = try await reader.owner(DaemonSet.self, name, in: ns)
                    chain.append(OwnerFacts(kind: kind, name: name, templateImage: Self.image(set.spec?.template?.spec, container)))
                    reference = nil
                case "Job":
                    let job = try await reader.owner(Job.self, name, in: ns)
                    chain.append(OwnerFacts(kind: kind, name: name, templateImage: Self.image(job.spec?.template?.spec, container)))
                    reference = job.metadata.controller
                case "CronJob":
                    let cron = try await reader.owner(CronJob.self, name, in: ns)
                    chain.append(OwnerFacts(kind: kind, name: name, templateImage: Self.image(cron.spec?.podTemplate?.spec, container)))
                    reference = nil
                default:
                    chain.append(OwnerFacts(kind: kind, name: name))
                    reference = nil
                }
            } catch {
                // Keep the name from the reference: the incident still groups by it.
                chain.append(OwnerFacts(kind: kind, name: name))
                await builder.uncheck("\(kind) \(ns)/\(name)", error)
                reference = nil
            }
        }
        let owners = chain
        await builder.update { $0.owners = owners }
    }

    static func image(_ spec: PodSpec?, _ container: String?) -> String? {
        guard let container else { return nil }
        return spec?.container(named: container)?.image
    }
}
