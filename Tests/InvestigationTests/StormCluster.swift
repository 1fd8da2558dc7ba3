import Foundation

/// A generated cluster for storm tests: `deployments` Deployments spread over `namespaces`, each with one
/// ReplicaSet and `podsPerDeployment` pods failing to pull from a registry address where nothing listens.
/// The waiting message is containerd's real wording for a refused connection (source: the message corpus,
/// `Tests/Fixtures/messages/real-messages.yaml`, localhost:5000 entry from tilt-dev), with the host adapted.
struct StormCluster {
    let namespaces: Int
    let deployments: Int
    let podsPerDeployment: Int
    let nodes: Int
    /// Where images point: a port with nothing listening.
    let registry: String

    var podCount: Int { deployments * podsPerDeployment }

    func namespace(of deployment: Int) -> String { "team-\(deployment % namespaces)" }
    func podName(_ deployment: Int, _ index: Int) -> String { "app-\(deployment)-7d4b9c-\(String(index, radix: 36))" }
    func image(_ deployment: Int) -> String { "\(registry)/team/app-\(deployment):v\(deployment % 3 + 1)" }

    /// Alerts as Alertmanager groups them by workload: one payload per Deployment.
    func payloads(startsAt: String = "2026-11-21T19:35:30.308Z") -> [String] {
        (0..<deployments).map { d in
            let alerts = (0..<podsPerDeployment).map { p in
                #"{"status":"firing","labels":{"alertname":"KubeContainerWaiting","namespace":"\#(namespace(of: d))","pod":"\#(podName(d, p))","container":"app","reason":"ImagePullBackOff"},"annotations":{},"startsAt":"\#(startsAt)","endsAt":"0001-01-01T00:00:00Z","generatorURL":"","fingerprint":"\#(String(format: "%08x%08x", d, p))"}"#
            }
            return #"{"version":"4","status":"firing","receiver":"pulldoctor","groupKey":"{}:{namespace=\"\#(namespace(of: d))\"}","truncatedAlerts":0,"groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"","alerts":[\#(alerts.joined(separator: ","))]}"#
        }
    }

    /// The cluster as one `kind: List` in JSON (valid YAML; much faster to load than block YAML).
    func json() -> String {
        var items: [String] = []
        for n in 0..<namespaces {
            items.append(#"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-\#(n)"}}"#)
            items.append(#"{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"default","namespace":"team-\#(n)"}}"#)
        }
        for n in 0..<nodes {
            items.append(#"{"apiVersion":"v1","kind":"Node","metadata":{"name":"node-\#(n)","labels":{"kubernetes.io/arch":"amd64","kubernetes.io/os":"linux"}},"status":{"conditions":[{"type":"Ready","status":"True"},{"type":"DiskPressure","status":"False"}],"nodeInfo":{"architecture":"amd64","operatingSystem":"linux","containerRuntimeVersion":"containerd://1.7.22","kubeletVersion":"v1.29.8"}}}"#)
        }
        for d in 0..<deployments {
            let ns = namespace(of: d)
            let template = #"{"metadata":{"labels":{"app":"app-\#(d)"}},"spec":{"containers":[{"name":"app","image":"\#(image(d))"}]}}"#
            items.append(#"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"app-\#(d)","namespace":"\#(ns)","uid":"dep-\#(d)"},"spec":{"replicas":\#(podsPerDeployment),"selector":{"matchLabels":{"app":"app-\#(d)"}},"template":\#(template)}}"#)
            items.append(#"{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"app-\#(d)-7d4b9c","namespace":"\#(ns)","uid":"rs-\#(d)","ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"app-\#(d)","uid":"dep-\#(d)","controller":true}]},"spec":{"replicas":\#(podsPerDeployment),"selector":{"matchLabels":{"app":"app-\#(d)"}},"template":\#(template)}}"#)
            for p in 0..<podsPerDeployment {
                let name = podName(d, p)
                let message = #"Back-off pulling image \"\#(image(d))\": ErrImagePull: failed to pull and unpack image \"\#(image(d))\": failed to resolve reference \"\#(image(d))\": failed to do request: Head \"http://\#(registry)/v2/team/app-\#(d)/manifests/v\#(d % 3 + 1)\": dial tcp \#(registry): connect: connection refused"#
                items.append(#"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"\#(name)","namespace":"\#(ns)","uid":"pod-\#(d)-\#(p)","labels":{"app":"app-\#(d)"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"app-\#(d)-7d4b9c","uid":"rs-\#(d)","controller":true}]},"spec":{"nodeName":"node-\#((d + p) % nodes)","containers":[{"name":"app","image":"\#(image(d))","imagePullPolicy":"IfNotPresent"}]},"status":{"phase":"Pending","containerStatuses":[{"name":"app","image":"\#(image(d))","imageID":"","ready":false,"restartCount":0,"state":{"waiting":{"reason":"ImagePullBackOff","message":"\#(message)"}}}]}}"#)
            }
        }
        return #"{"apiVersion":"v1","kind":"List","items":["# + items.joined(separator: ",\n") + "]}"
    }
}
