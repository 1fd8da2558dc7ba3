import Kube
import Testing

@Suite("RBACHint")
struct RBACHintTests {
    @Test("a namespaced resource: a Role, its binding to the service account, and the rule")
    func namespaced() {
        let hint = RBACHint(verb: "get", resource: KubeSecret.resource, namespace: "shop", user: "system:serviceaccount:pulldoctor:pulldoctor")
        #expect(hint.kubectlCommands == [
            "kubectl create role pulldoctor-read --verb=get,list --resource=secrets -n shop",
            "kubectl create rolebinding pulldoctor-read --role=pulldoctor-read --serviceaccount=pulldoctor:pulldoctor -n shop",
        ])
        #expect(hint.yamlRule == """
            - apiGroups: [""]
              resources: ["secrets"]
              verbs: ["get", "list"]
            """)
        #expect(hint.advice.contains("Role bound to it"))
    }

    @Test("a grouped resource names its group; nodes and all-namespace lists need a ClusterRole")
    func clusterWide() {
        let deployments = RBACHint(verb: "list", resource: Deployment.resource, namespace: nil, user: "system:serviceaccount:ops:pd")
        #expect(deployments.needsClusterRole)
        #expect(deployments.kubectlCommands.first == "kubectl create clusterrole pulldoctor-read --verb=get,list --resource=deployments.apps")
        #expect(deployments.kubectlCommands.last == "kubectl create clusterrolebinding pulldoctor-read --clusterrole=pulldoctor-read --serviceaccount=ops:pd")
        #expect(deployments.yamlRule.contains("apiGroups: [\"apps\"]"))
        let nodes = RBACHint(verb: "get", resource: Node.resource, namespace: nil, user: "alice")
        #expect(nodes.serviceAccount == nil)
        #expect(nodes.kubectlCommands == ["kubectl create clusterrole pulldoctor-read --verb=get,list --resource=nodes"])
    }
}
