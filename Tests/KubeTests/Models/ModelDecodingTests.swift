import CurlClient
import Foundation
import Kube
import Testing

@Suite("Read models decode kubectl-shaped JSON")
struct ModelDecodingTests {
    func decode<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
        try KubeTime.makeDecoder().decode(T.self, from: try TestFixtures.object(file))
    }

    @Test("a pod whose init container cannot pull")
    func pod() throws {
        let pod = try decode(Pod.self, "pod-init-container-pull-failure.json")
        #expect(pod.metadata.name == "accounts-api-gq9r5vqnhk-zf4rs")
        #expect(pod.metadata.namespace == "accounts")
        #expect(pod.metadata.controller?.kind == "ReplicaSet")
        #expect(pod.metadata.controller?.name == "accounts-api-gq9r5vqnhk")
        #expect(pod.spec?.initContainers?.map(\.name) == ["migrate"])
        #expect(pod.spec?.container(named: "migrate")?.image == "127.0.0.1:5000/accounts/migrate:1.9.9")
        #expect(pod.spec?.container(named: "migrate")?.imagePullPolicy == "IfNotPresent")
        #expect(pod.spec?.effectiveServiceAccountName == "default")
        #expect(pod.spec?.nodeName == "crio-worker-1")
        #expect(pod.status?.phase == "Pending")
        let migrate = try #require(pod.containerStatus(named: "migrate"))
        #expect(migrate.waitingReason == "ImagePullBackOff")
        #expect(migrate.state?.waiting?.message == "Back-off pulling image \"127.0.0.1:5000/accounts/migrate:1.9.9\"")
        #expect(migrate.imageID == "")
        #expect(migrate.ready == false)
        #expect(migrate.restartCount == 0)
        #expect(pod.containerStatus(named: "api")?.waitingReason == "PodInitializing")
        let initialized = pod.status?.conditions?.first { $0.type == "Initialized" }
        #expect(initialized?.isTrue == false)
        #expect(initialized?.reason == "ContainersNotInitialized")
        #expect(initialized?.lastTransitionTime == KubeTime.parse("2026-11-21T22:01:32Z"))
    }

    @Test("a core/v1 event list: kubelet events, the scheduler's events/v1 event with null timestamps")
    func eventList() throws {
        let list = try decode(KubeList<Event>.self, "eventlist-rbac-forbids-secrets.json")
        #expect(list.items.count == 6)
        #expect(list.metadata.resourceVersion == "477500")
        #expect(list.metadata.nextPageToken == nil)
        let scheduled = try #require(list.items.first { $0.reason == "Scheduled" })
        #expect(scheduled.firstTimestamp == nil)
        #expect(scheduled.count == nil)
        #expect(scheduled.eventTime == KubeTime.parse("2026-11-21T07:49:50.928833Z"))
        #expect(scheduled.reporter == "default-scheduler")
        #expect(scheduled.occurrences == 1)
        #expect(scheduled.lastSeen == scheduled.eventTime)
        let failed = try #require(list.items.first { $0.reason == "Failed" && $0.message?.contains("401 Unauthorized") == true })
        #expect(failed.type == "Warning")
        #expect(failed.count == 6)
        #expect(failed.source?.component == "kubelet")
        #expect(failed.source?.host == "worker-2")
        #expect(failed.involvedObject?.containerName == "cart")
        #expect(failed.lastSeen == KubeTime.parse("2026-11-21T07:57:51Z"))
    }

    @Test("an events/v1-style event with series and an unknown field")
    func eventSeries() throws {
        let event = try decode(Event.self, "event-series.json")
        #expect(event.series?.count == 12)
        #expect(event.occurrences == 12)
        #expect(event.lastSeen == KubeTime.parse("2026-11-21T08:05:30.25Z"))
        #expect(event.involvedObject?.containerName == "migrate")
        #expect(event.source?.component == nil)
        #expect(event.reporter == "kubelet")
    }

    @Test("the owner chain: Deployment and its ReplicaSet")
    func deploymentAndReplicaSet() throws {
        let deployment = try decode(Deployment.self, "deployment-cart.json")
        #expect(deployment.metadata.name == "cart")
        #expect(deployment.spec?.template?.spec?.containers?.first?.image == "127.0.0.1:5001/shop/cart:4.0.0")
        #expect(deployment.spec?.template?.spec?.imagePullSecrets == [LocalObjectReference(name: "shop-registry")])
        #expect(deployment.status?.unavailableReplicas == 1)
        #expect(deployment.status?.conditions?.first { $0.type == "Available" }?.isTrue == false)
        let replicaSet = try decode(ReplicaSet.self, "replicaset-cart.json")
        #expect(replicaSet.metadata.controller?.kind == "Deployment")
        #expect(replicaSet.metadata.controller?.uid == deployment.metadata.uid)
        #expect(replicaSet.spec?.selector?.queryString == "app=cart,pod-template-hash=4vlk6mwpmc")
    }

    @Test("StatefulSet, CronJob and Job")
    func otherWorkloads() throws {
        let statefulSet = try decode(StatefulSet.self, "statefulset.json")
        #expect(statefulSet.spec?.template?.spec?.containers?.isEmpty == false)
        let cronJob = try decode(CronJob.self, "cronjob.json")
        let job = try decode(Job.self, "job.json")
        #expect(job.metadata.controller?.kind == "CronJob")
        #expect(job.metadata.controller?.name == cronJob.metadata.name)
        #expect(cronJob.spec?.schedule?.isEmpty == false)
        #expect(cronJob.spec?.podTemplate?.spec?.containers?.first?.image == job.spec?.template?.spec?.containers?.first?.image)
    }

    @Test("a DaemonSet with set-based selector requirements")
    func daemonSet() throws {
        let daemonSet = try decode(DaemonSet.self, "daemonset-node-agent.json")
        #expect(daemonSet.spec?.template?.spec?.effectiveServiceAccountName == "node-agent")
        #expect(daemonSet.status?.numberUnavailable == 1)
        #expect(daemonSet.spec?.selector?.queryString == "app.kubernetes.io/name=node-agent,tier in (node,edge),!canary")
    }

    @Test("a node under disk pressure")
    func node() throws {
        let node = try decode(Node.self, "node-disk-pressure.json")
        #expect(node.hasDiskPressure)
        #expect(node.status?.nodeInfo?.containerRuntimeVersion == "docker://20.10.24")
        #expect(node.status?.nodeInfo?.kubeletVersion == "v1.23.17")
        #expect(node.architecture == "amd64")
        #expect(node.status?.nodeInfo?.operatingSystem == "linux")
        #expect(node.status?.capacity?["ephemeral-storage"] != nil)
        #expect(node.status?.allocatable?["pods"] != nil)
        #expect(node.spec?.taints?.contains { $0.key == "node.kubernetes.io/disk-pressure" } == true)
    }

    @Test("a service account with pull secrets")
    func serviceAccount() throws {
        let account = try decode(ServiceAccount.self, "serviceaccount-with-pull-secret.json")
        #expect(account.metadata.name == "orders-app")
        #expect(account.imagePullSecrets?.map(\.name) == ["orders-registry"])
    }

    @Test("a minimal object: everything but metadata may be absent")
    func minimal() throws {
        let pod = try KubeTime.makeDecoder().decode(Pod.self, from: Data(#"{"metadata":{"name":"p"},"status":{}}"#.utf8))
        #expect(pod.metadata.name == "p")
        #expect(pod.spec == nil)
        #expect(pod.status?.allContainerStatuses.isEmpty == true)
        let list = try KubeTime.makeDecoder().decode(KubeList<Pod>.self, from: Data(#"{"kind":"PodList","metadata":{},"items":null}"#.utf8))
        #expect(list.items.isEmpty)
    }
}
