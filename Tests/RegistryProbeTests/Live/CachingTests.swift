import CurlClient
import Foundation
@testable import Registry
import Synchronization
import Testing

/// Collects observer records.
final class RecordingObserver: ProbeObserver {
    private let records = Mutex<[ProbeRecord]>([])

    func registryProbeFinished(_ record: ProbeRecord) {
        records.withLock { $0.append(record) }
    }

    var all: [ProbeRecord] { records.withLock { $0 } }
}

extension LiveRegistryTests {
    /// Caching, coalescing and the per-registry cap, counted by the fake registry itself.
    @Suite struct Caching {
        /// A repository name no other test uses, so the fake's counters are this test's alone.
        static func uniqueRepository(_ group: String) -> String {
            "\(group)/r\(UUID().uuidString.prefix(8).lowercased())"
        }

        @Test func concurrentIdenticalProbesShareOneRequest() async throws {
            let fixture = try #require(LiveFixture.current)
            let observer = RecordingObserver()
            let probe = fixture.makeProbe(observer: observer)
            let repository = Self.uniqueRepository("count")
            let image = "\(fixture.fakeHost("misc"))/\(repository):v1"
            let results = await withTaskGroup(of: ProbeResult.self) { group in
                for _ in 0..<8 { group.addTask { await probe.probe(ProbeRequest(image: image)) } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count == 8)
            #expect(results.allSatisfy { $0.outcome == .ok })
            #expect(results.filter { !$0.cached }.count == 1, "one probe ran, seven shared it")
            var requests = try await fixture.fakeStats("misc").requests
            #expect(requests["HEAD /v2/\(repository)/manifests/v1"] == 1)
            #expect(observer.all.count == 1)
            #expect(observer.all.first?.outcome == "ok")

            let again = await probe.probe(ProbeRequest(image: image))
            #expect(again.cached)
            requests = try await fixture.fakeStats("misc").requests
            #expect(requests["HEAD /v2/\(repository)/manifests/v1"] == 1, "a cache hit sends nothing")
            #expect(observer.all.count == 1, "a cache hit is not a probe")
        }

        @Test func resultsExpireAfterTheirTTL() async throws {
            let fixture = try #require(LiveFixture.current)
            let probe = fixture.makeProbe {
                $0.successTTL = .seconds(3)
                $0.failureTTL = .milliseconds(300)
            }
            let good = Self.uniqueRepository("quota")
            let goodImage = "\(fixture.fakeHost("misc"))/\(good):v1"
            _ = await probe.probe(ProbeRequest(image: goodImage))
            let missing = Self.uniqueRepository("nothing")
            let missingImage = "\(fixture.fakeHost("misc"))/\(missing):v1"
            let miss = await probe.probe(ProbeRequest(image: missingImage))
            #expect(miss.outcome == .repositoryNotFound, "\(miss.reason)")

            try await Task.sleep(for: .milliseconds(600))
            // The failure expired; the success has not.
            #expect(await probe.probe(ProbeRequest(image: missingImage)).cached == false)
            #expect(await probe.probe(ProbeRequest(image: goodImage)).cached == true)
            try await Task.sleep(for: .milliseconds(2600))
            #expect(await probe.probe(ProbeRequest(image: goodImage)).cached == false)

            let requests = try await fixture.fakeStats("misc").requests
            #expect(requests["HEAD /v2/\(good)/manifests/v1"] == 2)
            #expect(requests["HEAD /v2/\(missing)/manifests/v1"] == 2)
        }

        @Test func differentCredentialsAreDifferentProbes() async throws {
            let fixture = try #require(LiveFixture.current)
            let probe = fixture.makeProbe()
            let repository = Self.uniqueRepository("count")
            let image = "\(fixture.fakeHost("misc"))/\(repository):v1"
            let alice = RegistryCredentials(username: "alice", password: "one", source: .authField)
            let bob = RegistryCredentials(username: "alice", password: "two", source: .authField)
            for credentials in [alice, bob, alice, nil] {
                _ = await probe.probe(ProbeRequest(image: image, credentials: credentials))
            }
            let requests = try await fixture.fakeStats("misc").requests
            #expect(requests["HEAD /v2/\(repository)/manifests/v1"] == 3, "alice, bob and anonymous; alice again was cached")
        }

        @Test func atMostFourProbesPerRegistryAtOnce() async throws {
            let fixture = try #require(LiveFixture.current)
            let probe = fixture.makeProbe { $0.maxConcurrentPerRegistry = 4 }
            let images = (0..<10).map { "\(fixture.fakeHost("misc"))/\(Self.uniqueRepository("cap")):v\($0)" }
            let started = ContinuousClock.now
            let results = await withTaskGroup(of: ProbeResult.self) { group in
                for image in images { group.addTask { await probe.probe(ProbeRequest(image: image)) } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let elapsed = ContinuousClock.now - started
            #expect(results.allSatisfy { $0.outcome == .ok }, "\(results.map(\.reason))")
            let stats = try await fixture.fakeStats("misc")
            #expect(stats.maxConcurrentCap == 4, "10 probes of 0.4 s each, 4 at a time")
            #expect(elapsed >= .milliseconds(1150), "three rounds of 0.4 s (took \(elapsed))")
        }

        @Test func waitingForASlotIsBoundedByTheBudget() async throws {
            let fixture = try #require(LiveFixture.current)
            let probe = fixture.makeProbe { $0.maxConcurrentPerRegistry = 1 }
            let host = fixture.fakeHost("misc")
            async let slow = probe.probe(ProbeRequest(image: "\(host)/sleepy/one:v1", timeout: .seconds(2)))
            try await Task.sleep(for: .milliseconds(200))
            let waiting = await probe.probe(ProbeRequest(image: "\(host)/sleepy/two:v1", timeout: .milliseconds(500)))
            #expect(waiting.outcome == .timeout)
            #expect(waiting.reason.contains("no probe slot"), "\(waiting.reason)")
            #expect(waiting.steps.isEmpty)
            #expect(await slow.outcome == .timeout)
        }
    }
}
