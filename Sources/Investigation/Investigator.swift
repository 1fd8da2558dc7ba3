import Diagnosis
import Foundation
import Kube
import Registry
import Synchronization

/// Gathers a case file for one alert, the way an operator works through the runbook: the pod, its
/// events, its owner, its image, its pull secrets and ServiceAccount, its node, and — when enabled — a
/// probe of the registry with the credentials the kubelet would use. Independent reads run concurrently;
/// everything is bounded by the deadline, after which the case file says what is missing.
public struct Investigator: Sendable {
    let reader: ClusterReader
    let prober: (any ImageProber)?

    /// - Parameter prober: nil turns the registry probe off (the case file says so).
    public init(reader: ClusterReader, prober: (any ImageProber)?) {
        self.reader = reader
        self.prober = prober
    }

    /// The case file for the pod an alert names, within `deadline`.
    public func investigate(namespace: String, pod: String, labels: [String: String], deadline: Duration) async -> CaseFile {
        let builder = CaseFileBuilder(CaseFile(alertLabels: labels, namespace: namespace, podName: pod))
        let work = Task { await gather(into: builder) }
        // Race the work against the deadline without waiting for the loser: reads stuck on a slow API
        // server must not hold the diagnosis (a task group would wait for every child).
        let race = DeadlineRace()
        let finished = await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
            Task {
                await work.value
                if race.settle() { done.resume(returning: true) }
            }
            Task {
                try? await Task.sleep(for: deadline)
                if race.settle() { done.resume(returning: false) }
            }
        }
        if !finished {
            work.cancel()
            await builder.markPartial(after: deadline)
        }
        return await builder.file
    }

    private func gather(into builder: CaseFileBuilder) async {
        let file = await builder.file
        let ns = file.namespace
        let pod: Pod
        do {
            pod = try await reader.pod(file.podName, in: ns)
        } catch {
            await builder.update { $0.podLookup = Lookup(error) }
            if error.reason != .notFound { await builder.uncheck("pod \(ns)/\(file.podName)", error) }
            return
        }
        let facts = PodFactsReader(pod: pod, wantedContainer: file.alertLabels["container"])
        let image = facts.failingImage
        let serviceAccount = pod.spec?.effectiveServiceAccountName ?? "default"
        await builder.update {
            $0.pod = facts.facts
            $0.podLookup = .found
            $0.serviceAccount = serviceAccount
            if let image { $0.imageReference = ImageReferenceCheck(written: image, result: Result { () throws(ImageReferenceError) in try ImageReference(parsing: image) }) }
        }
        guard let image else { return }  // not an image-pull failure: nothing more to read

        async let events: Void = readEvents(pod: file.podName, namespace: ns, into: builder)
        async let owners: Void = readOwners(of: pod, container: facts.failingContainerName, into: builder)
        async let node: Void = readNode(pod.spec?.nodeName, image: image, namespace: ns, into: builder)
        async let secrets: Void = readSecretsAndProbe(pod: pod, serviceAccount: serviceAccount, image: image, into: builder)
        _ = await (events, owners, node, secrets)
    }

    private func readEvents(pod: String, namespace: String, into builder: CaseFileBuilder) async {
        do {
            let events = try await reader.podEvents(in: namespace)[pod] ?? []
            await builder.update {
                $0.events = events.map {
                    EventFacts(reason: $0.reason ?? "", message: $0.message ?? "", type: $0.type ?? "", count: $0.occurrences, lastSeen: $0.lastSeen)
                }
            }
        } catch {
            await builder.uncheck("events of \(namespace)/\(pod)", error)
        }
    }

    private func readNode(_ name: String?, image: String, namespace: String, into builder: CaseFileBuilder) async {
        guard let name else {
            await builder.update { $0.unchecked.append(Unchecked(what: "node", why: "the pod is not scheduled yet")) }
            return
        }
        do {
            let node = try await reader.get(Node.self, name, in: nil)
            await builder.update {
                $0.node = NodeFacts(name: name, diskPressure: node.hasDiskPressure, operatingSystem: node.status?.nodeInfo?.operatingSystem,
                                    architecture: node.architecture, containerRuntime: node.status?.nodeInfo?.containerRuntimeVersion,
                                    kubeletVersion: node.status?.nodeInfo?.kubeletVersion)
            }
        } catch {
            await builder.uncheck("node \(name)", error)
        }
        // Other pods failing on this node (node-specific?) and on this image in the namespace (image-specific?).
        if let onNode = try? await reader.pods(onNode: name) {
            let failing = onNode.filter { PodFactsReader(pod: $0, wantedContainer: nil).failingImage != nil }
            await builder.update { $0.otherFailingPodsOnNode = max(0, failing.count - 1) }
        }
        if let inNamespace = try? await reader.pods(in: namespace) {
            let sameImage = inNamespace.values.filter {
                $0.spec?.nodeName != name && PodFactsReader(pod: $0, wantedContainer: nil).failingImage == image
            }
            await builder.update { $0.sameImageFailingOnOtherNodes = sameImage.count }
        }
    }
}

/// Lets exactly one of two racers resume the waiter.
final class DeadlineRace: Sendable {
    private let settled = Mutex(false)

    /// True for the first caller only.
    func settle() -> Bool {
        settled.withLock { done in
            defer { done = true }
            return !done
        }
    }
}

extension Lookup {
    init(_ error: KubeError) {
        switch error.reason {
        case .notFound: self = .notFound
        case .forbidden: self = .forbidden(hint: error.message)
        default: self = .failed(error.message)
        }
    }
}
