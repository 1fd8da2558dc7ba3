import Foundation
import Testing
@testable import Notify

@Test func zzDump() throws {
    let n = try Samples.firing()
    let slack = SlackMessage(notification: n, rendered: MessageTemplates.slackDefaults().render(n))
    try Data(JSONCoding.encode(slack)).write(to: URL(fileURLWithPath: "/tmp/dev-notify/slack.json"))
    let teams = TeamsNotifier.body(for: n, rendered: MessageTemplates.teamsDefaults().render(n))!
    try Data(teams).write(to: URL(fileURLWithPath: "/tmp/dev-notify/teams.json"))
    try Data(JSONCoding.encode(EnrichedWebhookPayload(n))).write(to: URL(fileURLWithPath: "/tmp/dev-notify/webhook.json"))
    var r = n; r.status = .resolved
    print(MessageTemplates.slackDefaults().render(r))
}
