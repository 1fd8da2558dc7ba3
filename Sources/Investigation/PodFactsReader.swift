import Diagnosis
import Kube

/// The parts of a pod the decision uses, and which container fails to pull (init containers included).
struct PodFactsReader {
    let facts: PodFacts
    /// The failing container the alert names, else the first failing one.
    let failingContainerName: String?
    let failingImage: String?

    init(pod: Pod, wantedContainer: String?) {
        var containers: [ContainerFacts] = []
        let statuses = Dictionary(
            ((pod.status?.containerStatuses ?? []).map { ($0.name ?? "", ($0, false)) })
                + ((pod.status?.initContainerStatuses ?? []).map { ($0.name ?? "", ($0, true)) }),
            uniquingKeysWith: { a, _ in a })
        for (container, isInit) in (pod.spec?.initContainers ?? []).map({ ($0, true) }) + (pod.spec?.containers ?? []).map({ ($0, false) }) {
            let name = container.name ?? ""
            let status = statuses[name]?.0
            containers.append(ContainerFacts(
                name: name, image: container.image ?? status?.image ?? "", initContainer: isInit,
                imagePullPolicy: container.imagePullPolicy, waitingReason: status?.state?.waiting?.reason,
                waitingMessage: status?.state?.waiting?.message))
        }
        let failing = containers.filter(\.isImagePullFailure)
        facts = PodFacts(phase: pod.status?.phase ?? "Unknown", nodeName: pod.spec?.nodeName, failing: failing, containers: containers)
        let chosen = failing.first { $0.name == wantedContainer } ?? failing.first
        failingContainerName = chosen?.name
        failingImage = chosen?.image
    }
}
