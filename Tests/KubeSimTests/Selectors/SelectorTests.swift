import Testing
@testable import KubeSim

@Suite("Label and field selectors")
struct SelectorTests {
    static let labels = ["app": "web", "tier": "frontend", "replicas": "3", "empty": ""]

    @Test(
        "label selector grammar",
        arguments: [
            ("", true), ("app", true), ("!app", false), ("missing", false), ("!missing", true),
            ("app=web", true), ("app==web", true), ("app=api", false), ("app!=api", true), ("app!=web", false),
            ("missing!=x", true), ("tier in (frontend, backend)", true), ("tier in (backend)", false),
            ("missing in (a)", false), ("tier notin (backend)", true), ("tier notin (frontend)", false),
            ("missing notin (a)", true), ("replicas>2", true), ("replicas<2", false), ("app>2", false),
            ("app=web,tier=frontend", true), ("app=web, tier=backend", false), ("empty=", true), ("app in (web),!missing", true),
        ])
    func labelSelector(selector: String, selected: Bool) throws {
        #expect(try LabelSelector(parsing: selector).matches(Self.labels) == selected)
    }

    @Test("malformed label selectors are errors", arguments: ["app in (a", "=web", "app web", "replicas>x", "!"])
    func malformedLabelSelector(_ selector: String) {
        #expect(throws: SelectorError.self) { try LabelSelector(parsing: selector) }
    }

    @Test("field selectors compare fields, with escapes and !=")
    func fieldSelector() throws {
        let store = try TestFixtures.basicCluster().store
        func names(_ type: ResourceType, _ selector: String) throws -> [String] {
            let parsed = try FieldSelector(parsing: selector)
            return store.list(type).filter { parsed.matches($0, as: type) }.map(\.name)
        }
        #expect(try names(.pods, "status.phase=Running") == ["api-7c9d-ccccc"])
        #expect(try names(.pods, "status.phase!=Running,metadata.namespace=shop").count == 3)
        #expect(try names(.pods, "spec.nodeName=worker-1,metadata.name==web-5d8f-bbbbb") == ["web-5d8f-bbbbb"])
        #expect(try names(.events, "involvedObject.name=web-5d8f-aaaaa,involvedObject.kind=Pod,type=Warning").count == 1)
        #expect(try names(.events, "involvedObject.uid=71a15f82-3298-4dc7-a0d8-a34fe0c9b7d3").count == 2)
        #expect(try names(.events, "reason=BackOff,source=kubelet") == ["web-5d8f-bbbbb.267606cbb1d3e0f2"])
        #expect(try names(.secrets, "type=kubernetes.io/dockerconfigjson") == ["regcred"])
        #expect(try FieldSelector(parsing: #"metadata.name=a\,b\=c"#).terms == [.init(field: "metadata.name", value: "a,b=c", negated: false)])
    }

    @Test("fields the API server does not index are reported, per resource")
    func unsupportedFields() throws {
        #expect(try FieldSelector(parsing: "spec.foo=x").unsupportedField(for: .pods) == "spec.foo")
        #expect(try FieldSelector(parsing: "status.phase=Running").unsupportedField(for: .pods) == nil)
        #expect(try FieldSelector(parsing: "status.phase=Running").unsupportedField(for: .events) == "status.phase")
        #expect(try FieldSelector(parsing: "involvedObject.uid=x").unsupportedField(for: .events) == nil)
        // Nodes accept metadata.name and spec.unschedulable only, not metadata.namespace.
        #expect(try FieldSelector(parsing: "metadata.namespace=x").unsupportedField(for: .nodes) == "metadata.namespace")
        #expect(throws: SelectorError.self) { try FieldSelector(parsing: "novalue") }
    }
}
